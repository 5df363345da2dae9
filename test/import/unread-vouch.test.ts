/**
 * unread-vouch.ts: the figures printed after unread rows' labels vouch for a table's placements only
 * when they fit the column sums the rules name for those rows in exactly one way.
 */
import { describe, expect, it } from 'vitest';
import { unreadRowsVouch } from '../../main/import/text/unread-vouch';

describe('unread rows vouching for the column sums', () => {
  it('one unread row whose figures fit the named sums in one way vouches', () => {
    expect(unreadRowsVouch([3, 0, 0, 0, 0, 2, 5], [[3, 2, 5]])).toBe(true);
    // Printed with its zeros: the same row.
    expect(unreadRowsVouch([214, 12, 0, 1, 0, 9, 236], [[214, 12, 1, 9, 236]])).toBe(true);
  });

  it('a figure one column over elsewhere leaves a sum the unread row cannot make', () => {
    // The read rows' 2 moved from 其他 to 法律服务机构: the unread row would need −2 there.
    expect(unreadRowsVouch([3, 0, 0, 0, -2, 4, 5], [[3, 2, 5]])).toBe(false);
    // …or a figure it does not print.
    expect(unreadRowsVouch([3, 0, 0, 0, 1, 1, 5], [[3, 2, 5]])).toBe(false);
  });

  it('two ways to fit are no answer, and neither are rows that do not keep their own totals', () => {
    expect(unreadRowsVouch([1, 1, 0, 0, 0, 0, 2], [[1, 1], [1, 1]])).toBe(false);
    expect(unreadRowsVouch([3, 0, 0, 0, 0, 2, 6], [[3, 2, 6]])).toBe(false);
    expect(unreadRowsVouch([0, 0, 0, 0, 0, 0, 0], [[]])).toBe(false);
  });

  it('two unread rows whose figures fit in one way vouch together', () => {
    expect(unreadRowsVouch([5, 7, 0, 0, 0, 0, 12], [[5, 5], [7, 7]])).toBe(true);
  });
});

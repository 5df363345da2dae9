/**
 * Rows of Table 三 read on the least evidence of their places (a row printing no figure taken as
 * blanks, rows under stacked header words trusted because they stand over every figure, columns
 * measured on a page's figures alone, figures alone between a wrapped label's lines) are kept
 * only where a rule tying them to other rows can be checked (issue 18: the rules confirm every
 * placement). A row's own sum (T3-3) holds in any column, so a figure one column over shows only in
 * a column sum: T3-2 for the outcome rows and （七）总计, T3-1 for 一、二、（七）、四. A rule with a
 * row that has no reading confirms nothing; the rows only it would have confirmed are not kept
 * (else the rules would fill the unread rows from a misplaced figure: inferUnread); the table is
 * then read without such rows (requests.ts).
 */
import type { FormatDef } from '../../../report/formats/model';
import type { Resolution } from './solve';

/** `vouched`: unread rows whose own printed figures fit what the rules name for them (unread-vouch.ts). */
export function unconfirmed(def: FormatDef, res: Resolution, weak: ReadonlySet<string>, vouched: ReadonlySet<string> = new Set()): Set<string> {
  const rows = def.requests.rows;
  const total = rows.find((r) => r.total)!.key;
  const read = (key: string) => !!res.picks.get(key) || vouched.has(key);
  const t32 = [...rows.filter((r) => r.group && !r.total).map((r) => r.key), total];
  const t31 = ['newReceived', 'carriedOver', total, 'carriedForward'];
  const checked = [t32, t31].filter((rule) => rule.every(read));
  return new Set([...weak].filter((key) => !checked.some((rule) => rule.includes(key))));
}

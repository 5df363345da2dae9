/**
 * Table 四's data row with its blank cells dropped (appeal-groups.ts): the figures cut into groups
 * every way that keeps each group's 总计 the sum of its outcomes; what every cut agrees on is read.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPublished } from '../../main/import/text';
import { agreedCells, groupReadings } from '../../main/import/text/appeal-groups';
import { loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';

describe('groupReadings / agreedCells (pure)', () => {
  it('three groups each printing figures: the cut is forced, each group’s 总计 read, its outcomes open', () => {
    const agreed = agreedCells([9, 2, 3, 14, 5, 1, 2, 8, 1, 1, 2], 3, 5)!;
    expect([agreed[4], agreed[9], agreed[14]]).toEqual([14, 8, 2]);
    expect(agreed.filter((v) => v !== null)).toHaveLength(3);
    // Every reading keeps each group's sum and the printed order.
    for (const r of groupReadings([9, 2, 3, 14, 5, 1, 2, 8, 1, 1, 2], 3, 5)!)
      for (let g = 0; g < 3; g++) expect(r.slice(g * 5, g * 5 + 4).reduce((s, x) => s + x, 0)).toBe(r[g * 5 + 4]);
  });

  it('two groups printed, which two not told: nothing agreed; all five of a group printed: its cells read where the cut is forced', () => {
    expect(agreedCells([3, 5, 8, 9, 8, 7, 24], 3, 5)!.every((v) => v === null)).toBe(true);
    const full = agreedCells([1, 2, 3, 4, 10, 5, 5, 1, 1, 2], 3, 5)!;
    expect(full.slice(0, 5)).toEqual([1, 2, 3, 4, 10]);
  });

  it('figures no cut into groups explains: no reading', () => {
    expect(agreedCells([1, 2, 4], 3, 5)).toBeNull();
    expect(agreedCells([7], 3, 5)).toBeNull();
  });
});

describe('Table 四 of a PDF-viewer text with blank cells dropped', () => {
  it('each group’s 总计 read where the cut is forced, the outcomes flagged; nothing wrong', async () => {
    const want = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    want.appeals = { review: [9, 2, 0, 3, 14], litigationDirect: [5, 1, 0, 2, 8], litigationAfterReview: [0, 0, 1, 1, 2] } as typeof want.appeals;
    // The TAB copy with Table 四's data row as a PDF viewer leaves it: the figures only, one space apart.
    const text = renderReport(want, 'tabs').replace(/^9\t2\t0\t3\t14\t5\t1\t0\t2\t8\t0\t0\t1\t1\t2$/m, '9 2 3 14 5 1 2 8 1 1 2');
    expect(text).toContain('9 2 3 14 5 1 2 8 1 1 2');
    const r = readPublished(text, 'text');
    expect(unflaggedWrong(r, want).filter((c) => c.startsWith('appeals'))).toEqual([]);
    const read = Object.keys(want.appeals).flatMap((k) => [0, 1, 2, 3, 4].map((i) => `appeals.${k}.${i}`)).filter((p) => !r.uncertain.includes(p as never));
    expect(read).toEqual(['appeals.review.4', 'appeals.litigationDirect.4', 'appeals.litigationAfterReview.4']);
    expect(r.report.appeals.review?.[4]).toBe(14);
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-CELLS' && f.message.startsWith('表四'))).toBe(true);
  });
});

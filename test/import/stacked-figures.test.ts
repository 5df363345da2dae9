/**
 * A figure too wide for its cell wraps in pdftotext -layout text, its last digits on a line of
 * their own (holdout-fresh, fresh-city-big-2025's 「3.要求提供公开出版物」: 1208 under 其他 and 总计).
 * Read as printed on the label's line, the row kept its own sum with 120 and 120 (a landscape page in
 * full-width figures) or 8 and 8 (a Word table with narrow figure columns, 「120 120」 above the label
 * line and 「8 8」 below): 2 cells wrong each, nothing flagged. Now the row and its neighbour are flagged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('figures wrapped onto a line of their own', () => {
  // The Word table's 「120 120」 over 「8 8」 with the row's one-line cells between is joined now
  // (wrapped-layout.ts: see wrapped-layout.test.ts); the full-width page's stays flagged.
  for (const file of ['fresh-city-big-2025.site-full-width.landscape.pdftotext-layout.txt'])
    it(`${file}: 1208 is not read as 120 or 8 without a flag`, () => {
      const want = loadReport(join(TEXTS, 'fresh-city-big-2025.json'));
      const r = importText(readFileSync(join(TEXTS, file), 'utf8'));
      // The Word-like document prints 「本年度未发生…行政复议、行政诉讼」 in place of Table 四: read as 0, as it says.
      expect(unflaggedWrong(r, want).filter((c) => !(file.includes('word-like') && c.startsWith('appeals.')))).toEqual([]);
      expect(r.uncertain).toContain('requests.notProcessedPublication.5');
      expect(r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && /折行/.test(f.message))).toBe(true);
    });
});

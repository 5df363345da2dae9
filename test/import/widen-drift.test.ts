/**
 * WRONG cells the widened holdout corpus (test/import/holdout/make-widen.ts) found in plain text and
 * in Table 二, each from the input that showed it:
 * - pdftotext's plain text of a landscape Chromium PDF (site-jian) and of a Calc PDF of our .xlsx:
 *   figures centred against wrapped labels drift off them — one row holds two rows' figures, the
 *   next reads its successor's (「1.本机关不掌握相关政府信息」 read 0 2082 0 1156 0 0 3238, the
 *   figures of 「2.没有现成信息需要另行制作」; 「3.其他」 read （七）总计's): flagged (drift.ts);
 * - Table 二 of a page writing blank cells as empty `<td>`: the PDF reader's row 「| 行政规范性文件 | 1 | 14 |」
 *   was cut into 1, 1, 4 (本年废止 1 for 0, 现行有效 4 for 14), and pdftotext -layout's lone 「847」
 *   under 本年增/减 into 8, 4, 7: Table 二 has no rule to confirm a cut, so a figure is not cut.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driftedRows } from '../../main/import/text/drift';
import { readPublished } from '../../main/import/text';
import type { RowRead } from '../../main/import/text/rows';
import { loadReport, SHARED, unflaggedWrong } from './helpers';
import { RANDOM_SPECS, randomReport } from './holdout/random-reports';

const FIX = join(import.meta.dirname, '../fixtures/text');
const read = (file: string, source: 'text' | 'pdf' = 'text') => readPublished(readFileSync(join(FIX, file), 'utf8'), source);
const randCity2024 = randomReport(RANDOM_SPECS.find((s) => s.name === 'rand-city-2024')!);

describe('figures drifting off their labels (pdftotext plain text)', () => {
  it('site page with 「N件」, landscape PDF: the row between two rows\' figures and an empty row is flagged, nothing wrong', () => {
    const r = read('rand-city-2024.site-jian.pdftotext.txt');
    expect(unflaggedWrong(r, randCity2024)).toEqual([]);
    expect(r.uncertain).toEqual(expect.arrayContaining([0, 1, 2, 3, 4, 5, 6].map((c) => `requests.unavailableNotHeld.${c}`)));
    expect(r.findings.find((f) => f.rule === 'IMPORT-DRIFT')?.message).toContain('1.本机关不掌握相关政府信息');
  });

  it('Calc PDF of our .xlsx: 「3.其他」 between a row of 14 figures and the unfound （七）总计 is flagged', () => {
    const r = read('rand-city-2024.calc.pdftotext.txt');
    expect(unflaggedWrong(r, randCity2024)).toEqual([]);
    expect(r.uncertain).toContain('requests.otherOther.6');
  });

  it('-layout text of a Word table writing 「—」 for zero: 「8.属于行政查询事/项」 wrapped around its 「—」 row does not take the next row\'s figures', () => {
    const want = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    const r = read('qingshi-2024.word-like-dash-zeros.pdftotext-layout.txt');
    // The Word-like file prints Table 三 only.
    expect(unflaggedWrong(r, want).filter((c) => c.startsWith('requests.'))).toEqual([]);
    // Every cell is printed, a 「—」 for each 0: the 175 marks and figures in order fill Table 三 and keep
    // its rules (count-fit.ts cellTokens), so the wrapped row is read, not just flagged.
    expect(r.uncertain.filter((c) => c.startsWith('requests.'))).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-COUNT-FIT' && /175个数字/.test(f.message))).toBe(true);
  });

  const row = (id: string, raw: string, hit = true): RowRead =>
    ({ spec: { id, labels: [id], width: 7, typeOk: () => true, check: () => true }, hit: hit ? { start: 0, end: 0, form: 0, partial: false } : null, candidates: [], raw, tooMany: false, segment: raw }) as RowRead;
  const seven = '1 2 3 4 5 6 21';

  it('the rows between a surplus and a gap, within a few rows, in running text', () => {
    expect([...driftedRows([row('a', `${seven} ${seven}`), row('b', seven), row('c', '')])]).toEqual(['b']);
    // The gap before the surplus: figures drifted down.
    expect([...driftedRows([row('a', ''), row('b', seven), row('c', seven), row('d', `${seven} ${seven}`)])]).toEqual(['c', 'b']);
    // Next to a found row with none: two rows' figures to split by their totals (shared-runs.ts), not drift.
    expect([...driftedRows([row('a', `${seven} ${seven}`), row('b', '')])]).toEqual([]);
    // Marks for zero are cells too: 「— — … 」 and the next row's figures are two rows, the next label not found.
    expect([...driftedRows([row('a', '— — — — — — — 1 — — — — 1 2'), row('b', '', false)])]).toEqual(['a']);
    // No gap near: nothing to say which row drifted.
    expect([...driftedRows([row('a', `${seven} ${seven}`), ...'bcdef'.split('').map((id) => row(id, seven)), row('g', '')])]).toEqual([]);
    // A grid row keeps its cells.
    expect([...driftedRows([row('a', `| ${seven.replace(/ /g, ' | ')} | ${seven.replace(/ /g, ' | ')} |`), row('b', seven), row('c', '')])]).toEqual([]);
  });
});

describe('Table 二 with blank cells: a figure is never cut to fill them', () => {
  it('the PDF reader\'s 「| 行政规范性文件 | 1 | 14 |」 (本年废止 blank): flagged, not 1, 1, 4', () => {
    const want = loadReport(join(SHARED, 'reports/qingshi-2023.json'));
    const r = read('qingshi-2023.site-empty-td.pdf-reader.txt', 'pdf');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('active.normativeDocs.inForce');
    // The rows with every cell printed are still read.
    expect(r.uncertain).not.toContain('active.licensing.decisions');
  });

  it('pdftotext -layout\'s lone 「847」 under 本年增/减: flagged, not 8, 4, 7', () => {
    const want = loadReport(join(FIX, 'rand-city-2019.json'));
    const r = read('rand-city-2019.site-empty-td.pdftotext-layout.txt');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('active.otherServices.change');
  });

  it('a crawler\'s glued 「000」 (no figure has leading zeros) is still three zeros', () => {
    const r = read('qingshi-2024.crawler-glued.txt');
    expect(r.report.active.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(r.uncertain).not.toContain('active.rules.issued');
  });
});

/**
 * Table 三 through pdftotext plain/-raw of a Chromium PDF whose blank cells print nothing: only the
 * 总计 column and the rows with no figure have one answer, and only where no run of rows' figures
 * could as well belong one row down or up (a wrapped label's figures come out before it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { loadReport, SHARED, expected, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
const qingshi = () => loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const sure = (r: { uncertain: readonly string[] }, p: string) => !r.uncertain.includes(p);

describe('PDF-viewer text that dropped the blank cells', () => {
  it('qingshi plain: totals of rows whose figures follow their label, and empty rows nothing can reach, are read', () => {
    const r = importText(text('qingshi-2024.nbsp.chromium.pdftotext.txt'));
    expect(unflaggedWrong(r, qingshi())).toEqual([]);
    expect(sure(r, 'requests.newReceived.6') && r.report.requests.newReceived![6]).toBe(9);
    expect(sure(r, 'requests.resultTotal.6') && r.report.requests.resultTotal![6]).toBe(10);
    expect(sure(r, 'requests.deniedStateSecret.3')).toBe(true);
    // Which column 7 of 一's 「7 1 1 9」 stands in is not in the text.
    expect(r.uncertain).toContain('requests.newReceived.0');
    // 「1 1」 printed after 3.危及“三安全一稳定” is 4.保护第三方合法权益's: both rows fit the rules, both are flagged.
    expect(r.uncertain).toContain('requests.deniedSafetyStability.6');
    expect(r.uncertain).toContain('requests.deniedThirdParty.6');
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-CELLS' && f.severity === 'error')).toBe(true);
  });

  it('pingtan -raw: nothing wrong, the 总计 column read', () => {
    const r = importText(text('pingtan-2022.nbsp.chromium.pdftotext-raw.txt'));
    expect(unflaggedWrong(r, expected('pingtan-2022'))).toEqual([]);
    expect(sure(r, 'requests.resultTotal.6') && r.report.requests.resultTotal![6]).toBe(75);
  });

  it('a row whose figures are lost breaks the 总计 column: nothing read that way', () => {
    const lost = text('qingshi-2024.nbsp.chromium.pdftotext.txt').replace(/（一）予以公开\n4\n1\n5\n/, '（一）予以公开\n');
    expect(lost).not.toBe(text('qingshi-2024.nbsp.chromium.pdftotext.txt'));
    const r = importText(lost);
    expect(unflaggedWrong(r, qingshi()).filter((d) => !d.startsWith('requests.granted.'))).toEqual([]);
    expect(r.uncertain).toContain('requests.newReceived.6');
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-CELLS')).toBe(false);
  });

  it('a label not found counts as a row printing nothing: read when the 总计 column still holds, refused when its figures land in a neighbour', () => {
    const base = text('qingshi-2024.nbsp.chromium.pdftotext.txt');
    const zeroRowGone = importText(base.replace('1.属于国家秘密', ''));
    expect(unflaggedWrong(zeroRowGone, qingshi())).toEqual([]);
    expect(sure(zeroRowGone, 'requests.resultTotal.6') && zeroRowGone.report.requests.resultTotal![6]).toBe(10);
    // （一）予以公开's 「4 1 5」 then follow 二、上年结转's 「1 1」: 1 + 1 + 4 + 1 ≠ 5, nothing read this way.
    const figuresMoved = importText(base.replace('（一）予以公开\n', ''));
    expect(unflaggedWrong(figuresMoved, qingshi()).filter((d) => !d.startsWith('requests.granted.'))).toEqual([]);
    expect(figuresMoved.findings.some((f) => f.rule === 'IMPORT-BLANK-CELLS')).toBe(false);
  });
});

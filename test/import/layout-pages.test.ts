/**
 * Table 三 in `pdftotext -layout` text with blank cells as spaces (issue 18 §2), printed the ways
 * the holdout makes (test/import/holdout/make.ts; fixtures kept in test/fixtures/text, README):
 * rows printing no figure at all, stacked header words that do stand over their figures (both kept
 * only where a rule can check them), a header word broken one character per line, and a stacked
 * header whose lines' order is not its columns'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { layoutHeaders } from '../../main/import/text/layout-headers';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { expected, loadReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
type Read = { report: Report; uncertain: readonly string[] };
const requestsRight = (r: Read, want: Report) =>
  layoutOf(want.format).cells.filter((c) => c.path.startsWith('requests.') && !r.uncertain.includes(c.path) && getCell(r.report, c.path) === getCell(want, c.path)).length;
/** Cells placed right, flagged or not (a page with a row left unread flags what it places: no column sum checks it). */
const requestsPlaced = (r: Read, want: Report) =>
  layoutOf(want.format).cells.filter((c) => c.path.startsWith('requests.') && getCell(r.report, c.path) === getCell(want, c.path)).length;
const rowFlagged = (r: Read, key: string) => r.uncertain.some((p) => p.startsWith(`requests.${key}.`));

describe('pdftotext -layout: rows with no figure, headers printed over several lines', () => {
  it('a row printing no figure is all blanks when every other row under its header sits on its own label line', () => {
    const want = loadReport(join(SHARED, 'reports/qingshi-2023.json'));
    const r = importText(text('qingshi-2023.nbsp.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // Was 88 of 175: the blank rows were left unread.
    expect(requestsRight(r, want)).toBe(175);
  });

  it('blank rows and rows under header words alone are kept only where a rule can check them', () => {
    const want = loadReport(join(SHARED, 'reports/qingshi-2023.json'));
    // The print dialog's copy: page 2 prints only （七）总计 and 四 under its repeated header, too few
    // rows to place them by its words; it takes page 1's places (transferred), so T3-1/T3-2 check
    // every row. Was 114 of 175 (page 2 unread, no rule to confirm page 1's blank rows).
    const t = text('qingshi-2023.nbsp.chromium-print.pdftotext-layout.txt');
    const r = importText(t);
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(requestsRight(r, want)).toBe(175);
    // 一、's 「1」 one column over (科研机构 for 商业企业) is not read silently.
    const moved = t.replace(/(一、本年新收政府信息公开申请数量 +5  )1    /, '$1    1');
    expect(moved).not.toBe(t);
    const m = importText(moved);
    expect(unflaggedWrong(m, want).filter((d) => d.startsWith('requests.newReceived'))).toEqual([]);
  });

  it('figures pushed below the next labels (「2.没有现成…」「3.补正后…」 then 459, 1068): no row there is taken as blank', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    const r = importText(text('rand-city-2019.nbsp.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(rowFlagged(r, 'unavailableNeedsCreation')).toBe(true);
  });

  it('stacked header words within a character of every figure read the rows (cells as paragraphs)', () => {
    const want = expected('pingtan-2022');
    const r = importText(text('pingtan-2022.nbsp-paragraphs.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // Was 69 of 175.
    expect(requestsRight(r, want)).toBeGreaterThanOrEqual(160);
  });

  it('stacked header words two characters off their figures are not trusted (one column off would keep every rule)', () => {
    const want = loadReport(join(TEXTS, 'rand-township-2024.json'));
    const r = importText(text('rand-township-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // 「1」 at 44.5 under 社会公益组织 (its word at 41, 法律服务 at 46).
    expect(rowFlagged(r, 'carriedOver')).toBe(true);
  });

  it('「其」 over 「他」: a two-character column word broken over two lines still names its column', () => {
    const labels = getFormat('gov-2021').requests.columns.map((c) => c.label);
    const header = '自然 商业 科研             法律服 其 总计\n人 企业 机构 社会公    益组织 务机构 他\n';
    const [h] = layoutHeaders(header, 0, header.length, labels);
    expect(h?.centers).toHaveLength(7);
    expect(h!.centers[5]).toBe(header.indexOf('其') + 0.5);
    // 「其」 with nothing below it is not the column.
    expect(layoutHeaders(header.replace('他', ' '), 0, header.length, labels)).toEqual([]);
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    const r = importText(text('rand-city-2019.nbsp.chromium-zoom.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(requestsPlaced(r, want)).toBeGreaterThanOrEqual(120);
  });

  it('a header stacked so that its lines name 自然人 其他 总计 before 商业企业: the columns are in standard order by their places', () => {
    const want = loadReport(join(TEXTS, 'lanxi-2024.json'));
    const r = importText(text('lanxi-2024.nbsp.chromium-60.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'IMPORT-COLUMNS')).toEqual([]);
    expect(requestsRight(r, want)).toBeGreaterThanOrEqual(14);
  });
});

/**
 * Figures wrapped inside their cells (holdout-widen: full-width 「１１０４７」 in a landscape page,
 * Word's 1 cm figure columns): 「110」 over 「47」 with the row's one-line cells between. Positions as
 * pdf.js gives them for rand-city-2022.site-full-width.landscape.pdf (10.5 pt, lines 7.5 pt apart).
 * Before the join the row was three lines of stray figures and the whole Table 三 was flagged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfItem, PdfPage } from '../../main/import/pdf/extract';
import { lineText, pageLines } from '../../main/import/pdf/lines';
import { loadReport } from './helpers';
import { tallyOne } from './tally';

const PDF = join(import.meta.dirname, '../fixtures/pdf');

const item = (str: string, x: number, y: number, width = str.length * 10.5): PdfItem => ({ str, x, y, width, size: 10.5 });
const page = (items: PdfItem[]): PdfPage => ({ width: 842, height: 595, items });

/** Row 一 of Table 三: 自然人 11047, 其他 9082 and 总计 45325 wrapped; the middle four on one line. */
const rowOne = (totalBottom: string) => [
  item('110', 377, 191.7, 31), item('908', 639, 191.7, 31), item('453', 681, 191.7, 31),
  item('一、本年新收政府信息公开申请数量', 127, 184.2, 168),
  item('3815', 419, 184.2, 42), item('6596', 468, 184.2, 42), item('8505', 523, 184.2, 42), item('6280', 584, 184.2, 42),
  item('47', 382, 176.7, 21), item('2', 649, 176.7, 11), item(totalBottom, 686, 176.7, 21),
];

describe('figures wrapped inside their cells', () => {
  it('joins the halves of each wrapped figure onto the row’s line, beside its label', () => {
    const lines = pageLines(page(rowOne('25')), 0).map(lineText);
    expect(lines).toEqual(['一、本年新收政府信息公开申请数量 11047 3815 6596 8505 6280 9082 45325']);
  });

  it('keeps the words of a label wrapped beside the halves (（二）部分公开 over two lines)', () => {
    const lines = pageLines(page([
      item('（二）部分公开（区分处理的，只计这一情', 151, 106.9, 200), item('100', 681, 106.9, 31),
      item('0', 388, 99.4, 11), item('0', 434, 99.4, 11), item('616', 473, 99.4, 31), item('0', 539, 99.4, 11), item('385', 589, 99.4, 31), item('0', 649, 99.4, 11),
      item('形，不计其他情形）', 151, 91.9, 94), item('1', 691, 91.9, 11),
    ]), 0).map(lineText);
    expect(lines).toEqual(['（二）部分公开（区分处理的，只计这一情', '0 0 616 0 385 0 1001', '形，不计其他情形）']);
  });

  it('joins nothing when the joined row would not add up (no reading the row’s rule confirms)', () => {
    const lines = pageLines(page(rowOne('26')), 0).map(lineText);
    expect(lines).toEqual(['110 908 453', '一、本年新收政府信息公开申请数量 3815 6596 8505 6280', '47 2 26']);
  });

  it('drops the 「件」 a narrow cell wrapped under its figure and joins the raised figures to their row', () => {
    const jian = (total: string) => pageLines(page([
      item('9082', 643, 191.7, 23), item(total, 682, 191.7, 29),
      item('一、本年新收政府信息公开申请数量', 127, 184.2, 168),
      item('11047', 374, 184.2, 38), item('3815', 423, 184.2, 33), item('6596', 472, 184.2, 34), item('8505', 527, 184.2, 34), item('6280', 588, 184.2, 34),
      item('件', 649, 176.7, 11), item('件', 691, 176.7, 11),
    ]), 0).map(lineText);
    expect(jian('45325')).toEqual(['一、本年新收政府信息公开申请数量 11047 3815 6596 8505 6280 9082 45325']);
    // A total the row does not make: the raised figures stay apart (the row is flagged downstream).
    expect(jian('45326')).toEqual(['9082 45326', '一、本年新收政府信息公开申请数量 11047 3815 6596 8505 6280']);
  });

  it('raises a figure printed beside a wrapped label’s first line, its 「件」 beside the label’s last', () => {
    const lines = pageLines(page([
      item('（二）部分公开（区分处理的，只计这一情', 151, 134.7, 200), item('1402', 643, 134.7, 22),
      item('55', 382, 127.2, 22), item('0', 431, 127.2, 16), item('0', 480, 127.2, 16), item('0', 536, 127.2, 16), item('0', 597, 127.2, 16), item('1457', 680, 127.2, 33),
      item('形，不计其他情形）', 151, 119.7, 94), item('件', 649, 119.7, 11),
    ]), 0).map(lineText);
    expect(lines).toEqual(['（二）部分公开（区分处理的，只计这一情', '55 0 0 0 0 1402 1457', '形，不计其他情形）']);
  });

  // holdout-fresh (fresh-county-identical-2020): every result row prints the same figures. Two rows one
  // line apart looked like one row's wrapped halves, and 「1 … 6」 over 「1 … 6」 joined into 「11 … 66」
  // keeps every rule (T3-3 in the row, T3-1 down the column): 105 cells read wrong, none flagged.
  it('never joins two rows that each begin with their own label, however alike their figures', () => {
    const row = (label: string, y: number) => [item(label, 120, y, 150), ...[0, 1, 2, 3, 4, 5].map((c) => item('1', 380 + c * 45, y, 5.8)), item('6', 660, y, 5.8)];
    const lines = pageLines(page([...row('1.属于国家秘密', 300), ...row('2.其他法律行政法规禁止公开', 300 - 10.5 * 1.61)]), 0).map(lineText);
    expect(lines).toEqual(['1.属于国家秘密 1 1 1 1 1 1 6', '2.其他法律行政法规禁止公开 1 1 1 1 1 1 6']);
    const totals = pageLines(page([item('一、本年新收政府信息公开申请数量', 100, 400, 170), item('19', 380, 400, 11), item('19', 660, 400, 11),
      item('二、上年结转政府信息公开申请数量', 100, 383, 170), item('0', 382, 383, 6), item('0', 662, 383, 6)]), 0).map(lineText);
    expect(totals).toEqual(['一、本年新收政府信息公开申请数量 19 19', '二、上年结转政府信息公开申请数量 0 0']);
  });

  it('reads a LibreOffice PDF whose every result row is 「1 1 1 1 1 1 6」 completely right', async () => {
    const t = await tallyOne(join(PDF, 'identical-rows-2020.libreoffice.pdf'), loadReport(join(PDF, 'identical-rows-2020.json')));
    expect(t.wrongCells).toEqual([]);
    expect(t.flagged).toBe(0);
  });

  // holdout-fresh (fresh-city-big-2025, 9 pt 黑体 Word table): （七）总计's 31194 wraps as 「3119」 over 「4」,
  // the 「4」 the last line of the page, low on it, short — it was dropped as a page number, and the
  // 「3119」 left alone made the whole Table 三 flagged.
  it('a wrapped figure’s last half at the page’s foot is no page number; a page number in the margin is', () => {
    const foot = (numberY?: number) => pageLines({ width: 595, height: 842, items: [
      item('3119', 533, 93.5, 18),
      item('（七）总计', 107, 87, 45), ...['9583', '5815', '3888', '5038', '2551', '4319'].map((f, c) => item(f, 346 + c * 31, 87, 18)),
      item('4', 540, 80.5, 5),
      ...(numberY === undefined ? [] : [item('— 3 —', 280, numberY, 25)]),
    ] }, 0).map(lineText);
    expect(foot()).toEqual(['（七）总计 9583 5815 3888 5038 2551 4319 31194']);
    expect(foot(40)).toEqual(['（七）总计 9583 5815 3888 5038 2551 4319 31194']);
  });

  it('reads that 9 pt Word table completely right (test/fixtures/pdf/README.md)', async () => {
    const t = await tallyOne(join(PDF, 'city-big-2025.word-like-hei-9pt.libreoffice.pdf'), loadReport(join(import.meta.dirname, '../fixtures/text/fresh-city-big-2025.json')), ['requests.']);
    expect(t.wrongCells).toEqual([]);
    expect(t.flagged).toBe(0);
  });
});

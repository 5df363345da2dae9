/**
 * Figures wrapped inside their cells (holdout-widen: full-width 「１１０４７」 in a landscape page,
 * Word's 1 cm figure columns): 「110」 over 「47」 with the row's one-line cells between. Positions as
 * pdf.js gives them for rand-city-2022.site-full-width.landscape.pdf (10.5 pt, lines 7.5 pt apart).
 * Before the join the row was three lines of stray figures and the whole Table 三 was flagged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfItem, PdfPage } from '../../main/import/pdf/extract';
import { documentLines, lineText, pageLines } from '../../main/import/pdf/lines';
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
    // The lower row's label wrapped round its figures: its first line between the two rows of figures.
    const wrapped = pageLines(page([...row('（一）予以公开', 400), item('（二）部分公开（区分处理的，只', 120, 392.5, 158), ...row('', 385).slice(1),
      item('计这一情形，不计其他情形）', 120, 377.5, 137)]), 0).map(lineText);
    expect(wrapped).toEqual(['（一）予以公开 1 1 1 1 1 1 6', '（二）部分公开（区分处理的，只', '1 1 1 1 1 1 6', '计这一情形，不计其他情形）']);
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

/**
 * holdout-fresh word-like-narrow-figures (Word table, figure columns 1 cm, 10.5 pt, lines 7.5 pt apart):
 * positions as pdf.js gives them. Each shape left Table 三 flagged whole (175 cells in each of two reports).
 */
describe('figures wrapped in narrow cells of a Word table', () => {
  const COLUMNS = [298.7, 327, 355.4, 383.8, 412.1, 440.4, 468.8];
  /** A figure centred in its column, 5.85 pt a digit. */
  const fig = (str: string, col: number, y: number) => item(str, COLUMNS[col]! - (str.length * 5.85) / 2, y, str.length * 5.85);
  const row = (y: number, figures: string[], label?: string) => [...(label ? [item(label, 160, y, label.length * 10.5)] : []), ...figures.map((f, c) => fig(f, c, y))];
  const sparse = (y: number, figures: Record<number, string>, words?: string) => [...(words ? [item(words, 160, y, words.length * 10.5)] : []), ...Object.entries(figures).map(([c, f]) => fig(f, Number(c), y))];
  const read = (items: PdfItem[]) => pageLines({ width: 595, height: 842, items }, 0).map(lineText);

  it('joins a top-aligned row’s second halves, alone on the line below, to the figures they stand under', () => {
    expect(read([...row(326.1, ['28', '0', '0', '0', '0', '0', '28'], '1.属于国家秘密'), ...sparse(318.6, { 0: '9', 6: '9' })]))
      .toEqual(['1.属于国家秘密 289 0 0 0 0 0 289']);
    // Beside the label's last word, only one figure wrapped (22 over 5 → 225).
    expect(read([...row(102.2, ['0', '0', '0', '22', '0', '0', '225'], '3.补正后申请内容仍不明'), ...sparse(87.1, { 3: '5' }, '确')]))
      .toEqual(['3.补正后申请内容仍不明 0 0 0 225 0 0 225', '确']);
  });

  it('joins nothing when the joined row breaks its rule, a half stands under no one figure, or the line is a row of its own', () => {
    const hung = ['1.属于国家秘密 28 0 0 0 0 0 28'];
    expect(read([...row(326.1, ['28', '0', '0', '0', '0', '0', '28'], '1.属于国家秘密'), ...sparse(318.6, { 0: '9', 6: '8' })])).toEqual([...hung, '9 8']);
    // A row of its own: its label begins the line, however well its figures would fit.
    expect(read([...row(326.1, ['28', '0', '0', '0', '0', '0', '28'], '1.属于国家秘密'), ...sparse(318.6, { 0: '9', 6: '9' }, '2.其他法律')]))
      .toEqual([...hung, '2.其他法律 9 9']);
    // A lower figure between two columns stands under no one figure.
    const between = { ...fig('9', 0, 318.6), x: (COLUMNS[0]! + COLUMNS[1]!) / 2 - 3 };
    expect(read([...row(326.1, ['28', '12', '0', '0', '0', '0', '40'], '1.属于国家秘密'), between, fig('9', 6, 318.6)])).toEqual(['1.属于国家秘密 28 12 0 0 0 0 40', '9 9']);
  });

  it('leaves figures alone that may be the next row’s, printed above its centred label; joins them when that label has its own', () => {
    const top = row(400, ['3', '0', '0', '0', '0', '0', '3'], '（一）予以公开');
    const nextLabel = [item('（二）部分公开（区分处理的，只', 111, 385, 158), item('计这一情形，不计其他情形）', 111, 377.5, 137)];
    // 「5 … 5」 then a label with no figures of its own: they may be its (35 … 35 would keep the rule).
    expect(read([...top, ...sparse(392.5, { 0: '5', 6: '5' }), ...nextLabel])).toEqual(['（一）予以公开 3 0 0 0 0 0 3', '5 5', ...nextLabel.map((i) => i.str)]);
    // The label's own figures between its lines: 「5 … 5」 are the second halves of 35 … 35.
    const own = [nextLabel[0]!, ...row(381, ['0', '0', '0', '0', '0', '0', '0']), { ...nextLabel[1]!, y: 373.5 }];
    expect(read([...top, ...sparse(392.5, { 0: '5', 6: '5' }), ...own])).toEqual(['（一）予以公开 35 0 0 0 0 0 35', '（二）部分公开（区分处理的，只', '0 0 0 0 0 0 0', '计这一情形，不计其他情形）']);
  });

  it('puts a row whose every figure wrapped, centred, on its label’s line between the halves', () => {
    expect(read([
      ...row(426.3, ['773', '56', '416', '49', '241', '418', '291']),
      item('一、本年新收政府信息公开申请数量', 90, 418.7, 168),
      ...row(411.2, ['2', '63', '7', '37', '2', '9', '00']),
    ])).toEqual(['一、本年新收政府信息公开申请数量 7732 5663 4167 4937 2412 4189 29100']);
  });

  it('joins a centred wrap before taking its upper halves for raised figures (「105」 … 「6」 is 1056)', () => {
    expect(read([
      ...sparse(211, { 1: '105', 6: '105' }),
      ...sparse(203.3, { 0: '0', 2: '0', 3: '0', 4: '0', 5: '0' }, '5.属于三类内部事务信息'),
      ...sparse(195.8, { 1: '6', 6: '6' }),
    ])).toEqual(['5.属于三类内部事务信息 0 1056 0 0 0 0 1056']);
  });

  it('joins the halves a page break parted (「166」 at the page’s foot, 「7」 atop the next)', () => {
    const pages: PdfPage[] = [
      { width: 595, height: 842, items: row(88.1, ['750', '0', '0', '0', '0', '917', '166'], '1.本机关不掌握相关政府') },
      { width: 595, height: 842, items: [...sparse(707.4, { 6: '7' }, '信息'), ...row(684.2, ['0', '1078', '0', '567', '0', '0', '1645'], '2.没有现成信息需要另行')] },
    ];
    expect(documentLines(pages).map(lineText)).toEqual(['1.本机关不掌握相关政府 750 0 0 0 0 917 1667', '信息', '2.没有现成信息需要另行 0 1078 0 567 0 0 1645']);
    // Not when the joined row would break its rule.
    pages[1]!.items[1] = fig('8', 6, 707.4);
    expect(documentLines(pages).map(lineText)[0]).toEqual('1.本机关不掌握相关政府 750 0 0 0 0 917 166');
  });

  it('reads that Word table completely right (test/fixtures/pdf/README.md)', async () => {
    const t = await tallyOne(join(PDF, 'city-big-2025.word-like-narrow-figures.libreoffice.pdf'), loadReport(join(import.meta.dirname, '../fixtures/text/fresh-city-big-2025.json')), ['requests.']);
    expect(t.wrongCells).toEqual([]);
    expect(t.flagged).toBe(0);
  });
});

/**
 * PDF shapes the holdout corpus (test/import/holdout) found read short, each as a minimal set of
 * positioned items:
 * - a Chromium print of a page whose Table 四 writes every 0 as `&nbsp;`: no item at all in its data
 *   row (15 cells flagged before; a unit with no 复议/诉讼 is the common case);
 * - Table 四's row 「1 … 1」 as the last line at the foot of a page: it was dropped as the page number 「11」;
 * - Table 四's header repeated after its row (LibreOffice): a blank row was made under the repeat (6 cells wrong);
 * - Table 三's header word 「社会公益组织」 printed 社会/公益/组织 down its column: taken for a group label,
 *   so no header was found and blank cells lost their columns (lanxi-2024 from LibreOffice: 175 flagged);
 * - Chromium A5: a blank row's label wrapped over five lines with the group label 「（六）/其他/处理」
 *   between its lines, which was taken for the 2019 blank row （六）其他处理 (14–24 cells flagged);
 * - LibreOffice: a blank row split by a page break, its label's last line under the repeated header;
 * - Chromium at 140 %: two cells' digits run together into one item (16 cells WRONG per report, unflagged).
 * - Chromium at 60 %: a row at a page's foot, its label over three lines, the middle line 「行」+「政机关…」
 *   cut at Table 二's 「信息内容」 column edge higher on the page: the group label （六）其他处理 took the row (2–7 cells flagged).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../main/import/pdf/assemble';
import { blankAppealRows } from '../../main/import/pdf/blank-appeal-row';
import type { ColumnSet } from '../../main/import/pdf/columns';
import type { PdfItem, PdfPage } from '../../main/import/pdf/extract';
import { pageLines, lineText, type Line } from '../../main/import/pdf/lines';
import { readPublished } from '../../main/import/text';
import { loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';
import { asPdf } from './pdf-items';

const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const APPEALS = Object.keys(qingshi.appeals).flatMap((k) => [0, 1, 2, 3, 4].map((c) => `appeals.${k}.${c}`));

/** qingshi-2024 with no 复议 or 诉讼, Table 四's data row printed blank (`edit` changes the copy before layout). */
function blankTableFour(edit = (t: string) => t) {
  const none = structuredClone(qingshi);
  for (const k of Object.keys(none.appeals)) (none.appeals as Record<string, number[]>)[k] = [0, 0, 0, 0, 0];
  const copy = edit(renderReport(none, 'tabs').replace(/^0(\t0){14}$/m, '\t'.repeat(14)));
  return { none, text: pdfToText(asPdf(copy)).text };
}

describe('Table 四 printed with every cell blank', () => {
  it('an empty band a row high under its whole header is the data row: 15 blank cells, read as printed (0), nothing flagged', () => {
    const { none, text } = blankTableFour();
    expect(text).toContain(`| ${Array(15).fill('').join(' | ')} |`);
    const r = readPublished(text, 'pdf');
    expect(r.uncertain.filter((c) => c.startsWith('appeals.'))).toEqual([]);
    expect(unflaggedWrong(r, none)).toEqual([]);
  });

  it('no room for a row under the header (the next line right below): nothing is made up, the table is flagged', () => {
    const { text } = blankTableFour((t) => t.replace(/^\t{14}\n/m, ''));
    const r = readPublished(text, 'pdf');
    expect(APPEALS.every((c) => (r.uncertain as string[]).includes(c))).toBe(true);
  });

  it('the header ends its page and the next page begins with 五、: the row was blank on either page, read as 0', () => {
    // Blank lines push the row and 五、 onto the next page: nothing follows the header on its own page.
    const { none, text } = blankTableFour((t) => t.replace(/^(\t{14}\n)(?=五、)/m, '\n'.repeat(60) + '$1'));
    expect(text.indexOf('五、')).toBeGreaterThan(text.indexOf(`| ${Array(15).fill('').join(' | ')} |`));
    const r = readPublished(text, 'pdf');
    expect(r.uncertain.filter((c) => c.startsWith('appeals.'))).toEqual([]);
    expect(unflaggedWrong(r, none)).toEqual([]);
  });

  it('the header ends its page and its row of figures begins the next: that row is read, no blank row is added', () => {
    const some = structuredClone(qingshi);
    const copy = renderReport(some, 'tabs').replace(/^(1\t0\t0\t1\t2\t)/m, '\n'.repeat(60) + '$1');
    const text = pdfToText(asPdf(copy)).text;
    expect(text).not.toContain(`| ${Array(15).fill('').join(' | ')} |`);
    const r = readPublished(text, 'pdf');
    expect(r.report.appeals).toEqual(some.appeals);
    expect(unflaggedWrong(r, some)).toEqual([]);
  });

  it('nothing at all after the header (the copy ends there): nothing is made up, the table is flagged', () => {
    const { text } = blankTableFour((t) => t.slice(0, t.search(/^\t{14}$/m)));
    expect(readPublished(text, 'pdf').uncertain).toEqual(expect.arrayContaining(APPEALS));
  });
  it('the header ends its page and the next page begins with it again: one blank row, the repeated header’s', () => {
    const centers = Array.from({ length: 15 }, (_, i) => 60 + i * 35);
    const set = (page: number, y: number): ColumnSet => ({ page, y, centers, words: [] });
    const line = (page: number, y: number, str: string): Line => ({ page, y, size: 9, items: [{ str, x: 60, y, width: str.length * 9, size: 9 }] });
    // Each header: its group words above, the outcome words on its lowest line (the set's y).
    const lines = [line(0, 80, '行政复议'), line(0, 60, '结果维持'), line(1, 800, '行政复议'), line(1, 780, '结果维持'), line(1, 700, '五、存在的主要问题及改进情况')];
    const added = blankAppealRows(lines, [set(0, 60), set(1, 780)], () => false);
    expect(added.map((l) => l.page)).toEqual([1]);
  });
});

describe('Table 四’s header printed again after its row (LibreOffice, the page after, over an empty row)', () => {
  const SIZE = 9;
  const centers = Array.from({ length: 15 }, (_, i) => 60 + i * 35);
  const at = (str: string, cx: number, y: number): PdfItem => ({ str, x: cx - (str.length * SIZE) / 4, y, width: (str.length * SIZE) / 2, size: SIZE });
  const header = (y: number): PdfItem[] => [
    at('行政复议', 130, y + 30), at('行政诉讼', 400, y + 30), at('未经复议直接起诉', 310, y + 15), at('复议后起诉', 485, y + 15),
    ...centers.map((c, i) => at(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'][i % 5]!, c, y)),
  ];
  const figures = [5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0];
  const pages: PdfPage[] = [
    { width: 595, height: 842, items: [
      at('某某市某某局2019年政府信息公开工作年度报告', 300, 800), at('四、政府信息公开行政复议、行政诉讼情况', 200, 700),
      ...header(640), ...figures.flatMap((f, i) => (f ? [at(String(f), centers[i]!, 620)] : [])),
    ] },
    { width: 595, height: 842, items: [...header(760), at('五、存在的主要问题及改进情况', 200, 680)] },
  ];

  it('the repeat is left out and no blank row is made under it: the row of figures is read, nothing flagged', () => {
    const text = pdfToText(pages).text;
    expect(text).not.toContain(`| ${Array(15).fill('').join(' | ')} |`);
    const r = readPublished(text, 'pdf');
    expect([...r.report.appeals.review!, ...r.report.appeals.litigationDirect!, ...r.report.appeals.litigationAfterReview!]).toEqual(figures);
    expect(r.uncertain.filter((c) => c.startsWith('appeals.'))).toEqual([]);
  });
});

describe('Table 三’s header word broken into two-character lines (LibreOffice, our page opened as HTML: 「社会/公益/组织」)', () => {
  it('is a header word, not a vertical group label: the blank cells keep their columns', () => {
    const pages = asPdf(renderReport(qingshi, 'tabs').replace(/\t0(?=\t|$)/gm, '\t'));
    for (const page of pages) {
      const at = page.items.findIndex((i) => i.str === '社会公益组织');
      if (at < 0) continue;
      const w = page.items[at]!;
      const cx = w.x + w.width / 2;
      page.items.splice(at, 1, ...['社会', '公益', '组织'].map((str, k) => ({ str, x: cx - 9, y: w.y - k * 9, width: 18, size: 9 })));
    }
    const text = pdfToText(pages).text;
    expect(text).toContain('| 一、本年新收政府信息公开申请数量 | 7 |  | 1 |  |  | 1 | 9 |');
    const r = readPublished(text, 'pdf');
    expect(r.uncertain.filter((c) => c.startsWith('requests.'))).toEqual([]);
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
  });
});

describe('a narrow Table 三 (Chromium A5): blank rows whose labels wrap over many lines, the group label 「（六）/其他/处理」 between them', () => {
  const SIZE = 7.5;
  const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * SIZE, size: SIZE });
  /** Label lines at x 73 (the group column at 39), every cell blank, as Chromium printed dajin-2024 on A5. */
  const page = (group: PdfItem[], rows: [number, string][]): PdfPage => ({
    width: 420,
    height: 595,
    items: [at('三、收到和处理政府信息公开申请情况', 30, 560), ...HEADER.map((w, i) => ({ ...at(w, 170 + i * 30, 520), width: 20 })), ...group, ...rows.map(([y, s]) => at(s, 73, y)), at('四、政府信息公开行政复议、行政诉讼情况', 30, 200)],
  });
  const wrapped: [number, string][] = [
    [340, '1.申请人无正当理由逾'], [332, '期不补正、行政机关不'], [324, '再处理其政府信息公开'], [316, '申请'],
    [300, '2.申请人逾期未按收'], [292, '费通知要求缴纳费'], [284, '用、行政机关不再处'], [276, '理其政府信息公开申'], [268, '请'],
    [252, '3.其他'],
  ];
  const blank = (label: string) => `| ${label} |  |  |  |  |  |  |  |`;

  it('each wrapped label is put back whole as a blank row, and the group label makes no row of its own', () => {
    const group = [at('（六）', 39, 304), at('其他', 41, 288), at('处理', 41, 272)];
    const text = pdfToText([page(group, wrapped)]).text;
    expect(text).toContain(blank('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
    expect(text).toContain(blank('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'));
    expect(text).not.toContain(blank('（六）其他处理'));
  });

  it('「（六）其他处理」 with no other label beside it is still the 2019 table’s blank row', () => {
    const text = pdfToText([page([], [[300, '（六）其'], [292, '他处理'], [276, '（七）总计']])]).text;
    expect(text).toContain(blank('（六）其他处理'));
  });
});

describe('a blank row split by a page break (LibreOffice, our page opened as HTML: the header repeated on the next page)', () => {
  const SIZE = 9;
  const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * SIZE, size: SIZE });
  const header = (y: number) => HEADER.map((w, i) => ({ ...at(w, 270 + i * 40, y), width: 24 }));
  const LABEL = '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
  const pages = (repeat: boolean): PdfPage[] => [
    { width: 595, height: 842, items: [at('三、收到和处理政府信息公开申请情况', 50, 800), ...header(760), at('5.要求行政机关确认或重新出具已获取信息', 155, 200),
      at('1.申请人无正当理由', 155, 92), at('逾期不补正、行政机', 155, 74), at('关不再处理其政府信', 155, 57)] },
    { width: 595, height: 842, items: [...(repeat ? header(720) : []), at('息公开申请', 155, 660), at('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 155, 626), at('四、政府信息公开行政复议、行政诉讼情况', 50, 500)] },
  ];
  const blank = (label: string) => `| ${label} |  |  |  |  |  |  |  |`;

  it('its label goes on under the repeated header: one blank row', () => {
    expect(pdfToText(pages(true)).text).toContain(blank(LABEL));
  });

  it('no header on the next page: the label is not joined across it (nothing made up)', () => {
    expect(pdfToText(pages(false)).text).not.toContain(blank(LABEL));
  });
});

describe('figures wider than their cells run together (Chromium, a page printed at 140 %: 「908245325」 over 其他 and 总计)', () => {
  /** qingshi-2024 laid out, 一、本年新收 row's 其他 (1) and 总计 (9) printed as one run `run` over both columns. */
  function glued(run: string) {
    const pages = asPdf(renderReport(qingshi, 'tabs'));
    const page = pages.find((p) => p.items.some((i) => i.str === '一、本年新收政府信息公开申请数量'))!;
    const y = page.items.find((i) => i.str === '一、本年新收政府信息公开申请数量')!.y;
    page.items = page.items.filter((i) => !(i.y === y && i.x > 440));
    // Centred nearer 总计, as an overflowing run is (it starts at its first cell and runs on to the right).
    page.items.push({ str: run, x: 456, y, width: 56, size: 9 });
    return readPublished(pdfToText(pages).text, 'pdf');
  }

  it('the one cut that makes the row add up (T3-3) is taken: 「19」 is 1 and 9, nothing flagged', () => {
    const r = glued('19');
    expect(r.report.requests.newReceived).toEqual(qingshi.requests.newReceived);
    expect(r.uncertain).toEqual([]);
  });

  it('no cut makes it add up: the row is flagged, no figure guessed', () => {
    const r = glued('29');
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.uncertain).toEqual(expect.arrayContaining(['requests.newReceived.5', 'requests.newReceived.6']));
  });
});

describe('page numbers', () => {
  const SIZE = 10.5;
  const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * SIZE * (/\d/.test(str) ? 0.5 : 1), size: SIZE });
  const page = (foot: PdfItem[]): PdfPage => ({
    width: 595,
    height: 842,
    items: [at('四、政府信息公开行政复议、行政诉讼情况', 50, 120), at('结果维持', 50, 60), at('总计', 160, 60), ...foot],
  });

  it('a row of figures far apart at the foot of a page (「1 … 1」) is kept, not taken for the page number 「11」', () => {
    const lines = pageLines(page([at('1', 60, 40), at('1', 170, 40)]), 0);
    expect(lines.map(lineText)).toContain('1 1');
  });

  it('a page number there is still dropped (「- 2 -」, 「第 3 页」)', () => {
    for (const foot of [[at('-', 290, 40), at('2', 296, 40), at('-', 304, 40)], [at('第', 280, 40), at('3', 292, 40), at('页', 300, 40)]])
      expect(pageLines(page(foot), 0).map(lineText)).not.toContain(lineText({ page: 0, y: 40, size: SIZE, items: foot }));
  });
});

describe('Chromium at 60 %: a row at the foot of a page, its label over three lines beside the group label 「（六）其/他处理」', () => {
  const SIZE = 6.3;
  const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * SIZE, size: SIZE });
  const figure = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * SIZE * 0.5, size: SIZE });
  /** Table 二's 「信息内容」 column higher on the page begins its words at x 176, where the label's middle line goes on after 「行」. */
  const page = (tableTwo: boolean): PdfPage => ({
    width: 595,
    height: 595,
    items: [
      ...(tableTwo ? [560, 545, 530, 515].map((y) => at('信息内容', 176, y)) : []),
      at('三、收到和处理政府信息公开申请情况', 30, 420), ...HEADER.map((w, i) => ({ ...at(w, 300 + i * 30, 400), width: 20 })),
      at('（六）其', 138, 300), at('1.申请人无正当理由逾期不补正、', 170, 300),
      at('他处理', 141, 291), at('行', 170, 291), at('政机关不再处理其政府信息公开', 176, 291),
      figure('19', 302, 291), figure('1', 332, 291), figure('1', 362, 291), figure('21', 482, 291),
      at('申请', 170, 282),
      at('四、政府信息公开行政复议、行政诉讼情况', 30, 200),
    ],
  });
  const row = '| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 19 | 1 | 1 |  |  |  | 21 |';

  it('the row keeps its own label (not the group’s) with another table’s column edge far above it', () => {
    for (const tableTwo of [false, true]) {
      const text = pdfToText([page(tableTwo)]).text;
      expect(text, tableTwo ? 'with Table 二 above' : 'alone').toContain(row);
      expect(text).not.toContain('| （六）其他处理 |');
    }
  });
});

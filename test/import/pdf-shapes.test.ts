/**
 * PDF shapes from real published reports (issue 11 §1), laid out as positioned text items the way
 * pdfjs returns them — no PDF program needed: a 2021 report printed with the 2019 single （六） row,
 * a published Table 四 whose 总计 is 0 under non-zero results (kept as printed), a misprinted row
 * label, a label wrapped over three lines with the figures on the middle one, and a page number.
 */
import { describe, expect, it } from 'vitest';
import { readPublished } from '../../main/import/text';
import { pdfToText } from '../../main/import/pdf/assemble';
import type { PdfItem, PdfPage } from '../../main/import/pdf/extract';
import type { Report } from '../../report/types';
import { expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';
import { join } from 'node:path';

const T3 = { 自然人: 260, 商业企业: 300, 科研机构: 340, 社会公益组织: 380, 法律服务机构: 420, 其他: 460, 总计: 500, 法人或其他组织: 380 } as Record<string, number>;
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const SIZE = 9;
const item = (str: string, cx: number, y: number): PdfItem => {
  const width = /^[\d.+-]+$/.test(str) ? str.length * SIZE * 0.5 : str.length * SIZE;
  return { str, x: cx - width / 2, y, width, size: SIZE };
};
/** Label text left-aligned in its column (as narrow as the column: a real PDF wraps long labels). */
const left = (str: string, x: number, y: number): PdfItem => ({ ...item(str, 0, y), x, width: Math.min(str.length * SIZE, 120) });

/** A TAB-separated copy (test helpers) as pages of positioned items; `wrap` breaks a label over three lines. */
function asPdf(text: string, wrap: Record<string, [string, string, string]> = {}): PdfPage[] {
  const pages: PdfPage[] = [];
  let items: PdfItem[] = [];
  let y = 800;
  let appealLine = 0;
  const newPage = () => {
    items.push(item(`-${pages.length + 1}-`, 300, 30));
    pages.push({ width: 595, height: 842, items });
    items = [];
    y = 800;
  };
  for (const line of text.split('\n')) {
    if (y < 80) newPage();
    const cells = line.split('\t');
    const figures = cells.filter((c) => /^[\d.+-]*$/.test(c));
    const words = cells.filter((c) => !/^[\d.+-]*$/.test(c));
    // Header words as narrow as their columns (a real header wraps 「社会公/益组织」).
    if (cells.every((c) => c in T3)) for (const c of cells) items.push({ ...item(c, T3[c]!, y), x: T3[c]! - 15, width: 30 });
    else if (cells[0] === '结果维持') {
      const start = appealLine++ === 0 ? 0 : 5;
      cells.filter((c) => OUTCOMES.includes(c)).forEach((c, i) => items.push({ ...item(c, 60 + (start + i) * 35, y), x: 60 + (start + i) * 35 - 14, width: 28 }));
    } else if (figures.length >= 1 && cells.length > words.length) {
      const nums = cells.slice(words.length);
      const centers = nums.length === 7 ? Object.values(T3).slice(0, 7) : nums.length === 15 ? nums.map((_, i) => 60 + i * 35) : nums.map((_, i) => 300 + i * 100);
      const label = words[words.length - 1] ?? '';
      const w = wrap[label];
      // A cell three lines high: its middle line (the figures) sits a line lower than a one-line row's.
      if (w) y -= 12;
      if (words.length > 1) items.push(left(words[0]!, 40, y));
      if (w) {
        items.push(left(w[0], 110, y + 12), left(w[1], 110, y), left(w[2], 110, y - 12));
      } else if (label) items.push(left(label, words.length > 1 ? 110 : 60, y));
      nums.forEach((n, i) => n && items.push(item(n, centers[i]!, y)));
      if (w) y -= 12;
    } else if (line.trim()) items.push(left(line.replace(/\t/g, ' '), 60, y));
    y -= 16;
  }
  newPage();
  return pages;
}

const read = (report: Report, wrap?: Record<string, [string, string, string]>, edit = (t: string) => t) =>
  readPublished(pdfToText(asPdf(edit(renderReport(report, 'tabs')), wrap)).text, 'pdf');

describe('PDF shapes (positioned items)', () => {
  const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));

  it('the synthetic layout itself reads exactly (the baseline the shapes below change)', () => {
    const text = pdfToText(asPdf(renderReport(qingshi, 'tabs'))).text;
    // The header words were found: the rows are laid into their columns under them.
    expect(text).toContain('| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
    expect(text).toContain('| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 |');
    const r = read(qingshi);
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.uncertain).toEqual([]);
  });

  it('a label wrapped over three lines with the figures on the middle line', () => {
    const label = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
    const r = read(qingshi, { [label]: ['2.申请人逾期未按收费通', '知要求缴纳费用、行政机关不再', '处理其政府信息公开申请'] });
    expect(r.uncertain).toEqual([]);
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
  });

  it('the 2019-shape single （六） row (all 0) inside a 2021 report: the three rows 0, flagged as inferred', () => {
    const wen = structuredClone(expected('wenquan-2020'));
    const r = read(wen, {}, (t) => t.replace(/2020年/g, '2021年'));
    expect(r.report.format).toBe('gov-2021');
    expect(r.report.requests.otherOther).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.uncertain).toContain('requests.otherOther.0');
    expect(r.findings.some((f) => f.rule === 'IMPORT-FORMAT')).toBe(true);
  });

  it('a published Table 四 with a 总计 of 0 under non-zero results is kept as printed and reported by the checks', () => {
    const broken = structuredClone(qingshi);
    broken.appeals.review = [1, 0, 0, 1, 0];
    const r = read(broken);
    expect(r.report.appeals.review).toEqual([1, 0, 0, 1, 0]);
    expect(r.findings.some((f) => f.rule === 'T4-1')).toBe(true);
  });

  it('blank cells: each figure in the column under its header word', () => {
    const text = pdfToText(asPdf(renderReport(qingshi, 'tabs').replace(/\t0(?=\t|$)/gm, '\t'))).text;
    expect(text).toContain('| 一、本年新收政府信息公开申请数量 | 7 |  | 1 |  |  | 1 | 9 |');
  });

  it('a misprinted label (「2.其他法律行政止公开」) wrapped round its figures is read as the one label it is close to', () => {
    const label = '2.其他法律行政法规禁止公开';
    const bad = structuredClone(qingshi);
    bad.requests.deniedLawProhibited = [1, 0, 0, 0, 0, 0, 1];
    bad.requests.granted = [3, 0, 1, 0, 0, 0, 4];
    const { text, misprints } = pdfToText(asPdf(renderReport(bad, 'tabs'), { [label]: ['2.其他法律', '行政止', '公开'] }));
    // Close to one label only (same item number 「2.」): read as that label, and the clerk is told.
    expect(misprints).toEqual([{ printed: '2.其他法律行政止公开', official: label }]);
    const r = readPublished(text, 'pdf');
    expect(r.report.requests.deniedLawProhibited).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(unflaggedWrong(r, bad)).toEqual([]);
  });
});

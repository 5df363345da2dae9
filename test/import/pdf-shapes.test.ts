/**
 * PDF shapes from real published reports (issue 11 §1), laid out as positioned text items the way
 * pdfjs returns them — no PDF program needed: a 2021 report printed with the 2019 single （六） row,
 * a published Table 四 whose 总计 is 0 under non-zero results (kept as printed), a misprinted row
 * label, a label wrapped over three lines with the figures on the middle one, and a page number.
 */
import { describe, expect, it } from 'vitest';
import { readPublished } from '../../main/import/text';
import { pdfToText } from '../../main/import/pdf/assemble';
import type { PdfItem } from '../../main/import/pdf/extract';
import { lineText, pageLines } from '../../main/import/pdf/lines';
import type { Report } from '../../report/types';
import { expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';
import { asPdf } from './pdf-items';
import { join } from 'node:path';

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

  // holdout-fresh (chromium-pdf-bigfont: tables in 14 pt): 「3.危及“三安全一稳定” 1101」 came as one item,
  // the label run into the row's first figure. The row read 0 … 1086 533 2720 (1101 lost, nothing flagged);
  // then Table 三 was flagged whole for it. The figure is cut off where the words end a row label.
  const runIn = (printed: (label: string) => string) => {
    const pages = asPdf(renderReport(qingshi, 'tabs'));
    const page = pages.find((p) => p.items.some((i) => i.str === '4.保护第三方合法权益'))!;
    const label = page.items.find((i) => i.str === '4.保护第三方合法权益')!;
    const first = page.items.filter((i) => i.y === label.y && i.x > label.x).sort((a, b) => a.x - b.x)[0]!;
    expect(first.str).toBe('1');
    Object.assign(label, { str: `${printed(label.str)} 1`, width: first.x + first.width - label.x });
    page.items.splice(page.items.indexOf(first), 1);
    return pdfToText(pages);
  };

  it('a figure run into its label’s item is cut off at the item’s end and read in its column', () => {
    const { text, orphans } = runIn((l) => l);
    expect(orphans).toBe(0);
    const r = readPublished(text, 'pdf');
    expect(r.report.requests.deniedThirdParty).toEqual(qingshi.requests.deniedThirdParty);
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.uncertain).toEqual([]);
  });

  it('words that end no row label keep their figure: the row lost a cell, so Table 三 is flagged, never read without it', () => {
    // Counted as a row without its label: readPdf (pdf/index.ts) flags every cell of Table 三 for it.
    expect(pdfToText(asPdf(renderReport(qingshi, 'tabs'))).orphans).toBe(0);
    expect(runIn((l) => l.slice(0, -2)).orphans).toBe(1);
  });
});


describe('the vertical group label of a narrow cell', () => {
  // holdout-fresh (chromium-pdf-bigfont): in 14 pt 「三、」 is wider than the group cell and starts at its
  // left like 「本」 below it, not centred over it, and runs into 「（一）予以公开」 beside it. Taken as
  // a row label's start, 「三、（一）予以公开」 spelt no label: Table 三 was flagged whole in 4 of 10 reports.
  it('takes 「三、」 into the run 「本年度办理结果」 by its first character', () => {
    const at = (str: string, x: number, y: number, width = 14 * str.length): PdfItem => ({ str, x, y, width, size: 14 });
    const column = ['本', '年', '度', '办', '理', '结', '果'].map((ch, i) => at(ch, 22.6, 597.6 - i * 19.5));
    const lines = pageLines({ width: 595, height: 842, items: [at('三、', 21.7, 617.1), ...column, at('（一）予以公开', 44.2, 617.1), at('12', 250, 617.1, 14)] }, 0);
    expect(lines.filter((l) => l.group).map(lineText)).toEqual(['三、本年度办理结果']);
    expect(lines.filter((l) => !l.group).map(lineText)).toEqual(['（一）予以公开 12']);
  });
});

/**
 * Table 二 printed by a site that writes zeros as empty cells (holdout-fresh site-empty-td, Chromium
 * landscape): 「规章 108」 and 「规范性文件 7」 each print one figure of three, and only its place under
 * the block's header says which field it is. Positions as pdf.js gives them for
 * fresh-township-2020.site-empty-td.landscape.pdf. Before, those rows (and the blank rows after a row
 * of figures) were reported unread: 3–15 cells flagged in each of 20 reports.
 */
import { describe, expect, it } from 'vitest';
import type { PdfItem } from '../../main/import/pdf/extract';
import { pdfToText } from '../../main/import/pdf/assemble';
import { readPublished } from '../../main/import/text';

const item = (str: string, x: number, y: number, width = str.length * 10.5): PdfItem => ({ str, x, y, width, size: 10.5 });
const fig = (str: string, center: number, y: number) => item(str, center - str.length * 2.9, y, str.length * 5.8);
const header = (y: number, fields: [string, number][]) => [item('信息内容', 220, y, 42), ...fields.map(([f, x]) => item(f, x, y))];
const ITEM_FIELDS: [string, number][] = [['上一年项目数量', 400], ['本年增/减', 548], ['处理决定数量', 640]];

const TABLE_TWO = [
  item('二、主动公开政府信息情况', 156, 800, 192),
  item('第二十条第（一）项', 374, 780, 95),
  ...header(760, [['本年新制作数量', 400], ['本年新公开数量', 534], ['对外公开总数量', 635]]),
  item('规章', 127, 742, 21), fig('108', 437, 742),
  item('规范性文件', 127, 724, 52), fig('7', 672, 724),
  item('第二十条第（五）项', 374, 705, 95),
  ...header(687, ITEM_FIELDS),
  item('行政许可', 127, 669, 42), fig('22', 437, 669), fig('47', 571, 669), fig('280', 671, 669),
  item('其他对外管理服务事项', 127, 651, 105),
  item('第二十条第（六）项', 374, 632, 95),
  ...header(614, ITEM_FIELDS),
  item('行政处罚', 127, 596, 42), fig('33', 437, 596), fig('79', 672, 596),
  item('行政强制', 127, 578, 42),
  item('第二十条第（九）项', 374, 559, 95),
  ...header(541, [['采购项目数量', 405], ['采购总金额', 592]]),
  item('政府集中采购', 127, 523, 63), fig('138', 437, 523), item('0万元', 604, 523, 27),
];
const text = (items: PdfItem[]) => pdfToText([{ width: 842, height: 842, items }]).text.split('\n');

describe('Table 二 rows with blank cells in a PDF', () => {
  it('put each figure under the field its block header prints above it', () => {
    const lines = text(TABLE_TWO);
    expect(lines).toContain('| 规章 | 108 |  |  |');
    expect(lines).toContain('| 规范性文件 |  |  | 7 |');
    expect(lines).toContain('| 行政处罚 | 33 |  | 79 |');
    expect(lines).toContain('| 行政许可 | 22 | 47 | 280 |');
    // A row with every cell blank after a row of figures: its block's cells, blank.
    expect(lines).toContain('| 其他对外管理服务事项 |  |  |  |');
    expect(lines).toContain('| 行政强制 |  |  |  |');
  });

  it('are read as printed: the figure in its field, the blank cells 0', () => {
    const doc = ['某镇人民政府2020年政府信息公开工作年度报告', '一、总体情况', '本机关认真做好政府信息公开工作。', ...text(TABLE_TWO),
      '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '无。'].join('\n');
    const r = readPublished(doc, 'pdf');
    expect(r.report.active.rules).toEqual({ made: 108, published: 0, totalPublished: 0 });
    expect(r.report.active.normativeDocs).toEqual({ made: 0, published: 0, totalPublished: 7 });
    expect(r.report.active.punishment).toEqual({ previousItems: 33, change: 0, decisions: 79 });
    expect(r.uncertain.filter((u) => /^active\.(rules|normativeDocs|punishment|otherServices|enforcement)\./.test(u))).toEqual([]);
  });

  it('never place by a block’s columns past its rows: the 万元 block (no columns) and what follows the table stay as printed', () => {
    const lines = text([...TABLE_TWO, item('三、收到和处理政府信息公开申请情况', 156, 480, 272), item('（一）予以公开', 151, 460, 74), fig('5', 437, 460)]);
    expect(lines).toContain('政府集中采购 138 0万元');
    expect(lines).toContain('| （一）予以公开 | 5 |');
  });

  it('take no columns from a header that names another block’s fields', () => {
    const lines = text([...header(760, [['本年新制作数量', 400], ['本年增/减', 534], ['对外公开总数量', 635]]), item('规章', 127, 742, 21), fig('108', 437, 742)]);
    expect(lines).toContain('| 规章 | 108 |');
  });
});

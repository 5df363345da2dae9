/**
 * Table 二 printed with empty cells for its zeros (a site's <td></td>, Chromium landscape PDF): the
 * PDF's text is the row labels alone. Before, every such row was reported unread (「规章」后面没有数字).
 * Lines as pdfToText gives them for akto-muztagh-2022.site-empty-td.landscape.pdf.
 */
import { describe, expect, it } from 'vitest';
import { blankActiveRows } from '../../main/import/pdf/blank-active-rows';
import { readPublished } from '../../main/import/text';

const TABLE_TWO = [
  '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章', '行政规范性文件',
  '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可',
  '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚', '行政强制',
  '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费',
];
const report = (table: string[]) => ['阿克陶县木吉乡人民政府2022年政府信息公开工作年度报告', '一、总体情况', '本机关认真做好政府信息公开工作。', ...table,
  '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '无。'].join('\n');

describe('Table 二 rows printed with every cell blank', () => {
  it('become grid rows of blank cells, as many as the block has fields', () => {
    const out = blankActiveRows(TABLE_TWO.join('\n')).split('\n');
    expect(out[3]).toBe('| 规章 |  |  |  |');
    expect(out[7]).toBe('| 行政许可 |  |');
    expect(out[14]).toBe('| 行政事业性收费 |  |');
  });

  it('are read as blank cells (0), not reported unread', () => {
    const before = readPublished(report(TABLE_TWO), 'pdf');
    expect(before.uncertain).toContain('active.rules.issued');
    const after = readPublished(blankActiveRows(report(TABLE_TWO)), 'pdf');
    expect(after.uncertain.filter((u) => u.startsWith('active.'))).toEqual([]);
    expect(after.report.active.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('leaves a label alone when the row is printed elsewhere with figures, or when no 信息内容 header is above it', () => {
    const withFigures = [...TABLE_TWO.slice(0, 4), '| 规章 | 3 | 0 | 12 |', ...TABLE_TWO.slice(4)];
    expect(blankActiveRows(withFigures.join('\n')).split('\n')[3]).toBe('规章');
    expect(blankActiveRows(['一、总体情况', '规章'].join('\n'))).toBe('一、总体情况\n规章');
  });
});

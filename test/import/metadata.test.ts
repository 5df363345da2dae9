/** Agency and year from what a copy has (issue 11 §4): a fragment without a year, <title>, 发布机构, a year on its own line, markdown. */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { runCli } from '../../main/cli';
import { tempDir } from '../helpers/temp';
import { cellDiffs, loadReport, renderReport, SHARED } from './helpers';
import { join } from 'node:path';

const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const body = renderReport(qingshi, 'markdown').split('\n').slice(1).join('\n'); // no title line
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('a page fragment with no year', () => {
  const tables = renderReport(qingshi, 'markdown').split('\n').filter((l) => l.startsWith('|')).join('\n');
  it('reads the cells once the year is given, and asks only for the year', async () => {
    expect(() => importText(tables)).toThrow(/报告年度/);
    const r = importText(tables, { year: 2024, agency: '示例县青石镇人民政府' });
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    const file = tmp.file('片段.txt');
    writeFileSync(file, tables);
    let err = '';
    const code = await runCli(['import', file, '--dry-run'], { out: () => {}, err: (t) => (err += t), env: {}, cwd: tmp.file('.') });
    expect(code).toBe(2);
    expect(err).toMatch(/请用 --year 指定年度/);
  });
});

describe('agency and year', () => {
  it('from the HTML <title> when the body has none (the site name after it dropped)', () => {
    const html = `<html><head><title>示例县青石镇人民政府2024年政府信息公开工作年度报告_示例县人民政府网</title></head><body><pre>${body}</pre></body></html>`;
    const r = importText(html);
    expect(r.report.agency).toBe('示例县青石镇人民政府');
    expect(r.report.year).toBe(2024);
  });

  it('the body’s own title wins over <title>', () => {
    const html = `<html><head><title>某某网站</title></head><body><p>示例县青石镇人民政府2024年政府信息公开工作年度报告</p><pre>${body}</pre></body></html>`;
    expect(importText(html).report.agency).toBe('示例县青石镇人民政府');
  });

  it('「…政府信息公开年度报告」 without 工作', () => {
    const r = importText(`示例县青石镇人民政府2024年政府信息公开年度报告\n${body}`);
    expect(r.report.agency).toBe('示例县青石镇人民政府');
    expect(r.report.year).toBe(2024);
  });

  it('a 发布机构 field when the title names no agency', () => {
    const r = importText(`发布机构：示例县青石镇人民政府\n2024年政府信息公开工作年度报告\n${body}`);
    expect(r.report.agency).toBe('示例县青石镇人民政府');
    expect(r.findings.some((f) => f.rule === 'IMPORT-AGENCY')).toBe(false);
  });

  it('the year on a line of its own', () => {
    const r = importText(`示例县青石镇人民政府政府信息公开工作年度报告\n2024年度\n${body}`);
    expect(r.report.agency).toBe('示例县青石镇人民政府');
    expect(r.report.year).toBe(2024);
  });

  it('no markdown 「#」 in the agency', () => {
    const r = importText(`# 示例县青石镇人民政府\n## 2024年政府信息公开工作年度报告\n${body}`);
    expect(r.report.agency).toBe('示例县青石镇人民政府');
  });
});

describe('a check list printed above the title', () => {
  // LibreOffice Calc's PDF of our .xlsx, through pdftotext -raw: the 报告信息 sheet's check list names
  // 「一、总体情况」 inside a line, above the report's title. That mention is not the heading.
  const listed = ['规则 类别 说明 涉及单元格', 'X-1 提醒 一、总体情况；一、本年新收政府信息公开申请数量 一、总体情况', 'C-1 提醒 五、存在的主要问题及改进情况', ''].join('\n');
  it('takes the title below it, and the heading that begins a line', () => {
    const r = importText(listed + renderReport(qingshi, 'markdown'));
    expect([r.report.year, r.report.agency]).toEqual([2024, '示例县青石镇人民政府']);
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    expect(r.report.text.overview).toBe(qingshi.text.overview);
  });
});

/** The check report for the leader (issue 15, also wanted): cells named by label, a page without script, a valid Word file. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCheckReportDocx, buildCheckReportPage, checkRows } from '../../main/export/check-report';
import { computeTotals, emptyReport, runChecks } from '../../report';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { python, tempDir, writeTemp } from './helpers';

const broken = () => {
  const r = qingshi2024();
  r.requests.carriedOver = [0, 0, 0, 0, 0, 0, 0]; // 2023 carried 1 forward: Y-1, and T3-1
  r.closing.date = '';
  return r;
};

describe('check report', () => {
  it('names the cells of each finding by their labels, last year\'s too', () => {
    const r = broken();
    const rows = checkRows(r, runChecks(r, { previous: qingshi2023() }));
    const y1 = rows.find((x) => x.message.startsWith('三、自然人列：上年结转'))!;
    expect(y1.kind).toBe('提醒');
    expect(y1.where).toBe('二、上年结转政府信息公开申请数量 自然人；2023年报告 四、结转下年度继续办理 自然人');
    expect(rows.find((x) => x.message.startsWith('落款'))!.where).toBe('落款 成文日期');
    expect(rows.some((x) => x.kind === '错误')).toBe(true);
  });

  it('the printable page has the title, counts, findings and signature lines, and no script', () => {
    const r = broken();
    const html = buildCheckReportPage(r, runChecks(r, { previous: qingshi2023() }), '2026年1月20日 10:31');
    // 「检查情况」 on its own line: never one character alone (issue 21 #6).
    expect(html).toContain('<h1>示例县青石镇人民政府2024年政府信息公开工作年度报告<br>检查情况</h1>');
    expect(html).toMatch(/错误\d+处（须改正）、提醒\d+条（请核实）。检查时间：2026年1月20日 10:31。/);
    expect(html).toContain('经办人：');
    expect(html).not.toMatch(/<script/i);
    const clean = buildCheckReportPage(qingshi2024(), [], 'x');
    expect(clean).toContain('未发现问题');
    expect(clean).not.toContain('<table>');
  });

  it('the Word file passes the OOXML schema check and holds every finding', async () => {
    const r = computeTotals(emptyReport('gov-2021', '示例县青石镇人民政府', 2025));
    const findings = runChecks(r);
    const dir = tempDir('checks');
    try {
      const file = writeTemp(dir, 'checks.docx', await buildCheckReportDocx(r, findings, '2026年1月20日 10:31'));
      execFileSync('/usr/bin/python3', [join(import.meta.dirname, '../../../shared/tools/ooxml/validate-ooxml.py'), file]);
      const read = python('read_docx.py', file) as { paragraphs: { text: string }[]; tables: { rows: { cells: { text: string }[] }[] }[] };
      expect(read.paragraphs[0]!.text).toBe('示例县青石镇人民政府2025年政府信息公开工作年度报告\n检查情况');
      const cells = read.tables[0]!.rows.map((row) => row.cells.map((c) => c.text));
      expect(cells[0]).toEqual(['序号', '类别', '问题', '涉及的项目']);
      expect(cells.slice(1).map((row) => row[2])).toEqual(findings.map((f) => f.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the 落款 fields by their labels', () => {
  it('names 落款 发布机关 (X-8) and 落款 成文日期 (C-3), never their paths', async () => {
    const { cellLabel } = await import('../../main/export/check-report');
    const r = qingshi2024();
    expect(cellLabel(r, 'closing.agency')).toBe('落款 发布机关');
    expect(cellLabel(r, 'closing.date')).toBe('落款 成文日期');
  });
});

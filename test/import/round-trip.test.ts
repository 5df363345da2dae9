/** What the app exports imports back as the same report (main/export → main/import). */
import { describe, expect, it } from 'vitest';
import { buildDocx, buildHtml, buildXlsx } from '../../main/export';
import { importFile } from '../../main/import';
import type { Report } from '../../report/types';
import { cellDiffs, expected, loadReport, SHARED } from './helpers';

const qingshi = loadReport(`${SHARED}/reports/qingshi-2024.json`);
const qingshi2023 = loadReport(`${SHARED}/reports/qingshi-2023.json`);

/** A gov-2019 report with figures in every kind of cell (signed change, amount in 元). */
function wenquan(): Report {
  const w = expected('wenquan-2020');
  w.active.licensing = { previousItems: 12, change: -2, decisions: 30 };
  w.active.procurement = { projects: 3, amount: '251000', unit: '元' };
  w.requests.newReceived = [3, 1, 0, 0, 0, 0, 4];
  w.requests.granted = [3, 1, 0, 0, 0, 0, 4];
  w.requests.resultTotal = [3, 1, 0, 0, 0, 0, 4];
  w.text = { preamble: '根据《条例》要求编制本报告。', overview: '（一）主动公开\n全年主动公开信息773条。', problems: '（一）存在的主要问题\n公开不够及时。', other: '无。' };
  w.closing = { agency: '温泉镇人民政府', date: '2021-01-15' };
  return w;
}

describe('export → import', () => {
  for (const [name, report] of [['qingshi 2024', qingshi], ['qingshi 2023', qingshi2023], ['wenquan 2020 (gov-2019)', wenquan()]] as const) {
    it(`.docx: ${name} — every cell, the text, agency, year, closing`, async () => {
      const r = await importFile('报告.docx', await buildDocx(report));
      expect(cellDiffs(r.report, report)).toEqual([]);
      expect(r.uncertain).toEqual([]);
      expect({ ...r.report, text: r.report.text }).toEqual(report);
    });

    it(`.xlsx: ${name} — exact through the _cells map`, async () => {
      const r = await importFile('报告.xlsx', await buildXlsx(report));
      expect(r.report).toEqual({ ...report, text: { preamble: '', overview: '', problems: '', other: '' } });
      expect(r.uncertain).toEqual([]);
      expect(r.findings.filter((f) => f.rule.startsWith('IMPORT'))).toEqual([]);
    });

    it(`.html: ${name} — every cell and the text`, async () => {
      const r = await importFile('报告.html', Buffer.from(buildHtml(report)));
      expect(cellDiffs(r.report, report)).toEqual([]);
      expect(r.report.text).toEqual(report.text);
    });
  }

  it('.xlsx whose _cells map was damaged falls back to reading the visible sheets by their labels', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(qingshi)) as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet('_cells')!.id);
    const r = await importFile('报告.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    expect(r.report.agency).toBe(qingshi.agency);
  });
});

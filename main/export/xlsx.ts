/**
 * The report's figures as one .xlsx workbook.
 *
 * Layout convention (an importer reading the same definition relies on it; keep it stable):
 *  - Sheet 1 「报告信息」: title, then label/value rows (机关, 年度, 格式, 依据, 落款机关, 成文日期,
 *    and for gov-2019 the 采购总金额单位), then the check results (runChecks) as a table. For people.
 *  - One sheet per table, named by the definition's `sheetName` (表二 主动公开, 表三 依申请公开,
 *    表四 复议诉讼): row 1 the section heading, the grid from row 2 with the official merges and labels.
 *    Counts are numeric cells. Money is a numeric cell whose number format shows exactly the stored
 *    decimals ("0.9840" → 0.0000, "0" → 0; an amount adds its unit: 0"元"), so the string is rebuilt
 *    from value + format. A total is =SUM(…) with its cached result, except a stored total that
 *    disagrees with its cells, which is its plain stored value (the file shows what was published).
 *  - Hidden sheet 「_cells」, machine-readable, columns A–E = key | sheet | address | type | value:
 *    row 1 headers; then rows with type "meta" (`nianbao.xlsx` = convention version 1, `format`,
 *    `year`, `agency`, `closing.agency`, `closing.date`) and "property" (`active.procurement.unit`),
 *    their value in column E; then one row per value cell of the layout: canonical path
 *    (requests.newReceived.0), sheet name, A1 address, cell type (count, signedCount, money, amount).
 */
import ExcelJS from 'exceljs';
import { countOf, formatLabel, getFormat, layoutOf, reportTitle, runChecks, staleTotals, type CellPath, type Finding, type Report, type TotalDef } from '../../report';
import { cellLabel } from './check-report';
import { chineseDate } from './blocks';
import { writeTableSheet, type CellAddress } from './xlsx-table';
import { finishXlsx } from './xlsx-finish';

export const XLSX_CONVENTION_VERSION = 1;
export const INFO_SHEET = '报告信息';
export const CELLS_SHEET = '_cells';

const FONT = { name: '宋体', size: 10 };

/** Totals written as formulas: computed ones whose stored figure equals the sum of the stored cells. */
function formulaTotals(report: Report): { totals: Map<CellPath, TotalDef>; plain: Set<CellPath> } {
  const stale = new Set(staleTotals(report));
  const totals = new Map<CellPath, TotalDef>();
  const plain = new Set<CellPath>();
  const sum = (paths: CellPath[]) => paths.reduce((s, p) => s + countOf(report, p), 0);
  for (const t of layoutOf(report.format).totals) {
    if (!t.computes) continue;
    totals.set(t.path, t);
    // A formula must show the stored figure: any total that disagrees with the cells as written stays a value.
    if (stale.has(t.path) || sum(t.of) !== countOf(report, t.path)) plain.add(t.path);
  }
  return { totals, plain };
}

/** A workbook over a report that is not one organ's own (the 汇总表): its title and lines under it. */
export interface XlsxOptions {
  title?: string;
  notes?: readonly string[];
  /**
   * The findings listed on the 报告信息 sheet: a stored report's come from main/db/findings.ts (with
   * last year, level, 已发布), the 汇总表's are the roll-up's own. Absent: a file not in the archive,
   * checked on its own.
   */
  findings?: readonly Finding[];
}

function writeInfoSheet(ws: ExcelJS.Worksheet, report: Report, o: XlsxOptions = {}): void {
  const def = getFormat(report.format);
  ws.columns = [{ width: 14 }, { width: 10 }, { width: 72 }, { width: 44 }];
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = o.title ?? reportTitle(report.agency, report.year);
  ws.getCell('A1').font = { name: '黑体', size: 14 };
  ws.getRow(1).height = 26;
  const rows: [string, string | number][] = [
    ['机关', report.agency],
    ['年度', report.year],
    ['格式', formatLabel(report.format)],
    ['依据', `${def.noticeTitle}（${def.notice}）`],
    ['落款机关', report.closing.agency],
    ['成文日期', chineseDate(report.closing.date)],
  ];
  const unit = report.active.procurement?.unit;
  if (typeof unit === 'string') rows.push(['采购总金额单位', unit]);
  for (const note of o.notes ?? []) rows.push(['说明', note]);
  rows.forEach(([k, v], i) => {
    const r = ws.getRow(i + 3);
    r.getCell(1).value = k;
    ws.mergeCells(i + 3, 2, i + 3, 4);
    r.getCell(2).value = v;
    r.getCell(2).alignment = { horizontal: 'left' };
    r.font = FONT;
  });
  let r = rows.length + 4;
  const findings = o.findings ?? runChecks(report);
  ws.getCell(r, 1).value = `检查结果（${findings.filter((f) => f.severity === 'error').length}个错误，${findings.filter((f) => f.severity === 'warning').length}个提醒）`;
  ws.getCell(r, 1).font = { name: '黑体', size: 11 };
  r++;
  ['规则', '类别', '说明', '涉及单元格'].forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  ws.getRow(r).font = { ...FONT, bold: true };
  if (!findings.length) {
    ws.getCell(r + 1, 3).value = '未发现问题';
    ws.getCell(r + 1, 3).font = FONT;
  }
  for (const f of findings) {
    r++;
    const row = ws.getRow(r);
    // 错误 / 提醒, as the app says it.
    row.values = [f.rule, f.severity === 'error' ? '错误' : '提醒', f.message, [...new Set(f.cells.map((c) => cellLabel(report, c)))].join('；')];
    row.font = FONT;
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
}

function writeCellsSheet(ws: ExcelJS.Worksheet, report: Report, addresses: Map<CellPath, CellAddress>): void {
  ws.state = 'hidden';
  ws.addRow(['key', 'sheet', 'address', 'type', 'value']);
  const meta: [string, string | number][] = [
    ['nianbao.xlsx', XLSX_CONVENTION_VERSION],
    ['format', report.format],
    ['year', report.year],
    ['agency', report.agency],
    ['closing.agency', report.closing.agency],
    ['closing.date', report.closing.date],
  ];
  for (const [k, v] of meta) ws.addRow([k, '', '', 'meta', v]);
  for (const [row, fields] of Object.entries(report.active))
    if (typeof fields.unit === 'string') ws.addRow([`active.${row}.unit`, '', '', 'property', fields.unit]);
  for (const cell of layoutOf(report.format).cells) {
    const a = addresses.get(cell.path)!;
    ws.addRow([cell.path, a.sheet, a.address, cell.type, null]);
  }
}

export async function buildXlsx(report: Report, o: XlsxOptions = {}): Promise<Buffer> {
  const layout = layoutOf(report.format);
  const wb = new ExcelJS.Workbook();
  wb.creator = report.agency;
  wb.title = o.title ?? reportTitle(report.agency, report.year);
  const info = wb.addWorksheet(INFO_SHEET);
  const { totals, plain } = formulaTotals(report);
  const addresses = new Map<CellPath, CellAddress>();
  for (const table of ['active', 'requests', 'appeals'] as const) {
    const grid = layout.grids[table];
    const ws = wb.addWorksheet(grid.sheetName);
    for (const [p, a] of writeTableSheet(ws, report, grid, totals, plain)) addresses.set(p, a);
  }
  writeInfoSheet(info, report, o);
  writeCellsSheet(wb.addWorksheet(CELLS_SHEET), report, addresses);
  return finishXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
}

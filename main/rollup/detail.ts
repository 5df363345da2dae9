/**
 * 分单位明细 and 问题清单 (rollup.md §5) as .xlsx: one row per unit, plain numbers (no formulas
 * across units) so they can be copied anywhere; the findings on one filterable sheet with cells
 * named by label.
 */
import ExcelJS from 'exceljs';
import { countOf, getCell, layoutOf, type CellPath, type Report } from '../../report';
import { cellTitle, collectionStatus, missingPhrase, moneyInWan, UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS, type RollupView, type UnitFinding, type UnitReport } from '../../report/rollup';
import { formatDecimal } from '../../report/rollup/decimal';

const FONT = { name: '宋体', size: 10 };
const BOLD = { ...FONT, bold: true };

/** The key figures first (rollup.md §5), each the sum of its cells. */
export function keyFigures(report: Report): { name: string; value: number | string }[] {
  const col = (prefix: string) =>
    Object.keys(report.requests)
      .filter((k) => k.startsWith(prefix))
      .reduce((s, k) => s + countOf(report, `requests.${k}.6`), 0);
  const fee = report.format === 'gov-2021' ? formatDecimal(moneyInWan(report, 'active.fees.amount')) : countOf(report, 'active.fees.previousItems') + countOf(report, 'active.fees.change');
  return [
    { name: '新收', value: countOf(report, 'requests.newReceived.6') },
    { name: '上年结转', value: countOf(report, 'requests.carriedOver.6') },
    { name: '予以公开', value: countOf(report, 'requests.granted.6') },
    { name: '部分公开', value: countOf(report, 'requests.partiallyGranted.6') },
    { name: '不予公开', value: col('denied') },
    { name: '无法提供', value: col('unavailable') },
    { name: '不予处理', value: col('notProcessed') },
    { name: '其他处理', value: col('other') },
    { name: '总计', value: countOf(report, 'requests.resultTotal.6') },
    { name: '结转', value: countOf(report, 'requests.carriedForward.6') },
    { name: '复议', value: countOf(report, 'appeals.review.4') },
    { name: '诉讼', value: countOf(report, 'appeals.litigationDirect.4') + countOf(report, 'appeals.litigationAfterReview.4') },
    { name: '许可', value: countOf(report, 'active.licensing.decisions') },
    { name: '处罚', value: countOf(report, 'active.punishment.decisions') },
    { name: '强制', value: countOf(report, 'active.enforcement.decisions') },
    { name: report.format === 'gov-2021' ? '收费（万元）' : '收费（项目数）', value: fee },
  ];
}

/** A figure as an Excel number; money keeps its written decimals through the number format. */
function put(cell: ExcelJS.Cell, value: number | string): void {
  if (typeof value === 'number') {
    cell.value = value;
    return;
  }
  const decimals = value.split('.')[1]?.length ?? 0;
  cell.value = Number(value);
  cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
}

/** Every cell of the layout as a column value; amounts (gov-2019 采购总金额) in 万元. */
function cellValue(report: Report, path: CellPath, type: string): number | string {
  if (type === 'money' || type === 'amount') return formatDecimal(moneyInWan(report, path));
  return typeof getCell(report, path) === 'number' ? (getCell(report, path) as number) : 0;
}

export async function detailXlsx(view: RollupView, units: readonly UnitReport[], sum: Report): Promise<Buffer> {
  const cells = layoutOf(sum.format).cells;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分单位明细');
  const keys = keyFigures(sum).map((k) => k.name);
  const head = ['单位', '级别', '状态', ...keys, ...cells.map((c) => `${cellTitle(sum, c.path)}${c.type === 'amount' ? '（万元）' : ''}`)];
  ws.getCell(1, 1).value = `${view.organ}${view.year}年政府信息公开工作年度报告分单位明细`;
  ws.getCell(1, 1).font = { name: '黑体', size: 12 };
  head.forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.font = BOLD;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  const levelOf = new Map(view.units.map((u) => [u.agency, u]));
  const write = (r: number, name: string, level: string, status: string, report: Report) => {
    const row = ws.getRow(r);
    row.getCell(1).value = name;
    row.getCell(2).value = level;
    row.getCell(3).value = status;
    keyFigures(report).forEach((k, i) => put(row.getCell(4 + i), k.value));
    cells.forEach((c, i) => put(row.getCell(4 + keys.length + i), cellValue(report, c.path, c.type)));
    row.font = FONT;
  };
  units.forEach((u, i) => {
    const b = levelOf.get(u.agency);
    write(3 + i, u.agency, b ? UNIT_LEVEL_LABELS[b.level] : '', b ? UNIT_STATUS_LABELS[b.status] : '', u.report);
  });
  const last = 3 + units.length;
  write(last, '汇总', '', collectionStatus(view), sum);
  ws.getRow(last).font = BOLD;
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 26 : i < 3 ? 10 : i < 3 + keys.length ? 9 : 14));
  ws.getRow(2).height = 60;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: last - 1, column: head.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function issuesXlsx(view: RollupView, reports: ReadonlyMap<string, Report>, sum: Report | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  ws.getCell(1, 1).value = `${view.organ}${view.year}年政府信息公开工作年度报告问题清单`;
  ws.getCell(1, 1).font = { name: '黑体', size: 12 };
  const head = ['单位', '级别', '状态', '规则', '类别', '问题', '涉及栏目'];
  head.forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
    ws.getCell(2, i + 1).font = BOLD;
  });
  const board = new Map(view.units.map((u) => [u.agency, u]));
  let r = 3;
  const rows: UnitFinding[] = view.findings;
  for (const f of rows) {
    const b = board.get(f.agency);
    const report = reports.get(f.agency) ?? sum;
    const labels = report ? [...new Set(f.cells.map((c) => cellTitle(report, c)))].join('；') : '';
    ws.getRow(r).values = [f.agency, b ? UNIT_LEVEL_LABELS[b.level] : '', b ? UNIT_STATUS_LABELS[b.status] : '', f.rule, f.severity === 'error' ? '错误' : '提醒', f.message, labels];
    ws.getRow(r).font = FONT;
    ws.getRow(r).alignment = { vertical: 'top', wrapText: true };
    r++;
  }
  ws.columns = [{ width: 26 }, { width: 10 }, { width: 8 }, { width: 8 }, { width: 6 }, { width: 70 }, { width: 40 }];
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, r - 1), column: head.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 收齐情况 (rollup.md §5): the roster with status, date received, file name, and who is missing. */
export async function boardXlsx(view: RollupView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收齐情况');
  ws.getCell(1, 1).value = `${view.organ}${view.year}年政府信息公开工作年度报告收齐情况`;
  ws.getCell(1, 1).font = { name: '黑体', size: 12 };
  ws.getCell(2, 1).value = [collectionStatus(view), missingPhrase(view)].filter(Boolean).join('；');
  ws.getCell(2, 1).font = FONT;
  const head = ['单位', '级别', '状态', '原因/备注', '收到日期', '文件', '错误', '提醒', '纳入汇总'];
  head.forEach((h, i) => {
    ws.getCell(3, i + 1).value = h;
    ws.getCell(3, i + 1).font = BOLD;
  });
  view.units.forEach((u, i) => {
    const row = ws.getRow(4 + i);
    const has = u.reportId !== null;
    row.values = [u.agency, UNIT_LEVEL_LABELS[u.level], UNIT_STATUS_LABELS[u.status], u.refused || u.reason, u.receivedAt?.slice(0, 10) ?? '', u.fileName, has ? u.errors : '', has ? u.warnings : '', u.included ? '是' : '否'];
    row.font = FONT;
  });
  ws.columns = [{ width: 26 }, { width: 10 }, { width: 8 }, { width: 24 }, { width: 12 }, { width: 44 }, { width: 6 }, { width: 6 }, { width: 9 }];
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, 3 + view.units.length), column: head.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

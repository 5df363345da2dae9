/**
 * An .xlsx report: every sheet as a grid (merged ranges written once across, repeated down),
 * read by the label-anchored reader, so county sheets that follow the official table are found by
 * their labels wherever they sit. Money comes from a numeric cell and its number format: 0.984 shown
 * with 0.0000 is the string "0.9840" (report-json.md).
 */
import ExcelJS from 'exceljs';
import { ImportError } from './errors';
import { gridToLines, type Grid } from './grid';
import { readPublished } from './text';
import { readOwnExport } from './xlsx-own';
import { assemble, type ImportOptions, type ImportResult } from './result';
import { openZip } from './zip';

/** A sheet is read up to here: the official tables take under 40 rows and 15 columns. */
const MAX_ROWS = 2000;
const MAX_COLS = 60;

/** Decimals a number format shows (0.0000 → 4; General → as many as the value has). */
function decimals(numFmt: string | undefined, value: number): number | null {
  const m = /0\.(0+)(?![0#])/.exec(numFmt ?? '');
  if (m) return m[1]!.length;
  return Number.isInteger(value) ? 0 : null;
}

export function cellText(cell: ExcelJS.Cell): string {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const d = decimals(cell.numFmt, v);
    return d === null ? String(v) : v.toFixed(Math.min(d, 10));
  }
  if (typeof v === 'string') return v;
  if (v instanceof Date) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: unknown };
    // #DIV/0!, #REF!: a figure nobody can read, kept as printed so the reader flags it (not a blank).
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return '';
}

function sheetLines(ws: ExcelJS.Worksheet): string[] {
  const grid: Grid = { origins: [], texts: [] };
  const ids = new Map<string, number>();
  const rows = Math.min(ws.rowCount, MAX_ROWS);
  const cols = Math.min(ws.columnCount, MAX_COLS);
  for (let r = 1; r <= rows; r++) {
    const line: number[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      let id = ids.get(master.address);
      if (id === undefined) {
        id = grid.texts.push(cellText(master)) - 1;
        ids.set(master.address, id);
      }
      line.push(id);
    }
    grid.origins.push(line);
  }
  // Empty cells are blanks inside a row, not padding: but whole empty rows and columns carry nothing.
  return gridToLines(grid);
}

export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const zip = await openZip(data, 'xlsx');
  if (!zip.file('xl/workbook.xml'))
    throw new ImportError('CORRUPT', '这不是 Excel（.xlsx）文件（缺少 xl/workbook.xml），可能是改了扩展名的其他文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError('CORRUPT', 'Excel（.xlsx）文件已损坏或不完整，无法读取（可以用 Excel/WPS 打开后另存一份再试）', String(e));
  }
  return wb;
}

export function workbookToText(wb: ExcelJS.Workbook): string {
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').flatMap((ws) => ['', ...sheetLines(ws)]).join('\n');
}

export async function readXlsx(data: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  const wb = await loadWorkbook(data);
  const own = readOwnExport(wb);
  if (own) {
    if (opts.year !== undefined && own.year !== opts.year)
      throw new ImportError('YEAR_MISMATCH', `这是${own.year}年度的报告，不是所选的${opts.year}年度，未导入`);
    return assemble(own);
  }
  return readPublished(workbookToText(wb), 'xlsx', opts);
}

/**
 * An .xlsx report: every sheet as a grid (merged ranges written once across, repeated down),
 * read by the label-anchored reader, so county sheets that follow the official table are found by
 * their labels wherever they sit. Money comes from a numeric cell and its number format: 0.984 shown
 * with 0.0000 is the string "0.9840" (report-json.md).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ImportError } from './errors';
import { gridToLines, type Grid } from './grid';
import { readPublished } from './text';
import { cellText } from './xlsx-cell';
import { clampSharedStrings, clampSheet, clampWorkbook, MAX_CELLS, MAX_COLS, MAX_ROWS } from './xlsx-clamp';
import { readOwnExport } from './xlsx-own';
import { assemble, type ImportOptions, type ImportResult } from './result';
import { openZip, type ZipArchive } from './zip';

/** Parts ExcelJS needs to give cell values, number formats and merges; everything else stays packed. */
const WANTED = /^(_rels\/\.rels|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
const SMALL_PART = 1024 * 1024;

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

/**
 * The workbook as ExcelJS reads it from a copy of the file that holds only the parts wanted, each
 * inflated under the zip layer's byte budget and each sheet clamped (xlsx-clamp.ts): ExcelJS never
 * sees the original archive, whose declared sizes and merges may be lies.
 */
export async function loadWorkbook(data: Uint8Array, opened?: ZipArchive): Promise<ExcelJS.Workbook> {
  const zip = opened ?? (await openZip(data, 'xlsx'));
  if (!zip.file('xl/workbook.xml'))
    throw new ImportError('CORRUPT', '这不是 Excel（.xlsx）文件（缺少 xl/workbook.xml），可能是改了扩展名的其他文件');
  const copy = new JSZip();
  copy.file('xl/workbook.xml', clampWorkbook(zip.text('xl/workbook.xml')));
  // Sheets first: the shared strings are cut down to those their kept cells use.
  const used = new Set<number>();
  const names = zip.names().filter((n) => WANTED.test(n));
  let cells = MAX_CELLS;
  for (const name of names.filter((n) => n.startsWith('xl/worksheets/'))) {
    const sheet = clampSheet(zip.text(name), cells);
    cells -= sheet.kept;
    for (const i of sheet.strings) used.add(i);
    copy.file(name, sheet.xml);
  }
  for (const name of names.filter((n) => !n.startsWith('xl/worksheets/'))) {
    if (name === 'xl/sharedStrings.xml') copy.file(name, clampSharedStrings(zip.text(name), used));
    else copy.file(name, zip.bytes(name, name.endsWith('.rels') ? SMALL_PART : undefined));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError('CORRUPT', 'Excel（.xlsx）文件已损坏或不完整，无法读取（可以用 Excel/WPS 打开后另存一份再试）', String(e));
  }
  return wb;
}

export function workbookToText(wb: ExcelJS.Workbook): string {
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').flatMap((ws) => ['', ...sheetLines(ws)]).join('\n');
}

export async function readXlsx(data: Uint8Array, opts: ImportOptions, opened?: ZipArchive): Promise<ImportResult> {
  const wb = await loadWorkbook(data, opened);
  const own = readOwnExport(wb);
  if (own) {
    if (opts.year !== undefined && own.year !== opts.year)
      throw new ImportError('YEAR_MISMATCH', `这是${own.year}年度的报告，不是所选的${opts.year}年度，未导入`);
    return assemble(own);
  }
  return readPublished(workbookToText(wb), 'xlsx', opts);
}

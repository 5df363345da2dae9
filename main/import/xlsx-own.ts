/**
 * Workbooks exported by this app carry a hidden 「_cells」 sheet (main/export/xlsx.ts, convention
 * version 1): key | sheet | address | type | value, with meta rows (format, year, agency, closing)
 * and one row per value cell giving its canonical path and address. Reading those addresses gives an
 * exact round trip, whatever the visible sheets look like after the clerk formatted them.
 */
import type ExcelJS from 'exceljs';
import { isFormatId } from '../../report/formats';
import { layoutOf } from '../../report/layout';
import type { Readings } from './result';
import { cellText } from './xlsx-cell';

const CELLS_SHEET = '_cells';
const CONVENTION = 1;

/** The readings of an own export, or null when the workbook is not one (or its map is damaged). */
export function readOwnExport(wb: ExcelJS.Workbook): Readings | null {
  const map = wb.getWorksheet(CELLS_SHEET);
  if (!map || cellText(map.getCell('A1')) !== 'key') return null;
  const meta = new Map<string, string>();
  const cells = new Map<string, { sheet: string; address: string }>();
  const props = new Map<string, string>();
  for (let r = 2; r <= Math.min(map.rowCount, 2000); r++) {
    const key = cellText(map.getCell(r, 1));
    const type = cellText(map.getCell(r, 4));
    if (type === 'meta') meta.set(key, cellText(map.getCell(r, 5)));
    else if (type === 'property') props.set(key, cellText(map.getCell(r, 5)));
    else if (key) cells.set(key, { sheet: cellText(map.getCell(r, 2)), address: cellText(map.getCell(r, 3)) });
  }
  const format = meta.get('format');
  const year = Number(meta.get('year'));
  if (Number(meta.get('nianbao.xlsx')) !== CONVENTION || !isFormatId(format) || !Number.isInteger(year)) return null;
  const values = new Map<string, string | null | undefined>();
  const formulas = new Set<string>();
  for (const cell of layoutOf(format).cells) {
    const at = cells.get(cell.path);
    const ws = at ? wb.getWorksheet(at.sheet) : undefined;
    if (!at || !ws || !/^[A-Z]{1,3}\d{1,6}$/.test(at.address)) return null;
    const xcell = ws.getCell(at.address);
    const text = cellText(xcell).trim();
    // A =SUM(…) total saved without its cached result: computed from its cells, as Excel would.
    if (text === '' && xcell.formula && cell.totalOf) formulas.add(cell.path);
    values.set(cell.path, text === '' ? null : text.replace(/[元万]+$/, ''));
  }
  const units = new Map<string, string>();
  for (const [k, v] of props) if (k.endsWith('.unit')) units.set(k, v);
  return {
    source: 'xlsx',
    format,
    year,
    agency: meta.get('agency') ?? '',
    text: {},
    closing: { agency: meta.get('closing.agency') ?? '', date: meta.get('closing.date') ?? '' },
    values,
    units,
    uncertain: new Set(),
    notes: [],
    formulas,
  };
}

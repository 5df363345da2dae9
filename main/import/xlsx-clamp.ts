/**
 * Sheet XML cut down to what a report can occupy before ExcelJS sees it. ExcelJS materialises every
 * cell of a merge (<mergeCell ref="A1:XFD1048576"/> is 17 billion cells), every column of
 * <col min max>, every cell of a data validation's or a defined name's range: a 1.5 KB file could
 * take gigabytes. WPS legitimately writes whole-row and whole-column merges and column styles, so
 * nothing is refused: merges and columns are clamped to the cells the sheet actually has, rows and
 * columns past what the reader looks at are dropped, and parts the reader never uses (validations,
 * conditional formats, hyperlinks, drawings, defined names) are left out.
 */

/** A sheet is read up to here: the official tables take under 40 rows and 15 columns. */
export const MAX_ROWS = 2000;
export const MAX_COLS = 60;
/**
 * Cells kept in one workbook, all sheets together: the four tables and the _cells map of an own
 * export take about 3 000; each cell read costs about 2 KB (ExcelJS, the grid, the text reader).
 */
export const MAX_CELLS = 20_000;
/** ExcelJS checks each new merge against all earlier ones (quadratic): a report has a few dozen. */
const MAX_MERGES = 4000;

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** One element (self-closing or with content) named `name` at the worksheet's top level, or ''. */
function part(xml: string, p: string, name: string): string {
  const start = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!start) return '';
  if (start[1] === '/') return start[0];
  const close = `</${p}${name}>`;
  const end = xml.indexOf(close, start.index);
  return end < 0 ? '' : xml.slice(start.index, end + close.length);
}

export interface Clamped {
  xml: string;
  /** Rows and columns that hold cells (at least 1×1). */
  rows: number;
  cols: number;
  /** Shared-string indexes the kept cells refer to. */
  strings: number[];
  /** Cells kept. */
  kept: number;
}

/** The sheet cut down to MAX_ROWS × MAX_COLS and at most `maxCells` cells (the rest of the workbook's allowance). */
export function clampSheet(xml: string, maxCells = MAX_CELLS): Clamped {
  const open = /<((?:[\w.-]+:)?)worksheet(?=[\s>])[^>]*>/.exec(xml);
  if (!open) return { xml, rows: 0, cols: 0, strings: [], kept: 0 }; // not a worksheet: ExcelJS says what is wrong with it
  const p = open[1]!;
  let maxRow = 1;
  let maxCol = 1;

  // Rows and cells within MAX_ROWS × MAX_COLS; positions without r follow the previous one.
  const data = part(xml, p, 'sheetData');
  const rowRe = new RegExp(`<${p}row(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${p}row>)`, 'g');
  const cellRe = new RegExp(`<${p}c(?=[\\s/>])([^>]*?)(?:/>|>[\\s\\S]*?</${p}c>)`, 'g');
  const rows: string[] = [];
  const strings: number[] = [];
  let kept = 0;
  let rowNo = 0;
  for (const row of data.matchAll(rowRe)) {
    rowNo = Number(attr(row[1]!, 'r') ?? rowNo + 1) || rowNo + 1;
    if (rowNo > MAX_ROWS) continue;
    const cells: string[] = [];
    let colNo = 0;
    for (const cell of (row[2] ?? '').matchAll(cellRe)) {
      const ref = CELL_REF.exec(attr(cell[1]!, 'r') ?? '');
      colNo = ref ? colNumber(ref[1]!) : colNo + 1;
      if (colNo > MAX_COLS || kept >= maxCells) continue;
      kept++;
      cells.push(cell[0]);
      if (attr(cell[1]!, 't') === 's') strings.push(Number(/<(?:[\w.-]+:)?v>\s*(\d+)/.exec(cell[0])?.[1] ?? -1));
      maxCol = Math.max(maxCol, colNo);
    }
    if (cells.length) maxRow = Math.max(maxRow, rowNo);
    rows.push(`<${p}row${row[1]}>${cells.join('')}</${p}row>`);
  }

  // Merges: the part inside the used range, when more than one cell of it is left.
  const merges: string[] = [];
  for (const m of part(xml, p, 'mergeCells').matchAll(new RegExp(`<${p}mergeCell(?=[\\s/>])[^>]*>`, 'g'))) {
    const [a, b = a] = (attr(m[0], 'ref') ?? '').split(':');
    const tl = CELL_REF.exec(a ?? '');
    const br = CELL_REF.exec(b ?? '');
    if (!tl || !br || merges.length >= MAX_MERGES) continue;
    const top = Number(tl[2]);
    const left = colNumber(tl[1]!);
    const bottom = Math.min(Number(br[2]), maxRow);
    const right = Math.min(colNumber(br[1]!), maxCol);
    if (top < 1 || left < 1 || bottom < top || right < left || (bottom === top && right === left)) continue;
    merges.push(`<${p}mergeCell ref="${colLetters(left)}${top}:${colLetters(right)}${bottom}"/>`);
  }

  // Column widths and styles (WPS writes min="1" max="16384"): only the columns read.
  const cols: string[] = [];
  for (const c of part(xml, p, 'cols').matchAll(new RegExp(`<${p}col(?=[\\s/>])[^>]*>`, 'g'))) {
    const min = Number(attr(c[0], 'min'));
    const max = Number(attr(c[0], 'max'));
    if (!(min >= 1 && max >= min) || min > maxCol || cols.length >= MAX_COLS) continue;
    cols.push(c[0].replace(/\smax\s*=\s*["'][^"']*["']/, ` max="${Math.min(max, maxCol)}"`).replace(/\s*\/?>$/, '/>'));
  }

  const out = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    open[0],
    `<${p}dimension ref="A1:${colLetters(maxCol)}${maxRow}"/>`,
    part(xml, p, 'sheetFormatPr'),
    cols.length ? `<${p}cols>${cols.join('')}</${p}cols>` : '',
    `<${p}sheetData>${rows.join('')}</${p}sheetData>`,
    merges.length ? `<${p}mergeCells count="${merges.length}">${merges.join('')}</${p}mergeCells>` : '',
    `</${p}worksheet>`,
  ];
  return { xml: out.join(''), rows: maxRow, cols: maxCol, strings, kept };
}

/**
 * sharedStrings.xml with only the strings the kept cells use: the others become empty <si/> so that
 * the indexes stay, and ExcelJS does not build objects for tens of megabytes no cell shows.
 */
export function clampSharedStrings(xml: string, used: ReadonlySet<number>): string {
  let i = -1;
  return xml.replace(/<((?:[\w.-]+:)?)si(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1si>)/g, (si, p: string) => (used.has(++i) ? si : `<${p}si/>`));
}

/** workbook.xml without defined names: ExcelJS expands each named range cell by cell, and the reader needs none. */
export function clampWorkbook(xml: string): string {
  return xml.replace(/<((?:[\w.-]+:)?)definedNames(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1definedNames>)/, '');
}

/**
 * Tables with merged cells (HTML rowspan/colspan, Word gridSpan/vMerge, Excel merges) expanded into
 * a grid and written as markdown rows, one line per table row: the form the label-anchored reader
 * takes exactly, blanks included. A cell merged across columns is written once; a cell merged down
 * rows is repeated in each row it covers, so a blank 总计 column merged into one tall cell still
 * gives every row its total (blank) cell.
 */

export interface SpanCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Origins per grid position (-1 = nothing there) and the text of each origin. */
export interface Grid {
  origins: number[][];
  texts: string[];
}

const MAX_SPAN_ROWS = 500;
const MAX_SPAN_COLS = 64;
const MAX_COLS = 256;

export function expandSpans(rows: readonly SpanCell[][]): Grid {
  const origins: number[][] = [];
  const texts: string[] = [];
  rows.forEach((row, r) => {
    origins[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (origins[r]![col] !== undefined && origins[r]![col]! >= 0) col++;
      if (col >= MAX_COLS) break;
      const id = texts.push(cell.text) - 1;
      const rs = Math.min(Math.max(1, cell.rowSpan | 0), MAX_SPAN_ROWS, rows.length - r);
      const cs = Math.min(Math.max(1, cell.colSpan | 0), MAX_SPAN_COLS, MAX_COLS - col);
      for (let i = 0; i < rs; i++) {
        const line = (origins[r + i] ??= []);
        for (let j = 0; j < cs; j++) if (line[col + j] === undefined || line[col + j]! < 0) line[col + j] = id;
      }
      col += cs;
    }
  });
  return { origins: origins.map((line) => Array.from(line, (x) => (x === undefined ? -1 : x))), texts };
}

const cellText = (s: string) => s.replace(/[|\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * One markdown line per grid row with any text; runs of the same origin within a row written once.
 * `blankRows`: a row of two or more cells, all blank, is kept too — in a document's table it is a row
 * printed with every cell left blank (Table 四's one data row of a unit with no 复议/诉讼), not a
 * spacer. A worksheet's blank rows are formatting, and stay out.
 */
export function gridToLines(grid: Grid, { blankRows = false } = {}): string[] {
  const lines: string[] = [];
  for (const full of grid.origins) {
    // A short (ragged) row ends where its last cell does; the missing tail is not blank cells.
    let end = full.length;
    while (end > 0 && full[end - 1]! < 0) end--;
    const row = full.slice(0, end);
    const cells: string[] = [];
    let prev = -2;
    for (const id of row) {
      if (id === prev) continue;
      prev = id;
      cells.push(id < 0 ? '' : cellText(grid.texts[id]!));
    }
    if (cells.some((c) => c) || (blankRows && cells.length >= 2)) lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/**
 * The figures after a row label, as cells. A segment of text runs from the end of a label to the
 * next label; how it splits into cells depends on how the copy was made:
 * - a markdown row (the label's line starts and ends with “|”, which is also how HTML, Word and
 *   Excel tables reach this reader): the cells between the pipes, blanks included, exactly;
 * - pipe- or tab-separated lines and one-cell-per-line copies: pieces between separators, where
 *   the empties at either end may be padding from merged label cells;
 * - running text (PDF or page text): numbers separated by spaces, or glued together.
 */
import { normalizeNumberText } from '../../../report/numbers';

/**
 * `whole`: the figure filled a cell of its own (a markdown cell), so it is never cut into several.
 * `line`: in running text, the line of the segment it was printed on (wrapped-joins.ts).
 */
export type Cell = { kind: 'blank' } | { kind: 'num'; text: string; unit?: '元' | '万元'; whole?: boolean; line?: number } | { kind: 'bad'; text: string };

export interface SegmentCells {
  cells: Cell[];
  /** Cell boundaries are known (markdown/grid row): no padding to trim, no blanks to infer. */
  exact: boolean;
  /** One cell per line with blanks as empty lines: the count of lines fixes the columns. */
  counted?: boolean;
  /** Figures in running text, with no cell separator at all (a PDF viewer's or crawler's text). */
  running?: boolean;
}

/** A blank cell: empty, a dash or slash (「——」 is two em dashes in Chinese typesetting), 无, 空. */
const BLANK = /^(?:[-—–－/／\\⸺⸻]|——|无|空)?$/;
const NUMBER = /^([+-]?\d+(?:\.\d+)?)(万元|元|件|项|个|条|次)?$/;
/** A spreadsheet's error value copied as text: a cell that had a figure nobody can read, not a blank. */
export const SHEET_ERROR = /^#(?:DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** One piece of text between separators: a blank, one or more figures, or words (returned as []). */
export function classify(piece: string, exact: boolean): Cell[] {
  const raw = piece.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (BLANK.test(raw)) return [{ kind: 'blank' }];
  if (SHEET_ERROR.test(raw)) return [{ kind: 'bad', text: raw }];
  // Running text keeps figures apart only by spaces: 「0 1 1 0 2」 is five cells. Inside a grid
  // cell a space is a thousands separator or noise (「1 234」).
  if (exact || !raw.includes(' ')) {
    const whole = NUMBER.exec(normalizeNumberText(raw));
    if (whole) return [numberCell(whole)];
    return exact ? [] : signedRun(raw);
  }
  // A page number printed between dashes (「— 2 —」, LibreOffice's footer in pdftotext -raw) is no
  // row of cells, though its dashes alone would be blank cells.
  if (/^[-—–－‒]+ \d{1,3} [-—–－‒]+$/.test(raw)) return [];
  const cells: Cell[] = [];
  for (const p of raw.split(' ')) {
    const last = cells[cells.length - 1];
    if ((p === '元' || p === '万元') && last?.kind === 'num') {
      last.unit = p;
      continue;
    }
    if (SHEET_ERROR.test(p)) {
      cells.push({ kind: 'bad', text: p });
      continue;
    }
    // A mark printed for zero between figures (「7 - 1 - - 1 9」, pdftotext -layout of a page writing
    // 「-」「/」「——」): a blank cell in its place, not words that end the row.
    if (p && BLANK.test(p)) {
      cells.push({ kind: 'blank' });
      continue;
    }
    const signed = signedRun(p);
    if (signed.length) {
      cells.push(...signed);
      continue;
    }
    const m = NUMBER.exec(normalizeNumberText(p));
    if (!m) return [];
    cells.push(numberCell(m));
  }
  // Figures the text keeps apart by spaces were printed apart: 「380 600 980」 is three figures, not
  // 3, 80, 60, 0 … (one run beside runs of zeros may still be a crawler's glued cells).
  const nonzero = cells.filter((c) => c.kind === 'num' && /[1-9]/.test(c.text));
  if (nonzero.length > 1) for (const c of nonzero) if (c.kind === 'num') c.whole = true;
  return cells;
}

/** Crawler text without separators: a minus inside figures starts a signed change (「35-15」 is 35 and -15). */
function signedRun(p: string): Cell[] {
  const t = normalizeNumberText(p);
  return /^\d+(?:-\d+)+$/.test(t) ? t.split(/(?=-)/).map((text) => ({ kind: 'num', text }) as const) : [];
}

function numberCell(m: RegExpExecArray): Cell {
  const unit = m[2] === '元' || m[2] === '万元' ? m[2] : undefined;
  return unit ? { kind: 'num', text: m[1]!, unit } : { kind: 'num', text: m[1]! };
}

export const isMarkdownRow = (line: string): boolean => /^\s*\|.*\|\s*$/.test(line);

/**
 * Cells of a segment. `labelLine` is the whole line the label sits on; `restOfLabelCell` says the
 * segment starts inside the label's cell (so the text up to the first separator is label, not figure).
 */
/** A browser's TAB-separated cells, each one figure or blank; null when a piece is anything else. */
export function tabCells(text: string): Cell[] | null {
  const pieces = text.split('\t').map((p) => classify(p, true));
  return pieces.every((p) => p.length === 1 && (p[0]!.kind === 'num' || p[0]!.kind === 'blank')) ? pieces.map(([c]) => c!) : null;
}

export function segmentCells(segment: string, labelLine: string, width = 0): SegmentCells {
  const lines = segment.split('\n');
  if (isMarkdownRow(labelLine)) {
    const pieces = lines[0]!.split('|');
    // pieces[0] is the rest of the label's cell, the last piece what follows the closing pipe. Each
    // figure filled its own cell: 「| 1 | 14 |」 under three columns is two figures and a blank
    // somewhere, never 1, 1, 4 (a PDF's Table 二 row with its 本年废止件数 blank).
    const cells = pieces.slice(1, -1).flatMap((p) => classify(p, true));
    return { cells: cells.map((c) => (c.kind === 'num' ? { ...c, whole: true } : c)), exact: true };
  }
  // A browser's copy puts one TAB between cells: a label line whose TAB-separated rest is exactly the
  // row's cells, figures and blanks, with nothing below it, is read cell for cell (「规章\t1653\t\t」 is
  // 1653 and two blanks, never 16 and 53).
  const tab = lines[0]!.indexOf('\t');
  if (width && tab >= 0 && !lines[0]!.includes('|') && lines.slice(1).every((l) => !l.trim())) {
    const pieces = tabCells(lines[0]!.slice(tab + 1));
    if (pieces?.length === width) return { cells: pieces.map((c) => (c.kind === 'num' ? { ...c, whole: true } : c)), exact: true };
  }
  const perLine = onePerLine(lines, width);
  if (perLine) return { cells: perLine, exact: false, counted: true, running: !/[|\t]/.test(segment) };
  const cells: Cell[] = [];
  lines.forEach((line, i) => {
    let t = line;
    if (i === 0) {
      const sep = t.search(/[|\t]/);
      if (sep >= 0) {
        t = t.slice(sep + 1);
        // 「行政许可\t」 and nothing more (a browser's copy, which puts a TAB between cells, of a row
        // whose one cell is blank): that blank cell. A figure on a later line would be the cell's own.
        if (line[sep] === '\t' && /^[^\S\t]*$/.test(t) && !lines.slice(1).some((l) => /\d/.test(l))) {
          cells.push({ kind: 'blank' });
          return;
        }
      } else {
        // Running text: the figures directly follow the label.
        if (t.trim()) cells.push(...onLine(classify(t, false), 0));
        return;
      }
      if (!/[^\s]|[|\t]/.test(t)) return;
    } else {
      if (!/[^\s]|[|\t]/.test(t)) return;
      // The opening 「| 」 of the next grid row, cut off where its label starts: not a blank cell here.
      if (i === lines.length - 1 && /^\s*\|\s*$/.test(t)) return;
      if (isMarkdownRow(t)) {
        // Each markdown cell is one figure: 「| 22 | 235 |」 is 22 and 235, never 22, 2, 35.
        for (const p of t.trim().slice(1, -1).split('|')) {
          const got = classify(p, false);
          cells.push(...(got.length === 1 && got[0]!.kind === 'num' ? [{ ...got[0]!, whole: true }] : got));
        }
        return;
      }
    }
    // A separator closing the line ends the cell; it does not open an empty one.
    t = t.replace(/\|\s*$/, '');
    for (const p of t.split(/[|\t]/)) cells.push(...(/[|\t]/.test(line) ? classify(p, false) : onLine(classify(p, false), i)));
  });
  // Figures kept apart by spaces or line breaks were printed apart (「296」 on its own line is not
  // 29 and 6). A crawler's glued run is one run beside runs of zeros at most (「000000」 + 「0」,
  // 「10001000000000」 + 「0」): that one may still be cut.
  const nonzero = cells.filter((c) => c.kind === 'num' && /[1-9]/.test(c.text));
  if (nonzero.length > 1) for (const c of nonzero) if (c.kind === 'num') c.whole = true;
  return { cells, exact: false, running: !/[|\t]/.test(segment) };
}

/** Figures of running text marked with the line they were printed on. */
const onLine = (cells: Cell[], line: number): Cell[] => cells.map((c) => (c.kind === 'num' ? { ...c, line } : c));

/** Leading and trailing blanks of a loose row: padding or blank cells, decided later. */
export function trimBlanks(cells: Cell[]): { core: Cell[]; lead: number; trail: number } {
  let a = 0;
  let b = cells.length;
  while (a < b && cells[a]!.kind === 'blank') a++;
  while (b > a && cells[b - 1]!.kind === 'blank') b--;
  return { core: cells.slice(a, b), lead: a, trail: cells.length - b };
}

const FIGURE_LINE = /^[\s\u00a0\u3000]*[+-]?\d+(?:\.\d+)?[\s\u00a0\u3000]*$/;
const EMPTY_LINE = /^[\s\u00a0\u3000]*$/;

/**
 * One cell per line (a browser copy, LibreOffice's “save as text”): a line with one figure is a
 * cell and an empty (or space-only) line between figures is a blank cell, so the count of lines
 * fixes each figure's column. Empty lines before the first and after the last figure may be
 * padding; the reader decides those (trimBlanks) and flags what stays ambiguous.
 */
function onePerLine(lines: string[], width: number): Cell[] | null {
  if (lines.length < 3 || !EMPTY_LINE.test(lines[0]!)) return null;
  const rest = lines.slice(1);
  const figures = rest.filter((l) => FIGURE_LINE.test(l)).length;
  if (figures === 0 || !rest.every((l) => FIGURE_LINE.test(l) || EMPTY_LINE.test(l))) return null;
  // Only when some blank sits between figures: otherwise the usual reading is the same.
  const first = rest.findIndex((l) => FIGURE_LINE.test(l));
  const last = rest.length - 1 - [...rest].reverse().findIndex((l) => FIGURE_LINE.test(l));
  if (!rest.slice(first, last + 1).some((l) => EMPTY_LINE.test(l))) return null;
  // pdftotext's plain text puts an empty line after every token.
  const inner = rest.slice(first, last + 1);
  // Figures alternating with single empty lines are that, whatever their count: the empty lines
  // may be blank cells (LibreOffice's text) or pdftotext's spacing, and nothing tells which.
  if (inner.every((l, i) => (i % 2 === 0 ? FIGURE_LINE.test(l) : EMPTY_LINE.test(l)))) return null;
  return rest.map((l) => (EMPTY_LINE.test(l) ? ({ kind: 'blank' } as const) : classify(l, true)[0]!));
}

/**
 * Figures wrapped inside their cells, in `pdftotext -layout` text (issue 18 §3): a Word table with
 * narrow figure columns, or a landscape page in full-width figures, prints 1404 as 「140」 over 「4」,
 * centerd on the row, so the row's one-line cells stand on the line between the two halves:
 *
 *                        140              80         89    376
 *     一、本年新收政府信息公开申请数量             245   228     186
 *                          4               5          2     0
 *
 * Read line by line that is three rows of stray figures (stacked-figures.ts flags them). Here the
 * halves are joined onto the middle line where that has one answer: the upper and lower lines hold
 * the same number of figures standing in the same columns, none in a column of the middle line's
 * figures, each upper half at least as long as its lower half and not starting with 0, and the
 * joined row is a whole row (7 cells, or Table 四's 15) that keeps its own rule (row-rule.ts, as the
 * PDF reader's wrapped-figures.ts). A top-aligned cell (joinBelow) likewise, and a row whose every
 * cell wraps round its label (bareRow). Anything else is left as printed.
 */
import { rowAddsUp } from '../pdf/row-rule';
import { FIGURE, lineFigures, lineTokens, type LineToken } from './line-tokens';


/** Two figures in one column: centers within this many characters. */
const SAME_COLUMN = 1;
/** Row widths whose own rule can be checked: Table 三, Table 四. */
const WIDTHS = [7, 15];

const blankOut = (line: string, figures: readonly LineToken[]): string => {
  const chars = [...line];
  for (const f of figures) for (let k = 0; k < f.text.length; k++) chars[f.start + k] = ' ';
  return chars.join('').trimEnd();
};

/** `line` with its own figures taken out and `figures` written at their centers, a space apart at least. */
function rewrite(line: string, own: readonly LineToken[], figures: readonly { text: string; center: number }[]): string {
  const chars = [...blankOut(line, own)];
  let free = 0;
  for (const f of figures) {
    const at = Math.max(free, Math.round(f.center - f.text.length / 2));
    while (chars.length < at + f.text.length) chars.push(' ');
    for (let k = 0; k < f.text.length; k++) chars[at + k] = f.text[k]!;
    free = at + f.text.length + 1;
  }
  return chars.join('').trimEnd();
}

/** An item number beginning a row label (「2.」「（五）」「四、」): a line holding one starts its own row. */
const ITEM = /(?:^|\s)(?:\d{1,2}[.．、]|[（(][一二三四五六七][）)]|[一二三四五六七]、)/;

/**
 * A cell top-aligned (Word's default): the row's figures on its line, a wrapped figure's first half
 * among them, and its last digits alone below it (「0 0 0 22 0 0 225」 over 「5」 under the 22). Joined
 * only where the row as printed breaks its rule and the joined row keeps it.
 */
function joinBelow(lines: string[], m: number): boolean {
  const row = lineFigures(lines[m]!);
  const below = lineFigures(lines[m + 1]!);
  if (!WIDTHS.includes(row.length) || !below.length || below.length >= row.length || ITEM.test(lines[m + 1]!)) return false;
  if (rowAddsUp(row.map((f) => Number(f.text)))) return false;
  const owner = below.map((d) => row.filter((f) => Math.abs(f.center - d.center) <= SAME_COLUMN));
  if (!owner.every((o, k) => o.length === 1 && /^[1-9]/.test(o[0]!.text) && o[0]!.text.length >= below[k]!.text.length)) return false;
  if (new Set(owner.map((o) => o[0])).size !== below.length) return false;
  const joined = row.map((f) => {
    const k = owner.findIndex((o) => o[0] === f);
    return { text: k < 0 ? f.text : f.text + below[k]!.text, center: f.center };
  });
  if (!rowAddsUp(joined.map((f) => Number(f.text)))) return false;
  lines[m + 1] = blankOut(lines[m + 1]!, below);
  lines[m] = rewrite(lines[m]!, row, joined);
  return true;
}

const figuresOnly = (line: string): boolean => lineTokens(line).every((t) => FIGURE.test(t.text));

/**
 * Every cell of the row wrapped (「773 56 416 … 291」 over 「2 63 7 … 00」, narrow figure columns): the row's
 * label alone between the halves, on a line of its own left of every figure, the halves on lines of
 * figures only. Two rows' figures above and below a label without any (「1 1 1 1 1 1 6」 twice, joined
 * into 「11 … 66」 every rule kept) are told apart where they can be: either line keeping the rule alone
 * is a row of its own, so no join.
 */
function bareRow(lines: readonly string[], m: number, up: readonly LineToken[], down: readonly LineToken[]): boolean {
  const label = lines[m]!.trimEnd();
  if (!label.trim() || !up.length || !down.length || label.length + 1 >= Math.min(up[0]!.start, down[0]!.start)) return false;
  if (!figuresOnly(lines[m - 1]!) || !figuresOnly(lines[m + 1]!)) return false;
  return !rowAddsUp(up.map((f) => Number(f.text))) && !rowAddsUp(down.map((f) => Number(f.text)));
}

/** The text with every certain wrapped row joined onto its middle line; the same text when there is none. */
export function joinWrappedLayout(text: string): string {
  const lines = text.split('\n');
  for (let m = 0; m + 1 < lines.length; m++) joinBelow(lines, m);
  // pdftotext prints every character in one column: CJK or not, a figure's column is its character index.
  for (let m = 1; m + 1 < lines.length; m++) {
    const mid = lineFigures(lines[m]!);
    const up = lineFigures(lines[m - 1]!);
    const down = lineFigures(lines[m + 1]!);
    if ((!mid.length && !bareRow(lines, m, up, down)) || !up.length || up.length !== down.length || !WIDTHS.includes(mid.length + up.length)) continue;
    const halves = up.map((u, k) => [u, down[k]!] as const);
    if (!halves.every(([u, d]) => Math.abs(u.center - d.center) <= SAME_COLUMN && /^[1-9]/.test(u.text) && u.text.length >= d.text.length)) continue;
    if (up.some((u) => mid.some((f) => Math.abs(f.center - u.center) <= SAME_COLUMN + 0.5))) continue;
    const joined = [...mid.map((f) => ({ text: f.text, center: f.center })), ...halves.map(([u, d]) => ({ text: u.text + d.text, center: u.center }))]
      .sort((a, b) => a.center - b.center);
    if (!rowAddsUp(joined.map((f) => Number(f.text)))) continue;
    lines[m - 1] = blankOut(lines[m - 1]!, up);
    lines[m + 1] = blankOut(lines[m + 1]!, down);
    lines[m] = rewrite(lines[m]!, mid, joined);
  }
  return lines.join('\n');
}

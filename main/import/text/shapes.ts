/**
 * Copies whose table rows are spread over lines, put back into one line per row before reading.
 * - A browser copy (Ctrl+A/Ctrl+C, innerText) of a table whose cells hold paragraphs: every cell
 *   on its own line, a line holding only a TAB between two cells of a row, a blank cell nothing
 *   (or a lone no-break space) between two TAB lines. Joined back, a row is TAB-separated, the
 *   shape the reader takes with its blanks in place.
 */

/** A line with a TAB and nothing else (spaces, no-break spaces). */
const TAB_ONLY = /^[ \u00a0\u3000]*\t[\t \u00a0\u3000]*$/;
/** Below this many TAB-only lines the text is not such a copy (a stray TAB changes nothing). */
const MIN_TAB_LINES = 8;

export function joinTabLines(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.filter((l) => TAB_ONLY.test(l)).length < MIN_TAB_LINES) return text;
  const out: string[] = [];
  let row: string[] | null = null;
  // Cells of the row being joined; `cell` collects a cell's lines until the next TAB line.
  let cell: string[] = [];
  const flushRow = () => {
    if (row) {
      row.push(cell.join(' '));
      out.push(row.join('\t'));
    } else if (cell.length) out.push(...cell);
    row = null;
    cell = [];
  };
  let blanks = 0;
  for (const line of lines) {
    if (TAB_ONLY.test(line)) {
      row ??= [];
      row.push(cell.join(' '));
      cell = [];
      blanks = 0;
      continue;
    }
    if (!line.trim() && !/\u00a0/.test(line)) {
      // Two or more empty lines end a table row (cells are one empty line apart).
      if (++blanks >= 2) {
        if (row) flushRow();
        else if (cell.length) {
          out.push(...cell);
          cell = [];
        }
      }
      continue;
    }
    // A figure cell has one paragraph: text after it (a heading, the next table) is not in the row.
    if (row && blanks && cell.length && cell.every((c) => /^[\d.\s\u00a0]*$/.test(c))) flushRow();
    blanks = 0;
    cell.push(line.replace(/^[\u00a0\s]+$/, ''));
  }
  flushRow();
  return out.join('\n');
}

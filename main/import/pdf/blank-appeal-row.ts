/**
 * Table 四 printed with every cell blank (a unit with no 复议 or 诉讼 whose page writes 0 as `&nbsp;`,
 * printed to PDF by a browser) has no figures to anchor its one data row, and the text layer holds
 * nothing for a blank cell. Under a whole 15-column header, an empty band at least a row high before
 * the next line of the same page is that row: it is read as 15 blank cells, as a copy of the same
 * page gives them. The header may end its page: then the next page's first line is what follows it,
 * a row of figures (the row moved over) or the next part's heading (the row was blank, on either
 * page). A line right under the header, a next page that begins with the header again (its blank
 * row is that header's), or nothing after it at all: nothing is added and the table stays flagged.
 */
import type { ColumnSet } from './columns';
import type { Line } from './lines';

/** The first line of a page that starts with Table 四's header repeated. */
const repeatsHeader = (sets: readonly ColumnSet[], first: Line) =>
  sets.some((s) => s.centers.length === 15 && s.page === first.page && s.y >= first.y - 1);

/** An empty band this many header-font lines high under Table 四's header holds its blank row. */
const BLANK_ROW_LINES = 2.5;

/**
 * The blank data rows found, each a line with no items, also spliced into `lines` in reading order.
 * Call only when the text layer has figures elsewhere (a PDF whose figures are all missing is not
 * one to read blanks from).
 */
export function blankAppealRows(lines: Line[], sets: readonly ColumnSet[], isRow: (l: Line) => boolean): Line[] {
  const added: Line[] = [];
  for (const set of sets.filter((s) => s.centers.length === 15)) {
    const header = lines.find((l) => l.page === set.page && Math.abs(l.y - set.y) <= 1);
    if (!header) continue;
    const next = lines.slice(lines.indexOf(header) + 1).find((l) => l.page > set.page || l.y < set.y - 1);
    if (!next || isRow(next)) continue;
    if (next.page === set.page ? set.y - next.y < header.size * BLANK_ROW_LINES : repeatsHeader(sets, next)) continue;
    const row: Line = { page: set.page, y: set.y - header.size * 1.5, size: header.size, items: [] };
    lines.splice(lines.indexOf(next), 0, row);
    added.push(row);
  }
  return added;
}

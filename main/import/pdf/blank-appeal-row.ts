/**
 * Table 四 printed with every cell blank (a unit with no 复议 or 诉讼 whose page writes 0 as `&nbsp;`,
 * printed to PDF by a browser) has no figures to anchor its one data row, and the text layer holds
 * nothing for a blank cell. Under a whole 15-column header, an empty band at least a row high before
 * the next line of the same page is that row: it is read as 15 blank cells, as a copy of the same
 * page gives them. The header may end its page: then the next page's first line is what follows it,
 * a row of figures (the row moved over) or the next part's heading (the row was blank, on either
 * page). A line right under the header, a next page that begins with the header again (its blank
 * row is that header's), or nothing after it at all: nothing is added and the table stays flagged.
 * A header repeated on the next page is the same table: figures under any of them, and no blank row.
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel } from '../text/normalize';
import type { ColumnSet } from './columns';
import { lineText, type Line } from './lines';

/** The first line of a page that starts with Table 四's header repeated (its words only, the set's lowest line below). */
const repeatsHeader = (sets: readonly ColumnSet[], first: Line) =>
  onlyHeaderWords(first) && sets.some((s) => s.centers.length === 15 && s.page === first.page && s.y <= first.y + 1);

/** An empty band this many header-font lines high under Table 四's header holds its blank row. */
const BLANK_ROW_LINES = 2.5;

/**
 * The blank data rows found, each a line with no items, also spliced into `lines` in reading order.
 * Call only when the text layer has figures elsewhere (a PDF whose figures are all missing is not
 * one to read blanks from).
 */
export function blankAppealRows(lines: Line[], sets: readonly ColumnSet[], isRow: (l: Line) => boolean): Line[] {
  const under = sets.filter((s) => s.centers.length === 15).map((set) => {
    const header = lines.find((l) => l.page === set.page && Math.abs(l.y - set.y) <= 1);
    const next = header && lines.slice(lines.indexOf(header) + 1).find((l) => l.page > set.page || l.y < set.y - 1);
    return { set, header, next };
  });
  // One Table 四, however often its header is printed: figures under any of its headers are its row
  // (LibreOffice prints an empty row under the header it repeats on the next page), and one blank row at most.
  if (under.some((u) => u.next && isRow(u.next))) return [];
  for (const { set, header, next } of under) {
    if (!header || !next) continue;
    if (next.page === set.page ? set.y - next.y < header.size * BLANK_ROW_LINES : repeatsHeader(sets, next)) continue;
    const row: Line = { page: set.page, y: set.y - header.size * 1.5, size: header.size, items: [] };
    lines.splice(lines.indexOf(next), 0, row);
    return [row];
  }
  return [];
}

/** Words Table 四's header is printed in, whole or broken (「结果/维持」). */
const HEADER_WORDS = [...new Set(Object.values(FORMATS).flatMap((f) => [
  ...f.appeals.groups.flatMap((g) => [g.label, g.parent ?? g.label]),
  ...f.appeals.outcomes,
  ...f.appeals.outcomes.flatMap((o) => [o.slice(0, 2), o.slice(2)]),
]).map(compactLabel).filter(Boolean))].sort((a, b) => b.length - a.length);

const onlyHeaderWords = (l: Line) => {
  let t = compactLabel(lineText(l));
  for (const w of HEADER_WORDS) t = t.split(w).join('');
  return t === '' && l.items.length > 0;
};

/**
 * Table 四's header printed again after its row of figures (LibreOffice repeats it on the next page,
 * over an empty row): the lines of every such repeat, to be left out. The text reader takes the row
 * after the last header, which would be none.
 */
export function repeatedAppealHeaders(lines: readonly Line[], sets: readonly ColumnSet[], isRow: (l: Line) => boolean): Set<Line> {
  const drop = new Set<Line>();
  let rowSeen = false;
  for (const set of sets.filter((s) => s.centers.length === 15)) {
    const at = lines.findIndex((l) => l.page === set.page && Math.abs(l.y - set.y) <= 1);
    if (at < 0) continue;
    if (rowSeen)
      for (let i = at; i >= 0 && lines[i]!.page === set.page && onlyHeaderWords(lines[i]!); i--) drop.add(lines[i]!);
    const next = lines.slice(at + 1).find((l) => l.page > set.page || l.y < set.y - 1);
    if (next && isRow(next)) rowSeen = true;
  }
  return drop;
}

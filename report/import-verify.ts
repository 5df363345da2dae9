/**
 * Which cells an import leaves 待核对: one answer for the import preview, `import` on the command line
 * and the county's collection, so a figure that was not read as printed is listed in the editor
 * until someone has compared it with the original — whichever way it came in.
 */
import { layoutOf } from './layout';
import type { CellPath, FormatId } from './types';

export interface ImportReading {
  format: FormatId;
  /** Cells whose figures were split by rule (digits run together in the source). */
  split: readonly CellPath[];
  /** Cells with no reading: saved as 0 unless the clerk typed a figure. */
  nulls: readonly CellPath[];
  /** Cells read with doubt (the importer's flags), nulls included. */
  uncertain: readonly CellPath[];
}

/**
 * `seen`: a person looked at the reading before saving (the preview highlights the doubtful cells,
 * and saving there accepts them). Without that look (the CLI, a folder collected), the doubtful
 * cells are kept as read but listed too. Cells the clerk typed are their own figures. A total split
 * out of run-together digits is as doubtful as its row; an unread total only follows its cells, which
 * are listed. In the layout's order.
 */
export function cellsToVerify(r: ImportReading, o: { seen: boolean; typed?: ReadonlySet<CellPath> }): CellPath[] {
  const unread = new Set(r.nulls);
  const listed = new Set<CellPath>([...r.split, ...r.nulls, ...(o.seen ? [] : r.uncertain)]);
  return layoutOf(r.format)
    .cells.filter((c) => listed.has(c.path) && !(c.totalOf && unread.has(c.path)) && !o.typed?.has(c.path))
    .map((c) => c.path);
}

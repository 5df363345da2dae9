/**
 * The report an import will save: the importer's reading with what the clerk typed into the
 * unread (null) and uncertain cells, totals fed by them recomputed. Pure, so it is unit-tested.
 */
import { layoutOf } from '../../../report/layout';
import type { CellPath, Report } from '../../../report/types';
import { applyEdits, type CellEdit } from '../grid/edits';
import { commitInput } from '../grid/input';

export interface Filled {
  report: Report;
  /** Unread cells still blank, and the totals they feed. */
  blank: Set<CellPath>;
  invalid: Map<CellPath, string>;
  /** The uncertain cells kept as read (or as 0 when left blank): the clerk accepts them by saving. */
  accepted: CellPath[];
}

export function fillImport(read: Report, nulls: readonly CellPath[], uncertain: readonly CellPath[], typed: ReadonlyMap<CellPath, string>, blankAsZero: boolean): Filled {
  const layout = layoutOf(read.format);
  const nullSet = new Set(nulls);
  const edits: CellEdit[] = [];
  const invalid = new Map<CellPath, string>();
  const blank = new Set<CellPath>();
  for (const [path, text] of typed) {
    const info = layout.cellByPath.get(path);
    if (!info || info.totalOf) continue;
    if (text.trim() === '' && nullSet.has(path)) continue; // still unread
    const r = commitInput(info.type, text);
    if (r.ok) edits.push({ path, value: r.value });
    else invalid.set(path, r.message);
  }
  if (!blankAsZero) {
    for (const p of nulls) if (!layout.cellByPath.get(p)?.totalOf && !(typed.get(p) ?? '').trim()) blank.add(p);
    // Totals in evaluation order: a total is blank while anything it adds up is.
    for (const t of layout.totals) if (nullSet.has(t.path) && t.of.some((p) => blank.has(p))) blank.add(t.path);
  }
  const typedPaths = new Set(edits.map((e) => e.path));
  return {
    report: applyEdits(read, edits).report,
    blank,
    invalid,
    accepted: uncertain.filter((p) => !typedPaths.has(p)),
  };
}

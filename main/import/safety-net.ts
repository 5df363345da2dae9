/**
 * The safety net after every table read (issue 18 §1). Whatever reader filled the report (copied
 * text, HTML, Word, Excel, PDF), its tables meet here before the report is handed over. The table
 * rules of format.md §7 (report/checks: T3-1, T3-2, T3-3, T4-1, T2-2…T2-4) are run on what was read;
 * when they break, the net asks whether one misplaced row or column explains the breakage — the
 * reading with that row or column put back satisfies every rule of the table. If so the reader
 * cannot be trusted there, and the rows (or columns) concerned are flagged with the reason. A
 * breakage no shift explains is the publisher's: imported as printed, the rule's finding says so.
 */
import { cloneReport, countOf, getCell, setCell } from '../../report/cells';
import { balanceTerms, checkActive, checkBalance, checkTotals } from '../../report/checks/tables';
import { finding } from '../../report/checks/helpers';
import { inferLevel } from '../../report/checks';
import { layoutOf } from '../../report/layout';
import type { AgencyLevel, CellPath, Finding, Report } from '../../report/types';

/** A table as rows of cell paths: Table 三 row by row; Table 四 as the one printed row of 15 cells. */
type Grid = CellPath[][];

/** One way a reader can misplace figures, undone: `move` maps target → source, `free` cells lost in the shift. */
interface Undo {
  what: string;
  move: Map<CellPath, CellPath>;
  free: CellPath[];
}

export interface NetResult {
  flagged: CellPath[];
  notes: Finding[];
}

const TABLE_RULES = new Set(['T3-1', 'T3-2', 'T3-3', 'T4-1']);

function grids(report: Report): { requests: Grid; appeals: Grid; rowNames: string[] } {
  const def = layoutOf(report.format).format;
  const cols = def.requests.columns.length;
  const requests = def.requests.rows.map((r) => Array.from({ length: cols }, (_, c) => `requests.${r.key}.${c}`));
  const appeals = [def.appeals.groups.flatMap((g) => def.appeals.outcomes.map((_, i) => `appeals.${g.key}.${i}`))];
  return { requests, appeals, rowNames: def.requests.rows.map((r) => `“${r.label}”行`) };
}

/** Every single-row and single-column shift of a grid, as the undo that would put it back. */
export function undosOf(grid: Grid, rowNames: readonly string[] = []): Undo[] {
  const out: Undo[] = [];
  const n = grid.length;
  const w = grid[0]!.length;
  const name = (r: number) => rowNames[r] ?? '';
  for (let k = 0; k < n - 1; k++) {
    // Read one row late (each row took the figures of the row above): put back by moving up.
    const up = new Map<CellPath, CellPath>();
    for (let r = k; r < n - 1; r++) grid[r]!.forEach((p, c) => up.set(p, grid[r + 1]![c]!));
    out.push({ what: `从${name(k)}起各行读成了上一行的数字`, move: up, free: grid[n - 1]! });
    const down = new Map<CellPath, CellPath>();
    for (let r = k + 1; r < n; r++) grid[r]!.forEach((p, c) => down.set(p, grid[r - 1]![c]!));
    out.push({ what: `从${name(k)}起各行读成了下一行的数字`, move: down, free: grid[k]! });
  }
  for (let r = 0; r < n; r++)
    for (let c = 0; c < w - 1; c++) {
      const left = new Map<CellPath, CellPath>();
      for (let i = c; i < w - 1; i++) left.set(grid[r]![i]!, grid[r]![i + 1]!);
      out.push({ what: `${name(r)}的数字从第${c + 1}格起向右错了一格`, move: left, free: [grid[r]![w - 1]!] });
      const right = new Map<CellPath, CellPath>();
      for (let i = c + 1; i < w; i++) right.set(grid[r]![i]!, grid[r]![i - 1]!);
      out.push({ what: `${name(r)}的数字从第${c + 1}格起向左错了一格`, move: right, free: [grid[r]![c]!] });
    }
  // One column alone read a row off (a total printed between two lines of a wrapped label).
  for (let c = 0; c < w; c++)
    for (let k = 0; k < n - 1; k++) {
      const up = new Map<CellPath, CellPath>();
      for (let r = k; r < n - 1; r++) up.set(grid[r]![c]!, grid[r + 1]![c]!);
      out.push({ what: `第${c + 1}列从${name(k)}起读成了下一行的数字`, move: up, free: [grid[n - 1]![c]!] });
      const down = new Map<CellPath, CellPath>();
      for (let r = k + 1; r < n; r++) down.set(grid[r]![c]!, grid[r - 1]![c]!);
      out.push({ what: `第${c + 1}列从${name(k)}起读成了上一行的数字`, move: down, free: [grid[k]![c]!] });
    }
  if (n > 1)
    for (let c = 0; c < w - 1; c++) {
      const left = new Map<CellPath, CellPath>();
      const right = new Map<CellPath, CellPath>();
      for (const row of grid) {
        for (let i = c; i < w - 1; i++) left.set(row[i]!, row[i + 1]!);
        for (let i = c + 1; i < w; i++) right.set(row[i]!, row[i - 1]!);
      }
      out.push({ what: `第${c + 1}列起各列向右错了一列`, move: left, free: grid.map((row) => row[w - 1]!) });
      out.push({ what: `第${c + 1}列起各列向左错了一列`, move: right, free: grid.map((row) => row[c]!) });
    }
  return out;
}

/** The T3/T4 findings of a report, leaving out those about cells with no reading. */
function tableFindings(report: Report, free: ReadonlySet<CellPath>): Finding[] {
  return [...checkBalance(report), ...checkTotals(report)].filter((f) => TABLE_RULES.has(f.rule) && !f.cells.some((c) => free.has(c)));
}

/** The same rules as equations sum(left) = sum(right), from the one definition (layout totals, T3-1 terms). */
interface Equation {
  left: CellPath[];
  right: CellPath[];
  all: CellPath[];
}

function equationsOf(report: Report): Equation[] {
  return [
    ...layoutOf(report.format).totals.map((t) => ({ left: [t.path], right: t.of, all: [t.path, ...t.of] })),
    ...balanceTerms(report.format).map((b) => ({ left: b.inPaths, right: b.outPaths, all: [...b.inPaths, ...b.outPaths] })),
  ];
}

interface Values {
  get(p: CellPath): number | undefined;
  set(p: CellPath, v: number): unknown;
}
/** `base` with `top` laid over it; writes go to `top`. */
const overlay = (base: Values, top: Map<CellPath, number>): Values => ({
  get: (p) => top.get(p) ?? base.get(p),
  set: (p, v) => top.set(p, v),
});
const sumOf = (v: Values, ps: CellPath[]) => ps.reduce((s, p) => s + (v.get(p) ?? 0), 0);

/**
 * Cells lost in a shift get the value the rules leave them, where they leave one: a total from its
 * parts, one part from its total and the others, a T3-1 term from the other three.
 */
function solveFree(eqs: Equation[], v: Values, free: Set<CellPath>): void {
  let progress = true;
  while (progress && free.size) {
    progress = false;
    for (const e of eqs) {
      const open = e.all.filter((p) => free.has(p));
      if (open.length !== 1) continue;
      const p = open[0]!;
      const diff = sumOf(v, e.left.filter((x) => x !== p)) - sumOf(v, e.right.filter((x) => x !== p));
      const value = e.left.includes(p) ? -diff : diff;
      if (value < 0) continue;
      v.set(p, value);
      free.delete(p);
      progress = true;
    }
  }
}

/** Whether undoing the shift leaves every rule of the table holding (and moves at least one figure). */
function explains(eqs: Equation[], values: Values, undo: Undo, unread: ReadonlySet<CellPath>, plausibleLoss: (p: CellPath) => boolean): boolean {
  // What the undo throws away must be what a slip leaves behind: a blank (0, or no reading) or the
  // figure next to it read twice. Otherwise a shift could "explain" any broken rule by dropping the
  // column or row that breaks it (a misprinted 自然人 figure is not a table read one column off).
  const sources = new Set(undo.move.values());
  for (const to of undo.move.keys()) if (!sources.has(to) && !plausibleLoss(to)) return false;
  let changed = false;
  // Only the moved cells are copied: the rest are read through from `values`.
  const moved = new Map<CellPath, number>();
  for (const [to, from] of undo.move) {
    if (unread.has(from)) return false;
    const v = values.get(from) ?? 0;
    if (v !== values.get(to)) changed = true;
    moved.set(to, v);
  }
  const next = overlay(values, moved);
  const free = new Set(undo.free);
  for (const p of unread) if (!undo.move.has(p)) free.add(p);
  // Most undos fail on a rule away from the lost cells: checked first, before solving.
  for (const e of eqs) if (!e.all.some((p) => free.has(p)) && sumOf(next, e.left) !== sumOf(next, e.right)) return false;
  solveFree(eqs, next, free);
  // A lost cell the rules cannot give back would make every rule through it hold vacuously.
  for (const p of undo.free) if (free.has(p)) return false;
  // Nothing moved: a shift only if the rules give back more than one lost figure (one is a misprint),
  // or the one they give back was read as the figure beside it (the row above read twice).
  if (!changed) {
    const restored = undo.free.filter((p) => next.get(p) !== values.get(p));
    if (restored.length < 2 && !(restored.length === 1 && values.get(restored[0]!) !== 0 && plausibleLoss(restored[0]!))) return false;
  }
  for (const e of eqs) {
    if (free.size && e.all.some((p) => free.has(p))) continue;
    if (sumOf(next, e.left) !== sumOf(next, e.right)) return false;
  }
  return true;
}

const LIMIT_LISTED = 3;

/** The undos depend only on the layout: made once per format and table. */
const undoCache = new Map<string, (Undo & { cells: CellPath[] })[]>();
function cachedUndos(key: string, grid: Grid, rowNames: string[]): (Undo & { cells: CellPath[] })[] {
  let u = undoCache.get(key);
  if (!u) {
    u = undosOf(grid, rowNames).map((x) => ({ ...x, cells: [...x.move.keys(), ...x.free] }));
    undoCache.set(key, u);
  }
  return u;
}

function netForTable(report: Report, grid: Grid, rowNames: string[], title: string, table: string, unread: ReadonlySet<CellPath>): NetResult {
  const broken = tableFindings(report, unread).filter((f) => f.cells.some((c) => c.startsWith(table)));
  if (!broken.length) return { flagged: [], notes: [] };
  const eqs = equationsOf(report).filter((e) => e.left[0]!.startsWith(table));
  const values: Map<CellPath, number> = new Map(grid.flat().map((p) => [p, countOf(report, p)]));
  const holds = (e: Equation) => sumOf(values, e.left) === sumOf(values, e.right);
  const brokenEqs = eqs.filter((e) => !e.all.some((p) => unread.has(p)) && !holds(e));
  const touched = new Set(brokenEqs.flatMap((e) => e.all));
  const at = new Map<CellPath, [number, number]>();
  grid.forEach((row, r) => row.forEach((p, c) => at.set(p, [r, c])));
  const plausibleLoss = (p: CellPath): boolean => {
    const v = values.get(p);
    if (unread.has(p) || !v) return true;
    const [r, c] = at.get(p)!;
    return [grid[r - 1]?.[c], grid[r + 1]?.[c], grid[r]?.[c - 1], grid[r]?.[c + 1]].some((q) => q !== undefined && values.get(q) === v);
  };
  // An undo that touches no cell of a broken rule cannot mend it.
  const hits = cachedUndos(`${report.format}:${table}`, grid, rowNames).filter((u) => u.cells.some((p) => touched.has(p)) && explains(eqs, values, u, unread, plausibleLoss));
  const flagged = new Set<CellPath>();
  const reasons: string[] = [];
  for (const u of hits) {
    for (const [to, from] of u.move) if (values.get(to) !== values.get(from)) flagged.add(to);
    for (const p of u.free) flagged.add(p);
    reasons.push(u.what);
  }
  // A total read as the figure beside it (in its row, or above or below it) while its sum breaks:
  // the figures slid one cell (a blank went in front, or a row was lost under it).
  for (const e of brokenEqs) {
    if (e.left.length !== 1) continue;
    const total = e.left[0]!;
    const r = grid.findIndex((row) => row.includes(total));
    const c = grid[r]!.indexOf(total);
    const beside = [grid[r]![c - 1], grid[r]![c + 1], grid[r - 1]?.[c], grid[r + 1]?.[c]].filter((p): p is CellPath => !!p && !unread.has(p));
    if (beside.some((p) => values.get(p) === values.get(total))) {
      for (const p of [total, ...e.right]) flagged.add(p);
      reasons.push(`${rowNames[r] ?? ''}的总计与旁边一格的数字相同`);
    }
  }
  // Rows equal to a neighbour (not all zeros) while the rules break: the same figures read twice.
  if (grid.length > 1)
    for (let r = 0; r + 1 < grid.length; r++) {
      const a = grid[r]!.map((p) => countOf(report, p));
      const b = grid[r + 1]!.map((p) => countOf(report, p));
      if (a.some((v) => v !== 0) && a.every((v, i) => v === b[i])) {
        for (const p of [...grid[r]!, ...grid[r + 1]!]) flagged.add(p);
        reasons.push(`${rowNames[r]}与${rowNames[r + 1]}数字完全相同`);
      }
    }
  if (!flagged.size) return { flagged: [], notes: [] };
  const cells = [...flagged];
  const unique = [...new Set(reasons)];
  const listed = unique.slice(0, LIMIT_LISTED).join('；') + (unique.length > LIMIT_LISTED ? `等${unique.length}种情形` : '');
  const rules = [...new Set(broken.map((f) => f.rule))].join('、');
  return {
    flagged: cells,
    notes: [finding('IMPORT-SHIFT', 'error', cells, null, rules,
      `${title}读出的数字不符合勾稽关系（${rules}），而按错位一行或一列读时恰好全部成立（${listed}），读出的行列可能错位；涉及的${cells.length}格已标出，请对照原文逐格核对`)],
  };
}

/**
 * Table 二 has no sums; its rules (T2-2…T2-4) only bound a row. A row that breaks one while the
 * same figures one cell over (rotated within the row) keep it was most likely read out of place.
 */
function netForActive(report: Report, level: AgencyLevel | null, unread: ReadonlySet<CellPath>): NetResult {
  const broken = checkActive(report, level).filter((f) => /^T2-[234]$/.test(f.rule) && !f.cells.some((c) => unread.has(c)));
  const flagged = new Set<CellPath>();
  for (const f of broken) {
    const row = f.cells[0]!.split('.').slice(0, 2).join('.');
    const fields = Object.keys(report.active[row.split('.')[1]!] ?? {}).filter((k) => typeof getCell(report, `${row}.${k}`) === 'number');
    const paths = fields.map((k) => `${row}.${k}`);
    for (const dir of [1, -1]) {
      const next = cloneReport(report);
      paths.forEach((p, i) => setCell(next, p, countOf(report, paths[(i + dir + paths.length) % paths.length]!)));
      if (!checkActive(next, level).some((g) => g.rule === f.rule && g.cells.some((c) => c.startsWith(row)))) paths.forEach((p) => flagged.add(p));
    }
  }
  const cells = [...flagged];
  return cells.length
    ? { flagged: cells, notes: [finding('IMPORT-SHIFT', 'warning', cells, null, null, `表二有${cells.length}格按原样读时不合常理，而错开一格读时合理，可能读错了位置，已标出，请核对`)] }
    : { flagged: [], notes: [] };
}

/** The net over a report as read: `unread` are the cells with no reading (they are flagged already). */
export function safetyNet(report: Report, unread: ReadonlySet<CellPath>, level: AgencyLevel | null = inferLevel(report.agency)): NetResult {
  const g = grids(report);
  const parts = [
    netForTable(report, g.requests, g.rowNames, '表三', 'requests.', unread),
    netForTable(report, g.appeals, ['表四'], '表四', 'appeals.', unread),
    netForActive(report, level, unread),
  ];
  return { flagged: parts.flatMap((p) => p.flagged), notes: parts.flatMap((p) => p.notes) };
}

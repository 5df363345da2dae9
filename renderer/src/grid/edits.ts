/**
 * Changing cells of a report. Every change records the value before and after, totals included,
 * so undo and redo put back exactly what was there — also the published figure of an imported
 * report's total, which a recomputation would not give back.
 *
 * Totals policy: after an edit only the totals that depend on the edited cells are recomputed
 * (following the definition's chain: a row's 总计, the （七）总计 of its column, the grand total).
 * An imported report whose other totals disagree with their cells keeps those published figures
 * until the user chooses 「按明细重算总计」; opening a report never changes it. For a report
 * made in the editor every total already equals its sum, so this is the same as recomputing all.
 */
import { cloneReport, getCell, setCell } from '../../../report/cells';
import { layoutOf } from '../../../report/layout';
import type { ActiveValue, CellPath, Report, TextPart } from '../../../report/types';

export interface CellEdit {
  path: CellPath;
  value: ActiveValue;
}

export interface CellChange {
  /** A cell, or a text part as `text.overview` (its before/after are the whole text). */
  path: CellPath;
  before: ActiveValue;
  after: ActiveValue;
}

/** A text part's change as an undoable batch of one (issue 15 #10: 撤销 covers the text sections). */
export const textChange = (part: TextPart, before: string, after: string): CellChange[] => [{ path: `text.${part}`, before, after }];

/** Recomputes, in evaluation order, the totals reached from the changed cells. Mutates `report`. */
export function recomputeAffected(report: Report, changed: Iterable<CellPath>): CellPath[] {
  const dirty = new Set(changed);
  const recomputed: CellPath[] = [];
  for (const t of layoutOf(report.format).totals) {
    if (!t.computes || !t.of.some((p) => dirty.has(p))) continue;
    const sum = t.of.reduce((s, p) => s + (typeof getCell(report, p) === 'number' ? (getCell(report, p) as number) : 0), 0);
    setCell(report, t.path, sum);
    dirty.add(t.path);
    recomputed.push(t.path);
  }
  return recomputed;
}

/** Applies edits to a copy; returns it with every cell that changed (edited cells and totals). */
export function applyEdits(report: Report, edits: readonly CellEdit[]): { report: Report; changes: CellChange[] } {
  const out = cloneReport(report);
  const before = new Map<CellPath, ActiveValue>();
  const changed: CellPath[] = [];
  for (const e of edits) {
    const old = getCell(out, e.path);
    if (old === undefined || old === null) throw new Error(`no such cell: ${e.path}`);
    if (old === e.value) continue;
    if (!before.has(e.path)) before.set(e.path, old);
    setCell(out, e.path, e.value);
    changed.push(e.path);
  }
  if (!changed.length) return { report, changes: [] };
  for (const p of layoutOf(out.format).totals.map((t) => t.path)) if (!before.has(p)) before.set(p, getCell(out, p) as ActiveValue);
  recomputeAffected(out, changed);
  const changes: CellChange[] = [];
  for (const [path, b] of before) {
    const after = getCell(out, path) as ActiveValue;
    if (after !== b) changes.push({ path, before: b, after });
  }
  return { report: out, changes };
}

/** Puts the `before` (undo) or `after` (redo) side of a batch back, exactly. */
export function applyBatch(report: Report, changes: readonly CellChange[], side: 'before' | 'after'): Report {
  const out = cloneReport(report);
  for (const c of changes) {
    if (c.path.startsWith('text.')) out.text[c.path.slice(5) as TextPart] = String(c[side]);
    else setCell(out, c.path, c[side]);
  }
  return out;
}

/** Undo/redo stacks of change batches; a new batch clears the redo stack. */
export class History {
  private done: CellChange[][] = [];
  private undone: CellChange[][] = [];
  constructor(private readonly limit = 500) {}

  push(batch: CellChange[]): void {
    if (!batch.length) return;
    this.done.push(batch);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  undo(): CellChange[] | null {
    const b = this.done.pop();
    if (!b) return null;
    this.undone.push(b);
    return b;
  }

  /**
   * Typing in a text box: a change of the same part as the last batch, soon after it, extends that
   * batch (one 撤销 undoes a burst of typing, not one character); otherwise it is a new batch.
   */
  pushText(change: CellChange, merge: boolean): void {
    const last = this.done[this.done.length - 1];
    if (merge && last?.length === 1 && last[0]!.path === change.path) {
      last[0] = { ...last[0]!, after: change.after };
      this.undone = [];
      return;
    }
    this.push([change]);
  }

  redo(): CellChange[] | null {
    const b = this.undone.pop();
    if (!b) return null;
    this.done.push(b);
    return b;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/**
 * Table 三 from PDF-viewer text of a page whose blank (zero) cells print nothing (pdftotext plain
 * or -raw of a Chromium PDF; issue 18 §3): each row keeps only its figures, with nothing to say
 * which column each stood in. Some of it still has one answer:
 * - a row's last figure is its 总计 (a total is printed whenever it is not 0) when the others add
 *   up to it (T3-3);
 * - a row with no figure is 0 throughout; a row with all seven is as printed;
 * and the 总计 column read so must hold T3-1 and T3-2 — a figure lost breaks them. The applicant
 * columns of the other rows are flagged: which column a figure stood in is not in the text.
 * A PDF prints a wrapped label's figures level with its middle, so in reading order they may come
 * before their label instead of after it: a row's figures may be the next row's. Where moving a
 * run of rows' figures one row down onto an empty row keeps the rules, both readings fit, and
 * every row of that run is flagged, never read.
 */
import { finding } from '../../../report/checks/helpers';
import type { FormatDef } from '../../../report/formats/model';
import { ownWordsOnly, tableChars } from './blank-table';
import { figureTokens } from './count-fit';
import type { RowRead, TableRead } from './rows';

export function readTotalsOnly(def: FormatDef, rows: readonly RowRead[], out: TableRead): void {
  const t = def.requests;
  const width = t.columns.length;
  const totalCol = t.columns.findIndex((c) => c.total);
  // A row whose label is not found (wrapped around group words) counts as printing no figure: its
  // figures, if any, are in a neighbour's span, where they break that row's sum or are a move below.
  const missing = rows.filter((r) => !r.hit || r.segment === undefined).length;
  if (totalCol !== width - 1 || missing > 3) return;
  const path = (id: string, c: number) => `requests.${id}.${c}`;
  if (!rows.some((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c)).some((p) => out.uncertain.has(p) || out.values.get(p) === undefined))) return;
  // Rows of running text only: a grid or TAB row keeps its blanks and is read by the usual reader.
  if (rows.some((r) => /[|\t]/.test(r.segment ?? ''))) return;
  // Characters foreign to the table (figures in a font without a Unicode map) are not blanks.
  const chars = tableChars(def, 'requests');
  if (!rows.every((r) => ownWordsOnly(r.segment ?? '', chars))) return;
  const figures = rows.map((r) => figureTokens(r.segment ?? '').map(Number));
  // A table without any figure is blank-table.ts's.
  if (figures.every((f) => !f.length)) return;
  for (const f of figures) {
    if (f.length === 1 || f.length > width) return;
    if (f.length >= 2 && f.slice(0, -1).reduce((s, x) => s + x, 0) !== f[f.length - 1]) return;
  }
  const totalRow = t.rows.find((r) => r.total)!.key;
  const results = t.rows.filter((r) => r.group && !r.total).map((r) => r.key);
  const forward = t.rows[t.rows.length - 1]!.key;
  const ids = rows.map((r) => r.spec.id);
  const holds = (runs: number[][]) => {
    const tot = (key: string) => {
      const f = runs[ids.indexOf(key)];
      return f?.length ? f[f.length - 1]! : 0;
    };
    return results.reduce((s, k) => s + tot(k), 0) === tot(totalRow) && tot('newReceived') + tot('carriedOver') === tot(totalRow) + tot(forward);
  };
  if (!holds(figures)) return;
  const moved = movedReadings(figures, holds);
  const certain = (i: number) => !moved.has(i);
  // The reading: certain cells get their value; a certain cell read otherwise by the labels stops it all.
  const sure = new Map<string, string>();
  rows.forEach((r, i) => {
    const f = figures[i]!;
    if (!certain(i)) return;
    if (f.length === 0 || f.length === width) for (let c = 0; c < width; c++) sure.set(path(r.spec.id, c), String(f[c] ?? 0));
    else sure.set(path(r.spec.id, totalCol), String(f[f.length - 1]));
  });
  for (const [p, v] of sure) {
    const had = out.values.get(p);
    if (had !== undefined && !out.uncertain.has(p) && Number(had ?? 0) !== Number(v)) return;
  }
  const decided = [...sure].filter(([p]) => out.values.get(p) === undefined || out.uncertain.has(p));
  if (!decided.length) return;
  for (const [p, v] of decided) {
    out.values.set(p, v);
    out.uncertain.delete(p);
  }
  const open = rows.filter((_, i) => !certain(i) || (figures[i]!.length > 0 && figures[i]!.length < width));
  const openCells = open.flatMap((r, i) => Array.from({ length: certain(rows.indexOf(r)) ? width - 1 : width }, (_, c) => path(r.spec.id, c)));
  for (const p of openCells) out.uncertain.add(p);
  const handled = new Set(rows.flatMap((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c))));
  out.notes = out.notes.filter((n) => !(n.rule === 'IMPORT-MISSING' && n.cells.length && n.cells.every((c) => handled.has(c))));
  out.notes.push(finding('IMPORT-BLANK-CELLS', openCells.length ? 'error' : 'warning', openCells, null, null,
    `表三原文的空白格没有留下位置（PDF 转出的文字只有数字），总计列和整行空白的行按勾稽关系读取${open.length
      ? `；${open.length}行（如“${open.slice(0, 3).map((r) => t.rows.find((x) => x.key === r.spec.id)!.label).join('”“')}”）的数字在哪一列无法确定，各申请人列已标出，请对照原文填写` : ''}`));
}

/**
 * Rows whose figures have a second reading: the figures of a run of rows moved one row down onto
 * the empty row after it, or one row up onto the empty row before it, with the rules still
 * holding (alone, or together with one other such move).
 */
function movedReadings(runs: number[][], holds: (runs: number[][]) => boolean): Set<number> {
  // [first row of the move, last row, direction]: rows first…last take their neighbour's figures.
  const moves: [number, number, 1 | -1][] = [];
  runs.forEach((f, k) => {
    if (f.length) return;
    // An empty row k takes the figures of the run of rows just above it (moved down) or below it (moved up).
    let a = k;
    while (a > 0 && runs[a - 1]!.length) a--;
    if (a < k) moves.push([a, k, 1]);
    let b = k;
    while (b < runs.length - 1 && runs[b + 1]!.length) b++;
    if (b > k) moves.push([k, b, -1]);
  });
  const apply = (ms: [number, number, 1 | -1][]) => {
    const alt = runs.map((f) => [...f]);
    for (const [a, b, dir] of ms) {
      if (dir === 1) {
        for (let j = b; j > a; j--) alt[j] = runs[j - 1]!;
        alt[a] = [];
      } else {
        for (let j = a; j < b; j++) alt[j] = runs[j + 1]!;
        alt[b] = [];
      }
    }
    return alt;
  };
  const out = new Set<number>();
  const mark = (ms: [number, number, 1 | -1][]) => ms.forEach(([a, b]) => { for (let j = a; j <= b; j++) out.add(j); });
  moves.forEach((m, i) => {
    if (holds(apply([m]))) mark([m]);
    for (const n of moves.slice(i + 1)) if ((n[0] > m[1] || n[1] < m[0]) && holds(apply([m, n]))) mark([m, n]);
  });
  return out;
}

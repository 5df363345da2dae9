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
import { placeColumnsAnchored } from './column-placement';
import { cuts } from './candidates';
import { figureTokens } from './count-fit';
import { keepsRowTotal, sharePairedRuns } from './paired-runs';
import type { RowRead, TableRead } from './rows';

/**
 * Steps of all the column searches for one table together (column-placement.ts bounds each search too).
 * 400 000 keeps a blank-cell text's import under a second where 18–32 moved readings are each searched
 * (test/bench/import.bench.ts: shanghai 2019 pdftotext 1.6 s at 1 000 000, 0.6 s now); 30 cells of the
 * holdout's 108 360 copy cells, read at 1 000 000, are flagged at 400 000.
 */
const SEARCH_STEPS = 400_000;

/** `wrapped(r)`: row r's label is printed over more than one line. */
export function readTotalsOnly(def: FormatDef, rows: readonly RowRead[], out: TableRead, wrapped: (r: RowRead) => boolean = () => true,
  anchors: ReadonlyMap<string, ReadonlyMap<number, number>> = new Map()): void {
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
  const tokens = rows.map((r) => figureTokens(r.segment ?? ''));
  const unglued = tokens.map((t) => unglue(t, width));
  // Two rows' figures after one label (paired-runs.ts): shared out where one cut keeps both totals.
  const { figures, moved: shared } = sharePairedRuns(unglued.map((t) => t.map(Number)), width, rows.map((r) => r.hit !== null && r.segment !== undefined));
  // A table without any figure is blank-table.ts's.
  if (figures.every((f) => !f.length)) return;
  if (!figures.every((f) => !f.length || keepsRowTotal(f, width))) return;
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
  const ordered = rows.map((r, i) => !shared.has(i) && oneLine(r.segment ?? ''));
  // Each reading (the rows' own figures, or a move that keeps the 总计 column's rules): every cell it
  // decides — the 总计 column, rows with no figure or all seven, and the applicant columns where the
  // rules leave one placement (column-placement.ts; a reading no placement keeps the rules for is none).
  const pinned = pinnedRows(rows, figures, wrapped);
  const alts = [{ runs: figures, from: figures.map((_, i) => i) }, ...movedReadings(figures, holds, pinned)];
  // Each search is bounded, and so are all of them together (beyond, the applicant columns are left open as before).
  const budget = { steps: SEARCH_STEPS };
  // A row's anchors go with its figures wherever a reading moves them.
  const anchorsOf = rows.map((r) => anchors.get(r.spec.id));
  const all = alts.map((alt) => ({ runs: alt.runs, placed: placeColumnsAnchored(def, alt.runs, alt.from.map((j) => ordered[j]!), budget, alt.from.map((j) => anchorsOf[j])) }));
  // The rows' own figures with no placement keeping the rules: the text or the table is not as it seems, no placement is used.
  const readings = all[0]!.placed === 'none' ? all.map((r) => ({ ...r, placed: null })) : all.filter((r) => r.placed !== 'none');
  const cellsOf = ({ runs, placed }: (typeof readings)[number]) => new Map(rows.flatMap((r, i) => {
    const f = runs[i]!;
    if (f.length === 0 || f.length === width) return Array.from({ length: width }, (_, c) => [path(r.spec.id, c), String(f[c] ?? 0)] as const);
    const applicants = (Array.isArray(placed) ? placed[i]! : []).flatMap((v, c) => (v === null ? [] : [[path(r.spec.id, c), String(v)] as const]));
    return [...applicants, [path(r.spec.id, totalCol), String(f[f.length - 1])] as const];
  }));
  // The reading: the cells every reading gives the same value; a certain cell read otherwise by the labels stops it all.
  const each = readings.map(cellsOf);
  const sure = new Map([...(each[0] ?? [])].filter(([p, v]) => each.every((m) => m.get(p) === v)));
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
  const open = rows.filter((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c)).some((p) => !sure.has(p)));
  const openCells = open.flatMap((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c)).filter((p) => !sure.has(p)));
  for (const p of openCells) out.uncertain.add(p);
  const handled = new Set(rows.flatMap((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c))));
  out.notes = out.notes.filter((n) => !(n.rule === 'IMPORT-MISSING' && n.cells.length && n.cells.every((c) => handled.has(c))));
  const glued = rows.filter((_, i) => unglued[i]!.length !== tokens[i]!.length);
  if (glued.length)
    out.notes.push(finding('IMPORT-GLUED', 'warning', glued.flatMap((r) => Array.from({ length: width }, (_, c) => path(r.spec.id, c))), null, null,
      `表三有${glued.length}行数字在原文中连在一起（PDF 的字挤在一起），只有一种拆法使本行总计成立，已按此拆分，请核对，如${glued.slice(0, 3).map((r) => {
        const i = rows.indexOf(r);
        return `“${t.rows.find((x) => x.key === r.spec.id)!.label}”${tokens[i]!.join(' ')} → ${unglued[i]!.join(' ')}`;
      }).join('；')}`));
  out.notes.push(finding('IMPORT-BLANK-CELLS', openCells.length ? 'error' : 'warning', openCells, null, null,
    `表三原文的空白格没有留下位置（PDF 转出的文字只有数字），总计列和整行空白的行按勾稽关系读取${anchors.size
      ? `，${anchors.size}行的数字按其在行中的位置对照表头定列` : ''}${open.length
      ? `；${open.length}行（如“${open.slice(0, 3).map((r) => t.rows.find((x) => x.key === r.spec.id)!.label).join('”“')}”）的数字在哪一列无法确定，各申请人列已标出，请对照原文填写` : ''}`));
}

/**
 * A row's figures with runs glued by the PDF (「194218992」 for 1942 and 18992: figures printed at 140 %
 * run into the next cell) cut where exactly one cut of one or two runs makes the row keep T3-3 (its
 * last figure the sum of the others); as printed otherwise. Blank cells print nothing, so no part is 0.
 */
export function unglue(tokens: readonly string[], width: number): string[] {
  const keeps = (f: readonly string[]) => keepsRowTotal(f.map(Number), width);
  if (keeps(tokens) || tokens.length >= width) return [...tokens];
  const budget = { steps: 0 };
  const twoParts = (x: string) => {
    const out: string[][] = [];
    cuts(x, 2, out, [], budget);
    return out.filter((p) => p.every((d) => d !== '0'));
  };
  // Each run as printed or cut in two; at most two runs cut.
  const found = new Map<string, string[]>();
  const rec = (i: number, acc: string[], cutsLeft: number) => {
    if (found.size > 1) return;
    if (i === tokens.length) {
      if (keeps(acc)) found.set(acc.join(' '), acc);
      return;
    }
    rec(i + 1, [...acc, tokens[i]!], cutsLeft);
    if (cutsLeft > 0 && acc.length + tokens.length - i < width) for (const p of twoParts(tokens[i]!)) rec(i + 1, [...acc, ...p], cutsLeft - 1);
  };
  rec(0, [], 2);
  return found.size === 1 ? [...found.values()][0]! : [...tokens];
}

/** Whether a row's figures stand together on one line, nothing between them: then in their columns' order. */
function oneLine(segment: string): boolean {
  const lines = segment.split('\n').filter((l) => figureTokens(l).length);
  if (lines.length > 1) return false;
  const tokens = (lines[0] ?? '').split(/[\s\u00a0\u3000]+/).filter(Boolean);
  const isFigure = (t: string) => /^\d{1,9}$/.test(t);
  const first = tokens.findIndex(isFigure);
  const last = tokens.length - 1 - [...tokens].reverse().findIndex(isFigure);
  return first < 0 || tokens.slice(first, last + 1).every(isFigure);
}

/**
 * Whether all of a row's figures stand on the line its label ends on, after the label's words
 * (「4.保护第三方合法权益 1 1」, what `pdftotext -raw` writes for a Chromium PDF). Text on one
 * printed line shares its baseline, and table rows do not overlap: those figures are that row's,
 * never a wrapped neighbour's printed level with its middle.
 */
function onLabelLine(segment: string, count: number): boolean {
  const nl = segment.indexOf('\n');
  return count > 0 && figureTokens(nl < 0 ? segment : segment.slice(0, nl)).length === count;
}

/**
 * Rows whose figures are certainly their own: those on their label's line, and, in text that keeps
 * every row after its label (every row with a one-line label and figures has them on that line, at
 * least three such rows: `pdftotext -raw`, where Chromium and LibreOffice paint a table row by row),
 * a wrapped label's figures on the line right after its last line, alone there (「1.申请人无正当理由
 * 逾期不补 / 正、… / 息公开申请 / 2 2」). In a PDF viewer's reading order a wrapped label's figures
 * stand level with its middle, never below its last line, so there they would be inside it or before it.
 */
function pinnedRows(rows: readonly RowRead[], figures: readonly number[][], wrapped: (r: RowRead) => boolean): boolean[] {
  const onLine = rows.map((r, i) => onLabelLine(r.segment ?? '', figures[i]!.length));
  const single = rows.map((r, i) => figures[i]!.length > 0 && r.hit !== null && !wrapped(r));
  const labelOrder = single.filter(Boolean).length >= 3 && single.every((s, i) => !s || onLine[i]);
  return rows.map((r, i) => onLine[i]! || (labelOrder && figures[i]!.length > 0 && nextLineOnly(r.segment ?? '', figures[i]!.length)));
}

/** The segment is its label's line end, then one line of figures only, then nothing but blank lines. */
function nextLineOnly(segment: string, count: number): boolean {
  const lines = segment.split('\n');
  return lines.length >= 2 && lines[0]!.trim() === '' && /^[\s\d]+$/.test(lines[1]!) && figureTokens(lines[1]!).length === count && lines.slice(2).every((l) => l.trim() === '');
}

/** A reading of the rows' figures: `runs[i]` came from row `from[i]`. */
interface Moved {
  runs: number[][];
  from: number[];
}

/**
 * Second readings of the rows' figures: the figures of a run of rows moved one row down onto the
 * empty row after it, or one row up onto the empty row before it, with the rules on the 总计
 * column still holding (alone, or together with one other such move).
 */
function movedReadings(runs: number[][], holds: (runs: number[][]) => boolean, pinned: readonly boolean[]): Moved[] {
  // [first row of the move, last row, direction]: rows first…last take their neighbour's figures.
  const moves: [number, number, 1 | -1][] = [];
  runs.forEach((f, k) => {
    if (f.length) return;
    // An empty row k takes the figures of the run of rows just above it (moved down) or below it (moved up).
    // A run holding a row whose figures are pinned to its label's line cannot move.
    let a = k;
    while (a > 0 && runs[a - 1]!.length) a--;
    if (a < k && !pinned.slice(a, k).some(Boolean)) moves.push([a, k, 1]);
    let b = k;
    while (b < runs.length - 1 && runs[b + 1]!.length) b++;
    if (b > k && !pinned.slice(k + 1, b + 1).some(Boolean)) moves.push([k, b, -1]);
  });
  const apply = (ms: [number, number, 1 | -1][]): Moved => {
    const from = runs.map((_, i) => i);
    for (const [a, b, dir] of ms) {
      if (dir === 1) {
        for (let j = b; j > a; j--) from[j] = j - 1;
        from[a] = -1;
      } else {
        for (let j = a; j < b; j++) from[j] = j + 1;
        from[b] = -1;
      }
    }
    return { runs: from.map((j) => (j < 0 ? [] : runs[j]!)), from: from.map((j, i) => (j < 0 ? i : j)) };
  };
  const out: Moved[] = [];
  moves.forEach((m, i) => {
    const one = apply([m]);
    if (holds(one.runs)) out.push(one);
    for (const n of moves.slice(i + 1)) {
      if (!(n[0] > m[1] || n[1] < m[0])) continue;
      const two = apply([m, n]);
      if (holds(two.runs)) out.push(two);
    }
  });
  return out;
}

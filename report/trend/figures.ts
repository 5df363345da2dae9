/**
 * The key figures of a report, read the same way for both formats where format.md §5.4/§8 say the
 * rows mean the same, and null where a figure does not exist in a report's format. Labels come from
 * the format definition (shortened by dropping the enumerator), never typed here a second time.
 */
import { countOf } from '../cells';
import { getFormat } from '../formats';
import { OTHER_HANDLING, REQUEST_COLUMNS, RESULTS } from '../formats/common';
import { layoutOf } from '../layout';
import type { CellPath, FormatId, Report } from '../types';

/** 「（一）予以公开」→「予以公开」, 「（二）部分公开（区分处理的…）」→「部分公开」, 「一、本年新收…」→「本年新收…」. */
export function shortLabel(label: string): string {
  return label
    .replace(/^[（(][一二三四五六七八九十]+[)）]/, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\d+\./, '')
    .replace(/[（(].*$/, '')
    .trim();
}

const TOTAL_COL = REQUEST_COLUMNS.length - 1;
export const APPLICANT_COLUMNS = REQUEST_COLUMNS.slice(0, TOTAL_COL).map((c) => c.label);
const requestRows = (f: FormatId) => getFormat(f).requests.rows;
const rowLabel = (key: string) => requestRows('gov-2021').find((r) => r.key === key)?.label ?? key;

/** Table 三 result rows of one subgroup （三）…（六）, per format. */
function subgroupRows(format: FormatId, subgroup: string): string[] {
  return requestRows(format).filter((r) => r.subgroup === subgroup).map((r) => r.key);
}

/** The six outcome categories of Table 三 (both formats), as the 办理结果 charts and sentences use them. */
export interface Outcome {
  id: string;
  label: string;
  /** The result rows summed, per format. */
  rows: (f: FormatId) => string[];
}

const subgroupOf = (n: number) => {
  const sg = [...new Set(requestRows('gov-2021').filter((r) => r.group === RESULTS && r.subgroup).map((r) => r.subgroup!))];
  return sg[n]!;
};

export const OUTCOMES: readonly Outcome[] = [
  { id: 'granted', label: shortLabel(rowLabel('granted')), rows: () => ['granted'] },
  { id: 'partiallyGranted', label: shortLabel(rowLabel('partiallyGranted')), rows: () => ['partiallyGranted'] },
  { id: 'denied', label: shortLabel(subgroupOf(0)), rows: (f) => subgroupRows(f, subgroupOf(0)) },
  { id: 'unavailable', label: shortLabel(subgroupOf(1)), rows: (f) => subgroupRows(f, subgroupOf(1)) },
  { id: 'notProcessed', label: shortLabel(subgroupOf(2)), rows: (f) => subgroupRows(f, subgroupOf(2)) },
  // gov-2019 has one （六）其他处理 row, gov-2021 three sub-rows: comparable as a sum (§8).
  { id: 'otherHandling', label: shortLabel(OTHER_HANDLING), rows: (f) => (f === 'gov-2019' ? ['otherHandling'] : subgroupRows(f, OTHER_HANDLING)) },
];

export const outcomeValue = (r: Report, o: Outcome, col = TOTAL_COL): number =>
  o.rows(r.format).reduce((s, row) => s + countOf(r, `requests.${row}.${col}`), 0);

/** A figure of the comparison: a cell, or a sum the clerk reads as one figure. */
export interface KeyFigure {
  path: CellPath;
  label: string;
  value: (r: Report) => number | null;
  /** R-10 of ../shared/spec/rollup.md watches this figure for year-over-year swings. */
  swing?: boolean;
}

/** A cell's value when the report's format has that cell; money as a number of 万元. */
export function cellValue(r: Report, path: CellPath): number | null {
  return reader(path)(r);
}

/**
 * A reader of one cell, its path parsed once: the comparison reads every cell of every year, and
 * splitting the path each time was most of its cost.
 */
function reader(path: CellPath): (r: Report) => number | null {
  const [table, row, field] = path.split('.') as [string, string, string];
  const index = Number(field);
  const inFormat = { 'gov-2021': layoutOf('gov-2021').cellByPath.has(path), 'gov-2019': layoutOf('gov-2019').cellByPath.has(path) };
  return (r) => {
    if (!inFormat[r.format]) return null;
    const v = table === 'active' ? r.active[row]?.[field] : table === 'requests' ? r.requests[row]?.[index] : r.appeals[row]?.[index];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v);
    return null;
  };
}

const cellFigure = (path: CellPath, label: string, swing = false): KeyFigure => ({ path, label, value: reader(path), ...(swing ? { swing } : {}) });
const cellLabel = (path: CellPath) => layoutOf('gov-2021').cellByPath.get(path)?.name ?? layoutOf('gov-2019').cellByPath.get(path)!.name;
const appealGroups = getFormat('gov-2021').appeals.groups;
const OUTCOME_LABELS = getFormat('gov-2021').appeals.outcomes;
const LITIGATION = appealGroups.find((g) => g.parent)!.parent!;
const litigation = appealGroups.filter((g) => g.parent).map((g) => g.key);

/** 诉讼 = 未经复议直接起诉 + 复议后起诉, per outcome column (0…4). */
export const litigationValue = (r: Report, col: number) => litigation.reduce((s, g) => s + countOf(r, `appeals.${g}.${col}`), 0);

function activeFigure(row: string, field: string, swing = false): KeyFigure {
  const path = `active.${row}.${field}`;
  return cellFigure(path, cellLabel(path), swing);
}

export const KEY_FIGURES: readonly KeyFigure[] = [
  cellFigure(`requests.newReceived.${TOTAL_COL}`, cellLabel(`requests.newReceived.${TOTAL_COL}`), true),
  ...APPLICANT_COLUMNS.map((_, c) => cellFigure(`requests.newReceived.${c}`, cellLabel(`requests.newReceived.${c}`))),
  cellFigure(`requests.carriedOver.${TOTAL_COL}`, cellLabel(`requests.carriedOver.${TOTAL_COL}`)),
  ...OUTCOMES.map((o): KeyFigure => ({ path: `outcome.${o.id}`, label: `${RESULTS} ${o.label}`, value: (r) => outcomeValue(r, o) })),
  cellFigure(`requests.resultTotal.${TOTAL_COL}`, `${RESULTS} ${rowLabel('resultTotal')}`),
  cellFigure(`requests.carriedForward.${TOTAL_COL}`, cellLabel(`requests.carriedForward.${TOTAL_COL}`)),
  ...OUTCOME_LABELS.map((o, i) => cellFigure(`appeals.review.${i}`, cellLabel(`appeals.review.${i}`), i === OUTCOME_LABELS.length - 1)),
  ...OUTCOME_LABELS.map((o, i): KeyFigure => ({
    path: `litigation.${i}`,
    label: `${LITIGATION} ${o}`,
    value: (r) => litigationValue(r, i),
    ...(i === OUTCOME_LABELS.length - 1 ? { swing: true } : {}),
  })),
  activeFigure('licensing', 'decisions', true),
  activeFigure('punishment', 'decisions', true),
  activeFigure('enforcement', 'decisions', true),
  activeFigure('fees', 'amount'),
  activeFigure('rules', 'issued'),
  activeFigure('rules', 'repealed'),
  activeFigure('rules', 'inForce'),
  activeFigure('normativeDocs', 'issued'),
  activeFigure('normativeDocs', 'repealed'),
  activeFigure('normativeDocs', 'inForce'),
];

/**
 * Every cell of either layout, keyed by path. A path names the same row and column in both formats
 * wherever it exists in both (Table 三's shared rows, Table 四, 二/（五）（六） 处理决定数量, §8), and
 * a path that exists in one format only is that format's own row: shown for its years, null for the others.
 */
let allCells: KeyFigure[] | null = null;

export function allCellFigures(): KeyFigure[] {
  if (allCells) return allCells;
  const seen = new Map<CellPath, KeyFigure>();
  for (const f of ['gov-2021', 'gov-2019'] as const)
    for (const c of layoutOf(f).cells) if (!seen.has(c.path)) seen.set(c.path, cellFigure(c.path, c.name));
  // Document order of the newer format first, then what only the older one has, each table in turn.
  const order = (p: CellPath) => ['active', 'requests', 'appeals'].indexOf(p.split('.')[0]!);
  allCells = [...seen.values()].sort((a, b) => order(a.path) - order(b.path));
  return allCells;
}

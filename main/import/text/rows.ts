/**
 * The label-anchored walk shared by the table readers: find each row's label of the definition in
 * order, cut the text from the end of the label to the next label (of any row, group or header),
 * and turn the figures there into readings.
 */
import type { Finding } from '../../../report/types';
import { rowReadings, TooManyReadings, type Candidate, type Vals } from './candidates';
import { segmentCells } from './cells';
import { LabelMatcher, type LabelHit } from './labels';
import { betweenPieces, findSplitLabel } from './split-label';
import { originalEnd, originalStart, type Compact } from './normalize';

const QUOTES = new Set(['“', '”', '"', '’', '」', '』', "'"]);

export interface Source {
  text: string;
  c: Compact;
}

export interface RowSpec {
  id: string;
  labels: readonly string[];
  width: number;
  spans?: readonly number[];
  typeOk: (v: Vals) => boolean;
  check: (v: Vals) => boolean;
  /** No rule of its own to confirm a cut glued run (candidates.ts). */
  unchecked?: boolean;
  /** Cells that hold an amount (元/万元), where a figure printed with its unit stands (candidates.ts). */
  unitCells?: readonly boolean[];
}

export interface RowRead {
  spec: RowSpec;
  hit: LabelHit | null;
  candidates: Candidate[];
  /** The figures' text as printed, for messages. */
  raw: string;
  /** More readings than can be tried. */
  tooMany: boolean;
  /** The text from the end of the label to the next label, and the column it starts at on its line. */
  segment?: string;
  segmentCol?: number;
  /** Compact index where the segment ends (the next label or stop). */
  segmentEnd?: number;
}

/** What a table reader hands back: each cell's reading and the notes about it. */
export interface TableRead {
  /** Cell path → printed value (string), null for a blank cell, undefined when there is no reading. */
  values: Map<string, string | null | undefined>;
  /** Units printed next to amounts (V2019 采购总金额). */
  units: Map<string, string>;
  uncertain: Set<string>;
  notes: Finding[];
  /** Rows whose label was found: how sure we are this is a report at all. */
  found: number;
  /** Compact indices where the table's first label starts and where its figures end. */
  start: number;
  end: number;
  /**
   * Table 三: nothing in the header contradicts the standard column order (what the label reading
   * assumes too). Only then may the count-fit fill a table whose labels vouch for no figure: the
   * rules cannot tell columns apart.
   */
  standardColumns?: boolean;
}

export function emptyRead(end: number): TableRead {
  return { values: new Map(), units: new Map(), uncertain: new Set(), notes: [], found: 0, start: end, end };
}

function lineAround(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at - 1) + 1;
  const b = text.indexOf('\n', at);
  return text.slice(a, b < 0 ? text.length : b);
}

export function readRows(src: Source, specs: readonly RowSpec[], from: number, to: number, stopLabels: readonly string[]): { rows: RowRead[]; start: number; end: number } {
  const { text, c } = src;
  const hits: (LabelHit | null)[] = [];
  let cursor = from;
  // A label wrapped around its figures and a group label's pieces (split-label.ts).
  const between = betweenPieces(stopLabels, c.text, from, specs[0] && new LabelMatcher(specs[0].labels).find(c.text, from, to)?.start, to);
  for (const spec of specs) {
    const hit = new LabelMatcher(spec.labels).find(c.text, cursor, to) ?? findSplitLabel(spec.labels, c.text, cursor, to, between);
    hits.push(hit);
    if (hit) cursor = hit.end;
  }
  const stops = [
    ...new LabelMatcher(stopLabels).all(c.text, from, to),
    ...specs.flatMap((s) => new LabelMatcher(s.labels).all(c.text, from, to)),
    ...hits.filter((h): h is LabelHit => !!h).map((h) => h.start),
  ].sort((a, b) => a - b);
  let end = from;
  const rows = specs.map((spec, i): RowRead => {
    const hit = hits[i]!;
    if (!hit) return { spec, hit, candidates: [], raw: '', tooMany: false };
    const segEnd = stops.find((s) => s >= hit.end) ?? to;
    end = Math.max(end, segEnd);
    // Quotation marks closing a label (「…一稳定”」) are not part of the compact form: skip them.
    let a = originalEnd(c, hit.end);
    while (a < text.length && QUOTES.has(text[a]!)) a++;
    const b = segEnd >= c.text.length ? c.length : originalStart(c, segEnd);
    const segment = text.slice(a, Math.max(a, b));
    const { cells, exact, counted, running } = segmentCells(segment, lineAround(text, originalStart(c, hit.start)), spec.width);
    const raw = segment.replace(/\s+/g, ' ').trim().slice(0, 60);
    const at = { segment, segmentCol: a - (text.lastIndexOf('\n', a - 1) + 1), segmentEnd: segEnd };
    try {
      return { spec, hit, candidates: rowReadings(cells, { ...spec, exact, ...(counted ? { counted } : {}), ...(running ? { running } : {}) }), raw, tooMany: false, ...at };
    } catch (e) {
      if (e instanceof TooManyReadings) return { spec, hit, candidates: [], raw, tooMany: true, ...at };
      throw e;
    }
  });
  const first = hits.find((h) => h);
  return { rows, start: first ? first.start : from, end: first ? end : from };
}

/** The reading a pick gives cell `c`: undefined (no reading) for a cell printed as a spreadsheet error. */
export const valueAt = (pick: Candidate | null, c: number): string | null | undefined =>
  pick && !pick.unreadable?.includes(c) ? pick.vals[c] : undefined;

/** Value checks by cell type. */
export const isCount = (v: string | null): boolean => v === null || /^\d{1,9}$/.test(v);
export const isSigned = (v: string | null): boolean => v === null || /^[+-]?\d{1,9}$/.test(v);
export const isMoney = (v: string | null): boolean => v === null || /^\d{1,12}(\.\d{1,4})?$/.test(v);
/** An amount printed to the 分 in 万元 (6 decimals, crawler text): read, then rounded and flagged (active.ts). */
export const isFineMoney = (v: string | null): boolean => v === null || /^\d{1,12}\.\d{5,6}$/.test(v);

/**
 * The report as data: the canonical JSON of ../shared/spec/report-json.md.
 * Pure types, shared by main, preload and renderer.
 */
import type { AMOUNT_UNITS } from './lists';

export type FormatId = 'gov-2021' | 'gov-2019';

/** The three tables that hold figures; keys of the canonical JSON. */
export type TableId = 'active' | 'requests' | 'appeals';

/** The free-text parts of a report. */
export type TextPart = 'preamble' | 'overview' | 'problems' | 'other';

export const TEXT_PARTS: readonly TextPart[] = ['preamble', 'overview', 'problems', 'other'];

export type ProcurementUnit = (typeof AMOUNT_UNITS)[number];

/** A cell of Table 二: a count, a signed count, or a money string. */
export type ActiveValue = number | string;

export interface Report {
  format: FormatId;
  year: number;
  agency: string;
  text: Record<TextPart, string>;
  /** Table 二: row key → field key → value (money as a decimal string). */
  active: Record<string, Record<string, ActiveValue>>;
  /** Table 三: row key → 7 integers (自然人 … 其他, 总计). */
  requests: Record<string, number[]>;
  /** Table 四: group key → 5 integers (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
  appeals: Record<string, number[]>;
  closing: { agency: string; date: string };
}

/** A cell named by its path, e.g. `requests.newReceived.0`, `active.fees.amount`. */
export type CellPath = string;

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  cells: CellPath[];
  expected: number | string | null;
  actual: number | string | null;
  message: string;
}

/** Organ level, for the rules that depend on it (T2-5, T2-6): the list is report/lists.ts. */
export type { AgencyLevel } from './lists';

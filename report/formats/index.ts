import type { FormatId } from '../types';
import { GOV_2019 } from './gov2019';
import { GOV_2021 } from './gov2021';
import type { FormatDef } from './model';

export const FORMATS: Readonly<Record<FormatId, FormatDef>> = { 'gov-2021': GOV_2021, 'gov-2019': GOV_2019 };
export const FORMAT_IDS: readonly FormatId[] = ['gov-2021', 'gov-2019'];

/** The first report year with a standard format (国办公开办函〔2019〕60号). */
export const FIRST_YEAR = 2019;
/** A sanity bound: no report is filed for a year this far out. */
export const LAST_YEAR = 2100;

export function getFormat(id: FormatId): FormatDef {
  return FORMATS[id];
}

/** How a format is named to people (screens, the .xlsx 报告信息 sheet): 「2021年版（国办公开办函〔2021〕30号）」. */
export function formatLabel(id: FormatId): string {
  const def = FORMATS[id];
  return `${def.firstYear}年版（${def.notice}）`;
}

export function isFormatId(value: unknown): value is FormatId {
  return value === 'gov-2021' || value === 'gov-2019';
}

/** Years 2019–2020 → gov-2019, 2021 on → gov-2021 (format.md §1.2); earlier years had no standard format. */
export function formatForYear(year: number): FormatId | null {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return null;
  return year <= 2020 ? 'gov-2019' : 'gov-2021';
}

export type { FormatDef } from './model';

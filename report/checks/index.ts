/** Every computable rule of format.md §7, errors first. Pure: the same code runs in main, the CLI and the editor. */
import type { AgencyLevel, Finding, Report } from '../types';
import { checkCompleteness } from './completeness';
import { checkWholeYearFacts, checkYears } from './years';
import { checkAgencyNames } from './agency-name';
import { checkCrossYear } from './cross-year';
import { checkActive, checkBalance, checkTotals } from './tables';
import { checkHeadings, checkRepetition, checkText } from './text';
import { checkDrafts } from '../trend/stale';
import { checkSameAsLastYear, checkSwing } from './year-on-year';

export interface CheckOptions {
  /** Last year's report of the same organ, for Y-1…Y-4 and the repetition share. */
  previous?: Report | null;
  /** The organ's level; inferred from the name when not given. */
  level?: AgencyLevel | null;
  /** Headings found in an imported document (X-5 applies to imports). */
  headings?: readonly string[];
  /** The completeness warnings C-1…C-4 and R-9 (default on); off for a report read as published. */
  completeness?: boolean;
  /** Every agency name the archive knows (current and former), for X-8: a text naming another agency. */
  agencyNames?: readonly string[];
}

/** Organ level from its name: 镇/乡/街道/…服务中心 → township (format.md §7.3 T2-5). Unknown → null. */
export function inferLevel(agency: string): AgencyLevel | null {
  const name = agency.trim();
  if (/(镇|乡|街道|苏木|服务中心|办事处|管委会)(人民政府|政府|办事处)?$/.test(name) || /(镇|乡)人民政府/.test(name)) return 'township';
  if (/省(人民政府|政府)?(办公厅)?$/.test(name) || /^[^市县]{2,8}省人民政府/.test(name)) return 'province';
  if (/(县|旗)(人民政府|政府)?/.test(name) || /区人民政府$/.test(name)) return 'county';
  if (/市(人民政府|政府)?$/.test(name)) return 'city';
  return null;
}

const bySeverity = (a: Finding, b: Finding) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);

export function runChecks(report: Report, options: CheckOptions = {}): Finding[] {
  const level = options.level ?? inferLevel(report.agency);
  const findings = [
    ...checkBalance(report),
    ...checkTotals(report),
    ...checkActive(report, level),
    ...checkText(report),
    ...checkDrafts(report, options.previous ?? null),
    // R-9 (rollup.md §4) runs always: with the completeness warnings, or alone for a report read as published.
    ...(options.completeness === false ? checkYears(report) : checkCompleteness(report)),
    ...checkWholeYearFacts(report),
    ...(options.agencyNames ? checkAgencyNames(report, options.agencyNames) : []),
    ...(options.headings ? checkHeadings(report, options.headings) : []),
    ...(options.previous ? [...checkCrossYear(report, options.previous), ...checkRepetition(report, options.previous)] : []),
    // The roll-up rules that read one report against last year (rollup.md §4; R-2 is Y-2 here).
    ...(options.previous && options.previous.year === report.year - 1 ? [...checkSameAsLastYear(report, options.previous), ...checkSwing(report, options.previous)] : []),
  ];
  return findings.sort(bySeverity);
}

/**
 * The rules that concern a table of figures alone (T-2…T-4): what a roll-up (汇总表) is checked
 * against. Its text, 落款 and last year are not a roll-up's, so X-, C-, R-9 and Y- do not apply.
 */
export function tableFindings(report: Report, level: AgencyLevel | null = inferLevel(report.agency)): Finding[] {
  return [...checkBalance(report), ...checkTotals(report), ...checkActive(report, level)].sort(bySeverity);
}

/**
 * What a stored report is checked against: last year's report of the same organ, the organ's level
 * and whether it is kept as published. main/db/findings.ts reads it from the archive; the editor
 * gets it with the opened report, so the findings are the same wherever they are asked for.
 */
export interface ReportContext {
  previous: Report | null;
  level: AgencyLevel | null;
  /** A report kept as published (已发布) is not asked for what a draft still lacks. */
  published: boolean;
  /** Every agency name the archive knows, former names included (X-8: the text names another agency). */
  agencyNames: readonly string[];
}

/** The findings of a report in its archive context: the one answer for the editor, lists, CLI and exports. */
export const findingsInContext = (report: Report, ctx: ReportContext): Finding[] =>
  runChecks(report, { previous: ctx.previous, level: ctx.level, completeness: !ctx.published, agencyNames: ctx.agencyNames });

/** The counts shown in lists (archive page, `list`, 报告信息 sheet). */
export const countFindings = (findings: readonly Finding[]): { errors: number; warnings: number } => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
});

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

export { checkCompleteness } from './completeness';
export { checkCrossYear } from './cross-year';
export { checkHeadings, readTextFigures, repeatShare, sentencesOf } from './text';

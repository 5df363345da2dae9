/**
 * Roll-up (汇总) of many units' reports for one collecting organ and year (../../shared/spec/rollup.md):
 * exact cell arithmetic, explainable cells, and the collection checks R-1…R-10 on top of each unit's
 * own checks. Pure TypeScript: the archive, the CLI and the screen call the same functions.
 */
import { runChecks } from '../checks';
import type { AgencyLevel } from '../types';
import { checkAcrossUnits } from './collection';
import type { CollectedUnit, UnitFinding, UnitLevel } from './types';
import { checkUnitRules } from './unit';

export * from './types';
export { rollUp, contributionsTo, moneyInWan, type UnitReport, type Contribution } from './sum';
export { parseDecimal, formatDecimal, addDecimal } from './decimal';
export { checkUnitRules, KEY_FIGURES } from './unit';
export { checkAcrossUnits, longSentences } from './collection';
export { cellTitle, tableKey, allZero } from './tables';

/** The §7 rules' level from the roster's: a township unit is checked as a township (T2-5, T2-6). */
export const checkLevel = (level: UnitLevel): AgencyLevel | null => (level === 'township' ? 'township' : null);

/** One unit's findings: its own checks (Y-1/Y-2 replaced by) and the single-unit roll-up rules. Pure: callers may memoise it. */
export function checkUnit(u: CollectedUnit, year: number): UnitFinding[] {
  // Y-1/Y-2 are here; the R- rules runChecks adds for the editor come with checkUnitRules.
  const own = runChecks(u.report, { previous: u.previous, level: checkLevel(u.level) }).filter((f) => f.rule !== 'Y-1' && f.rule !== 'Y-2' && !f.rule.startsWith('R-'));
  return [...checkUnitRules(u.report, year, u.previous), ...own].map((f) => ({ ...f, agency: u.agency }));
}

/**
 * Every finding of a collection: each unit's own checks (format.md §7, without Y-1 which R-1
 * replaces as an error), the single-unit roll-up rules, then the rules across units. Errors first.
 */
export function checkCollection(units: readonly CollectedUnit[], year: number, perUnit: (u: CollectedUnit, year: number) => UnitFinding[] = checkUnit): UnitFinding[] {
  const out: UnitFinding[] = [];
  for (const u of units) out.push(...perUnit(u, year));
  out.push(...checkAcrossUnits(units.filter((u) => u.report.year === year)));
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
export { matchUnit, normalizeName, type Match } from './match';
export type { BoardRow, RollupView, RosterInfo, CollectOutcome, RollupExportKind } from './view';
export { collectionStatus, missingPhrase, owed, owedPhrase, passable, scopePhrase } from './status';

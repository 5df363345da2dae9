/**
 * The open report's findings as the editor shows them: the same options main uses for a stored
 * report (last year, level, completeness unless kept as published, the archive's agency names), cells marked by severity, and
 * the page title with the counts.
 */
import { useEffect, useMemo } from 'react';
import type { OpenedReport } from '../../../report/api';
import { findingsInContext } from '../../../report/checks';
import type { AgencyLevel, Finding, Report } from '../../../report/types';
import { findingId } from './ChecksPanel';

export function useFindings(report: Report | null, opened: OpenedReport | null, level: AgencyLevel | null, agencyNames: readonly string[]) {
  const previous = opened?.previous ?? null;
  const published = opened?.summary.published ?? false;
  /** The checks of any state of this report (the one just saved, before export or 定稿): the same context main uses. */
  const check = useMemo(() => (r: Report): Finding[] => findingsInContext(r, { previous, level, published, agencyNames }), [previous, level, published, agencyNames]);
  const findings = useMemo(() => (report ? check(report) : []), [report, check]);
  const errorCells = useMemo(() => new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells)), [findings]);
  const warnCells = useMemo(() => new Set(findings.filter((f) => f.severity === 'warning').flatMap((f) => f.cells)), [findings]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const describedBy = useMemo(() => {
    const m = new Map<string, string>();
    findings.forEach((f, i) => f.cells.forEach((c) => m.has(c) || m.set(c, findingId(i))));
    return m;
  }, [findings]);

  useEffect(() => {
    if (!report) return;
    const counts = errors || warnings ? `错误${errors} 提醒${warnings} · ` : '';
    document.title = `${counts}${report.agency}${report.year}年度报告 — 政府信息公开年报助手`;
  }, [report, errors, warnings]);

  return { findings, check, errorCells, warnCells, errors, warnings, describedBy };
}

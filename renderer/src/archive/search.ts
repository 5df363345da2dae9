/**
 * 查找 on the archive page (issue 21 #6): as the clerk types, agencies whose name (or former name)
 * contains every word are shown with all their reports; otherwise an agency is shown with only the
 * reports that match — by year (「2023」「2023年度」) or state (草稿, 已定稿, 已发布).
 */
import type { AgencyInfo, ReportSummary } from '../../../report/api';

const words = (query: string) => query.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/年度?$/, '') || w);

function reportWords(r: ReportSummary): string {
  return `${r.year} ${r.status === 'final' ? '已定稿' : '草稿'} ${r.published ? '已发布' : ''}`;
}

export function filterArchive(agencies: readonly AgencyInfo[], reports: readonly ReportSummary[], query: string): { agencies: AgencyInfo[]; reports: ReportSummary[] } {
  const ws = words(query);
  if (!ws.length) return { agencies: [...agencies], reports: [...reports] };
  const shownAgencies: AgencyInfo[] = [];
  const shownReports: ReportSummary[] = [];
  for (const a of agencies) {
    const names = [a.name, ...a.formerNames].join(' ');
    const own = reports.filter((r) => r.agencyId === a.id);
    // Each word is met by the agency's names or by the report's year/state.
    const matching = own.filter((r) => ws.every((w) => names.includes(w) || reportWords(r).includes(w)));
    const byName = ws.every((w) => names.includes(w));
    if (!byName && !matching.length) continue;
    shownAgencies.push(a);
    shownReports.push(...(byName ? own : matching));
  }
  return { agencies: shownAgencies, reports: shownReports };
}

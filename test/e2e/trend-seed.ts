/**
 * An archive with 2019–2025 of one township (both formats) for 历年对比: a clean carry-over chain
 * except one break (2022 结转下年度 自然人 1 → 2023 上年结转 0), and one swing (新收 6 → 24 in 2023).
 */
import { computeTotals, emptyReport, formatForYear, type Report } from '../../report';
import { apiCall, type Served } from './helpers';

export const TREND_AGENCY = '示例县白沙镇人民政府';
export const TREND_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** 新收 per applicant column (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). */
const RECEIVED: Record<number, number[]> = {
  2019: [3, 1, 0, 0, 0, 0],
  2020: [5, 0, 0, 0, 0, 1],
  2021: [4, 1, 1, 0, 0, 0],
  2022: [6, 0, 0, 0, 0, 0],
  2023: [20, 3, 0, 0, 0, 1],
  2024: [8, 1, 1, 0, 0, 0],
  2025: [7, 0, 1, 0, 0, 1],
};
/** 结转下年度 自然人 per year; 2023's 上年结转 ignores 2022's 1 (the break). */
const FORWARD: Record<number, number> = { 2019: 1, 2020: 0, 2021: 1, 2022: 1, 2023: 2, 2024: 0, 2025: 1 };
const OUTCOME_CYCLE = ['granted', 'granted', 'unavailableNotHeld', 'granted', 'partiallyGranted', 'notProcessedDuplicate', 'deniedThirdParty', 'OTHER'];
const LICENSING = [120, 135, 150, 160, 170, 40, 180];
const PUNISHMENT = [12, 9, 14, 11, 13, 10, 8];
const REVIEW: Record<number, number[]> = { 2019: [1, 0, 0, 0], 2021: [0, 1, 0, 0], 2023: [1, 0, 0, 1], 2025: [1, 1, 0, 0] };
const SUIT: Record<number, number[]> = { 2020: [1, 0, 0, 0], 2023: [0, 0, 0, 1], 2024: [1, 0, 0, 0] };

export function trendReport(year: number): Report {
  const format = formatForYear(year)!;
  const r = emptyReport(format, TREND_AGENCY, year);
  const i = TREND_YEARS.indexOf(year);
  const carried = year === 2019 || year === 2023 ? 0 : FORWARD[year - 1]!;
  RECEIVED[year]!.forEach((n, c) => (r.requests.newReceived![c] = n));
  r.requests.carriedOver![0] = carried;
  r.requests.carriedForward![0] = FORWARD[year]!;
  for (let c = 0; c < 6; c++) {
    const done = r.requests.newReceived![c]! + r.requests.carriedOver![c]! - r.requests.carriedForward![c]!;
    for (let k = 0; k < done; k++) {
      const row = OUTCOME_CYCLE[k % OUTCOME_CYCLE.length]!;
      const key = row === 'OTHER' ? (format === 'gov-2019' ? 'otherHandling' : 'otherOverdueCorrection') : row;
      r.requests[key]![c]! += 1;
    }
  }
  r.active.licensing!.decisions = LICENSING[i]!;
  r.active.punishment!.decisions = PUNISHMENT[i]!;
  r.active.enforcement!.decisions = i % 3;
  if (format === 'gov-2021') {
    r.active.normativeDocs!.issued = 2;
    r.active.normativeDocs!.repealed = 1;
    r.active.normativeDocs!.inForce = 10 + (year - 2021);
    r.active.fees!.amount = '0.35';
    r.text.other = `本机关${year}年度未发出收费通知，未收取信息处理费。`;
  } else {
    r.active.normativeDocs!.made = 2;
    r.active.normativeDocs!.published = 2;
    r.active.normativeDocs!.totalPublished = 6 + 2 * (year - 2019);
  }
  (REVIEW[year] ?? [0, 0, 0, 0]).forEach((n, k) => (r.appeals.review![k] = n));
  (SUIT[year] ?? [0, 0, 0, 0]).forEach((n, k) => (r.appeals.litigationDirect![k] = n));
  return computeTotals(r);
}

/** Creates the seven years through the page's own channels; returns the report ids by year. */
export async function seedTrend(served: Served): Promise<Record<number, number>> {
  const ids: Record<number, number> = {};
  for (const year of TREND_YEARS) {
    const created = await apiCall<{ summary: { id: number; version: number } }>(served, 'report:create', { agency: TREND_AGENCY, year });
    await apiCall(served, 'report:save', { id: created.summary.id, report: trendReport(year), baseVersion: created.summary.version });
    ids[year] = created.summary.id;
  }
  return ids;
}

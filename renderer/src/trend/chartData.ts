/**
 * The four charts of 历年对比 as plain data, from the comparison table: what each chart draws and
 * the data table shown beside it (the same numbers, for screen readers and for checking by eye).
 * No ECharts here, so it is cheap to build and to test.
 */
import type { TrendChartId } from '../../../report/api';
import { getFormat } from '../../../report/formats';
import { APPLICANT_COLUMNS, OUTCOMES, type TrendTable } from '../../../report/trend';

const DEF = getFormat('gov-2021');
const APPEAL_RESULTS = DEF.appeals.outcomes.slice(0, -1);
const activeLabel = (key: string) => DEF.active.blocks.flatMap((b) => b.rows).find((r) => r.key === key)!.label;

export interface ChartSeries {
  name: string;
  /** Bars of one stack are drawn on top of each other. */
  stack?: string;
  values: number[];
}

export interface ChartSpec {
  id: TrendChartId;
  title: string;
  /** One category per year: 「2021年」. */
  categories: string[];
  series: ChartSeries[];
  /** Stacked to 100 %: values are shares in percent, `counts` the figures behind them. */
  percent?: boolean;
  counts?: number[][];
  /** Unit of the value axis. */
  unit: string;
}

const keyRow = (t: TrendTable, path: string): number[] => (t.rows.find((r) => r.group === 'key' && r.path === path)?.values ?? []).map((v) => v ?? 0);

export function chartSpecs(t: TrendTable): ChartSpec[] {
  const categories = t.years.map((y) => `${y}年`);
  const applicants: ChartSpec = {
    id: 'applicants',
    title: '各年度新收申请数量（按申请人类型）',
    categories,
    unit: '件',
    series: APPLICANT_COLUMNS.map((name, c) => ({ name, stack: '新收', values: keyRow(t, `requests.newReceived.${c}`) })),
  };

  const counts = OUTCOMES.map((o) => keyRow(t, `outcome.${o.id}`));
  const totals = t.years.map((_, i) => counts.reduce((s, row) => s + (row[i] ?? 0), 0));
  const outcomes: ChartSpec = {
    id: 'outcomes',
    title: '各年度办理结果构成（占比）',
    categories,
    unit: '%',
    percent: true,
    counts,
    series: OUTCOMES.map((o, k) => ({
      name: o.label,
      stack: '结果',
      values: counts[k]!.map((n, i) => (totals[i] ? Math.round((n / totals[i]!) * 1000) / 10 : 0)),
    })),
  };

  const results = APPEAL_RESULTS;
  const appeals: ChartSpec = {
    id: 'appeals',
    title: '各年度行政复议、行政诉讼及结果',
    categories,
    unit: '件',
    series: [
      ...results.map((r, i) => ({ name: `复议·${r}`, stack: '行政复议', values: keyRow(t, `appeals.review.${i}`) })),
      ...results.map((r, i) => ({ name: `诉讼·${r}`, stack: '行政诉讼', values: keyRow(t, `litigation.${i}`) })),
    ],
  };

  const decisions: ChartSpec = {
    id: 'decisions',
    title: '各年度行政许可、行政处罚、行政强制决定数量',
    categories,
    unit: '件',
    series: ['licensing', 'punishment', 'enforcement'].map((k) => ({ name: activeLabel(k), values: keyRow(t, `active.${k}.decisions`) })),
  };
  return [applicants, outcomes, appeals, decisions];
}

/** The four charts' data: taken from the comparison's key rows, shares of 办理结果 adding up to 100 %, 诉讼 as both litigation groups. */
import { describe, expect, it } from 'vitest';
import { buildTrend } from '../../report/trend';
import { chartSpecs } from '../../renderer/src/trend/chartData';
import { trendReport, TREND_YEARS } from '../e2e/trend-seed';

const t = buildTrend('示例县白沙镇人民政府', TREND_YEARS.map(trendReport));
const [applicants, outcomes, appeals, decisions] = chartSpecs(t);

describe('chart data', () => {
  it('one category per year, the four charts in order', () => {
    expect([applicants, outcomes, appeals, decisions].map((s) => s!.id)).toEqual(['applicants', 'outcomes', 'appeals', 'decisions']);
    expect(applicants!.categories).toEqual(TREND_YEARS.map((y) => `${y}年`));
  });

  it('applications by applicant type add up to 新收 总计', () => {
    const total = t.rows.find((r) => r.group === 'key' && r.path === 'requests.newReceived.6')!.values;
    TREND_YEARS.forEach((_, i) => expect(applicants!.series.reduce((s, x) => s + x.values[i]!, 0)).toBe(total[i]));
  });

  it('outcome shares add up to 100 % per year and keep the counts behind them', () => {
    TREND_YEARS.forEach((_, i) => expect(Math.round(outcomes!.series.reduce((s, x) => s + x.values[i]!, 0))).toBe(100));
    expect(outcomes!.series.map((s) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    // 2019 (gov-2019): 3 予以公开 of 3 → 100 %.
    expect(outcomes!.counts![0]![0]).toBe(3);
    expect(outcomes!.series[0]!.values[0]).toBe(100);
  });

  it('复议 and 诉讼 stacks with their results; 诉讼 counts both litigation groups', () => {
    expect(appeals!.series.map((s) => s.stack)).toEqual([...Array(4).fill('行政复议'), ...Array(4).fill('行政诉讼')]);
    const suits = TREND_YEARS.map((_, i) => appeals!.series.slice(4).reduce((s, x) => s + x.values[i]!, 0));
    expect(suits).toEqual([0, 1, 0, 0, 1, 1, 0]);
    expect(decisions!.series.map((s) => s.name)).toEqual(['行政许可', '行政处罚', '行政强制']);
    expect(decisions!.series[0]!.values).toEqual([120, 135, 150, 160, 170, 40, 180]);
  });
});

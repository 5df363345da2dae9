/** Every rule of format.md §7 fires on a hand-broken copy of a clean report, and only it. */
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, inferLevel, runChecks, validateJson, type Report } from '../../report';
import { readTextFigures, repeatShare } from '../../report/checks';
import { loadReport, qingshi2023, qingshi2024 } from '../helpers/fixtures';

const rules = (r: Report, o: Parameters<typeof runChecks>[1] = {}) => runChecks(r, o).map((f) => f.rule);

describe('clean reports pass', () => {
  it('qingshi 2023 and 2024 pass clean, including the cross-year rules', () => {
    expect(runChecks(qingshi2023())).toEqual([]);
    expect(runChecks(qingshi2024(), { previous: qingshi2023() })).toEqual([]);
  });
  it('the published Shanghai 2019 report passes the table rules', () => {
    expect(rules(loadReport('published/shanghai-office-2019.json'), { completeness: false })).toEqual([]);
  });
});

describe('Table 三 and 四 (HARD)', () => {
  it('T3-1 names the column, both sums and the four cells', () => {
    const r = qingshi2024();
    r.requests.carriedForward![0] = 1; // 7+1 ≠ 8+1
    r.requests.carriedForward![6] = 1;
    const f = runChecks(r).filter((x) => x.rule === 'T3-1');
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({
      severity: 'error',
      expected: 8,
      actual: 9,
      cells: ['requests.newReceived.0', 'requests.carriedOver.0', 'requests.resultTotal.0', 'requests.carriedForward.0'],
      message: '三、自然人列：第一项加第二项之和（8）不等于第三项加第四项之和（9）',
    });
    expect(new Set(rules(r))).toEqual(new Set(['T3-1']));
  });

  it('T3-2 fires when （七）总计 is not the sum of the result rows, and only it', () => {
    const r = qingshi2024();
    r.requests.granted![0] = 5;
    r.requests.granted![6] = 6; // the row stays consistent
    r.requests.carriedForward![0] = 0;
    const found = runChecks(r);
    expect(found.map((f) => f.rule)).toEqual(['T3-2', 'T3-2']);
    expect(found[0]!.message).toBe('三、自然人列：（七）总计（8）不等于各项办理结果之和（9）');
  });

  it('T3-3 fires when a row total is not the sum of the applicant columns, and only it', () => {
    const r = qingshi2024();
    r.requests.carriedForward = [0, 0, 0, 0, 0, 0, 0];
    r.requests.newReceived![6] = 8;
    r.requests.carriedOver![6] = 2;
    const found = runChecks(r).filter((f) => f.rule.startsWith('T'));
    expect(found.map((f) => f.rule)).toEqual(['T3-3', 'T3-3']);
    // The overview says 新收9件: the text check notices the changed total too.
    expect(rules(r)).toContain('X-1');
    expect(found[0]!.cells[0]).toBe('requests.newReceived.6');
    expect(found[0]!.message).toBe('三、“一、本年新收政府信息公开申请数量”行：总计（8）不等于各类申请人之和（9）');
  });

  it('T4-1 fires per group with the outcome labels', () => {
    const r = qingshi2024();
    r.appeals.litigationAfterReview = [1, 0, 0, 0, 0];
    const found = runChecks(r);
    expect(found.map((f) => f.rule)).toEqual(['T4-1']);
    expect(found[0]!.message).toBe('四、行政诉讼 复议后起诉：总计（0）不等于结果维持、结果纠正、其他结果、尚未审结之和（1）');
  });

  it('T3-4, T4-2 and T2-1 (types and signs) are refused by validation: a report cannot hold such a value', () => {
    for (const mutate of [
      (r: any) => (r.requests.granted[0] = -1),
      (r: any) => (r.appeals.review[1] = 0.5),
      (r: any) => (r.active.licensing.decisions = -3),
      (r: any) => (r.active.fees.amount = '-0.5'),
    ]) {
      const r = JSON.parse(JSON.stringify(qingshi2024()));
      mutate(r);
      expect(validateJson(r).ok).toBe(false);
    }
  });
});

describe('Table 二', () => {
  it('T2-2 (2021): 现行有效件数 below 制发 − 废止 is a warning', () => {
    const r = qingshi2024();
    r.active.normativeDocs = { issued: 5, repealed: 1, inForce: 3 };
    expect(runChecks(r).map((f) => [f.rule, f.severity])).toEqual([['T2-2', 'warning']]);
  });
  it('T2-3 (2019): 对外公开总数量 below 本年新公开数量', () => {
    const r = emptyReport('gov-2019', '上海市人民政府办公厅', 2019);
    r.active.rules = { made: 3, published: 3, totalPublished: 2 };
    expect(rules(r, { completeness: false })).toEqual(['T2-3']);
  });
  it('T2-4 (2019): 上一年项目数量 + 本年增/减 < 0 is an error', () => {
    const r = emptyReport('gov-2019', '上海市人民政府办公厅', 2019);
    r.active.licensing = { previousItems: 5, change: -8, decisions: 0 };
    const f = runChecks(r, { completeness: false });
    expect(f.map((x) => [x.rule, x.severity, x.actual])).toEqual([['T2-4', 'error', -3]]);
  });
  it('T2-5 (2021): 规章 figures for a township (inferred from the name, or set) are a warning', () => {
    const r = qingshi2024();
    r.active.rules = { issued: 1, repealed: 0, inForce: 1 };
    expect(rules(r)).toEqual(['T2-5']);
    expect(rules(r, { level: 'city' })).toEqual([]);
    expect(rules({ ...r, agency: '某市人民政府' })).toEqual([]);
  });
  it('T2-6 (2021): an amount that looks like 元 for a township', () => {
    const r = qingshi2024();
    r.active.fees = { amount: '12560' };
    expect(rules(r)).toEqual(['T2-6']);
    expect(rules(r, { level: 'city' })).toEqual([]);
  });
  it('infers township level from 镇/乡/街道/服务中心 names', () => {
    expect(inferLevel('重庆市开州区大进镇人民政府')).toBe('township');
    expect(inferLevel('阿克陶县慕士塔格城区服务中心')).toBe('township');
    expect(inferLevel('某区某某街道办事处')).toBe('township');
    expect(inferLevel('某县人民政府')).toBe('county');
    expect(inferLevel('铜陵市商务局')).toBe(null);
  });
});

describe('text ↔ tables', () => {
  it('X-1 reads the figures a sentence ties to a row: 上年结转 is not 结转下年度', () => {
    expect(readTextFigures('全年新收政府信息公开申请9件，上年结转1件，办结10件，结转下年度继续办理2件。').map((f) => [f.row, f.value])).toEqual([
      ['newReceived', 9],
      ['carriedOver', 1],
      ['resultTotal', 10],
      ['carriedForward', 2],
    ]);
    expect(readTextFigures('本年度未收到政府信息公开申请。').map((f) => [f.row, f.value])).toEqual([['newReceived', 0]]);
    const r = qingshi2024();
    r.text.overview = r.text.overview.replace('上年结转1件', '上年结转2件');
    const f = runChecks(r);
    expect(f.map((x) => x.rule)).toEqual(['X-1']);
    expect(f[0]).toMatchObject({ expected: 1, actual: 2, cells: ['text.overview', 'requests.carriedOver.6'] });
  });
  it('X-2: applications dropped for non-payment need a 收费通知 in 六', () => {
    const r = qingshi2024();
    r.requests.otherOverdueFee = [1, 0, 0, 0, 0, 0, 1];
    r.requests.unavailableNotHeld = [0, 0, 0, 0, 0, 1, 1];
    expect(rules(r)).toEqual(['X-2']);
    r.text.other = '本机关2024年度发出收费通知1件，总金额100元，实际收取0元，未收取信息处理费。';
    expect(rules(r)).toEqual([]);
  });
  it('X-3: section 六 must state the 信息处理费', () => {
    const r = qingshi2024();
    r.text.other = '无。';
    expect(rules(r)).toEqual(['X-3']);
  });
  it('X-4: text saying there were no appeals while Table 四 has some', () => {
    const r = qingshi2024();
    r.text.overview += '\n全年未发生行政复议、行政诉讼情况。';
    expect(rules(r)).toEqual(['X-4']);
  });
  it('X-4: 复议 said to be none says nothing of 诉讼 (「未发生行政复议案件，行政诉讼…」)', () => {
    const r = qingshi2024();
    r.appeals.review = [0, 0, 0, 0, 0];
    r.appeals.litigationDirect = [1, 0, 0, 0, 1];
    r.appeals.litigationAfterReview = [0, 0, 0, 0, 0];
    r.text.overview += '\n全年未发生行政复议案件，行政诉讼案件有1件。';
    expect(rules(r)).toEqual([]);
    r.text.overview += '\n行政复议、行政诉讼均未发生。';
    expect(rules(r)).toEqual(['X-4']);
  });
  it('X-5: headings of an imported document against the six of the format', () => {
    const r = qingshi2024();
    const ok = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况:', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    expect(rules(r, { headings: ok })).toEqual([]);
    const bad = ['一、总体概况', ...ok.slice(1)];
    expect(runChecks(r, { headings: bad }).map((f) => [f.rule, f.actual])).toEqual([['X-5', '一、总体概况']]);
  });
  it('a 【请填写】 placeholder left in a text is a warning', () => {
    const r = computeTotals(emptyReport('gov-2021', '某镇人民政府', 2025));
    expect(runChecks(r, { completeness: false }).map((f) => [f.rule, f.cells[0]])).toEqual([['TEXT-PLACEHOLDER', 'text.other']]);
  });
  it('repetition of last year: sentences split at 。！？, whitespace ignored, sub-headings not counted', () => {
    expect(repeatShare('（一）主动公开\n甲。乙！丙', '（一）主动公开\n甲 。丁')).toEqual({ share: 1 / 3, repeated: 1, total: 3 });
    const prev = qingshi2023();
    const r = qingshi2024();
    r.text.problems = prev.text.problems;
    expect(runChecks(r, { previous: prev }).map((f) => f.rule)).toEqual(['TEXT-REPEAT']);
  });
});

describe('cross-year', () => {
  it('Y-1: 上年结转 against last year’s 结转下年度继续办理, per column (warning)', () => {
    const r = qingshi2024();
    const prev = qingshi2023();
    prev.requests.carriedForward = [2, 0, 0, 0, 0, 0, 2];
    const f = runChecks(r, { previous: prev }).filter((x) => x.rule === 'Y-1');
    expect(f.map((x) => [x.severity, x.cells])).toEqual([
      ['warning', ['requests.carriedOver.0', 'previous.requests.carriedForward.0']],
      ['warning', ['requests.carriedOver.6', 'previous.requests.carriedForward.6']],
    ]);
  });
  it('Y-2: 现行有效件数 = last year + 制发 − 废止 (2021 → 2021)', () => {
    const prev = qingshi2023();
    prev.active.normativeDocs!.inForce = 20;
    expect(rules(qingshi2024(), { previous: prev })).toEqual(['Y-2']);
  });
  it('Y-3 and Y-4 (2019 → 2020)', () => {
    const a = emptyReport('gov-2019', '某镇人民政府', 2019);
    a.active.licensing = { previousItems: 10, change: 2, decisions: 5 };
    a.active.rules = { made: 0, published: 1, totalPublished: 4 };
    const b = emptyReport('gov-2019', '某镇人民政府', 2020);
    b.active.licensing = { previousItems: 12, change: 0, decisions: 3 };
    b.active.rules = { made: 0, published: 2, totalPublished: 6 };
    expect(rules(b, { previous: a, completeness: false })).toEqual([]);
    b.active.licensing.previousItems = 11;
    b.active.rules.totalPublished = 7;
    expect(rules(b, { previous: a, completeness: false })).toEqual(['Y-3', 'Y-4']);
  });
  it('cross-year rules need last year exactly; across the format change only Y-1 applies (§8)', () => {
    const prev = qingshi2023();
    prev.year = 2022;
    prev.requests.carriedForward = [9, 0, 0, 0, 0, 0, 9];
    expect(rules(qingshi2024(), { previous: prev })).toEqual([]);
    const y2020 = emptyReport('gov-2019', '某镇人民政府', 2020);
    y2020.requests.carriedForward = [1, 0, 0, 0, 0, 0, 1];
    y2020.requests.newReceived = [1, 0, 0, 0, 0, 0, 1];
    const y2021 = computeTotals(emptyReport('gov-2021', '某镇人民政府', 2021));
    y2021.text.other = '未收取信息处理费。';
    expect(rules(y2021, { previous: y2020, completeness: false })).toEqual(['Y-1', 'Y-1']);
  });
});

import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../report';
import { checkCollection, type CollectedUnit } from '../../report/rollup';
import { madeCollection } from './helpers';

/** The R-… findings of a collection as 「rule agency」, sorted. */
const rFindings = (units: CollectedUnit[], year = 2024) =>
  checkCollection(units, year)
    .filter((f) => f.rule.startsWith('R-'))
    .map((f) => `${f.rule} ${f.agency}`)
    .sort();

const fresh = () => madeCollection(6);

describe('collection checks R-1…R-10 (rollup.md §4): each fires on its made case and only there', () => {
  it('a sound collection has no R finding', () => {
    expect(rFindings(fresh())).toEqual([]);
  });

  it('R-1: 上年结转 differs from last year’s 结转下年度 (error)', () => {
    const u = fresh();
    u[2]!.previous!.requests.carriedForward![0]! += 1;
    u[2]!.previous!.requests.newReceived![0]! += 1;
    const found = checkCollection(u, 2024).filter((f) => f.rule.startsWith('R-'));
    expect(found.map((f) => `${f.rule} ${f.agency} ${f.severity}`)).toEqual([`R-1 ${u[2]!.agency} error`]);
    expect(found[0]!.message).toContain('表三 自然人列：上年结转');
  });

  it('R-2: 现行有效件数 ≠ last year’s + 制发 − 废止', () => {
    const u = fresh();
    u[3]!.report.active.normativeDocs!.inForce = (u[3]!.report.active.normativeDocs!.inForce as number) + 4;
    expect(rFindings(u)).toEqual([`R-2 ${u[3]!.agency}`]);
  });

  it('R-3: tables identical to last year’s, not all zero', () => {
    const u = fresh();
    const p = u[4]!.previous!;
    const copy = structuredClone(p);
    u[4]!.report = { ...u[4]!.report, active: copy.active, requests: copy.requests, appeals: copy.appeals };
    // Last year's carried-forward equals this year's carried-over only if they match: make it so.
    u[4]!.previous!.requests.carriedForward = [...copy.requests.carriedOver!];
    u[4]!.previous!.requests.newReceived = copy.requests.newReceived!.map((v, c) => v + copy.requests.carriedOver![c]! - copy.requests.carriedOver![c]!);
    const got = rFindings(u).filter((f) => f !== `R-1 ${u[4]!.agency}`);
    expect(got.filter((f) => f.startsWith('R-3'))).toEqual([`R-3 ${u[4]!.agency}`]);
    expect(got.every((f) => f.endsWith(u[4]!.agency))).toBe(true);
  });

  it('R-4: two units of the year with identical tables', () => {
    const u = fresh();
    const src = u[1]!.report;
    u[5]!.report = { ...u[5]!.report, active: structuredClone(src.active), requests: structuredClone(src.requests), appeals: structuredClone(src.appeals) };
    // Keep R-1/R-2 quiet for unit 5: its last year now leads to unit 1's figures.
    u[5]!.previous = structuredClone(u[1]!.previous!);
    u[5]!.previous.agency = u[5]!.agency;
    expect(rFindings(u)).toEqual([`R-4 ${u[1]!.agency}`, `R-4 ${u[5]!.agency}`].sort());
  });

  it('R-5: more than half of the sentences copied from another unit (renamed or not)', () => {
    const u = fresh();
    u[2]!.report.text = { ...u[1]!.report.text };
    for (const k of ['overview', 'problems'] as const) u[2]!.report.text[k] = u[1]!.report.text[k].replaceAll(u[1]!.agency, u[2]!.agency);
    expect(rFindings(u)).toEqual([`R-5 ${u[1]!.agency}`, `R-5 ${u[2]!.agency}`].sort());
  });

  it('R-5: a sentence shared by 3 or more units is common wording, not copying; a real copy is quoted', () => {
    const u = madeCollection(12);
    const common = ['本机关2024年度未收取信息处理费。', '本机关全年未发生因政府信息公开引起的行政复议和行政诉讼案件。'];
    for (const [i, x] of u.entries()) {
      x.report.text.overview = `${x.agency}全年围绕第${i}片区的民生事项组织公开${30 + i}次，群众满意度稳步提升。`;
      x.report.text.problems = '';
      x.report.text.other = common.join('');
    }
    expect(rFindings(u)).toEqual([]);
    u[2]!.report.text.overview = u[1]!.report.text.overview.replaceAll(u[1]!.agency, u[2]!.agency);
    const found = checkCollection(u, 2024).filter((f) => f.rule === 'R-5');
    expect(found.map((f) => f.agency).sort()).toEqual([u[1]!.agency, u[2]!.agency].sort());
    expect(found.find((f) => f.agency === u[2]!.agency)!.message).toBe(
      `正文有1/1句（100%）与“${u[1]!.agency}”的报告相同，如“${u[2]!.agency}全年围绕第1片区的民生事项组织公开31次，群众满意度稳步提升”，请核实是否照抄`,
    );
  });

  it('R-5 stays quiet at half or less', () => {
    const u = fresh();
    u[2]!.report.text.overview = u[1]!.report.text.overview.split('\n')[0]!.replaceAll(u[1]!.agency, u[2]!.agency) + '\n' + u[2]!.report.text.overview;
    // 1 of 5 sentences of unit 2 shared, 1 of 4 of unit 1.
    expect(rFindings(u)).toEqual([]);
  });

  it('R-6: 收费 about 10⁴ times last year’s (元 typed as 万元)', () => {
    const u = fresh();
    u[1]!.previous!.active.fees!.amount = '1.2';
    u[1]!.report.active.fees!.amount = '12000';
    const got = rFindings(u);
    expect(got).toContain(`R-6 ${u[1]!.agency}`);
    expect(got.every((f) => f === `R-6 ${u[1]!.agency}`)).toBe(true);
  });

  it('R-6: 收费 about 10⁴ times the other units’ median, even without last year', () => {
    const u = fresh();
    u[3]!.previous = null;
    u[3]!.report.active.fees!.amount = '30000';
    expect(rFindings(u)).toEqual([`R-6 ${u[3]!.agency}`]);
  });

  it('R-7: a figure > 20 × the same level’s median, and 复议 where every other unit has none', () => {
    const u = fresh();
    u[2]!.report.requests.newReceived![0]! += 400;
    u[2]!.report.requests.granted![0]! += 400;
    u[2]!.previous = null; // no R-10 swing for this case
    const big = checkCollection(computeTotalsOf(u), 2024).filter((f) => f.rule.startsWith('R-'));
    expect(big.map((f) => `${f.rule} ${f.agency} ${f.cells.join()}`)).toEqual([`R-7 ${u[2]!.agency} requests.newReceived.0`, `R-7 ${u[2]!.agency} requests.granted.0`]);

    const v = fresh();
    for (const x of v) x.report.appeals.review = [0, 0, 0, 0, 0];
    for (const x of v) if (x.previous) x.previous.appeals.review = [0, 0, 0, 0, 0];
    v[4]!.report.appeals.review = [0, 1, 0, 0, 1];
    expect(rFindings(v)).toEqual([`R-7 ${v[4]!.agency}`]);
  });

  it('R-8: a report of the other format, or the other format’s labels in the text (error)', () => {
    const u = fresh();
    const found = checkCollection(u, 2020).filter((f) => f.rule === 'R-8');
    expect(found).toHaveLength(u.length);
    expect(found[0]!.severity).toBe('error');
    const v = fresh();
    v[1]!.report.text.overview += '\n规范性文件本年新制作数量3件，对外公开总数量12件，较上年增加。';
    expect(rFindings(v)).toEqual([`R-8 ${v[1]!.agency}`]);
  });

  it('R-9: the statistics period names another year', () => {
    const u = fresh();
    u[5]!.report.text.preamble = '本报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。';
    expect(rFindings(u)).toEqual([`R-9 ${u[5]!.agency}`]);
  });

  it('R-10: a key figure swings from 0 to ≥ 20 or by > 200 % and the text says nothing', () => {
    const u = fresh();
    u[1]!.report.active.enforcement!.decisions = 25; // from 2–4 last year; not 20 × the others
    expect(rFindings(u)).toEqual([`R-10 ${u[1]!.agency}`]);
    u[1]!.report.text.overview += '\n全年作出行政强制决定25件，主要是开展专项整治所致。';
    expect(rFindings(u)).toEqual([]);
  });
});

function computeTotalsOf(units: CollectedUnit[]): CollectedUnit[] {
  return units.map((u) => ({ ...u, report: computeTotals(u.report) }));
}

describe('the single-report roll-up rules in every check (the editor shows them)', () => {
  it('runChecks reports R-9 always and R-3/R-10 against last year, once each in a collection', async () => {
    const { runChecks } = await import('../../report');
    const u = fresh()[1]!;
    expect(runChecks(u.report, { previous: u.previous }).filter((f) => f.rule.startsWith('R-'))).toEqual([]);
    u.report.text.preamble = '本报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。';
    u.report.active.licensing!.decisions = 400;
    expect(runChecks(u.report).map((f) => f.rule).filter((r) => r.startsWith('R-'))).toEqual(['R-9']);
    expect(runChecks(u.report, { previous: u.previous }).map((f) => f.rule).filter((r) => r.startsWith('R-')).sort()).toEqual(['R-10', 'R-9']);
    const all = fresh();
    all[1] = u;
    expect(rFindings(all).filter((f) => f.endsWith(u.agency)).sort()).toEqual([`R-10 ${u.agency}`, `R-9 ${u.agency}`]);
  });
});

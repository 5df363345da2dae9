/** Completeness warnings (issue 15 #1): a blank template, a copied year, an empty 五, a date-less 落款. */
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, runChecks, type Report } from '../../report';
import { checkCompleteness } from '../../report/checks';
import { qingshi2024 } from '../helpers/fixtures';

const rules = (r: Report) => checkCompleteness(r).map((f) => f.rule);

describe('completeness', () => {
  it('a blank 2025 template is not clean: empty sub-sections of 一 and 五 and no 成文日期', () => {
    const r = computeTotals(emptyReport('gov-2021', '示例县青石镇人民政府', 2025));
    const f = runChecks(r);
    expect(f.length).toBeGreaterThan(0);
    const c1 = f.filter((x) => x.rule === 'C-1');
    expect(c1.map((x) => x.cells[0])).toEqual(['text.overview', 'text.problems']);
    expect(c1[0]!.message).toContain('“（一）主动公开”');
    expect(f.find((x) => x.rule === 'C-3')).toMatchObject({ cells: ['closing.date'], message: '落款还没有成文日期，导出的报告将没有日期' });
  });

  it('a clean finished report has no completeness warning', () => {
    expect(checkCompleteness(qingshi2024())).toEqual([]);
  });

  it('R-9: a 2023 text copied into 2022 keeps 2023 in the statistics period, the title and 「2023年度共发出」', () => {
    const src = computeTotals(emptyReport('gov-2021', '示例县青石镇人民政府', 2023));
    const copy: Report = { ...structuredClone(src), year: 2022 };
    const f = checkCompleteness(copy).filter((x) => x.rule === 'R-9');
    expect(f.map((x) => x.cells[0])).toEqual(['text.preamble', 'text.preamble', 'text.other']);
    expect(f[1]!.message).toContain('报告标题写的是2023年');
    expect(f[0]!.message).toContain('统计期限写的是2023年');
    expect(f[0]).toMatchObject({ expected: 2022, actual: 2023 });
    expect(rules(src)).not.toContain('R-9');
  });

  it('R-9 reads full-width digits too', () => {
    const r = qingshi2024();
    r.text.preamble = '本报告中所列数据统计期限自２０２３年１月１日起至２０２３年１２月３１日止。';
    expect(rules(r)).toEqual(['R-9']);
  });

  it('C-1: a sub-heading with a paragraph under it is fine, one without is named', () => {
    const r = qingshi2024();
    r.text.overview = '（一）主动公开\n全年主动公开信息120条。\n（二）依申请公开\n（三）政府信息管理\n规范管理。';
    const f = checkCompleteness(r);
    expect(f.map((x) => x.rule)).toEqual(['C-1']);
    expect(f[0]!.message).toBe('一、总体情况：“（二）依申请公开”下还没有内容');
  });

  it('C-2: 五 written without an 改进 part', () => {
    const r = qingshi2024();
    r.text.problems = '一是基层公开人员业务能力有待提高；二是部分村务公开栏更新不及时。';
    expect(checkCompleteness(r).map((x) => x.message)).toEqual(['五、存在的主要问题及改进情况：没有写改进情况']);
  });

  it('C-4: all tables 0 while the overview says 「收到申请3件」', () => {
    const r = computeTotals(emptyReport('gov-2021', '示例县青石镇人民政府', 2025));
    r.text.overview = '（一）主动公开\n略。\n（二）依申请公开\n全年共收到申请3件。';
    const f = checkCompleteness(r).filter((x) => x.rule === 'C-4');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('三张表的数字全部为0');
    r.requests.newReceived = [3, 0, 0, 0, 0, 0, 3];
    expect(rules(r)).not.toContain('C-4');
  });
});

describe('C-1 when the next sub-heading carries its text on its line (issue 21 #4)', () => {
  it('「（一）存在的主要问题」 with nothing under it, 「（二）改进情况：…」 written inline, is still empty', () => {
    const r = qingshi2024();
    r.text.problems = '（一）存在的主要问题：\n（二）改进情况：下一步，我镇将加强业务培训。';
    const c1 = checkCompleteness(r).filter((f) => f.rule === 'C-1');
    expect(c1.map((f) => f.message)).toEqual(['五、存在的主要问题及改进情况：“（一）存在的主要问题：”下还没有内容']);
  });

  it('a sub-section whose text follows on the next line is not flagged', () => {
    const r = qingshi2024();
    r.text.problems = '（一）存在的主要问题\n人员业务能力有待提高。\n（二）改进情况：下一步，我镇将加强业务培训。';
    expect(rules(r)).not.toContain('C-1');
  });
});

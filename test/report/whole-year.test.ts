/** X-7 (issue 21 #3): a sentence stating a whole-year fact of another year, and the comparisons left alone. */
import { describe, expect, it } from 'vitest';
import { runChecks, type Report } from '../../report';
import { checkWholeYearFacts, wholeYearFactYear } from '../../report/checks/years';
import { qingshi2024 } from '../helpers/fixtures';

/** The 2024 fixture taken as the 2025 report, with one sentence put into 一、总体情况. */
function with2025(sentence: string, part: keyof Report['text'] = 'overview'): Report {
  const r = qingshi2024();
  r.year = 2025;
  r.text = { ...r.text, preamble: '', overview: '', problems: '', other: '' };
  r.text[part] = sentence;
  return r;
}

describe('X-7: whole-year facts of another year', () => {
  it.each([
    ['2024年全年未发生泄密事件。', 2024],
    ['我镇2024年全年共主动公开政府信息120条。', 2024],
    ['2024年度，我镇共开展政务公开培训3次。', 2024],
    ['2024年度未收到政府信息公开申请。', 2024],
    ['2024年度,大进镇未收到依申请公开事项。', 2024],
    ['截至2024年12月31日，现行有效规范性文件12件。', 2024],
    ['截止2023年底，平台累计发布信息5000余条。', 2023],
    ['２０２４年全年未发生泄密事件。', 2024],
  ])('flags 「%s」', (sentence, year) => {
    expect(wholeYearFactYear(sentence.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)), 2025)).toBe(year);
    const f = checkWholeYearFacts(with2025(sentence, 'problems'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'X-7', severity: 'warning', cells: ['text.problems'], expected: 2025, actual: year });
    expect(f[0]!.message).toContain(`${year}年的全年情况`);
  });

  it.each([
    '2025年全年未发生泄密事件。',
    '本年度新收申请12件，较2024年增加3件。',
    '新收申请数量比2024年度减少2件。',
    '与2024年全年相比，主动公开信息增加20条。',
    '2024年度结转的2件申请已全部办结。',
    '上年（2024年度）共收到申请9件，本年度12件。',
    '2026年，我镇将进一步加强政务公开培训。',
    '2026年度计划开展培训4次。',
    '2024年10月，我镇调整了政务公开工作领导小组。',
    '根据《条例》第五十条编制本报告。',
  ])('leaves 「%s」 alone', (sentence) => {
    expect(wholeYearFactYear(sentence, 2025)).toBeNull();
    expect(checkWholeYearFacts(with2025(sentence))).toEqual([]);
  });

  it('runs with every check, also for a report kept as published, and is not said twice beside R-9', () => {
    const wrong = with2025('2024年全年未发生泄密事件。', 'overview');
    expect(runChecks(wrong).filter((f) => f.rule === 'X-7')).toHaveLength(1);
    expect(runChecks(wrong, { completeness: false }).filter((f) => f.rule === 'X-7')).toHaveLength(1);
    const r9 = with2025('2024年度共收到申请9件。', 'overview');
    const rules = runChecks(r9).map((f) => f.rule);
    expect(rules).toContain('R-9');
    expect(rules).not.toContain('X-7');
  });

  it('the clean 2024 fixture has no X-7', () => {
    expect(runChecks(qingshi2024()).filter((f) => f.rule === 'X-7')).toEqual([]);
  });
});

/** 发布前自查: each item passing and failing, from the same findings the editor shows. */
import { describe, expect, it } from 'vitest';
import { cloneReport, runChecks, setCell, type Report } from '../../report';
import { selfCheck, subSectionLengths, type SelfCheckFacts, type SelfCheckItem } from '../../report/checks/selfcheck';
import { loadReport, qingshi2023, qingshi2024 } from '../helpers/fixtures';

const LONG = '一是部分栏目信息更新不够及时，个别村居公开栏长期未更新；二是依申请公开答复文书的规范性有待提高，说理不够充分。';
const FULL_PROBLEMS = `（一）存在的主要问题\n${LONG}\n（二）改进情况\n${LONG.replace(/一是/, '一是每季度').replace('二是', '二是建立答复文书审核制度，')}`;

function facts(over: Partial<SelfCheckFacts> & { report?: Report } = {}): SelfCheckFacts {
  const report = over.report ?? withText(qingshi2024(), { problems: FULL_PROBLEMS });
  const previous = over.previous === undefined ? qingshi2023() : over.previous;
  return {
    report,
    findings: runChecks(report, { previous }),
    previous,
    earlier: previous ? [previous] : [],
    deadline: '2025-01-31',
    today: new Date(2025, 0, 10),
    final: false,
    published: false,
    publishedOn: null,
    version: 3,
    graphic: { at: '2025-01-09T08:00:00.000Z', version: 3 },
    verifiedOn: null,
    ...over,
    ...(over.report && !over.findings ? { findings: runChecks(over.report, { previous }) } : {}),
  };
}

function withText(r: Report, text: Partial<Report['text']>): Report {
  const c = cloneReport(r);
  c.text = { ...c.text, ...text };
  return c;
}

const get = (items: SelfCheckItem[], id: string) => items.find((i) => i.id === id)!;

describe('发布前自查', () => {
  it('a complete, consistent report passes every item that applies', () => {
    const items = selfCheck(facts());
    expect(items.map((i) => i.id)).toEqual(['tables', 'carry', 'repeat', 'thin', 'fee', 'closing', 'period', 'deadline', 'graphic', 'verify']);
    for (const i of items.filter((x) => x.id !== 'verify')) expect(i.state, `${i.id}: ${i.detail}`).toBe('pass');
    expect(get(items, 'verify').state).toBe('na'); // not yet published
    for (const i of items) expect(i.source.length).toBeGreaterThan(4);
  });

  it('表格勾稽: a broken Table 三 balance is to look at and jumps to its cells', () => {
    const r = withText(qingshi2024(), { problems: FULL_PROBLEMS });
    setCell(r, 'requests.newReceived.0', 8);
    const t = get(selfCheck(facts({ report: r })), 'tables');
    expect(t.state).toBe('look');
    expect(t.detail).toMatch(/错误/);
    expect(t.fix).toMatchObject({ cells: expect.arrayContaining([expect.stringMatching(/^requests\./)]) });
  });

  it('结转: last year carried forward a different figure → to look at; no last year → not applicable', () => {
    const r = withText(qingshi2024(), { problems: FULL_PROBLEMS });
    setCell(r, 'requests.carriedOver.0', 3);
    expect(get(selfCheck(facts({ report: r })), 'carry').state).toBe('look');
    expect(get(selfCheck(facts({ previous: null })), 'carry').state).toBe('na');
  });

  it('雷同 is checked against every earlier year, not only last year', () => {
    const r = withText(qingshi2024(), { problems: FULL_PROBLEMS });
    const old = cloneReport(qingshi2023());
    old.year = 2021;
    old.text = { ...old.text, problems: FULL_PROBLEMS };
    const item = get(selfCheck(facts({ report: r, earlier: [qingshi2023(), old] })), 'repeat');
    expect(item.state).toBe('look');
    expect(item.detail).toContain('2021年度');
    expect(item.detail).toContain('2023、2021');
    expect(item.fix).toEqual({ cells: ['text.problems'] });
    expect(get(selfCheck(facts({ earlier: [], previous: null })), 'repeat').state).toBe('na');
  });

  it('五 too thin: under 50 characters of content under （一）', () => {
    expect(subSectionLengths('（一）问题\n一二三\n（二）改进\n四五')).toEqual([{ heading: '（一）问题', chars: 3 }, { heading: '（二）改进', chars: 2 }]);
    const item = get(selfCheck(facts({ report: qingshi2024() })), 'thin');
    expect(item.state).toBe('look');
    expect(item.detail).toMatch(/（一）存在的主要问题下只有\d+字/);
    expect(item.fix).toEqual({ cells: ['text.problems'] });
  });

  it('六 信息处理费: missing in a 2021-format report; not applicable to the 2019 format', () => {
    const r = withText(qingshi2024(), { problems: FULL_PROBLEMS, other: '无。' });
    expect(get(selfCheck(facts({ report: r })), 'fee').state).toBe('look');
    const old = loadReport('published/wenquan-2020.json');
    expect(get(selfCheck(facts({ report: old, previous: null })), 'fee').state).toBe('na');
  });

  it('落款 and 成文日期, and the statistics period', () => {
    const r = withText(qingshi2024(), { problems: FULL_PROBLEMS, preamble: '根据《条例》要求，现发布本报告。' });
    r.closing = { agency: r.closing.agency, date: '' };
    const items = selfCheck(facts({ report: r }));
    expect(get(items, 'closing')).toMatchObject({ state: 'look', detail: '还没有成文日期', fix: { cells: ['closing.date'] } });
    expect(get(items, 'period')).toMatchObject({ state: 'look', fix: { cells: ['text.preamble'] } });
    const wrong = withText(qingshi2024(), { problems: FULL_PROBLEMS, preamble: qingshi2024().text.preamble.replace(/2024年1月1日起至2024年/, '2023年1月1日起至2023年') });
    expect(get(selfCheck(facts({ report: wrong })), 'period').detail).toContain('2023年');
  });

  it('公开时限: days left, soon, late, and published', () => {
    expect(get(selfCheck(facts()), 'deadline')).toMatchObject({ state: 'pass', detail: expect.stringContaining('还有21天') });
    expect(get(selfCheck(facts({ today: new Date(2025, 0, 25) })), 'deadline').state).toBe('look');
    const late = get(selfCheck(facts({ today: new Date(2025, 1, 3) })), 'deadline');
    expect(late).toMatchObject({ state: 'look', detail: expect.stringContaining('已超过公开截止日3天') });
    expect(get(selfCheck(facts({ today: new Date(2025, 1, 3), published: true, publishedOn: '2025-01-28' })), 'deadline').state).toBe('pass');
  });

  it('图解: never made, made before the last change, made of this version', () => {
    expect(get(selfCheck(facts({ graphic: null })), 'graphic')).toMatchObject({ state: 'look', fix: { action: 'graphic' } });
    expect(get(selfCheck(facts({ graphic: { at: '2025-01-02T00:00:00Z', version: 2 } })), 'graphic').detail).toContain('之后报告又改过');
    expect(get(selfCheck(facts()), 'graphic').state).toBe('pass');
  });

  it('核对已发布: done, published but not checked, not published, not recorded by this archive', () => {
    expect(get(selfCheck(facts({ published: true, verifiedOn: '2025-02-01' })), 'verify').state).toBe('pass');
    expect(get(selfCheck(facts({ published: true, verifiedOn: null })), 'verify')).toMatchObject({ state: 'look', fix: { action: 'verify' } });
    expect(get(selfCheck(facts({ published: false, verifiedOn: null })), 'verify').state).toBe('na');
  });
});

/** 生成统计表述: every figure of a drafted sentence equals its cell, X-rules pass, stale sentences are found and fixed in place. */
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, runChecks, type Report } from '../../report';
import { readTextFigures } from '../../report/checks';
import { draftStatements, findDrafted, placeDraft, staleDrafts } from '../../report/trend';
import { loadReport, qingshi2023, qingshi2024 } from '../helpers/fixtures';

const xRules = (r: Report, previous: Report | null = null) => runChecks(r, { previous }).filter((f) => f.rule.startsWith('X'));

/** The report with its 一、总体情况 rewritten from the scaffold plus the three drafted paragraphs. */
function drafted(r: Report, previous: Report | null): Report {
  const d = draftStatements(r, previous);
  let text = '（一）主动公开\n（二）依申请公开\n（三）政府信息管理';
  text = placeDraft(text, 'active', d.active, '（一）主动公开'.length).text;
  text = placeDraft(text, 'requests', d.requests, text.indexOf('（三）') - 1).text;
  text = placeDraft(text, 'appeals', d.appeals, text.length).text;
  return { ...r, text: { ...r.text, overview: text } };
}

describe('drafting', () => {
  it('writes the standard sentences with the figures of the tables, zero items left out', () => {
    const d = draftStatements(qingshi2024(), qingshi2023());
    expect(d.requests).toBe(
      '本年度共新收政府信息公开申请9件（其中自然人7件、科研机构1件、其他1件），较上年增加3件；上年结转1件。' +
        '共办结10件，其中予以公开5件、部分公开1件、不予公开1件、无法提供2件、不予处理1件；结转下年度继续办理0件。',
    );
    expect(d.appeals).toBe('本年度发生政府信息公开行政复议2件、行政诉讼1件，其中行政复议结果维持1件、尚未审结1件，行政诉讼尚未审结1件。');
    expect(d.active).toBe(
      '本年度主动公开方面，制发行政规范性文件2件，废止行政规范性文件1件，现行有效行政规范性文件15件；作出行政许可决定356件、行政处罚决定41件、行政强制决定3件；收取行政事业性收费1.2560万元。',
    );
    // Without last year's report there is no comparison.
    expect(draftStatements(qingshi2024(), null).requests).not.toContain('上年增加');
  });

  it('an all-zero report says so, in the words X-1 and X-4 read', () => {
    const r = computeTotals(emptyReport('gov-2021', '青石镇人民政府', 2025));
    const d = draftStatements(r, null);
    expect(d).toEqual({
      active: '本年度主动公开方面，表二各项数量均为0。',
      requests: '本年度未收到政府信息公开申请。',
      appeals: '本年度未发生政府信息公开行政复议、行政诉讼案件。',
    });
    expect(readTextFigures(d.requests)).toEqual([{ row: 'newReceived', value: 0, phrase: '本年度未收到政府信息公开申请' }]);
    r.text.other = '本年度未收取信息处理费。';
    expect(xRules(drafted(r, null))).toEqual([]);
  });

  it('every figure X-1 reads equals its cell, and the X-rules pass on the drafted report (gov-2021)', () => {
    const r = drafted(qingshi2024(), qingshi2023());
    const figures = readTextFigures(r.text.overview);
    expect(figures.map((f) => [f.row, f.value])).toEqual([
      ['newReceived', 9],
      ['carriedOver', 1],
      ['resultTotal', 10],
      ['carriedForward', 0],
    ]);
    for (const f of figures) expect(f.value).toBe(r.requests[f.row]![6]);
    expect(xRules(r, qingshi2023())).toEqual([]);
  });

  it('gov-2019 reports get the same, with their rows', () => {
    const r = drafted(loadReport('published/shanghai-office-2019.json'), null);
    expect(r.text.overview).toContain('新制作规章13件、规范性文件60件，新公开规章13件、规范性文件60件，累计对外公开规章524件、规范性文件368件');
    expect(r.text.overview).toContain('政府集中采购项目6个、总金额251000元');
    expect(r.text.overview).toContain('无法提供337件');
    expect(xRules(r)).toEqual([]);
  });

  it('only one kind without the other: 复议 alone never says 未发生 诉讼', () => {
    const r = computeTotals(emptyReport('gov-2021', '青石镇人民政府', 2025));
    r.appeals.review = [0, 1, 0, 0, 1];
    expect(draftStatements(r, null).appeals).toBe('本年度发生政府信息公开行政复议1件，其中行政复议结果纠正1件。');
    r.text.other = '本年度未收取信息处理费。';
    expect(xRules(drafted(r, null))).toEqual([]);
  });
});

describe('stale sentences', () => {
  it('finds a drafted paragraph whose figures changed, and 更新统计表述 fixes it in place', () => {
    const previous = qingshi2023();
    const r = drafted(qingshi2024(), previous);
    expect(staleDrafts(r, previous)).toEqual([]);
    // 予以公开 +1, 部分公开 −1: the totals hold, only the drafted sentence is wrong now.
    r.requests.granted![0] = 5;
    r.requests.partiallyGranted![0] = 0;
    const fixed = computeTotals(r);
    const findings = runChecks(fixed, { previous });
    expect(findings.map((f) => f.rule)).toEqual(['X-6']);
    expect(findings[0]!.message).toContain('（二）依申请公开');
    const stale = staleDrafts(fixed, previous);
    expect(stale.map((s) => s.kind)).toEqual(['requests']);
    const before = fixed.text.overview;
    const placed = placeDraft(before, 'requests', stale[0]!.fresh, 0);
    expect(placed.replaced).toBe(true);
    expect(placed.text).toContain('予以公开6件');
    expect(placed.text).not.toContain('部分公开1件');
    // Nothing else of the clerk's text moved.
    expect(placed.text.replace(stale[0]!.fresh, '#')).toBe(before.replace(stale[0]!.text, '#'));
    expect(runChecks({ ...fixed, text: { ...fixed.text, overview: placed.text } }, { previous })).toEqual([]);
  });

  it('a changed 新收 is found by X-1 and by the drafted-sentence check', () => {
    const r = drafted(qingshi2024(), qingshi2023());
    r.requests.newReceived![0] = 8;
    r.requests.granted![0] = 5;
    const rules = runChecks(computeTotals(r), { previous: qingshi2023() }).map((f) => f.rule);
    expect(rules).toContain('X-1');
    expect(rules).toContain('X-6');
  });

  it('a paragraph drafted before last year was archived is not stale for lacking the comparison', () => {
    const r = drafted(qingshi2024(), null);
    expect(staleDrafts(r, qingshi2023())).toEqual([]);
    expect(staleDrafts(drafted(qingshi2024(), qingshi2023()), null)).toEqual([]);
  });

  it('a sentence the clerk wrote in similar words is not taken for a drafted one', () => {
    const r = qingshi2024();
    r.text.overview = '（二）依申请公开\n本年度共新收政府信息公开申请9件，均已按期答复。';
    expect(findDrafted(r.text.overview)).toEqual([]);
    expect(staleDrafts(r, qingshi2023())).toEqual([]);
  });

  it('inserts at the cursor as its own paragraph, never into a heading line', () => {
    const text = '（一）主动公开\n已有文字。';
    const p = placeDraft(text, 'appeals', 'X。', 3);
    expect(p.text).toBe('（一）\nX。\n主动公开\n已有文字。');
    expect(placeDraft(text, 'appeals', 'X。', text.indexOf('\n') + 1).text).toBe('（一）主动公开\nX。\n已有文字。');
    expect(findDrafted('（一）主动公开\n本年度主动公开方面，制发规章1件。\n其他。')).toMatchObject([{ kind: 'active', text: '本年度主动公开方面，制发规章1件。' }]);
  });
});

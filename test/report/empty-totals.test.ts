import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, getCell, layoutOf, runChecks, staleTotals, validateJson } from '../../report';
import { qingshi2024 } from '../helpers/fixtures';

describe('emptyReport', () => {
  it.each([
    ['gov-2021', 2025],
    ['gov-2019', 2020],
  ] as const)('%s: every cell is zero, valid, and passes the table rules', (format, year) => {
    const r = emptyReport(format, ' 某镇人民政府 ', year);
    expect(r.agency).toBe('某镇人民政府');
    for (const c of layoutOf(format).cells) expect(['0', 0]).toContain(getCell(r, c.path));
    expect(validateJson(r).ok).toBe(true);
    expect(runChecks(r).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('scaffolds the preamble with the statistics period and the notice of the format', () => {
    const r21 = emptyReport('gov-2021', '某镇人民政府', 2025);
    expect(r21.text.preamble).toContain('本报告中所列数据统计期限自2025年1月1日起至2025年12月31日止。');
    expect(r21.text.preamble).toContain('国办公开办函〔2021〕30号');
    expect(r21.text.preamble).toContain('《某镇人民政府2025年政府信息公开工作年度报告》');
    expect(emptyReport('gov-2019', '某镇人民政府', 2020).text.preamble).toContain('国办公开办函〔2019〕60号');
  });

  it('scaffolds the five sub-headings of 一 and the 信息处理费 sentence of 六 (gov-2021 only)', () => {
    const r = emptyReport('gov-2021', '某镇人民政府', 2025);
    expect(r.text.overview.split('\n')).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    expect(r.text.other).toMatch(/^本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2025年度共发出收费通知【请填写】件/);
    expect(emptyReport('gov-2019', '某镇人民政府', 2020).text.other).toBe('');
  });
});

describe('computeTotals', () => {
  it('recomputes every total from its cells and leaves the cells alone', () => {
    const r = emptyReport('gov-2021', '某镇人民政府', 2025);
    r.requests.newReceived = [3, 1, 0, 0, 2, 0, 0];
    r.requests.granted = [2, 1, 0, 0, 0, 0, 0];
    r.requests.deniedThirdParty = [1, 0, 0, 0, 1, 0, 0];
    r.requests.carriedForward = [0, 0, 0, 0, 1, 0, 0];
    r.appeals.review = [1, 0, 2, 1, 0];
    const t = computeTotals(r);
    expect(t.requests.newReceived).toEqual([3, 1, 0, 0, 2, 0, 6]);
    expect(t.requests.resultTotal).toEqual([3, 1, 0, 0, 1, 0, 5]);
    expect(t.requests.carriedForward![6]).toBe(1);
    expect(t.appeals.review).toEqual([1, 0, 2, 1, 4]);
    expect(r.requests.newReceived![6]).toBe(0); // a copy: opening never rewrites
    expect(runChecks(t).filter((f) => f.rule === 'T3-1')).toEqual([]);
  });

  it('leaves a consistent report unchanged, and staleTotals lists a published total that disagrees', () => {
    const q = qingshi2024();
    expect(computeTotals(q)).toEqual(q);
    expect(staleTotals(q)).toEqual([]);
    q.requests.resultTotal![6] = 11;
    q.appeals.review![4] = 3;
    expect(staleTotals(q)).toEqual(['requests.resultTotal.6', 'appeals.review.4']);
  });
});

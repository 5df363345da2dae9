import { describe, expect, it } from 'vitest';
import { emptyReport, validateJson } from '../../report';
import { allFixtureJson, readFixture } from '../helpers/fixtures';

const base = () => JSON.parse(JSON.stringify(readFixture('reports/qingshi-2024.json'))) as Record<string, any>;
const errorsOf = (input: unknown) => {
  const v = validateJson(input);
  return v.ok ? [] : v.errors;
};

describe('validateJson', () => {
  it.each(allFixtureJson())('accepts %s', (f) => {
    expect(validateJson(readFixture(f)).ok).toBe(true);
  });

  it('accepts a report without text and closing (both optional on input) and fills them empty', () => {
    const r = base();
    delete r.text;
    delete r.closing;
    const v = validateJson(r);
    expect(v.ok && v.report.text).toEqual({ preamble: '', overview: '', problems: '', other: '' });
    expect(v.ok && v.report.closing).toEqual({ agency: '', date: '' });
  });

  it('ignores findings and uncertain (the extra fields of import --dry-run --json)', () => {
    const v = validateJson({ ...base(), findings: [{ rule: 'T3-1' }], uncertain: ['requests.granted.0'] });
    expect(v.ok).toBe(true);
    expect(v.ok && 'findings' in v.report).toBe(false);
  });

  const cases: [string, (r: Record<string, any>) => void, string, RegExp][] = [
    ['a missing row', (r) => delete r.requests.granted, 'requests.granted', /缺少表三“（一）予以公开”/],
    ['a wrong length', (r) => r.requests.granted.pop(), 'requests.granted', /应有7个数字，实际为6个/],
    ['a negative count', (r) => (r.requests.newReceived[2] = -1), 'requests.newReceived.2', /一、本年新收政府信息公开申请数量 科研机构：件数不能为负数/],
    ['a fractional count', (r) => (r.appeals.review[0] = 1.5), 'appeals.review.0', /应为不小于0的整数/],
    ['a count given as text', (r) => (r.active.licensing.decisions = '356'), 'active.licensing.decisions', /应为不小于0的整数/],
    ['money with 5 decimals', (r) => (r.active.fees.amount = '1.25601'), 'active.fees.amount', /最多4位小数/],
    ['money as a number', (r) => (r.active.fees.amount = 1.256), 'active.fees.amount', /字符串/],
    ['negative money', (r) => (r.active.fees.amount = '-1'), 'active.fees.amount', /不小于0的金额/],
    ['null in a cell', (r) => (r.requests.carriedOver[0] = null), 'requests.carriedOver.0', /不能为空/],
    ['an unknown top-level key', (r) => (r.extra = 1), 'extra', /未知字段“extra”/],
    ['an unknown row', (r) => (r.requests.foo = [0, 0, 0, 0, 0, 0, 0]), 'requests.foo', /表三没有“foo”这一行/],
    ['a gov-2019 row in a gov-2021 report', (r) => (r.active.otherServices = { previousItems: 0, change: 0, decisions: 0 }), 'active.otherServices', /表二没有/],
    ['an unknown field', (r) => (r.active.rules.extra = 0), 'active.rules.extra', /未知字段/],
    ['an unknown text part', (r) => (r.text.foreword = ''), 'text.foreword', /未知文字部分/],
    ['the wrong format for the year', (r) => (r.year = 2020), 'format', /2020年度报告应使用 gov-2019 格式/],
    ['a year before the standard format', (r) => (r.year = 2018), 'year', /尚无统一的年度报告格式/],
    ['a year as text', (r) => (r.year = '2024'), 'year', /应为整数/],
    ['an unknown format', (r) => (r.format = 'gov-2030'), 'format', /格式应为/],
    ['an empty agency', (r) => (r.agency = '  '), 'agency', /不能为空/],
    ['a bad closing date', (r) => (r.closing.date = '2025-02-30'), 'closing.date', /YYYY-MM-DD/],
  ];
  it.each(cases)('refuses %s with a precise error', (_what, mutate, path, message) => {
    const r = base();
    mutate(r);
    const errors = errorsOf(r);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message).toMatch(message);
  });

  it('refuses what is not a report at all', () => {
    expect(errorsOf(null)[0]?.message).toMatch(/不是一份报告/);
    expect(errorsOf([1, 2])[0]?.message).toMatch(/不是一份报告/);
    expect(errorsOf({})).not.toHaveLength(0);
  });

  it('gov-2019: 本年增/减 may be negative, procurement needs its unit', () => {
    const r = emptyReport('gov-2019', '某镇人民政府', 2020) as unknown as Record<string, any>;
    r.active.licensing.change = -8;
    expect(validateJson(r).ok).toBe(true);
    r.active.procurement.unit = '千元';
    expect(errorsOf(r).map((e) => e.path)).toEqual(['active.procurement.unit']);
  });

  it('keeps money strings exactly as entered, trailing zeros included', () => {
    const r = base();
    r.active.fees.amount = '0.9840';
    const v = validateJson(r);
    expect(v.ok && v.report.active.fees!.amount).toBe('0.9840');
  });

  it('trims the agency name', () => {
    const v = validateJson({ ...base(), agency: ' 示例县青石镇人民政府 ' });
    expect(v.ok && v.report.agency).toBe('示例县青石镇人民政府');
  });
});

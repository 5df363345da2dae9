/** Copies of one report in the layouts real copies come in, and the special cases of report-json.md. */
import { describe, expect, it } from 'vitest';
import { ImportError, importText, toDryRunJson } from '../../main/import';
import { cellDiffs, loadReport, renderReport, SHARED, type Style } from './helpers';

const qingshi = loadReport(`${SHARED}/reports/qingshi-2024.json`);

describe('layouts of a published copy', () => {
  for (const style of ['markdown', 'pipe', 'lines', 'tabs'] as Style[]) {
    it(`${style}: every cell, text parts and headings`, () => {
      const r = importText(renderReport(qingshi, style));
      expect(cellDiffs(r.report, qingshi)).toEqual([]);
      expect(r.uncertain).toEqual([]);
      expect(r.report.agency).toBe(qingshi.agency);
      expect(r.report.text.overview).toBe(qingshi.text.overview);
      expect(r.report.text.problems).toBe(qingshi.text.problems);
      expect(r.headings).toHaveLength(6);
    });
  }

  it('glued (PDF text): Table 三/四 split by the rules; Table 二’s 「2115」 has three readings and stays uncertain', () => {
    const r = importText(renderReport(qingshi, 'glued'));
    const docs = ['issued', 'repealed', 'inForce'].map((f) => `active.normativeDocs.${f}`);
    expect(cellDiffs(r.report, qingshi).filter((d) => !docs.some((p) => d.startsWith(p)))).toEqual([]);
    expect(r.uncertain.every((p) => docs.includes(p))).toBe(true);
    expect(r.uncertain.length).toBeGreaterThan(0);
    expect(r.findings.find((f) => f.rule === 'IMPORT-UNCERTAIN')?.message).toMatch(/多种拆分/);
  });

  it('glued Table 二 figures are decided by a clause of the text naming the row and column', () => {
    const withText = structuredClone(qingshi);
    withText.text.overview += '\n全年制发行政规范性文件2件，现行有效行政规范性文件15件。';
    const r = importText(renderReport(withText, 'glued'));
    expect(r.uncertain).toEqual([]);
    expect(r.report.active.normativeDocs).toEqual({ issued: 2, repealed: 1, inForce: 15 });
    expect(r.findings.some((f) => f.rule === 'IMPORT-EVIDENCE')).toBe(true);
  });

  it('blank cells read as 0 (markdown and pipe)', () => {
    for (const style of ['markdown', 'pipe'] as Style[]) {
      const r = importText(renderReport(qingshi, style, { blankZeros: true }));
      expect(cellDiffs(r.report, qingshi), style).toEqual([]);
      expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-TOTAL'), style).toBe(false);
    }
  });

  it('a blank 总计 column is computed from its cells, with an IMPORT warning', () => {
    for (const style of ['markdown', 'pipe', 'tabs'] as Style[]) {
      const r = importText(renderReport(qingshi, style, { blankTotals: true }));
      expect(cellDiffs(r.report, qingshi), style).toEqual([]);
      const note = r.findings.find((f) => f.rule === 'IMPORT-BLANK-TOTAL');
      expect(note?.severity, style).toBe('warning');
      expect(note?.cells, style).toContain('requests.newReceived.6');
      expect(note?.cells, style).toContain('appeals.review.4');
    }
  });

  it('a markdown table with a broken header row and a separator line', () => {
    const text = renderReport(qingshi, 'markdown')
      .replace('| 申请人情况 |', '| 申请人情况 | | |')
      .replace(/(\| 自然人 \|[^\n]*\n)/, '$1|---|---|---|---|---|---|---|---|\n');
    const r = importText(text);
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
  });

  it('a table cut short: the missing cells are null and uncertain, the rest read', () => {
    const r = importText(renderReport(qingshi, 'pipe', { cutAfter: '3.补正后申请内容仍不明确' }));
    expect(r.nulls).toContain('requests.notProcessedComplaint.0');
    expect(r.nulls).toContain('requests.carriedForward.6');
    expect(r.nulls).toContain('appeals.review.0');
    expect(r.nulls).not.toContain('requests.unavailableUnclear.6');
    expect(r.uncertain).toEqual(expect.arrayContaining(r.nulls));
    expect(r.report.requests.newReceived).toEqual(qingshi.requests.newReceived);
    const missing = r.findings.find((f) => f.rule === 'IMPORT-MISSING');
    expect(missing?.severity).toBe('error');
    const dry = toDryRunJson(r) as { requests: Record<string, (number | null)[]>; appeals: Record<string, (number | null)[]> };
    expect(dry.requests.carriedForward).toEqual([null, null, null, null, null, null, null]);
    expect(dry.appeals.review![0]).toBeNull();
    expect(dry.requests.newReceived).toEqual(qingshi.requests.newReceived);
  });
});

describe('glued figures', () => {
  /** Only 自然人/商业企业 of three rows differ from 0, printed glued: 「110000011」. */
  const glued = (figures: string) => {
    const r = structuredClone(qingshi);
    const zero = [0, 0, 0, 0, 0, 0, 0];
    for (const k of Object.keys(r.requests)) r.requests[k] = [...zero];
    for (const row of Object.values(r.active)) for (const f of Object.keys(row)) row[f] = f === 'amount' ? '0' : 0;
    return { report: r, text: renderReport(r, 'glued').replace(/一、本年新收政府信息公开申请数量0000000/, `一、本年新收政府信息公开申请数量${figures}`) };
  };

  it('two splits that both satisfy every rule: the cells are uncertain, not guessed', () => {
    const { report } = glued('');
    // 11 + 0 = 11 or 1 + 10 = 11: both satisfy T3-3, and the result rows are printed the same way.
    const text = renderReport(report, 'glued')
      .replace('一、本年新收政府信息公开申请数量0000000', '一、本年新收政府信息公开申请数量110000011')
      .replace('（一）予以公开0000000', '（一）予以公开110000011')
      .replace('（七）总计0000000', '（七）总计110000011');
    const r = importText(text);
    for (const row of ['newReceived', 'granted', 'resultTotal'])
      expect(r.uncertain, row).toEqual(expect.arrayContaining([`requests.${row}.0`, `requests.${row}.1`]));
    expect(r.uncertain).not.toContain('requests.newReceived.6');
    expect(r.report.requests.newReceived![6]).toBe(11);
    expect(r.findings.some((f) => f.rule === 'IMPORT-UNCERTAIN')).toBe(true);
  });

  it('a split that only one reading of the whole table satisfies is taken (T3-1/T3-2 across rows)', () => {
    const { report } = glued('');
    // 新收 「110000011」 alone is ambiguous, but the result rows are printed apart: 11 and 0.
    const text = renderReport(report, 'glued')
      .replace('一、本年新收政府信息公开申请数量0000000', '一、本年新收政府信息公开申请数量110000011')
      .replace('（一）予以公开0000000', '（一）予以公开 11 0 0 0 0 0 11 ')
      .replace('（七）总计0000000', '（七）总计 11 0 0 0 0 0 11 ');
    const r = importText(text);
    expect(r.uncertain).toEqual([]);
    expect(r.report.requests.newReceived).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-GLUED')).toBe(true);
  });

  it('glued figures that no split fits are left without a reading', () => {
    const { report } = glued('');
    const text = renderReport(report, 'glued').replace('一、本年新收政府信息公开申请数量0000000', '一、本年新收政府信息公开申请数量12345');
    const r = importText(text);
    expect(r.nulls).toEqual(expect.arrayContaining(Array.from({ length: 7 }, (_, c) => `requests.newReceived.${c}`)));
  });
});

describe('refusals', () => {
  it('a report of another year than the one asked', () => {
    const text = renderReport(qingshi, 'pipe');
    expect(() => importText(text, { year: 2023 })).toThrowError(ImportError);
    try {
      importText(text, { year: 2023 });
    } catch (e) {
      expect((e as ImportError).code).toBe('YEAR_MISMATCH');
      expect((e as ImportError).message).toMatch(/2024年度.*2023年度/);
    }
    expect(importText(text, { year: 2024 }).report.year).toBe(2024);
  });

  it('an unrelated page', () => {
    expect(() => importText('今日天气晴，气温12至20度。\n本站新闻 | 联系我们 | 网站地图')).toThrowError(/没有在文件中找到政府信息公开工作年度报告/);
  });

  it('a report with no year, and none given', () => {
    const text = renderReport(qingshi, 'pipe').replace(/^.*年度报告\n/, '').replace(/\d{4}年/g, '');
    expect(() => importText(text)).toThrowError(/年度/);
    expect(importText(text, { year: 2024, agency: '示例县青石镇人民政府' }).report.agency).toBe('示例县青石镇人民政府');
  });
});

/**
 * Tables 三 and 四 printed without a single figure (every 0 a blank cell, seen through Chromium's
 * PDF and pdftotext, which drop blank cells): one reading, every cell 0 — but only when the text
 * there is the table's own words and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
const tableCells = (r: Report) => layoutOf(r.format).cells.filter((c) => /^(requests|appeals)\./.test(c.path)).map((c) => c.path);

describe('a table with no figure at all', () => {
  for (const [file, want] of [
    ['akto-muztagh-2022.nbsp.chromium.pdftotext.txt', () => expected('akto-muztagh-2022')],
    ['mengxi-2024.nbsp.chromium.pdftotext-raw.txt', () => loadReport(join(TEXTS, 'mengxi-2024.json'))],
  ] as const)
    it(`${file}: every cell of Tables 三 and 四 read as 0, with a note`, () => {
      const w = want();
      const r = importText(text(file));
      expect(unflaggedWrong(r, w)).toEqual([]);
      for (const p of tableCells(w)) expect(r.uncertain, p).not.toContain(p);
      expect(r.report.requests.resultTotal).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(r.findings.filter((f) => f.rule === 'IMPORT-BLANK-TABLE').map((f) => f.message.slice(0, 2))).toEqual(['表三', '表四']);
    });

  const akto = () => text('akto-muztagh-2022.nbsp.chromium.pdftotext.txt');
  const flaggedRequests = (t: string) => {
    const r = importText(t);
    expect(unflaggedWrong(r, expected('akto-muztagh-2022'))).toEqual([]);
    return r.uncertain.filter((p) => p.startsWith('requests.')).length;
  };

  it('a character none of the table\'s words has (figures in a font without a Unicode map) is not a blank', () => {
    expect(flaggedRequests(akto().replace('6.属于四类过程性信息', '6.属于四类过程性信息 \uE001\uE002'))).toBeGreaterThan(0);
  });

  it('one figure anywhere in the table, or four row labels not found: no reading of 0', () => {
    expect(flaggedRequests(akto().replace('6.属于四类过程性信息', '6.属于四类过程性信息\n3'))).toBeGreaterThan(0);
    const without = (t: string, labels: string[]) => labels.reduce((s, l) => s.replace(l, ''), t);
    expect(flaggedRequests(without(akto(), ['5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']))).toBeGreaterThan(0);
    // A label or three wrapped around group words past finding do not matter when no figure is there at all.
    expect(flaggedRequests(without(akto(), ['7.属于行政执法案卷']))).toBe(0);
  });

  it('not on the PDF reader\'s own text: it can leave a table\'s figures out of the table\'s span (they are not blanks)', async () => {
    const { readPublished } = await import('../../main/import/text');
    const r = readPublished(akto(), 'pdf');
    expect(r.uncertain.filter((p) => p.startsWith('requests.')).length).toBeGreaterThan(0);
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-TABLE')).toBe(false);
  });
});

describe('Table 四 left out, a sentence in its place', () => {
  const qingshi = () => {
    const r = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    for (const g of Object.keys(r.appeals)) r.appeals[g] = [0, 0, 0, 0, 0];
    return r;
  };
  const withSentence = (sentence: string) => {
    const t = renderReport(qingshi(), 'tabs');
    const from = t.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const to = t.indexOf('五、存在的主要问题及改进情况');
    return `${t.slice(0, from)}四、政府信息公开行政复议、行政诉讼情况\n${sentence}\n${t.slice(to)}`;
  };
  const appeals = (r: { uncertain: readonly string[] }) => r.uncertain.filter((p) => p.startsWith('appeals.'));

  it('「本年度未发生政府信息公开行政复议、行政诉讼」: every cell 0, with a note naming the sentence', () => {
    const r = importText(withSentence('本年度未发生政府信息公开行政复\n议、行政诉讼。'));
    expect(unflaggedWrong(r, qingshi())).toEqual([]);
    expect(appeals(r)).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'IMPORT-BLANK-TABLE')?.message).toMatch(/^表四原文没有印表格，写的是“未发生政府信息公开行政复议、行政诉讼”/);
  });

  it('one kind only, a figure, or the table\'s own words: no reading of 0', () => {
    for (const s of ['本年度未发生行政复议案件。', '本年度未发生行政复议、行政诉讼，1件行政复议结转下年。', '本年度未发生行政复议、行政诉讼。\n结果维持 结果纠正 尚未审结']) {
      const r = importText(withSentence(s));
      expect(appeals(r).length, s).toBe(15);
      expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-TABLE'), s).toBe(false);
    }
  });
});

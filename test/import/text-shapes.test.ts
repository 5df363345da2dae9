/**
 * Text copied out of a browser or a PDF viewer (issue 11 §2), each shape made from the shared
 * samples (test/fixtures/text/README.md): every figure right, or flagged — never wrong unflagged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../../main/import';
import { joinTabLines } from '../../main/import/text/shapes';
import type { Report } from '../../report/types';
import { cellDiffs, expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const qingshi = () => loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const pingtan = () => expected('pingtan-2022');
const read = (file: string) => importFile(file, readFileSync(join(TEXTS, file)));

describe('shapes read exactly', () => {
  const exact: [string, () => Report][] = [
    ['qingshi-2024.innertext-paragraphs.txt', qingshi],
    ['pingtan-2022-blank-zeros.innertext-paragraphs.txt', pingtan],
  ];
  for (const [file, want] of exact)
    it(`${file}: every figure, nothing flagged`, async () => {
      const r = await read(file);
      expect(cellDiffs(r.report, want())).toEqual([]);
      expect(r.uncertain).toEqual([]);
    });

  it('one cell per line with blanks as empty lines (LibreOffice “save as text”): positions fixed by the count of lines', async () => {
    const r = await read('pingtan-2022-blank-zeros.libreoffice-text.txt');
    expect(unflaggedWrong(r, pingtan())).toEqual([]);
    // 「3.其他」 prints only 商业企业 2 and 总计 2, with a blank line for each empty cell.
    expect(r.report.requests.otherOther).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.otherOther'))).toEqual([]);
    // Rows printed with every cell blank are decided by the rules where they leave one answer.
    expect(r.findings.some((f) => f.rule === 'IMPORT-INFERRED')).toBe(true);
    expect(r.report.requests.carriedForward).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('shapes that lose positions: flagged, never guessed', () => {
  for (const [file, want] of [
    ['pingtan-2022-blank-zeros.pdftotext-layout.txt', pingtan],
    ['qingshi-2024.pdftotext-layout.txt', qingshi],
    ['qingshi-2024.pdftotext-raw.txt', qingshi],
  ] as const)
    it(`${file}: zero wrong cells without a flag`, async () => {
      const r = await read(file);
      expect(unflaggedWrong(r, want())).toEqual([]);
    });
});

describe('markdown made from a PDF', () => {
  it('a markdown row 「| 22 | 235 |」 under a detached label keeps each cell whole (never 22/2/35)', () => {
    const q = qingshi();
    const t = renderReport(q, 'markdown').replace(/\| 行政规范性文件 \| 2 \| 1 \| 15 \|/, '行政规范性文件\n| 22 | 235 |');
    const r = importText(t);
    expect(r.report.active.normativeDocs).not.toEqual({ issued: 22, repealed: 2, inForce: 35 });
    expect(r.uncertain).toEqual(expect.arrayContaining(['active.normativeDocs.issued', 'active.normativeDocs.repealed', 'active.normativeDocs.inForce']));
  });

  it('one small table per group with placeholder headers, labels without their 一、/（一） prefixes: nothing wrong unflagged', () => {
    const q = qingshi();
    const out: string[] = [];
    let inT3 = false;
    for (const l of renderReport(q, 'markdown').split('\n')) {
      if (l.startsWith('三、收到')) inT3 = true;
      if (l.startsWith('四、政府')) inT3 = false;
      const cells = l.slice(1, -1).split('|').map((c) => c.trim());
      if (!inT3 || !l.startsWith('|') || !/\d/.test(cells[cells.length - 1]!)) {
        out.push(l);
        continue;
      }
      if (/^（[三四五六]）|^三、本年度/.test(cells[0]!)) out.push('', '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|');
      out.push(`| ${cells[cells.length - 8]!.replace(/^([一二三四]、|（[一二三四五六七]）|\d\.)/, '')} | ${cells.slice(-7).join(' | ')} |`);
    }
    const r = importText(out.join('\n'));
    expect(unflaggedWrong(r, q)).toEqual([]);
  });
});

describe('crawler text', () => {
  it('a 收费 amount to the 分 (6 decimals) is read, rounded to 4 and flagged, not refused', () => {
    const r = importText(renderReport(qingshi(), 'glued').replace('行政事业性收费1.2560', '行政事业性收费1.256012'));
    expect(r.report.active.fees).toEqual({ amount: '1.2560' });
    expect(r.uncertain).toContain('active.fees.amount');
    expect(r.findings.find((f) => f.rule === 'IMPORT-ROUNDED')?.message).toMatch(/1\.256012/);
  });

  it('a gov-2019 signed change: the minus marks the boundary (「35-15 20」)', () => {
    const w = structuredClone(expected('wenquan-2020'));
    (w.active as Record<string, unknown>).licensing = { previousItems: 35, change: -15, decisions: 20 };
    const text = renderReport(w, 'glued').replace(/行政许可35-1520/, '行政许可35-15 20');
    const r = importText(text);
    expect(r.report.active.licensing).toEqual({ previousItems: 35, change: -15, decisions: 20 });
    expect(unflaggedWrong(r, w)).toEqual([]);
  });

  it('glued signed figures with no space stay flagged where they can be split several ways', () => {
    const w = structuredClone(expected('wenquan-2020'));
    (w.active as Record<string, unknown>).licensing = { previousItems: 35, change: -15, decisions: 20 };
    const r = importText(renderReport(w, 'glued'));
    expect(unflaggedWrong(r, w)).toEqual([]);
  });
});

describe('joinTabLines', () => {
  it('joins cells separated by TAB-only lines into one TAB-separated row; a lone no-break space is a blank cell', () => {
    const text = ['一、本年新收政府信息公开申请数量', '', '\t', '', '7', '', '\t', '', '\u00a0', '', '\t', '', '\t', '', '9', '', '', '', '二、上年结转', ...Array(8).fill('\t')].join('\n');
    expect(joinTabLines(text).split('\n')[0]).toBe('一、本年新收政府信息公开申请数量\t7\t\t\t9');
  });
});

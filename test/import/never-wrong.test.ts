/**
 * Never a wrong figure without a flag (issue 11 §3): columns in another order, more figures than
 * cells, spreadsheet error values, the other format's （六） rows, two reports pasted in one go.
 * Every case ends in the right figure or a flagged cell — never an unflagged wrong one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { cellText } from '../../main/import/xlsx-cell';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import type { Report } from '../../report/types';
import { cellDiffs, expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';

const QINGSHI = loadReport(join(SHARED, 'reports/qingshi-2024.json'));


const cols = getFormat('gov-2021').requests.columns.map((c) => c.label);

/**
 * Table 三 of a tab-separated copy with its columns printed in another order: `perm[k]` is the
 * standard column shown at printed position k; the header lines are replaced by `header`.
 */
function reordered(report: Report, perm: number[], header: string[]): string {
  const lines = renderReport(report, 'tabs').split('\n');
  const a = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const b = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
  const body = lines.slice(a + 1, b).map((l) => {
    const cells = l.split('\t');
    if (cells.length < 8 || !/^\d+$/.test(cells[cells.length - 1]!)) return null;
    const vals = cells.slice(-7);
    return [...cells.slice(0, -7), ...perm.map((p) => vals[p])].join('\t');
  }).filter((l): l is string => l !== null);
  return [...lines.slice(0, a + 1), ...header, ...body, ...lines.slice(b)].join('\n');
}

describe('Table 三 columns in another order', () => {
  const cases: [string, number[]][] = [
    ['legal-person columns swapped', [0, 2, 1, 3, 4, 5, 6]],
    ['自然人 after the legal persons', [1, 2, 3, 4, 5, 0, 6]],
    ['总计 first', [6, 0, 1, 2, 3, 4, 5]],
  ];
  for (const [name, perm] of cases) {
    it(`${name}: mapped by the header words of a two-row header`, () => {
      // Top row: 自然人 / 法人或其他组织 / 总计 in their printed order; second row: the legal persons.
      const top = perm.map((p) => (cols[p] === '自然人' || cols[p] === '总计' ? cols[p] : '法人或其他组织')).filter((x, i, a) => a.indexOf(x) === i);
      const sub = perm.filter((p) => p >= 1 && p <= 5).map((p) => cols[p]);
      const r = importText(reordered(QINGSHI, perm, [top.join('\t'), sub.join('\t')]));
      expect(cellDiffs(r.report, QINGSHI)).toEqual([]);
      expect(r.findings.find((f) => f.rule === 'IMPORT-COLUMNS')?.severity).toBe('warning');
    });
    it(`${name}: mapped by a grid's full header row`, () => {
      const r = importText(reordered(QINGSHI, perm, [perm.map((p) => cols[p]).join('\t')]));
      expect(cellDiffs(r.report, QINGSHI)).toEqual([]);
    });
  }

  it('flags the whole table when the readable header words contradict the standard order', () => {
    const perm = [1, 2, 3, 4, 5, 0, 6];
    // Only two words survive the copy, in an order the standard does not have.
    const r = importText(reordered(QINGSHI, perm, ['其他\t自然人']));
    expect(unflaggedWrong(r, QINGSHI)).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toHaveLength(getFormat('gov-2021').requests.rows.length * 7);
    expect(r.findings.find((f) => f.rule === 'IMPORT-COLUMNS')?.severity).toBe('error');
  });

  it('flags the whole table when there is no header and the totals do not add up (总计 first)', () => {
    const r = importText(reordered(QINGSHI, [6, 0, 1, 2, 3, 4, 5], []));
    expect(unflaggedWrong(r, QINGSHI)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-COLUMNS')).toBe(true);
  });

  it('keeps the standard order without a note when the header agrees with it', () => {
    const r = importText(renderReport(QINGSHI, 'tabs'));
    expect(cellDiffs(r.report, QINGSHI)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-COLUMNS')).toBe(false);
  });
});

/** The copy with one Table 三 row's figures replaced by `figures` (tab-separated). */
function withRow(report: Report, label: string, figures: string[]): string {
  return renderReport(report, 'tabs').split('\n').map((l) => (l.startsWith(label) ? [label, ...figures].join('\t') : l)).join('\n');
}

describe('more figures than cells', () => {
  it('nine figures after a label give no reading (a published 11 never becomes 0)', () => {
    const report = structuredClone(QINGSHI);
    const text = withRow(report, '一、本年新收政府信息公开申请数量', ['11', '0', '0', '0', '0', '0', '0', '0', '11']);
    const r = importText(text);
    for (let c = 0; c < 7; c++) expect(r.nulls).toContain(`requests.newReceived.${c}`);
    expect(r.findings.find((f) => f.rule === 'IMPORT-MISSING' && f.cells.includes('requests.newReceived.0'))?.message).toMatch(/9个数字，多于7格/);
  });

  it('eight different figures: the best reading is kept and every cell of the row is flagged', () => {
    const text = withRow(QINGSHI, '一、本年新收政府信息公开申请数量', ['7', '0', '1', '0', '0', '1', '9', '9']);
    const r = importText(text);
    for (let c = 0; c < 7; c++) expect(r.uncertain).toContain(`requests.newReceived.${c}`);
    expect(unflaggedWrong(r, QINGSHI)).toEqual([]);
  });

  it('eight equal figures (a row of zeros and an extra 0) read as they are, noted, not flagged', () => {
    const text = withRow(QINGSHI, '二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0', '0']);
    const r = importText(text);
    expect(r.report.requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.carriedOver'))).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-EXTRA-CELL')).toBe(true);
  });
});

describe('plain PDF text with blocks out of order', () => {
  it('a row’s last columns arriving later and the next row’s figures before its label: flagged, never a wrong figure', () => {
    const lines = renderReport(QINGSHI, 'tabs').split('\n');
    const a = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const b = lines.findIndex((l) => l.startsWith('二、上年结转'));
    const first = lines[a]!.split('\t');
    const second = lines[b]!.split('\t');
    // 「一、… 7 0 1 0」, then 「1 0 0 0 0 0 1」 (row 二's figures) before 「二、上年结转…」, and row 一's 「0 1 9」 much later.
    lines[a] = [first[0], ...first.slice(1, 5)].join(' ');
    lines[b] = `${second.slice(1).join(' ')} ${second[0]}`;
    const c = lines.findIndex((l) => l.startsWith('（七）总计'));
    lines.splice(c, 0, first.slice(5).join(' '));
    const r = importText(lines.join('\n'));
    expect(unflaggedWrong(r, QINGSHI)).toEqual([]);
    expect(r.uncertain).toContain('requests.newReceived.6');
  });
});

describe('spreadsheet error values', () => {
  it('#DIV/0! and #REF! are unreadable cells: no reading, flagged, not 0 and not blank', () => {
    const text = withRow(QINGSHI, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['1', '0', '#DIV/0!', '0', '0', '0', '#REF!']);
    const r = importText(text);
    expect(r.nulls).toEqual(expect.arrayContaining(['requests.partiallyGranted.2', 'requests.partiallyGranted.6']));
    expect(r.report.requests.partiallyGranted![0]).toBe(1);
    expect(r.findings.find((f) => f.rule === 'IMPORT-UNREADABLE')?.cells).toEqual(['requests.partiallyGranted.2', 'requests.partiallyGranted.6']);
    expect(unflaggedWrong(r, QINGSHI)).toEqual([]);
  });

  it('an .xlsx error value is read as the error text (then flagged), not as an empty cell', () => {
    expect(cellText({ value: { error: '#DIV/0!' } } as never)).toBe('#DIV/0!');
    expect(cellText({ value: { formula: 'A1/B1', result: { error: '#REF!' } } } as never)).toBe('#REF!');
  });
});

describe('the other format’s （六） rows', () => {
  it('a 2021-format table in a report labelled 2020: a format finding, （六） is the three rows’ sum, flagged', () => {
    const r = importText(renderReport(QINGSHI, 'tabs').replace(/2024年/g, '2020年'));
    expect(r.report.format).toBe('gov-2019');
    const rules = r.findings.filter((f) => f.rule === 'IMPORT-FORMAT').map((f) => f.message).join('\n');
    expect(rules).toMatch(/表二是国办公开办函〔2021〕30号的格式/);
    expect(rules).toMatch(/三行相加/);
    const sum = [0, 1, 2, 3, 4, 5, 6].map((c) => ['otherOverdueCorrection', 'otherOverdueFee', 'otherOther'].reduce((s, k) => s + Number(getCell(QINGSHI, `requests.${k}.${c}`)), 0));
    expect(r.report.requests.otherHandling).toEqual(sum);
    for (let c = 0; c < 7; c++) expect(r.uncertain).toContain(`requests.otherHandling.${c}`);
  });

  it('a 2019-shape single （六） row of zeros in a 2021 report: the three rows are 0, flagged as inferred', () => {
    const wen = expected('wenquan-2020');
    const text = renderReport({ ...wen, text: { ...wen.text } }, 'tabs').replace(/2020年/g, '2021年');
    const r = importText(text);
    expect(r.report.format).toBe('gov-2021');
    for (const k of ['otherOverdueCorrection', 'otherOverdueFee', 'otherOther']) {
      expect(r.report.requests[k]).toEqual([0, 0, 0, 0, 0, 0, 0]);
      for (let c = 0; c < 7; c++) expect(r.uncertain).toContain(`requests.${k}.${c}`);
    }
    expect(r.findings.find((f) => f.rule === 'IMPORT-FORMAT' && /三行已按0填入/.test(f.message))).toBeTruthy();
  });

  it('a non-zero single （六） row in a 2021 report: the three rows are left unread, never mapped', () => {
    const wen = structuredClone(expected('wenquan-2020'));
    wen.requests.otherHandling = [2, 0, 0, 0, 0, 0, 2];
    for (const k of ['resultTotal', 'newReceived']) for (const c of [0, 6]) wen.requests[k]![c]! += 2;
    const r = importText(renderReport(wen, 'tabs').replace(/2020年/g, '2021年'));
    // 自然人 and 总计 stay unread; the other columns are 0 by the rules (their results add up already), flagged all the same.
    for (const k of ['otherOverdueCorrection', 'otherOverdueFee', 'otherOther'])
      for (let c = 0; c < 7; c++) expect(c === 0 || c === 6 ? r.nulls : r.uncertain).toContain(`requests.${k}.${c}`);
    expect(r.findings.some((f) => f.rule === 'IMPORT-FORMAT' && /只印了一行（2、0、0、0、0、0、2）/.test(f.message))).toBe(true);
  });
});

describe('two reports pasted one after the other', () => {
  it('reads the first and says a second follows; nothing of the second lands in 六', () => {
    const second = structuredClone(QINGSHI);
    second.year = 2023;
    second.text.other = '第二份报告的第六部分';
    const r = importText(`${renderReport(QINGSHI, 'markdown')}\n\n${renderReport(second, 'markdown')}`);
    expect(r.report.year).toBe(2024);
    expect(cellDiffs(r.report, QINGSHI)).toEqual([]);
    expect(r.report.text.other).not.toMatch(/第二份|2023年|总体情况/);
    const note = r.findings.find((f) => f.rule === 'IMPORT-SECOND-REPORT');
    expect(note?.message).toMatch(/第二份年度报告（“.*2023年.*”）/);
  });
});

import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, getCell, layoutOf } from '../../report';
import { copyBlock, parseClipboard, pasteEdits, planPaste, totalMismatches } from '../../renderer/src/grid/clipboard';
import { applyEdits } from '../../renderer/src/grid/edits';
import { buildNav } from '../../renderer/src/grid/nav';

const t3 = buildNav(layoutOf('gov-2021').grids.requests);
const t4 = buildNav(layoutOf('gov-2021').grids.appeals);
const t2 = buildNav(layoutOf('gov-2021').grids.active);
const fresh = () => computeTotals(emptyReport('gov-2021', '青石镇人民政府', 2025));

function paste(nav: typeof t3, anchor: { row: number; col: number }, text: string) {
  const plan = planPaste(nav, anchor, parseClipboard(text));
  const r = pasteEdits(plan);
  if (!r.ok) throw new Error(r.message);
  return { plan, ...applyEdits(fresh(), r.edits) };
}

describe('clipboard text', () => {
  it('reads Excel/WPS tab-separated rows, CRLF and a trailing newline', () => {
    expect(parseClipboard('1\t2\t3\r\n4\t\t6\r\n')).toEqual([['1', '2', '3'], ['4', '', '6']]);
  });
  it('reads numbers separated by spaces or new lines (full-width space too)', () => {
    expect(parseClipboard('1 2　3\n\n4  5')).toEqual([['1', '2', '3'], ['4', '5']]);
    expect(parseClipboard('7\n8\n9')).toEqual([['7'], ['8'], ['9']]);
  });
  it('strips the quotes Excel puts around cells', () => {
    expect(parseClipboard('"1,234"\t"5"')).toEqual([['1,234', '5']]);
  });
});

describe('pasting a block onto a table', () => {
  it('a 3×7 block at 自然人 of row 一 fills six columns per row, ignores the pasted 总计 and recomputes it', () => {
    const { report, plan } = paste(t3, { row: 0, col: 3 }, '5\t1\t0\t0\t0\t1\t7\n1\t0\t0\t0\t0\t0\t1\n3\t1\t0\t0\t0\t0\t4\n');
    expect(plan.writes).toHaveLength(18);
    expect(plan.onTotals.map((t) => t.cell.path)).toEqual(['requests.newReceived.6', 'requests.carriedOver.6', 'requests.granted.6']);
    expect(report.requests.newReceived).toEqual([5, 1, 0, 0, 0, 1, 7]);
    expect(report.requests.granted).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(report.requests.resultTotal).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(totalMismatches(report, plan)).toEqual([]);
  });

  it('says when a pasted 总计 differs from the sum of its cells', () => {
    const { report, plan } = paste(t3, { row: 0, col: 3 }, '5\t1\t0\t0\t0\t1\t9');
    expect(report.requests.newReceived![6]).toBe(7);
    expect(totalMismatches(report, plan)[0]).toContain('一、本年新收政府信息公开申请数量 总计（粘贴9，按明细为7）');
  });

  it('rows line up with the table: a block over the （七）总计 row leaves that row computed', () => {
    const { report, plan } = paste(t3, { row: 21, col: 3 }, '1\n2\n99\n4');
    expect(report.requests.otherOverdueFee![0]).toBe(1);
    expect(report.requests.otherOther![0]).toBe(2);
    expect(report.requests.resultTotal![0]).toBe(3);
    expect(report.requests.carriedForward![0]).toBe(4);
    expect(plan.onTotals.map((t) => t.cell.path)).toEqual(['requests.resultTotal.0']);
  });

  it('a Table 四 block of twelve figures (a sheet without totals) steps over the three 总计', () => {
    const { report } = paste(t4, { row: 0, col: 0 }, '1 2 3 4 5 6 7 8 9 10 11 12');
    expect(report.appeals.review).toEqual([1, 2, 3, 4, 10]);
    expect(report.appeals.litigationDirect).toEqual([5, 6, 7, 8, 26]);
    expect(report.appeals.litigationAfterReview).toEqual([9, 10, 11, 12, 42]);
  });

  it('a Table 四 block of fifteen lines up column for column', () => {
    const { report } = paste(t4, { row: 0, col: 0 }, '1\t1\t0\t0\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0');
    expect(report.appeals.review).toEqual([1, 1, 0, 0, 2]);
    expect(report.appeals.litigationDirect).toEqual([0, 0, 0, 1, 1]);
  });

  it('drops what falls outside the table and says so', () => {
    const plan = planPaste(t3, { row: 24, col: 8 }, parseClipboard('1\t2\t3\n4\t5\t6'));
    const r = pasteEdits(plan);
    expect(r.ok && r.notes[0]).toBe('超出表格的1行、1列未粘贴');
  });

  it('refuses the whole block when one value is not a count, naming it', () => {
    const plan = planPaste(t3, { row: 0, col: 3 }, parseClipboard('1\t2\n3\t1.5'));
    const r = pasteEdits(plan);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('第2行第2个数“1.5”');
    expect(!r.ok && r.message).toContain('件数应为整数');
  });

  it('normalises full-width digits and thousands separators, money kept as typed', () => {
    const { report } = paste(t3, { row: 0, col: 3 }, '１２\t1,234');
    expect(report.requests.newReceived!.slice(0, 2)).toEqual([12, 1234]);
    const plan = planPaste(t2, { row: 5, col: 1 }, parseClipboard('0.9840'));
    const r = pasteEdits(plan);
    expect(r.ok && r.edits).toEqual([{ path: 'active.fees.amount', value: '0.9840' }]);
  });

  it('copies a selection out as tab-separated rows', () => {
    const { report } = paste(t3, { row: 0, col: 3 }, '5\t1\t0\t0\t0\t1');
    expect(copyBlock(t3, report, { r0: 0, r1: 1, c0: 3, c1: 9 })).toBe('5\t1\t0\t0\t0\t1\t7\r\n0\t0\t0\t0\t0\t0\t0');
    expect(getCell(report, 'requests.newReceived.6')).toBe(7);
  });
});

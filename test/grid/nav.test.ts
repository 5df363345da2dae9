import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../report';
import { buildNav, cellAt, cellsInRect, moveArrow, moveEnter, moveHomeEnd, moveTab, rectOf, firstFillable } from '../../renderer/src/grid/nav';

const t3 = buildNav(layoutOf('gov-2021').grids.requests);
const t2 = buildNav(layoutOf('gov-2021').grids.active);
const t4 = buildNav(layoutOf('gov-2021').grids.appeals);
const pathAt = (nav: typeof t3, pos: { row: number; col: number }) => cellAt(nav, pos)?.path;

describe('grid navigation over the merged official layout', () => {
  it('places Table 三 value cells after the three label columns, rowspans included', () => {
    expect(t3.rows).toHaveLength(25);
    for (const row of t3.rows) expect(row.map((c) => c.col)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(t3.byPath.get('requests.granted.6')?.readOnly).toBe(true);
    expect(t3.byPath.get('requests.resultTotal.0')?.readOnly).toBe(true);
    expect(t3.byPath.get('requests.granted.0')?.readOnly).toBe(false);
  });

  it('places Table 二 cells with their colspans and keeps the travelling column across merged cells', () => {
    expect(t2.rows.map((r) => r.map((c) => `${c.col}+${c.span}`).join(' '))).toEqual([
      '1+1 2+1 3+1', '1+1 2+1 3+1', '1+3', '1+3', '1+3', '1+3',
    ]);
    let pos = { row: 1, col: 3 }; // 行政规范性文件 现行有效件数
    pos = moveArrow(t2, pos, 'down');
    expect(pathAt(t2, pos)).toBe('active.licensing.decisions');
    pos = moveArrow(t2, moveArrow(t2, pos, 'down'), 'up');
    pos = moveArrow(t2, pos, 'up');
    expect(pathAt(t2, pos)).toBe('active.normativeDocs.inForce');
  });

  it('arrows stop at the edges and visit totals', () => {
    const start = { row: 0, col: 3 };
    expect(moveArrow(t3, start, 'up')).toEqual(start);
    expect(moveArrow(t3, start, 'left')).toEqual(start);
    let p = start;
    for (let i = 0; i < 10; i++) p = moveArrow(t3, p, 'right');
    expect(pathAt(t3, p)).toBe('requests.newReceived.6');
  });

  it('Tab skips computed totals, wraps to the next row and leaves the table at the end', () => {
    const p = moveTab(t3, { row: 0, col: 8 }); // from 其他 (C6) of row 一
    expect(pathAt(t3, p!)).toBe('requests.carriedOver.0');
    expect(pathAt(t3, moveTab(t3, p!, true)!)).toBe('requests.newReceived.5');
    const last = moveHomeEnd(t3, { row: 0, col: 3 }, true, true);
    expect(moveTab(t3, { row: last.row, col: 8 })).toBeNull();
    expect(moveTab(t3, firstFillable(t3), true)).toBeNull();
  });

  it('Enter goes down the column over the （七）总计 row', () => {
    const fromR23 = { row: 22, col: 3 };
    expect(pathAt(t3, fromR23)).toBe('requests.otherOther.0');
    expect(pathAt(t3, moveEnter(t3, fromR23))).toBe('requests.carriedForward.0');
    expect(pathAt(t3, moveEnter(t3, { row: 24, col: 3 }, true))).toBe('requests.otherOther.0');
    expect(moveEnter(t3, { row: 24, col: 3 })).toEqual({ row: 24, col: 3 });
  });

  it('Table 四 is one row of fifteen with three totals', () => {
    expect(t4.rows).toHaveLength(1);
    expect(t4.rows[0]!.filter((c) => c.readOnly).map((c) => c.path)).toEqual([
      'appeals.review.4', 'appeals.litigationDirect.4', 'appeals.litigationAfterReview.4',
    ]);
    expect(pathAt(t4, moveTab(t4, { row: 0, col: 3 })!)).toBe('appeals.litigationDirect.0');
  });

  it('a selection widens to whole merged cells (the merged 行政许可 cell spans all three columns)', () => {
    const rect = rectOf(t2, { row: 0, col: 2 }, { row: 2, col: 1 });
    expect(cellsInRect(t2, rect).map((r) => r.map((c) => c.path))).toEqual([
      ['active.rules.issued', 'active.rules.repealed', 'active.rules.inForce'],
      ['active.normativeDocs.issued', 'active.normativeDocs.repealed', 'active.normativeDocs.inForce'],
      ['active.licensing.decisions'],
    ]);
  });
});

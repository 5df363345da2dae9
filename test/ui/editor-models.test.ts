/** Issue 15 #8 and #10 as pure models: 现行有效件数 follows 制发/废止 until typed over; text edits undo. */
import { describe, expect, it } from 'vitest';
import { carryOver } from '../../report/carry-over';
import { computeTotals, emptyReport, type Report } from '../../report';
import { applyBatch, applyEdits, History, textChange } from '../../renderer/src/grid/edits';
import { carrySummary, staleCarry, verifyRows } from '../../renderer/src/model/carry';
import { previousLabel } from '../../renderer/src/model/compare';
import { layoutOf } from '../../report/layout';
import { followInForce } from '../../renderer/src/model/follow';
import { qingshi2024 } from '../helpers/fixtures';

const prev = (): Report => {
  const r = qingshi2024();
  r.active.normativeDocs = { issued: 3, repealed: 1, inForce: 15 };
  return r;
};
const next = (): Report => carryOver(prev(), computeTotals(emptyReport('gov-2021', prev().agency, 2025))).report;

describe('现行有效件数 follows 上年 + 制发 − 废止', () => {
  it('moves with 制发 and 废止 while untouched', () => {
    let r = next();
    expect(r.active.normativeDocs!.inForce).toBe(15);
    r = applyEdits(r, followInForce(r, prev(), [{ path: 'active.normativeDocs.issued', value: 3 }])).report;
    expect(r.active.normativeDocs!.inForce).toBe(18);
    r = applyEdits(r, followInForce(r, prev(), [{ path: 'active.normativeDocs.repealed', value: 1 }])).report;
    expect(r.active.normativeDocs!.inForce).toBe(17);
  });
  it('a figure the clerk typed stays', () => {
    let r = next();
    r = applyEdits(r, followInForce(r, prev(), [{ path: 'active.normativeDocs.inForce', value: 15 }])).report;
    r = applyEdits(r, [{ path: 'active.normativeDocs.inForce', value: 20 }]).report;
    r = applyEdits(r, followInForce(r, prev(), [{ path: 'active.normativeDocs.issued', value: 3 }])).report;
    expect(r.active.normativeDocs!.inForce).toBe(20);
  });
  it('without last year nothing follows', () => {
    const r = next();
    expect(followInForce(r, null, [{ path: 'active.normativeDocs.issued', value: 3 }])).toHaveLength(1);
  });
});

describe('重新结转 is offered when last year changed after the carry-over', () => {
  it('names the carried cells behind last year', () => {
    const o = carryOver(prev(), computeTotals(emptyReport('gov-2021', prev().agency, 2025)));
    expect(staleCarry(prev(), o.report, o.carried)).toEqual([]);
    const changed = prev();
    changed.requests.carriedForward![0] = 5;
    expect(staleCarry(changed, o.report, o.carried)).toContain('requests.carriedOver.0');
  });
});

describe('undo covers text edits', () => {
  it('a burst of typing in one box is one step; undo and redo restore the text', () => {
    const h = new History();
    let r = next();
    const before = r.text.overview;
    h.pushText(textChange('overview', before, `${before}甲`)[0]!, false);
    h.pushText(textChange('overview', `${before}甲`, `${before}甲乙`)[0]!, true);
    r = { ...r, text: { ...r.text, overview: `${before}甲乙` } };
    expect(h.canUndo).toBe(true);
    const b = h.undo()!;
    r = applyBatch(r, b, 'before');
    expect(r.text.overview).toBe(before);
    expect(h.canUndo).toBe(false);
    r = applyBatch(r, h.redo()!, 'after');
    expect(r.text.overview).toBe(`${before}甲乙`);
  });
  it('typing in another box starts a new step', () => {
    const h = new History();
    h.pushText(textChange('overview', 'a', 'ab')[0]!, false);
    h.pushText(textChange('problems', 'x', 'xy')[0]!, true);
    h.undo();
    expect(h.canUndo).toBe(true);
  });
});

describe('what the editor says about carried and 待核对 cells', () => {
  it('one line says what was carried from where', () => {
    const o = carryOver(prev(), computeTotals(emptyReport('gov-2021', prev().agency, 2025)));
    const line = carrySummary(2025, o.carried, layoutOf('gov-2021'));
    expect(line).toMatch(/^已自2024年度报告结转9个数字：/);
    expect(line).toContain('总计0件');
    expect(line).toContain('行政规范性文件15件');
  });
  it('待核对 cells are grouped by row in the layout order', () => {
    const rows = verifyRows(['requests.granted.1', 'active.rules.issued', 'requests.granted.0'], layoutOf('gov-2021'));
    expect(rows).toEqual([
      { key: 'active.rules', name: '表二 规章', paths: ['active.rules.issued'] },
      { key: 'requests.granted', name: '表三 （一）予以公开', paths: ['requests.granted.0', 'requests.granted.1'] },
    ]);
  });
  it('对照上年 labels: last year and the change', () => {
    expect(previousLabel(17, 15)).toBe('上年 15 · +2');
    expect(previousLabel(3, 5)).toBe('上年 5 · −2');
    expect(previousLabel(4, 4)).toBe('上年 4');
    expect(previousLabel('1.2', '0.9840')).toBe('上年 0.9840');
    expect(previousLabel(1, undefined)).toBeUndefined();
  });
});

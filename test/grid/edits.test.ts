import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, staleTotals, validateJson, type Report } from '../../report';
import { applyBatch, applyEdits, History } from '../../renderer/src/grid/edits';
import { commitInput, displayValue } from '../../renderer/src/grid/input';

const fresh = () => computeTotals(emptyReport('gov-2021', '青石镇人民政府', 2025));

describe('editing cells', () => {
  it('recomputes the totals a cell feeds: its row 总计, the （七）总计 of its column and the grand total', () => {
    const { report, changes } = applyEdits(fresh(), [{ path: 'requests.granted.0', value: 3 }]);
    expect(report.requests.granted![6]).toBe(3);
    expect(report.requests.resultTotal).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(changes.map((c) => c.path).sort()).toEqual(
      ['requests.granted.0', 'requests.granted.6', 'requests.resultTotal.0', 'requests.resultTotal.6'].sort(),
    );
  });

  it('an unchanged value is no change', () => {
    const r = fresh();
    expect(applyEdits(r, [{ path: 'requests.granted.0', value: 0 }]).changes).toEqual([]);
  });

  it('keeps the published totals it does not touch (imported report with stale totals)', () => {
    const stale: Report = computeTotals(emptyReport('gov-2021', '青石镇人民政府', 2025));
    stale.requests.newReceived = [1, 0, 0, 0, 0, 0, 5]; // published 5, cells say 1
    stale.appeals.review = [1, 0, 0, 0, 3];
    expect(staleTotals(stale).sort()).toEqual(['appeals.review.4', 'requests.newReceived.6']);
    const { report } = applyEdits(stale, [{ path: 'requests.newReceived.1', value: 2 }]);
    expect(report.requests.newReceived![6]).toBe(3);
    expect(report.appeals.review![4]).toBe(3);
    expect(staleTotals(report)).toEqual(['appeals.review.4']);
  });

  it('undo and redo across cells give back exactly the earlier states, published totals included', () => {
    const stale = fresh();
    stale.requests.granted = [1, 0, 0, 0, 0, 0, 9];
    const h = new History();
    const a = applyEdits(stale, [{ path: 'requests.granted.0', value: 2 }]);
    h.push(a.changes);
    const b = applyEdits(a.report, [{ path: 'appeals.review.0', value: 4 }, { path: 'appeals.review.1', value: 1 }]);
    h.push(b.changes);
    let now = applyBatch(b.report, h.undo()!, 'before');
    expect(now).toEqual(a.report);
    now = applyBatch(now, h.undo()!, 'before');
    expect(now.requests.granted).toEqual([1, 0, 0, 0, 0, 0, 9]);
    expect(h.undo()).toBeNull();
    now = applyBatch(now, h.redo()!, 'after');
    now = applyBatch(now, h.redo()!, 'after');
    expect(now).toEqual(b.report);
    expect(h.canRedo).toBe(false);
  });

  it('a new edit after undo clears the redo stack', () => {
    const h = new History();
    h.push([{ path: 'requests.granted.0', before: 0, after: 1 }]);
    h.undo();
    h.push([{ path: 'requests.granted.1', before: 0, after: 1 }]);
    expect(h.canRedo).toBe(false);
  });
});

describe('input normalisation by cell type', () => {
  it('counts: full-width digits, thousands separators, blanks as 0; refusals with a reason', () => {
    expect(commitInput('count', '１２')).toEqual({ ok: true, value: 12 });
    expect(commitInput('count', '1,234')).toEqual({ ok: true, value: 1234 });
    expect(commitInput('count', ' ')).toEqual({ ok: true, value: 0 });
    expect(commitInput('count', '-3')).toEqual({ ok: false, message: '件数不能为负数' });
    expect(commitInput('count', '2.5')).toEqual({ ok: false, message: '件数应为整数' });
    expect(commitInput('count', '三')).toEqual({ ok: false, message: '请输入整数' });
  });
  it('signed counts allow a minus (V2019 本年增/减)', () => {
    expect(commitInput('signedCount', '－8')).toEqual({ ok: true, value: -8 });
  });
  it('money keeps the decimals as typed, at most four', () => {
    expect(commitInput('money', '0.9840')).toEqual({ ok: true, value: '0.9840' });
    expect(commitInput('money', '０．５')).toEqual({ ok: true, value: '0.5' });
    expect(commitInput('money', '0.12345').ok).toBe(false);
    expect(displayValue('0.9840')).toBe('0.9840');
  });
});

describe('fixtures', () => {
  it('the 2024 fixture has no stale totals, so edits recompute like computeTotals', () => {
    const v = validateJson(JSON.parse(readFileSync(new URL('../../../shared/fixtures/reports/qingshi-2024.json', import.meta.url), 'utf8')));
    if (!v.ok) throw new Error('fixture');
    const { report } = applyEdits(v.report, [{ path: 'requests.granted.2', value: 3 }]);
    expect(report).toEqual(computeTotals(report));
  });
});

import { describe, expect, it } from 'vitest';
import { carryOver, carryOverPairs } from '../../report/carry-over';
import { getCell } from '../../report/cells';
import { emptyReport } from '../../report/empty';
import { staleTotals } from '../../report/totals';
import { expected, loadReport, SHARED } from './helpers';

const qingshi = (y: number) => loadReport(`${SHARED}/reports/qingshi-${y}.json`);

describe('carryOver', () => {
  it('qingshi 2023 → 2024: the carried cells equal what 2024 reports', () => {
    const prev = qingshi(2023);
    const actual2024 = qingshi(2024);
    // 2024 as the clerk had it before carrying: its own 制发/废止 entered, nothing carried yet.
    const blank = structuredClone(actual2024);
    blank.requests.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    blank.active.rules!.inForce = 0;
    blank.active.normativeDocs!.inForce = 0;
    const { report, carried } = carryOver(prev, blank);
    expect(carried.map((c) => c.path)).toEqual([
      ...Array.from({ length: 7 }, (_, c) => `requests.carriedOver.${c}`),
      'active.rules.inForce',
      'active.normativeDocs.inForce',
    ]);
    for (const c of carried) {
      expect(getCell(report, c.path)).toBe(getCell(actual2024, c.path));
      expect(c.value).toBe(getCell(report, c.path));
      if (c.path.startsWith('requests.')) expect(c.value).toBe(getCell(prev, c.from));
    }
    // Y-2: 15 = 14 (2023) + 2 制发 − 1 废止.
    expect(report.active.normativeDocs!.inForce).toBe(prev.active.normativeDocs!.inForce as number + 2 - 1);
    expect(report.requests.carriedOver).toEqual(actual2024.requests.carriedOver);
    expect(report.active.normativeDocs!.inForce).toBe(actual2024.active.normativeDocs!.inForce);
  });

  it('a new year starts 现行有效件数 from last year’s figure', () => {
    const { report } = carryOver(qingshi(2023), emptyReport('gov-2021', '示例县青石镇人民政府', 2024));
    expect(report.active.normativeDocs!.inForce).toBe(qingshi(2023).active.normativeDocs!.inForce);
  });

  it('recomputes totals afterwards and leaves text and other cells alone', () => {
    const prev = qingshi(2023);
    const next = emptyReport('gov-2021', '示例县青石镇人民政府', 2024);
    next.requests.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    const { report } = carryOver(prev, next);
    expect(staleTotals(report)).toEqual([]);
    expect(report.requests.carriedOver![6]).toBe(prev.requests.carriedForward![6]);
    expect(report.text).toEqual(next.text);
    expect(report.requests.newReceived).toEqual(next.requests.newReceived);
    expect(report.active.licensing).toEqual(next.active.licensing);
    // The input is not modified.
    expect(next.requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('2020 (gov-2019) → 2021 (gov-2021): only 结转 maps, nothing is invented for 现行有效件数', () => {
    const prev = expected('wenquan-2020');
    prev.requests.carriedForward = [3, 1, 0, 0, 0, 1, 5];
    const next = emptyReport('gov-2021', '温泉镇人民政府', 2021);
    const { report, carried } = carryOver(prev, next);
    expect(carried.map((c) => c.path)).toEqual(Array.from({ length: 7 }, (_, c) => `requests.carriedOver.${c}`));
    expect(report.requests.carriedOver).toEqual([3, 1, 0, 0, 0, 1, 5]);
    expect(report.active.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(report.active.normativeDocs).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(carryOverPairs(prev, next).some((p) => p.path.startsWith('active.'))).toBe(false);
  });

  it('a printed total that disagrees with its cells is recomputed from the carried cells', () => {
    const prev = expected('wenquan-2020');
    prev.requests.carriedForward = [2, 0, 0, 0, 0, 0, 9]; // total misprinted last year
    const { report } = carryOver(prev, emptyReport('gov-2021', '温泉镇人民政府', 2021));
    expect(report.requests.carriedOver).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });
});

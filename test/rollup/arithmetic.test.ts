import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, getCell, runChecks, validateJson, type Report } from '../../report';
import { contributionsTo, formatDecimal, parseDecimal, addDecimal, rollUp, type UnitReport } from '../../report/rollup';
import { madeCollection } from './helpers';

const unit = (agency: string, report: Report): UnitReport => ({ agency, report });

describe('roll-up arithmetic (rollup.md §2)', () => {
  it('sums counts cell by cell, totals included, and the 汇总 passes the checks when every unit does', () => {
    const units = madeCollection(6).map((u) => unit(u.agency, u.report));
    const sum = rollUp('gov-2021', 2024, '某某县人民政府', units);
    for (const path of ['requests.newReceived.0', 'requests.newReceived.6', 'requests.resultTotal.6', 'appeals.review.4', 'active.licensing.decisions']) {
      const expected = units.reduce((s, u) => s + (getCell(u.report, path) as number), 0);
      expect(getCell(sum, path)).toBe(expected);
    }
    expect(sum.agency).toBe('某某县人民政府');
    expect(validateJson(sum).ok).toBe(true);
    expect(runChecks(sum).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps a unit’s broken total in the 汇总, where the checks find it', () => {
    const units = madeCollection(3).map((u) => unit(u.agency, u.report));
    units[1]!.report.requests.newReceived![6]! += 5; // a total that disagrees with its row
    const sum = rollUp('gov-2021', 2024, '某某县人民政府', units);
    expect(runChecks(sum).some((f) => f.rule === 'T3-3' && f.cells[0] === 'requests.newReceived.6')).toBe(true);
    expect(contributionsTo(units, 'requests.newReceived.6').find((c) => c.agency === units[1]!.agency)?.value).toBe(units[1]!.report.requests.newReceived![6]);
  });

  it('sums signed counts (gov-2019 本年增/减) with their signs', () => {
    const a = computeTotals(emptyReport('gov-2019', '甲镇人民政府', 2020));
    const b = computeTotals(emptyReport('gov-2019', '乙镇人民政府', 2020));
    a.active.licensing!.change = -7;
    b.active.licensing!.change = 3;
    a.active.punishment!.change = -2;
    const sum = rollUp('gov-2019', 2020, '某某县人民政府', [unit('甲', a), unit('乙', b)]);
    expect(sum.active.licensing!.change).toBe(-4);
    expect(sum.active.punishment!.change).toBe(-2);
  });

  it('sums money exactly: 0.0001 × 300 is 0.0300, not 0.030000000000000013', () => {
    const units = Array.from({ length: 300 }, (_, i) => {
      const r = computeTotals(emptyReport('gov-2021', `第${i}单位`, 2024));
      r.active.fees!.amount = '0.0001';
      return unit(r.agency, r);
    });
    expect(rollUp('gov-2021', 2024, '某某县人民政府', units).active.fees!.amount).toBe('0.0300');
  });

  it('keeps as many decimals as the most precise input', () => {
    const mk = (v: string) => {
      const r = computeTotals(emptyReport('gov-2021', `单位${v}`, 2024));
      r.active.fees!.amount = v;
      return unit(r.agency, r);
    };
    expect(rollUp('gov-2021', 2024, '县', [mk('1.5'), mk('2'), mk('0.25')]).active.fees!.amount).toBe('3.75');
    expect(rollUp('gov-2021', 2024, '县', [mk('1.5'), mk('0.1000')]).active.fees!.amount).toBe('1.6000');
    expect(rollUp('gov-2021', 2024, '县', [mk('999999999999.9999'), mk('0.0001')]).active.fees!.amount).toBe('1000000000000.0000');
  });

  it('converts gov-2019 采购总金额 to 万元 per unit before summing', () => {
    const mk = (amount: string, unitName: '元' | '万元') => {
      const r = computeTotals(emptyReport('gov-2019', `单位${amount}${unitName}`, 2020));
      r.active.procurement!.amount = amount;
      r.active.procurement!.unit = unitName;
      return unit(r.agency, r);
    };
    const sum = rollUp('gov-2019', 2020, '县', [mk('12000', '元'), mk('3.5', '万元'), mk('800', '元')]);
    expect(sum.active.procurement).toMatchObject({ amount: '4.78', unit: '万元' });
    // 1.5 元 is 0.00015 万元: beyond the 4 decimals a cell holds, so the 汇总 stays exact in 元.
    const fine = rollUp('gov-2019', 2020, '县', [mk('1.5', '元'), mk('2', '万元')]);
    expect(fine.active.procurement).toMatchObject({ amount: '20001.5', unit: '元' });
    expect(validateJson(fine).ok).toBe(true);
    expect(contributionsTo([mk('1.5', '元'), mk('2', '万元')], 'active.procurement.amount').map((c) => c.value)).toEqual(['2万元', '1.5元']);
  });

  it('decimal helpers are exact', () => {
    expect(formatDecimal(addDecimal(parseDecimal('0.1'), parseDecimal('0.2')))).toBe('0.3');
    expect(() => parseDecimal('1e3')).toThrow();
  });

  it('names the contributing units of a cell, largest first, zeros left out', () => {
    const units = madeCollection(4).map((u) => unit(u.agency, u.report));
    units[2]!.report.appeals.litigationAfterReview![0] = 4;
    units[3]!.report.appeals.litigationAfterReview![0] = 9;
    expect(contributionsTo(units, 'appeals.litigationAfterReview.0')).toEqual([
      { agency: units[3]!.agency, value: 9 },
      { agency: units[2]!.agency, value: 4 },
    ]);
  });
});

describe('matching a file’s agency to the roster', () => {
  const roster = ['某某县人民政府', '东城镇人民政府', '西城镇人民政府', '城关街道办事处', '某某县发展和改革局'];
  it('exact, evened-out variants (sure), a typo (proposal), neighbours never', async () => {
    const { matchUnit } = await import('../../report/rollup');
    expect(matchUnit('东城镇人民政府', roster)).toEqual({ kind: 'exact', unit: '东城镇人民政府' });
    expect(matchUnit(' 东城镇政府', roster)).toEqual({ kind: 'close', unit: '东城镇人民政府', sure: true });
    expect(matchUnit('城关街道', roster)).toEqual({ kind: 'close', unit: '城关街道办事处', sure: true });
    expect(matchUnit('某某县发展改革局', roster)).toEqual({ kind: 'close', unit: '某某县发展和改革局', sure: false });
    expect(matchUnit('南城镇人民政府', roster)).toEqual({ kind: 'none' });
    expect(matchUnit('某某县第二中学', ['某某县第一中学'])).toEqual({ kind: 'none' });
    expect(matchUnit('第11号镇人民政府', ['第10号镇人民政府'])).toEqual({ kind: 'none' });
  });
});

describe('median of the others', () => {
  it('equals the median of the list with one element taken out', async () => {
    const { medianWithout } = await import('../../report/rollup/collection');
    const { median } = await import('../../report/rollup/tables');
    const list = [5, 1, 9, 3, 3, 7, 0, 12];
    const sorted = [...list].sort((a, b) => a - b);
    list.forEach((v, i) => expect(medianWithout(sorted, v)).toBe(median(list.filter((_, j) => j !== i))));
  });
});

/**
 * A figure printed with its unit stands in an amount cell (candidates.ts unitCells): Table 二's
 * 政府集中采购 printing 「0万元」 and nothing under 采购项目数量 has one reading, not two.
 */
import { describe, expect, it } from 'vitest';
import { rowReadings } from '../../main/import/text/candidates';
import type { Cell } from '../../main/import/text/cells';

const opts = { width: 2, exact: false, typeOk: () => true, check: () => true, unchecked: true, unitCells: [false, true] };
const num = (text: string, unit?: '万元'): Cell => (unit ? { kind: 'num', text, unit } : { kind: 'num', text });

describe('a figure with its unit', () => {
  it('「0万元」 alone under 采购项目数量 and 采购总金额: the amount, the count blank', () => {
    expect(rowReadings([num('0', '万元')], opts).map((c) => c.vals)).toEqual([[null, '0']]);
    expect(rowReadings([num('12.5', '万元')], opts).map((c) => c.vals)).toEqual([[null, '12.5']]);
  });

  it('without a unit the figure could stand in either cell: no reading (the row is left to the clerk)', () => {
    expect(rowReadings([num('3')], opts)).toEqual([]);
  });

  it('no amount cell to hold it, or two: nothing decided by the unit', () => {
    expect(rowReadings([num('0', '万元')], { ...opts, unitCells: [false, false] })).toEqual([]);
    expect(rowReadings([num('0', '万元')], { ...opts, width: 3, unitCells: [false, true, true] })).toEqual([]);
  });
});

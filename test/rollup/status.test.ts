/** The collection's state as one phrase: incomplete, everything in but not yet passed, complete. */
import { describe, expect, it } from 'vitest';
import { collectionStatus, missingPhrase, type BoardRow } from '../../report/rollup';

const unit = (status: BoardRow['status']) => ({ status }) as BoardRow;
const view = (statuses: BoardRow['status'][], missing: string[] = []) => {
  const units = statuses.map(unit);
  const counted = units.filter((u) => u.status !== 'excluded');
  return {
    units,
    missing,
    total: counted.length,
    received: counted.filter((u) => u.status !== 'pending').length,
    complete: units.every((u) => u.status === 'accepted' || u.status === 'excluded'),
  };
};

describe('collectionStatus', () => {
  it('names what is missing while reports are still out', () => {
    const v = view(['accepted', 'received', 'pending', 'pending'], ['甲镇', '乙镇']);
    expect(collectionStatus(v)).toBe('未收齐（已收 2 / 共 4）');
    expect(missingPhrase(v)).toBe('缺报：甲镇、乙镇');
    expect(missingPhrase(v, 1)).toBe('缺报：甲镇 等2个');
  });
  it('says why it is not complete when every report is in but some are not passed', () => {
    expect(collectionStatus(view(['accepted', 'received', 'returned', 'excluded']))).toBe('未收齐（已收 3 / 共 3）：报告都已收到，2 个单位尚未审核通过');
  });
  it('is complete when every unit is 已通过 or 不纳入', () => {
    const v = view(['accepted', 'accepted', 'excluded']);
    expect(collectionStatus(v)).toBe('已收齐（共 2 个单位均已通过）');
    expect(missingPhrase(v)).toBe('');
  });
});

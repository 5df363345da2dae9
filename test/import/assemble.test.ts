/**
 * The meeting point of every reader (result.ts assemble): a blank total is computed from its cells,
 * and a total computed from an unsure cell is flagged with it — never a sure-looking sum of a guess.
 */
import { describe, expect, it } from 'vitest';
import { assemble, type Readings } from '../../main/import/result';
import { layoutOf } from '../../report/layout';

const readings = (uncertain: string[]): Readings => {
  const values = new Map<string, string | null>();
  for (const c of layoutOf('gov-2021').cells) values.set(c.path, '0');
  // 一、本年新收: six applicant cells printed, the 总计 cell blank.
  ['3', '1', '0', '0', '0', '2'].forEach((v, c) => values.set(`requests.newReceived.${c}`, v));
  values.set('requests.newReceived.6', null);
  return { source: 'text', format: 'gov-2021', year: 2024, agency: '青石镇人民政府', text: {}, values, units: new Map(), uncertain: new Set(uncertain), notes: [] };
};

describe('blank totals', () => {
  it('computed from their cells, with a note', () => {
    const r = assemble(readings([]));
    expect(r.report.requests.newReceived![6]).toBe(6);
    expect(r.uncertain).not.toContain('requests.newReceived.6');
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-TOTAL')).toBe(true);
  });

  it('flagged when one of their cells is unsure', () => {
    const r = assemble(readings(['requests.newReceived.0']));
    expect(r.report.requests.newReceived![6]).toBe(6);
    expect(r.uncertain).toEqual(expect.arrayContaining(['requests.newReceived.0', 'requests.newReceived.6']));
  });
});

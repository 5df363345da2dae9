/**
 * Table 三 cells decided by the rules (infer.ts) only from cells read with certainty: a cell decided
 * from an unsure one would be as unsure, yet unflagged (the layout-drift ratchet found T3-1 passing a
 * figure read a column off in 二、上年结转 on into 四、结转下年度继续办理).
 */
import { describe, expect, it } from 'vitest';
import { inferUnread } from '../../main/import/text/infer';
import { emptyRead } from '../../main/import/text/rows';
import { getFormat } from '../../report/formats';

const def = getFormat('gov-2021');
const totalKey = def.requests.rows.find((r) => r.total)!.key;
const forwardKey = def.requests.rows.at(-1)!.key;

/** 一 = [3, …], 二 = [2, …], （七） = [4, …] read; 四 unread; `unsure` paths flagged. */
function table(unsure: string[] = []) {
  const read = emptyRead(0);
  const row = (key: string, first: number) => def.requests.columns.forEach((_, c) => read.values.set(`requests.${key}.${c}`, String(c === 0 || c === 6 ? first : 0)));
  row('newReceived', 3);
  row('carriedOver', 2);
  row(totalKey, 4);
  for (const p of unsure) read.uncertain.add(p);
  const printed = new Set(def.requests.rows.map((r) => r.key));
  return { read, notes: inferUnread(def, read, printed) };
}

describe('rows decided by the rules', () => {
  it('四、结转下年度 from 一 + 二 − （七） when all three are sure', () => {
    const { read, notes } = table();
    expect(read.values.get(`requests.${forwardKey}.0`)).toBe('1');
    expect(read.uncertain.has(`requests.${forwardKey}.0`)).toBe(false);
    expect(notes.map((n) => n.rule)).toEqual(['IMPORT-INFERRED']);
  });

  it('not from an unsure 二: the column is left unread (flagged), never computed from a guess', () => {
    const { read } = table(['requests.carriedOver.0']);
    expect(read.values.get(`requests.${forwardKey}.0`)).toBeUndefined();
    // Other columns, all sure, are still decided.
    expect(read.values.get(`requests.${forwardKey}.1`)).toBe('0');
  });

  it('not from an unsure （七）总计 either', () => {
    const { read } = table([`requests.${totalKey}.0`]);
    expect(read.values.get(`requests.${forwardKey}.0`)).toBeUndefined();
  });
});

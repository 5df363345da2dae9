/**
 * Table 三 rows with no reading at all (every cell left blank in a copy that keeps no blanks, a
 * label with nothing after it) decided by the rules when the rules leave one answer: counts are
 * never negative, so when a column's results already add up to its printed （七）总计, every
 * unread result row is 0 in that column; and T3-1 gives 四、结转下年度继续办理 from the other three.
 */
import { finding } from '../../../report/checks/helpers';
import type { FormatDef } from '../../../report/formats/model';
import type { Finding } from '../../../report/types';
import type { TableRead } from './rows';

export function inferUnread(def: FormatDef, out: TableRead, printed: ReadonlySet<string>): Finding[] {
  const t = def.requests;
  const cols = t.columns.length;
  const path = (key: string, c: number) => `requests.${key}.${c}`;
  // Only rows whose label is printed: a row missing from the copy (a table cut short) is not decided.
  const unread = (key: string) => printed.has(key) && Array.from({ length: cols }, (_, c) => out.values.get(path(key, c))).every((v) => v === undefined);
  const num = (key: string, c: number): number | undefined => {
    const v = out.values.get(path(key, c));
    return v === undefined ? undefined : v === null ? 0 : Number(v);
  };
  const totalKey = t.rows.find((r) => r.total)!.key;
  const results = t.rows.filter((r) => r.group && !r.total).map((r) => r.key);
  const empty = results.filter(unread);
  const inferred: string[] = [];
  const set = (key: string, c: number, v: number) => {
    out.values.set(path(key, c), String(v));
    out.uncertain.delete(path(key, c));
    inferred.push(path(key, c));
  };
  const read = (key: string) => Array.from({ length: cols }, (_, c) => out.values.get(path(key, c))).some((v) => v !== undefined);
  // A cell decided from unsure ones would be as unsure, yet unflagged: a figure read a column off in
  // 二、上年结转 would pass on into 四 through T3-1, and the rule that could have caught it is spent.
  const sure = (key: string, c: number) => num(key, c) !== undefined && !out.uncertain.has(path(key, c));
  if (empty.length && read(totalKey)) {
    for (let c = 0; c < cols; c++) {
      const printed = out.values.get(path(totalKey, c));
      if (printed === undefined || printed === null || !sure(totalKey, c)) continue;
      const others = results.filter((k) => !empty.includes(k));
      if (others.some((k) => !sure(k, c))) continue;
      const known = others.map((k) => num(k, c));
      if (known.reduce((s: number, v) => s + v!, 0) === Number(printed)) for (const k of empty) set(k, c, 0);
    }
  }
  // T3-1: 一 + 二 = （七） + 四, with 四 the only row unread.
  const forward = t.rows[t.rows.length - 1]!.key;
  if (unread(forward) && read(totalKey)) {
    for (let c = 0; c < cols; c++) {
      const [a, b, total] = ['newReceived', 'carriedOver', totalKey].map((k) => num(k, c));
      if (a === undefined || b === undefined || total === undefined || out.values.get(path(totalKey, c)) === null) continue;
      if (!['newReceived', 'carriedOver', totalKey].every((k) => sure(k, c))) continue;
      const v = a + b - total;
      if (v >= 0) set(forward, c, v);
    }
  }
  // A column where 一 and 二 are read as 0 (or blank): T3-1 and counts never negative make every
  // result, （七） and 四 of that column 0 — unread or unsure cells there have one answer.
  for (let c = 0; c < cols; c++) {
    if (!sure('newReceived', c) || !sure('carriedOver', c) || num('newReceived', c)! + num('carriedOver', c)! !== 0) continue;
    const rest = [...results, totalKey, forward];
    if (rest.some((k) => sure(k, c) && num(k, c) !== 0)) continue;
    for (const k of rest) if (printed.has(k) && !sure(k, c)) set(k, c, 0);
  }
  if (!inferred.length) return [];
  return [finding('IMPORT-INFERRED', 'warning', [], null, null,
    `表三有${inferred.length}格原文没有数字（整行空白），按勾稽关系只能是一个值，已填入：各类结果之和已等于（七）总计的列、第一项和第二项都为0的列为0${inferred.some((p) => p.startsWith(`requests.${forward}.`)) ? '，“四、结转下年度继续办理”按“第一项加第二项等于第三项加第四项”算出' : ''}`)];
}

/**
 * Table 三's （六）其他处理 in the other format's shape. The 2019 format has one row, the 2021 format
 * three rows under the same words; publishers keep last year's template, so both mixes are seen:
 * - a 2021 report printed with the single 2019 row: when that row is all 0 the three rows are 0
 *   (inferred, flagged); otherwise the figures cannot be split and the three rows stay unread;
 * - a 2019/2020 report printed with the three 2021 rows: the single row is their sum (flagged).
 * Either way a format finding says so; the rows are never mapped onto each other silently.
 */
import { finding } from '../../../report/checks/helpers';
import { getFormat } from '../../../report/formats';
import type { FormatDef } from '../../../report/formats/model';
import type { Finding } from '../../../report/types';
import { LabelMatcher } from './labels';
import { readRows, type RowRead, type RowSpec, type Source } from './rows';

export interface ShapeFix {
  notes: Finding[];
  /** Row keys whose every cell is to be flagged. */
  flagged: string[];
}

const other = (def: FormatDef) => getFormat(def.id === 'gov-2021' ? 'gov-2019' : 'gov-2021');
const OTHER_KEYS_2021 = (def: FormatDef) => def.requests.rows.filter((r) => r.subgroup && r.subgroup === def.requests.rows.find((x) => x.key === 'otherOverdueCorrection')?.subgroup);

function single(rows: RowRead[]): string[] | null {
  const c = rows[0]?.candidates;
  if (!c || c.length !== 1) return null;
  return c[0]!.vals.map((v) => v ?? '0');
}

export function fixOtherShape(src: Source, def: FormatDef, rows: RowRead[], specs: readonly RowSpec[], from: number, to: number): ShapeFix {
  const out: ShapeFix = { notes: [], flagged: [] };
  const width = def.requests.columns.length;
  const stops = def.requests.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]);
  if (def.id === 'gov-2021') {
    const subs = OTHER_KEYS_2021(def);
    const subRows = rows.filter((r) => subs.some((s) => s.key === r.spec.id));
    if (!subs.length || subRows.some((r) => r.hit)) return out;
    const label = subs[0]!.subgroup!;
    const base = specs[0]!;
    const one = readRows(src, [{ ...base, id: 'otherHandling', labels: [label] }], from, to, stops).rows;
    if (!one[0]?.hit) return out;
    const vals = single(one);
    const zero = !!vals && vals.every((v) => Number(v) === 0);
    for (const r of subRows) {
      r.hit = one[0].hit;
      r.raw = one[0].raw;
      r.candidates = zero ? [{ vals: Array.from({ length: width }, () => '0'), how: 'as-printed' }] : [];
      out.flagged.push(r.spec.id);
    }
    // The three rows' cells: a second opinion that reads them after all (count-fit.ts) answers this note.
    const cells = zero ? [] : subRows.flatMap((r) => def.requests.columns.map((_, c) => `requests.${r.spec.id}.${c}`));
    out.notes.push(finding('IMPORT-FORMAT', zero ? 'warning' : 'error', cells, def.id, 'gov-2019',
      zero
        ? `表三的“${label}”按2019年格式只印了一行，且都是0；2021年起的格式分三行，三行已按0填入，请核对`
        : `表三的“${label}”按2019年格式只印了一行（${vals ? vals.join('、') : one[0].raw}），2021年起的格式分三行，不能确定各行的数字，三行需手工填写`));
    return out;
  }
  // A 2019-format report whose （六） is printed as the three 2021 rows.
  const subs = OTHER_KEYS_2021(other(def));
  const found = subs.filter((s) => new LabelMatcher([s.label, ...(s.aliases ?? [])]).find(src.c.text, from, to)?.partial === false);
  if (!found.length) return out;
  const row = rows.find((r) => r.spec.id === 'otherHandling');
  if (!row) return out;
  const base = specs[0]!;
  const subSpecs = subs.map((s) => ({ ...base, id: s.key, labels: [s.label, ...(s.aliases ?? [])] }));
  const read = readRows(src, subSpecs, from, to, [...stops, ...subs.map((s) => s.label)]).rows;
  const parts = read.map((r) => single([r]));
  const sum = parts.every((p) => p) ? Array.from({ length: width }, (_, c) => String(parts.reduce((s, p) => s + Number(p![c]), 0))) : null;
  row.candidates = sum ? [{ vals: sum, how: 'as-printed' }] : [];
  out.flagged.push(row.spec.id);
  out.notes.push(finding('IMPORT-FORMAT', sum ? 'warning' : 'error', [], def.id, 'gov-2021',
    sum
      ? `表三的“（六）其他处理”按2021年起的格式分三行印出，${def.notice}的格式只有一行，已把三行相加（${sum.join('、')}）填入，请核对`
      : `表三的“（六）其他处理”按2021年起的格式分三行印出，${def.notice}的格式只有一行，三行读不全，需手工填写`));
  return out;
}

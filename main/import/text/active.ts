/** Table 二 read from text (format.md §4.1/§5.1): rows of its 第二十条 blocks, each row on its own. */
import type { FormatDef } from '../../../report/formats/model';
import type { Vals } from './candidates';
import { activeScore, type Clause } from './evidence';
import { describeReads } from './notes';
import { finding } from '../../../report/checks/helpers';
import { emptyRead, isCount, isFineMoney, isMoney, isSigned, readRows, type RowSpec, type Source, type TableRead, valueAt } from './rows';
import { orphanDigits } from './orphans';
import { resolve, type Resolution } from './solve';

const moneyOk = (v: string | null) => isMoney(v) || isFineMoney(v);
const TYPE_OK = { count: isCount, signedCount: isSigned, money: moneyOk, amount: moneyOk } as const;

/**
 * `viewerText`: a PDF viewer's text (pdftotext pages end in a form feed). It prints a row's figures
 * before or after its label as the page's geometry has it, and Table 二 has no rule to tell: a row
 * whose figures are not on its label's own line is flagged (the in-order reading may still decide it).
 */
export function readActive(src: Source, def: FormatDef, from: number, to: number, clauses: readonly Clause[], viewerText = false): TableRead {
  const rowsDef = def.active.blocks.flatMap((b) => b.rows.map((row) => ({ row, fields: b.fields })));
  // A figure with a leading zero (「000」 after 规章) shows a crawler glued this table's cells: then a
  // run is cut as the text states it. Otherwise a run is a figure as much as its cuts (candidates.ts).
  const region = src.text.slice(src.c.map[from] ?? src.text.length, src.c.map[to] ?? src.text.length);
  const glued = /(?<![\d.])0\d/.test(region);
  const specs: RowSpec[] = rowsDef.map(({ row, fields }) => ({
    id: row.key,
    labels: [row.label, ...(row.aliases ?? [])],
    width: fields.length,
    spans: fields.map((f) => f.span),
    typeOk: (v: Vals) => v.every((x, i) => TYPE_OK[fields[i]!.type](x)),
    check: () => true,
    unchecked: !glued,
    unitCells: fields.map((f) => f.type === 'money' || f.type === 'amount'),
  }));
  // Block titles and column headers end a row's figures, and so does the start of Table 三.
  const stops = [
    ...def.active.blocks.flatMap((b) => [b.title, ...b.fields.map((f) => f.label)]),
    def.active.contentLabel,
    def.requests.applicantHeader,
    def.requests.rows[0]!.label,
  ];
  const { rows, start, end } = readRows(src, specs, from, to, stops);
  const out = emptyRead(end);
  out.start = start;
  out.found = rows.filter((r) => r.hit).length;
  if (!out.found) return out;

  // No rule ties Table 二's rows together: each row is resolved alone, the text breaking ties.
  const res: Resolution = { picks: new Map(), uncertain: new Map(), byEvidence: false, noFit: [] };
  rows.forEach((r, i) => {
    const { row, fields } = rowsDef[i]!;
    const one = resolve([{ id: row.key, candidates: r.candidates }], () => 0, (get) => activeScore(clauses, row, fields, get(row.key) ?? []));
    res.picks.set(row.key, one.picks.get(row.key) ?? null);
    const u = one.uncertain.get(row.key);
    if (u) res.uncertain.set(row.key, u);
    res.byEvidence ||= one.byEvidence;
    res.noFit.push(...one.noFit);
    const pick = one.picks.get(row.key);
    fields.forEach((f, c) => {
      const path = `active.${row.key}.${f.key}`;
      const v = valueAt(pick ?? null, c);
      if (typeof v === 'string' && isFineMoney(v)) {
        // The format keeps 4 decimals of 万元: the amount is rounded and the cell flagged.
        const rounded = (Math.round(Number(v) * 10_000) / 10_000).toFixed(4);
        out.values.set(path, rounded);
        out.uncertain.add(path);
        out.notes.push(finding('IMPORT-ROUNDED', 'warning', [path], v, rounded,
          `表二“${row.label}”的金额原文为“${v}”（精确到分），本格式最多保留4位小数，已按 ${rounded} 读取，请核对`));
        return;
      }
      out.values.set(path, v);
      if (!pick || u?.includes(c)) out.uncertain.add(path);
      const unit = pick?.units?.[c];
      if (f.type === 'amount' && unit) out.units.set(`active.${row.key}.unit`, unit);
    });
  });
  // Figures no row's label is followed by (between a header and the next label): the text puts
  // figures out of their rows' order, as pdftotext does whether or not it marks its pages (-nopgbrk
  // leaves out the form feeds). A row may then hold its neighbour's figures: read as a viewer's text.
  if (viewerText || orphanDigits(src, rows, out.start, end).length) {
    const loose = rows.filter((r) => r.hit && r.segment !== undefined && !/\d/.test(r.segment.split('\n')[0]!) && /\d/.test(r.segment));
    for (const r of loose) for (const f of rowsDef.find((d) => d.row.key === r.spec.id)!.fields) out.uncertain.add(`active.${r.spec.id}.${f.key}`);
    if (loose.length)
      out.notes.push(finding('IMPORT-UNCERTAIN', 'error', loose.flatMap((r) => rowsDef.find((d) => d.row.key === r.spec.id)!.fields.map((f) => `active.${r.spec.id}.${f.key}`)), null, null,
        `表二有${loose.length}行的数字不在行名的同一行（PDF 转出的文字，数字可能属于上一行或下一行），已标出，请对照原文核对`));
  }
  const fieldKey = (id: string, c: number) => rowsDef.find((d) => d.row.key === id)!.fields[c]!.key;
  out.notes.push(...describeReads('表二', rows, res, (id, c) => `active.${id}.${fieldKey(id, c)}`,
    (id) => rowsDef.find((d) => d.row.key === id)!.row.label));
  return out;
}


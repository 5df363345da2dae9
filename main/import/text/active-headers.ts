/**
 * Table 二 as `pdftotext` plain gives Chromium's PDF of it: column by column, each column header
 * followed by that column's figures (「本年制发件数 0 6 … 本年废止件数 0 4 … 现行有效件数 0 117」,
 * 「本年处理决定数量 3571 本年处理决定数量 148 0」). Read in order that puts 6 under 规章's
 * 本年废止件数 (active-fit.ts refuses it); read by the header each run of figures follows, it has
 * one answer: a header's figures are the cells under that header, block by block and row by row.
 * Every run of figures must follow a header, and each header must get exactly as many figures as
 * it has cells; anything else (headers printed together before their figures, a figure after a
 * word that is no header) is no reading. The figures are returned in the table's cell order, for
 * activeFit to check their types and the T2 rules (signs and units included: each figure's header is known).
 */
import { getFormat } from '../../../report/formats';
import { AMOUNT_UNIT_PATTERN } from '../../../report/lists';
import type { FormatId } from '../../../report/types';
import { compactLabel } from './normalize';

/** A figure as printed under a header: signed (本年增/减), decimal, or an amount with its unit glued on. */
const FIGURE = new RegExp(`^[+-]?\\d{1,12}(?:\\.\\d{1,6})?(?:${AMOUNT_UNIT_PATTERN})?$`);
const UNIT = new RegExp(`^(?:${AMOUNT_UNIT_PATTERN})$`);

export function figuresUnderHeaders(span: string, format: FormatId): string[] | null {
  const def = getFormat(format);
  // Each header (by its compact label) and the cells under it, in block then row order.
  const cellsOf = new Map<string, number[]>();
  let index = 0;
  for (const b of def.active.blocks)
    for (let r = 0; r < b.rows.length; r++)
      for (const f of b.fields) {
        const key = compactLabel(f.label);
        cellsOf.set(key, [...(cellsOf.get(key) ?? []), index++]);
      }
  // Longest first, so that a header ending in a shorter one is taken whole.
  const headers = [...cellsOf.keys()].sort((a, b) => b.length - a.length);
  const runs = new Map<string, string[]>();
  let gap = '';
  let current: string | null = null;
  let last: { header: string; at: number } | null = null;
  for (const token of span.split(/[\s\u00a0\u3000|]+/).filter(Boolean)) {
    // A unit printed apart from its amount (「0.48 万元」) belongs to it.
    if (UNIT.test(token) && last && !gap) {
      const run = runs.get(last.header)!;
      run[last.at] += token;
      last = null;
      continue;
    }
    if (!FIGURE.test(token)) {
      gap += compactLabel(token);
      continue;
    }
    if (gap) {
      current = headers.find((h) => gap.endsWith(h)) ?? null;
      if (current === null) return null;
      gap = '';
    }
    if (current === null) return null;
    runs.set(current, [...(runs.get(current) ?? []), token]);
    last = { header: current, at: runs.get(current)!.length - 1 };
  }
  const out: string[] = new Array<string>(index);
  for (const [h, cells] of cellsOf) {
    const figures = runs.get(h) ?? [];
    if (figures.length !== cells.length) return null;
    cells.forEach((c, i) => (out[c] = figures[i]!));
  }
  return out;
}

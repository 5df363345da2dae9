/**
 * Figures the report's own text states, used only to choose between readings of a table that all
 * fit the rules (never to overrule a reading): 「收到政府信息公开申请75件」 for Table 三, and for
 * Table 二 a clause naming the row and the column, 「集中公开现行有效行政规范性文件698件」.
 */
import { readTextFigures } from '../../../report/checks';
import type { ActiveField, ActiveRow } from '../../../report/formats/model';
import { compactLabel } from './normalize';

/** Table 三 总计 figures stated in 一、总体情况: path → value. */
export function requestEvidence(overview: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of readTextFigures(overview)) {
    const path = `requests.${f.row}.6`;
    if (!out.has(path)) out.set(path, f.value);
  }
  return out;
}

/** The words of a column label that a sentence would use: 本年制发件数 → 制发, 现行有效件数 → 现行有效. */
export function fieldKeyword(label: string): string {
  return compactLabel(label)
    .replace(/\(.*?\)/g, '')
    .replace(/^本年度?/, '')
    .replace(/(件数|数量|总数量)$/, '')
    .replace(/总$/, '');
}

export interface Clause {
  text: string;
  numbers: Set<string>;
}

export function clausesOf(text: string): Clause[] {
  return compactLabel(text)
    .split(/[。；;，,!！?？]/)
    .filter((t) => /\d/.test(t))
    .map((t) => ({ text: t, numbers: new Set(t.match(/\d+(?:\.\d+)?/g) ?? []) }));
}

/** How many non-zero cells of a Table 二 reading a clause of the text states. */
export function activeScore(clauses: readonly Clause[], row: ActiveRow, fields: readonly ActiveField[], vals: readonly (string | null)[]): number {
  const names = [row.label, ...(row.aliases ?? [])].map(compactLabel);
  let score = 0;
  fields.forEach((f, i) => {
    const v = vals[i];
    if (!v || /^0+(\.0+)?$/.test(v)) return;
    const key = fieldKeyword(f.label);
    if (clauses.some((c) => c.numbers.has(v) && c.text.includes(key) && names.some((n) => c.text.includes(n)))) score++;
  });
  return score;
}

/**
 * Made-up reports for the holdout corpus, from a seed, so that no figure was ever seen while the
 * importer was tuned: a small township (mostly zeros, figures 1–9), a county bureau (tens and
 * hundreds, a few blank rows) and a city department (thousands, 5-digit totals), in both formats.
 * Every rule of format.md §7 holds (T3-1 per column, T3-2, T3-3, T4-1), so a reading that breaks
 * one is the reader's doing. Text parts: qingshi-2024's, the agency name replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyReport } from '../../../report/empty';
import { getFormat } from '../../../report/formats';
import type { FormatId, Report } from '../../../report/types';

const QINGSHI = join(import.meta.dirname, '../../../../shared/fixtures/reports/qingshi-2024.json');

/** Park–Miller: the same reports from the same seed on every machine. */
export function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export type Scale = 'township' | 'county' | 'city';

const MAX: Record<Scale, number> = { township: 9, county: 300, city: 2500 };
/** How often a cell is not 0. */
const FILLED: Record<Scale, number> = { township: 0.08, county: 0.3, city: 0.4 };

export interface RandomSpec {
  name: string;
  format: FormatId;
  agency: string;
  year: number;
  scale: Scale;
  seed: number;
}

export const RANDOM_SPECS: RandomSpec[] = [
  { name: 'rand-township-2024', format: 'gov-2021', agency: '青川县石门镇人民政府', year: 2024, scale: 'township', seed: 11 },
  { name: 'rand-county-2023', format: 'gov-2021', agency: '青川县市场监督管理局', year: 2023, scale: 'county', seed: 23 },
  { name: 'rand-city-2022', format: 'gov-2021', agency: '临江市人力资源和社会保障局', year: 2022, scale: 'city', seed: 37 },
  { name: 'rand-city-2024', format: 'gov-2021', agency: '临江市人民政府办公室', year: 2024, scale: 'city', seed: 41 },
  { name: 'rand-county-2020', format: 'gov-2019', agency: '青川县自然资源局', year: 2020, scale: 'county', seed: 53 },
  { name: 'rand-city-2019', format: 'gov-2019', agency: '临江市公安局', year: 2019, scale: 'city', seed: 67 },
];

export function randomReport(spec: RandomSpec): Report {
  const rnd = random(spec.seed);
  const figure = (scale: Scale = spec.scale) => (rnd() < FILLED[scale] ? 1 + Math.floor(rnd() ** 2 * MAX[scale]) : 0);
  const report = emptyReport(spec.format, spec.agency, spec.year);
  const def = getFormat(spec.format);
  if (spec.format === 'gov-2021') {
    const qingshi = JSON.parse(readFileSync(QINGSHI, 'utf8')) as Report;
    report.text = JSON.parse(JSON.stringify(qingshi.text).replace(/示例县青石镇人民政府|青石镇人民政府|青石镇/g, spec.agency).replace(/2024/g, String(spec.year))) as Report['text'];
  }
  for (const block of def.active.blocks)
    for (const row of block.rows)
      for (const f of block.fields) {
        const v = figure(spec.scale === 'township' ? 'county' : spec.scale);
        const fields = report.active[row.key]!;
        if (f.type === 'money' || f.type === 'amount') fields[f.key] = v ? (v / 100).toFixed(v % 3 === 0 ? 2 : 1) : '0';
        else if (f.type === 'signedCount') fields[f.key] = rnd() < 0.3 ? -Math.min(v, 20) : v;
        else fields[f.key] = v;
      }
  plausibleActive(report, spec.scale);
  const keys = def.requests.rows.map((r) => r.key);
  const columns = def.requests.columns.length - 1;
  const [newKey, overKey] = keys;
  const [totalKey, forwardKey] = keys.slice(-2);
  const results = keys.slice(2, -2);
  const withTotal = (cells: number[]) => [...cells, cells.reduce((a, b) => a + b, 0)];
  for (const k of results) report.requests[k] = withTotal(Array.from({ length: columns }, () => figure()));
  const total = Array.from({ length: columns }, (_, c) => results.reduce((s, k) => s + report.requests[k]![c]!, 0));
  report.requests[totalKey!] = withTotal(total);
  // Carried over at most what was settled, so that 新收 = 总计 + 结转下年 − 上年结转 is never negative.
  const over = total.map((t) => Math.min(t, Math.floor(rnd() * (t / 4 + 2))));
  const forward = total.map(() => Math.floor(rnd() * (MAX[spec.scale] / 10 + 2)) * (rnd() < FILLED[spec.scale] * 1.5 ? 1 : 0));
  report.requests[overKey!] = withTotal(over);
  report.requests[forwardKey!] = withTotal(forward);
  report.requests[newKey!] = withTotal(total.map((t, c) => t + forward[c]! - over[c]!));
  for (const g of def.appeals.groups) report.appeals[g.key] = withTotal(Array.from({ length: def.appeals.outcomes.length - 1 }, () => figure('county') % 12));
  report.closing = { agency: spec.agency, date: `${spec.year + 1}-01-20` };
  return report;
}

/** Table 二 as a real unit's (T2-2…T2-5 hold): 规章 only in a city, 现行有效 ≥ 制发 − 废止, 总数 ≥ 本年, 增/减 not below −上年. */
function plausibleActive(report: Report, scale: Scale): void {
  const a = report.active as Record<string, Record<string, number | string>>;
  const n = (v: number | string | undefined) => Number(v ?? 0);
  if (report.format === 'gov-2021') {
    if (scale !== 'city') a.rules = { issued: 0, repealed: 0, inForce: 0 };
    for (const row of ['rules', 'normativeDocs']) {
      const r = a[row]!;
      r.inForce = Math.max(n(r.inForce), n(r.issued) - n(r.repealed) + n(r.inForce));
    }
  } else {
    for (const row of ['rules', 'normativeDocs']) {
      const r = a[row]!;
      r.totalPublished = Math.max(n(r.totalPublished), n(r.published) + n(r.totalPublished));
    }
    for (const r of Object.values(a)) if ('change' in r && 'previousItems' in r) r.change = Math.max(n(r.change), -n(r.previousItems));
  }
}

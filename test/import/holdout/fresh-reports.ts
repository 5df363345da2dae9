/**
 * The third holdout corpus's reports (issue 18: inputs nobody tuned on): new seeds, agencies and years,
 * and shapes of Table 三/四 that real units publish and the six made-up reports of random-reports.ts
 * never had — a township with two or three figures in all of Table 三, a column of zeros but for one
 * row, 5-digit figures in a city, every result row the same figure, Table 四 all zero but one group,
 * a large 上年结转 with no 新收, a year with nothing at all. Table 二 and the text parts come from
 * randomReport (same seed); Tables 三/四 are drawn here. Every §7 rule holds (T3-1 per column, T3-2,
 * T3-3, T4-1), so a rule broken after reading is the reader's doing.
 */
import { getFormat } from '../../../report/formats';
import type { Report } from '../../../report/types';
import { random, randomReport, type RandomSpec } from './random-reports';

export type FreshShape =
  /** Two or three non-zero figures among the result rows (a township's year: 2 requests, 1 answered). */
  | 'sparse'
  /** Nothing received, nothing carried, Table 四 empty: every figure of Tables 三/四 is 0. */
  | 'all-zero'
  /** Every result row 1 in 自然人, the rest 0 (a township listing one case per row). */
  | 'ones'
  /** Every result cell 1: identical rows 「1 1 1 1 1 1 6」. */
  | 'identical'
  /** 商业企业 all zero but one row; the other columns drawn as usual. */
  | 'one-cell-column'
  /** A city with 4- and 5-digit figures (自然人 up to 6 000, 总计 5-digit). */
  | 'big-city'
  /** 上年结转 large (everything settled this year was carried over), 新收 0 in every column. */
  | 'carried-no-new'
  /** Table 四 all zero but one group (复议后起诉); Table 三 drawn as usual. */
  | 'one-appeal-group'
  /** Drawn as random-reports.ts draws (new seed, agency, year). */
  | 'plain';

export interface FreshSpec extends RandomSpec {
  shape: FreshShape;
}

export const FRESH_SPECS: FreshSpec[] = [
  { name: 'fresh-township-sparse-2025', format: 'gov-2021', agency: '云岭县白沙乡人民政府', year: 2025, scale: 'township', seed: 101, shape: 'sparse' },
  { name: 'fresh-township-zero-2021', format: 'gov-2021', agency: '云岭县龙潭镇人民政府', year: 2021, scale: 'township', seed: 103, shape: 'all-zero' },
  { name: 'fresh-township-ones-2023', format: 'gov-2021', agency: '云岭县北坡街道办事处', year: 2023, scale: 'township', seed: 107, shape: 'ones' },
  { name: 'fresh-county-identical-2020', format: 'gov-2019', agency: '东川县卫生健康局', year: 2020, scale: 'county', seed: 109, shape: 'identical' },
  { name: 'fresh-county-onecol-2022', format: 'gov-2021', agency: '东川县交通运输局', year: 2022, scale: 'county', seed: 113, shape: 'one-cell-column' },
  { name: 'fresh-city-big-2025', format: 'gov-2021', agency: '江州市住房和城乡建设局', year: 2025, scale: 'city', seed: 127, shape: 'big-city' },
  { name: 'fresh-county-carried-2024', format: 'gov-2021', agency: '东川县生态环境分局', year: 2024, scale: 'county', seed: 131, shape: 'carried-no-new' },
  { name: 'fresh-county-appeal-2023', format: 'gov-2021', agency: '东川县人民政府办公室', year: 2023, scale: 'county', seed: 137, shape: 'one-appeal-group' },
  { name: 'fresh-county-2019', format: 'gov-2019', agency: '南平县教育局', year: 2019, scale: 'county', seed: 139, shape: 'plain' },
  { name: 'fresh-township-2020', format: 'gov-2019', agency: '南平县石桥镇人民政府', year: 2020, scale: 'township', seed: 149, shape: 'sparse' },
];

const withTotal = (cells: number[]) => [...cells, cells.reduce((a, b) => a + b, 0)];

export function freshReport(spec: FreshSpec): Report {
  const report = randomReport(spec);
  const rnd = random(spec.seed * 7919);
  const pick = (n: number) => Math.floor(rnd() * n);
  const def = getFormat(spec.format);
  const keys = def.requests.rows.map((r) => r.key);
  const columns = def.requests.columns.length - 1;
  const results = keys.slice(2, -2);
  const zeros = () => Array.from({ length: columns }, () => 0);
  const grid = results.map(() => zeros());
  const drawn = (max: number, filled: number) => (rnd() < filled ? 1 + Math.floor(rnd() ** 2 * max) : 0);
  let over = zeros();
  let forward = zeros();
  switch (spec.shape) {
    case 'sparse':
      for (let i = 2 + pick(2); i > 0; i--) grid[pick(results.length)]![pick(2)]! += 1 + pick(3);
      forward[0] = pick(2);
      break;
    case 'all-zero':
      break;
    case 'ones':
      for (const row of grid) row[0] = 1;
      break;
    case 'identical':
      for (const row of grid) row.fill(1);
      break;
    case 'one-cell-column':
    case 'one-appeal-group':
    case 'plain':
    case 'carried-no-new':
    case 'big-city':
      for (const row of grid) for (let c = 0; c < columns; c++) row[c] = drawn(spec.shape === 'big-city' ? (c ? 1500 : 6000) : 300, c === 0 ? 0.6 : 0.3);
      if (spec.shape === 'one-cell-column') {
        for (const row of grid) row[1] = 0;
        grid[pick(results.length)]![1] = 1 + pick(40);
      }
      break;
  }
  const total = Array.from({ length: columns }, (_, c) => grid.reduce((s, row) => s + row[c]!, 0));
  if (spec.shape === 'carried-no-new') {
    forward = total.map((t) => (rnd() < 0.5 ? 1 + pick(20) : 0) * (t ? 1 : 0));
    over = total.map((t, c) => t + forward[c]!);
  } else if (!['sparse', 'all-zero', 'ones', 'identical'].includes(spec.shape)) {
    over = total.map((t) => Math.min(t, pick(t / 4 + 2)));
    forward = total.map(() => (rnd() < 0.4 ? pick(spec.shape === 'big-city' ? 900 : 30) : 0));
  }
  const [newKey, overKey] = keys;
  const [totalKey, forwardKey] = keys.slice(-2);
  results.forEach((k, i) => (report.requests[k] = withTotal(grid[i]!)));
  report.requests[totalKey!] = withTotal(total);
  report.requests[overKey!] = withTotal(over);
  report.requests[forwardKey!] = withTotal(forward);
  report.requests[newKey!] = withTotal(total.map((t, c) => t + forward[c]! - over[c]!));
  const appeals = def.appeals.outcomes.length - 1;
  for (const [i, g] of def.appeals.groups.entries()) {
    const cells = Array.from({ length: appeals }, () => 0);
    if (spec.shape === 'one-appeal-group' ? i === 2 : spec.shape === 'plain' || spec.shape === 'big-city' || spec.shape === 'one-cell-column')
      for (let c = 0; c < appeals; c++) cells[c] = drawn(spec.shape === 'big-city' ? 40 : 9, 0.5);
    else if (spec.shape === 'sparse' && i === 0) cells[pick(appeals)] = 1;
    report.appeals[g.key] = withTotal(cells);
  }
  return report;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks, validateJson, type Report } from '../../report';
import type { Bench } from './harness';

const fixture = (name: string): Report => {
  const r = validateJson(JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fixtures/reports', name), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.report;
};
const previous = fixture('qingshi-2023.json');
const current = fixture('qingshi-2024.json');

export const benches: Bench[] = [
  { name: 'check all rules (qingshi 2024, with last year)', budgetMs: 1, runs: 500, fn: () => runChecks(current, { previous }) },
  { name: 'validate canonical JSON (qingshi 2024)', runs: 500, fn: () => validateJson(current) },
];

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateJson, type Report } from '../../report';
import { buildDocx } from '../../main/export/docx';
import { buildHtml } from '../../main/export/html';
import { buildXlsx } from '../../main/export/xlsx';
import type { Bench } from './harness';

const r = validateJson(JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fixtures/reports/qingshi-2024.json'), 'utf8')));
if (!r.ok) throw new Error('qingshi-2024.json');
const report: Report = r.report;
let size = 0;

export const benches: Bench[] = [
  { name: 'export .docx (qingshi 2024)', budgetMs: 150, runs: 30, fn: async () => (size = (await buildDocx(report)).length), extra: () => `${size} bytes` },
  { name: 'export .xlsx (qingshi 2024)', budgetMs: 250, runs: 30, fn: async () => (size = (await buildXlsx(report)).length), extra: () => `${size} bytes` },
  { name: 'export HTML (qingshi 2024)', budgetMs: 20, runs: 200, fn: () => (size = buildHtml(report).length), extra: () => `${size} chars` },
];

/** Shared test fixtures: ../shared beside the project, as on every developer machine and in CI. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateJson, type Report } from '../../report';

export const SHARED = join(import.meta.dirname, '../../../shared');
export const FIXTURES = join(SHARED, 'fixtures');

export function readFixture(relative: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, relative), 'utf8')) as unknown;
}

export function loadReport(relative: string): Report {
  const v = validateJson(readFixture(relative));
  if (!v.ok) throw new Error(`${relative}: ${JSON.stringify(v.errors)}`);
  return v.report;
}

/** Every fixture with a complete figure set: the two example reports and the published ones' expected JSON. */
export function allFixtureJson(): string[] {
  const published = readdirSync(join(FIXTURES, 'published'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `published/${f}`);
  return ['reports/qingshi-2023.json', 'reports/qingshi-2024.json', ...published];
}

export const qingshi2023 = () => loadReport('reports/qingshi-2023.json');
export const qingshi2024 = () => loadReport('reports/qingshi-2024.json');

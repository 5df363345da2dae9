/**
 * The layer table of test/architecture/layers.ts, enforced over main/, report/, renderer/ and
 * preload/: every import between folders is one the table allows, the table itself has no cycle
 * (so the code cannot have one between folders), and a planted violation is caught.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerOf } from './layers';
import { importsOf } from './scan';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveSpec(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = relative(ROOT, resolve(ROOT, dirname(file), spec)).split('\\').join('/');
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile()) return c;
  return null;
}

/** Each import that crosses layers against the table: `file imports target (from → to)`. */
export function layerViolations(files: ReadonlyMap<string, string>, layers: Record<string, readonly string[]> = LAYERS): string[] {
  const out: string[] = [];
  for (const [file, code] of files) {
    const from = layerOf(file);
    for (const spec of importsOf(code)) {
      const target = files.has(spec) ? spec : resolveSpec(file, spec);
      if (!target) continue;
      const to = layerOf(target);
      if (to === from) continue;
      if (!(layers[from] ?? []).includes(to)) out.push(`${file} imports ${target} (${from} → ${to})`);
    }
  }
  return out;
}

/** Loops in the table (a → b → … → a). */
export function tableCycles(layers: Record<string, readonly string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (l: string) => {
    state.set(l, 'open');
    stack.push(l);
    for (const t of layers[l] ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(l, 'done');
  };
  for (const l of Object.keys(layers)) if (!state.has(l)) visit(l);
  return found;
}

const all = new Map(['main', 'report', 'renderer', 'preload'].flatMap(sources).map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const));

describe('layers', () => {
  it('every folder of main/ and report/ has a row in the table', () => {
    const missing = [...new Set([...all.keys()].map(layerOf))].filter((l) => !(l in LAYERS));
    expect(missing).toEqual([]);
  });

  it('the table has no cycle', () => {
    expect(tableCycles(LAYERS)).toEqual([]);
  });

  it('every import between folders is allowed by the table', () => {
    expect(layerViolations(all)).toEqual([]);
  });

  it('a planted violation is caught: the archive importing the services, report/ importing main/', () => {
    const planted = new Map(all);
    planted.set('main/db/planted.ts', "import { createHandlers } from '../api/handlers';\n");
    planted.set('report/checks/planted.ts', "import { openArchive } from '../../main/db/open';\n");
    expect(layerViolations(planted)).toEqual([
      'main/db/planted.ts imports main/api/handlers.ts (main/db → main/api)',
      'report/checks/planted.ts imports main/db/open.ts (report/checks → main/db)',
    ]);
    expect(tableCycles({ ...LAYERS, 'main/db': [...LAYERS['main/db']!, 'main/api'] }).length).toBeGreaterThan(0);
  });
});

/**
 * No two modules of main/, report/, renderer/ or preload/ import each other, directly or round a loop (xlsx.ts and
 * xlsx-own.ts once did): a cycle makes load order matter and hides which file owns what.
 * Type-only imports count too — they tie the files together just the same for a reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  const base = relative(ROOT, resolve(ROOT, dirname(file), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile()) return c;
  return null;
}

/** Every import loop among the files of `dir`, each as a path a → b → … → a. */
function cycles(dir: string): string[] {
  const files = sources(dir);
  return findCycles(new Map(files.map((f) => [f, importsOf(readFileSync(join(ROOT, f), 'utf8')).map((s) => resolveSpec(f, s)).filter((t): t is string => t !== null && files.includes(t))])));
}

function findCycles(edges: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') found.add([...stack.slice(stack.indexOf(t)), t].join(' → '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return [...found];
}

describe('import cycles', () => {
  it('the scanner finds a loop', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a → b → c → a']);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('main/import has none', () => {
    expect(cycles('main/import')).toEqual([]);
  });

  it.each(['main', 'report', 'renderer', 'preload'])('%s/ has none (files of every folder below it)', (dir) => {
    expect(cycles(dir)).toEqual([]);
  });
});

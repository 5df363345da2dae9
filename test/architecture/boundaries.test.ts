/**
 * The process boundary, enforced: renderer code imports only itself, the shared report/ folder and
 * React (and ECharts' tree-shakable entry points for the 历年对比 charts); report/ imports nothing outside itself (no Node, no Electron, no DOM); preload imports only
 * electron and the contract; nothing imports the renderer. A failing case names the file and import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from './scan';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(p);
  }
  return out;
}

/** The top-level folder a relative import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `pkg:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  return relative(ROOT, resolve(ROOT, dirname(file), spec)).split(/[\\/]/)[0]!;
}

function violations(dir: string, allowed: (t: string) => boolean): string[] {
  return sources(dir).flatMap((f) =>
    importsOf(readFileSync(join(ROOT, f), 'utf8'))
      .filter((s) => !allowed(target(f, s)))
      .map((s) => `${f} imports ${s}`),
  );
}

describe('process boundaries', () => {
  it('the import scanner sees static, side-effect and dynamic imports', () => {
    expect(importsOf("import a from 'x';\nimport { b } from \"../main/y\";\nimport './z.css';\nconst m = await import('node:fs');")).toEqual(['x', '../main/y', './z.css', 'node:fs']);
  });

  it('renderer imports only renderer/, report/, React and ECharts (the 历年对比 charts)', () => {
    expect(violations('renderer', (t) => ['renderer', 'report', 'pkg:react', 'pkg:react-dom', 'pkg:echarts'].includes(t))).toEqual([]);
  });

  it('report/ (shared by both processes) imports nothing outside itself', () => {
    expect(violations('report', (t) => t === 'report')).toEqual([]);
  });

  it('report/ uses no Node or DOM globals', () => {
    const bad = sources('report').filter((f) =>
      /\b(window|document|navigator|localStorage|process|Buffer|__dirname|require)\b\s*[.(]/.test(
        readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('preload imports only electron and the contract in report/', () => {
    expect(violations('preload', (t) => ['preload', 'report', 'pkg:electron'].includes(t))).toEqual([]);
  });

  it('nothing outside renderer/ imports the renderer', () => {
    for (const dir of ['main', 'preload', 'report']) expect(violations(dir, (t) => t !== 'renderer')).toEqual([]);
  });

  // (「only main/ touches the database…」 was implied by the two allow-lists above and could not fail alone: removed.)
});

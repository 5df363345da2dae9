/** ECharts enters the renderer only through its tree-shakable entry points, and only in the 历年对比 screen (loaded on demand). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../renderer/src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
const imports = (f: string) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/from '(echarts[^']*)'|import\('(echarts[^']*)'\)/g)].map((m) => m[1] ?? m[2]);

describe('ECharts in the renderer', () => {
  it('is imported from echarts/core, /charts, /components and /renderers only, never the whole library', () => {
    const all = files.flatMap(imports);
    expect(all.length).toBeGreaterThan(0);
    for (const spec of all) expect(['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers']).toContain(spec);
  });

  it('lives in renderer/src/trend, which App loads with a dynamic import', () => {
    for (const f of files) if (imports(f).length) expect(f.startsWith('trend')).toBe(true);
    const app = readFileSync(join(SRC, 'App.tsx'), 'utf8');
    expect(app).toMatch(/lazy\(\(\) => import\('\.\/trend\/TrendScreen'\)\)/);
    expect(app).not.toMatch(/^import .*\.\/trend\/TrendScreen/m);
  });
});

/**
 * The declared layers of the code (issue 19, wanted 6), VS Code style: each folder says which
 * folders it may import. A folder's files may always import each other; anything not listed is a
 * violation, and the graph of folders has no cycle. test/architecture/layers.test.ts enforces both.
 *
 * Read top to bottom as "uses": entry points (main/index, cli, web, app) use the services (api),
 * which use the domain modules (rollup, trend, import, export, graphic, verify, and the archive's
 * lifecycle: backup, restore, the 换电脑 bundle, the session lock, the start-up diagnosis), which
 * use the archive (db, with its file helpers). report/ is pure and shared by both processes.
 */

/** A file's layer: its folder under main/ or report/ (top-level files are 'main' / 'report'); renderer and preload whole. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  // Drafting (生成统计表述) lives with 历年对比 but is used by the checks and the 图解: its own layer.
  if (/^report\/trend\/(draft|stale|figures)\.ts$/.test(file)) return 'report/draft';
  // The façade and the API contract gather every part of report/: a layer above them, not the base.
  if (['report/index.ts', 'report/api.ts', 'report/api-shapes.ts', 'report/skipped.ts'].includes(file)) return 'report/api';
  // The two format definitions and the types they are written in are one base.
  if (file.startsWith('report/formats/')) return 'report';
  if (parts[0] === 'renderer' || parts[0] === 'preload') return parts[0];
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const REPORT_BASE = ['report'];
const REPORT_ALL = ['report', 'report/checks', 'report/draft', 'report/trend', 'report/rollup', 'report/verify', 'report/api'];
const MAIN_DOMAIN = ['main/db', 'main/import', 'main/export', 'main/trend', 'main/rollup', 'main/graphic', 'main/verify', 'main/lifecycle', ...REPORT_ALL];

export const LAYERS: Record<string, readonly string[]> = {
  // report/: pure TypeScript, no Node, no DOM. report/ (top-level files with formats/) is the base.
  report: [],
  'report/draft': REPORT_BASE,
  'report/checks': ['report', 'report/draft'],
  'report/trend': ['report', 'report/checks', 'report/draft'],
  'report/rollup': ['report', 'report/checks'],
  // 核对已发布 compares money as exact decimals (report/rollup/decimal) and sentences as the text rules split them.
  'report/verify': ['report', 'report/checks', 'report/rollup'],
  'report/api': ['report', 'report/checks', 'report/draft', 'report/rollup', 'report/trend', 'report/verify'],
  // main/: the archive first, then what works on it, then the services and the entry points.
  'main/db': REPORT_ALL,
  'main/import': ['main/db', ...REPORT_ALL],
  'main/export': ['main/db', ...REPORT_ALL],
  'main/trend': ['main/db', 'main/export', ...REPORT_ALL],
  'main/rollup': ['main/db', 'main/import', 'main/export', ...REPORT_ALL],
  'main/graphic': ['main/db', 'main/export', ...REPORT_ALL],
  'main/verify': ['main/db', 'main/import', 'main/export', ...REPORT_ALL],
  'main/lifecycle': ['main/db', 'main/rollup', ...REPORT_ALL],
  'main/api': MAIN_DOMAIN,
  // main/ top-level: the Electron entry (index, ipc, host-electron) and the services (services.ts), paths and log.
  main: ['main/app', 'main/api', ...MAIN_DOMAIN],
  'main/app': ['main/api', ...MAIN_DOMAIN],
  'main/web': ['main', 'main/api', ...MAIN_DOMAIN],
  'main/cli': ['main', 'main/api', ...MAIN_DOMAIN],
  // The process boundary: the renderer and preload see only the contract and the pure domain.
  renderer: REPORT_ALL,
  preload: ['report/api'],
};

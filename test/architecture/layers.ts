/**
 * The declared layers of the code (issue 19, wanted 6), VS Code style: each folder says which
 * folders it may import. A folder's files may always import each other; anything not listed is a
 * violation, and the graph of folders has no cycle. test/architecture/layers.test.ts enforces both.
 *
 * Read top to bottom as "uses": entry points (main/index, cli, web, app) use the services (api),
 * which use the domain modules (rollup, trend, import, export, the archive's lifecycle in
 * reliability), which use the archive (db), which uses only report/ and the file helpers
 * (fs-safe, pending its move below db/). report/ is pure and shared by both processes.
 */

/** A file's layer: its folder under main/ or report/ (top-level files are 'main' / 'report'); renderer and preload whole. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  // Pending moves the lead makes after the merges (see the consistency report): listed here so the table already says where they belong.
  if (file === 'main/reliability/fs-safe.ts') return 'main/fs';
  if (/^report\/trend\/(draft|stale|figures)\.ts$/.test(file)) return 'report/draft';
  // The façade and the API contract gather every part of report/: a layer above them, not the base.
  if (file === 'report/index.ts' || file === 'report/api.ts' || file === 'report/skipped.ts') return 'report/api';
  // The two format definitions and the types they are written in are one base.
  if (file.startsWith('report/formats/')) return 'report';
  if (parts[0] === 'renderer' || parts[0] === 'preload') return parts[0];
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const REPORT_BASE = ['report'];
const REPORT_ALL = ['report', 'report/checks', 'report/draft', 'report/trend', 'report/rollup', 'report/api'];
const MAIN_DOMAIN = ['main/db', 'main/fs', 'main/import', 'main/export', 'main/trend', 'main/rollup', 'main/reliability', ...REPORT_ALL];

export const LAYERS: Record<string, readonly string[]> = {
  // report/: pure TypeScript, no Node, no DOM. report/ (top-level files with formats/) is the base.
  report: [],
  'report/draft': REPORT_BASE,
  'report/checks': ['report', 'report/draft'],
  'report/trend': ['report', 'report/checks', 'report/draft'],
  'report/rollup': ['report', 'report/checks'],
  'report/api': ['report', 'report/checks', 'report/draft', 'report/rollup', 'report/trend'],
  // main/: the archive first, then what works on it, then the services and the entry points.
  'main/fs': [],
  'main/db': ['main/fs', ...REPORT_ALL],
  'main/import': ['main/db', ...REPORT_ALL],
  'main/export': ['main/db', 'main/fs', ...REPORT_ALL],
  'main/trend': ['main/db', 'main/export', ...REPORT_ALL],
  'main/rollup': ['main/db', 'main/import', 'main/export', ...REPORT_ALL],
  'main/reliability': ['main/db', 'main/fs', 'main/rollup', ...REPORT_ALL],
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

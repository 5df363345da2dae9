/**
 * The CLI as users and scripts run it (`npm run cli` → tools/cli.mjs → the built bundle under plain
 * Node), each run a fresh process: the start of `list` on an empty archive (budget 500 ms; Node and
 * SQLite alone take about 0.1 s) and the peak RSS of importing a normal 7-page PDF (budget 200 MB,
 * what pdf.js takes under plain Node), both timed around the spawned process; and the same PDF
 * imported through serve:web (the bundle under plain Node, as the browser mode runs it): the
 * request's time and the server process's peak RSS (VmHWM), the worker thread included. The
 * desktop app runs the same worker (main/import/pdf/read-in-worker.ts) in Electron's main process,
 * which cannot start on this machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall, ensureBuilt, serve, type Served } from '../e2e/helpers';
import { tempDir } from '../helpers/temp';
import type { Bench } from './harness';

const root = join(import.meta.dirname, '../..');
const tmp = tempDir('nianbao-bench-cli-');
const PDF = join(root, 'test/fixtures/pdf/pingtan-2022-full-text.libreoffice.pdf');

/** One CLI process with its peak RSS (max-rss.mjs), as `npm run cli -- …` runs it (without npm's own start). */
function cli(args: string[]): { mb: number; code: number | null } {
  const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'max-rss.mjs'), join(root, 'tools/cli.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { mb: Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, code: r.status };
}

let list = { mb: NaN, code: null as number | null };
let pdf = { mb: NaN, code: null as number | null };

let served: Served | null = null;
/** Peak resident memory of a running process, from the kernel (what it held at its worst, in MB). */
const vmHwmMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
let servedPeak = NaN;

async function importThroughServeWeb(): Promise<void> {
  const file = { fileName: 'pingtan-2022.pdf', dataBase64: readFileSync(PDF).toString('base64') };
  await apiCall(served!, 'import:preview', { file });
  servedPeak = vmHwmMb(served!.proc.pid!);
}

export const benches: Bench[] = [
  {
    name: 'CLI start: list on an empty archive (process)',
    budgetMs: 500,
    budgetMb: 120,
    runs: 10,
    // The first call builds the bundle when a source changed (not timed: a developer's cost, once).
    setup: () => cli(['list', '--db', join(tmp.dir, 'empty.sqlite')]),
    fn: () => (list = cli(['list', '--db', join(tmp.dir, 'empty.sqlite')])),
    peakMb: () => list.mb,
  },
  {
    name: 'CLI import of a 7-page PDF (process, --dry-run)',
    budgetMs: 3000,
    budgetMb: 200,
    runs: 3,
    fn: () => (pdf = cli(['import', PDF, '--dry-run', '--json', '--db', join(tmp.dir, 'pdf.sqlite')])),
    peakMb: () => pdf.mb,
  },
  {
    name: 'serve:web import of a 7-page PDF (request)',
    budgetMs: 3000,
    budgetMb: 200,
    runs: 3,
    setup: async () => {
      await ensureBuilt();
      served = await serve();
    },
    fn: importThroughServeWeb,
    peakMb: () => servedPeak,
    teardown: async () => {
      await served?.stop();
      served = null;
    },
  },
];

process.on('exit', () => tmp.cleanup());

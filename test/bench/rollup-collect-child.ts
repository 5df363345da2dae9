/**
 * Run by rollup.bench.ts in a process of its own, as a user runs the CLI: `collect FOLDER` into an
 * empty archive. Prints the wall time and this process's peak RSS as JSON (the parent's own memory,
 * which built the 300 files, does not count).
 */
import { runCli } from '../../main/cli';
// @ts-expect-error a plain .mjs helper shared with the spawned-CLI benches (no type declarations)
import { peakRssKb } from './peak-rss.mjs';

const [folder, db, organ, year] = process.argv.slice(2) as [string, string, string, string];
const t0 = performance.now();
void runCli(['collect', folder, '--into', organ, '--year', year, '--db', db, '--add-units'], { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd() }).then((code) => {
  process.stdout.write(JSON.stringify({ code, ms: performance.now() - t0, rssMb: (peakRssKb() as number) / 1024 }));
});

/** Runs every test/bench/*.bench.ts (or those whose file name contains argv[2]) and prints medians. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatResult, runBench, type Bench } from './harness';

const dir = import.meta.dirname;
const filter = process.argv[2] ?? '';
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
async function main(): Promise<void> {
let over = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { benches: Bench[] };
  console.log(`# ${f}`);
  for (const b of mod.benches) {
    const r = await runBench(b);
    if (r.over) over++;
    console.log(formatResult(r));
  }
}
console.log(over ? `${over} benchmark(s) over budget (time or memory)` : 'all within budget (time and memory)');
// Over budget is a failure: CI and the lead see it in the exit status, not only in the log.
if (over) process.exitCode = 1;
}

void main();

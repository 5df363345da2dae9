// Preloaded into a spawned CLI by hostile.bench.ts: prints the process's peak RSS (KB) on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmaxRSS=${process.resourceUsage().maxRSS}\n`));

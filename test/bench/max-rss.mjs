// Preloaded into a spawned CLI by hostile.bench.ts: prints the process's peak RSS (KB) on exit.
import { writeSync } from 'node:fs';
import { peakRssKb } from './peak-rss.mjs';

process.on('exit', () => writeSync(2, `\nmaxRSS=${peakRssKb()}\n`));

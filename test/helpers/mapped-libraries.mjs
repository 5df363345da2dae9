// Preloaded into a spawned CLI by test/import/pdf-no-canvas.test.ts: on exit, prints the native
// libraries (.node files) the process (all its threads) has mapped, from /proc/self/maps.
import { readFileSync, writeSync } from 'node:fs';

process.on('exit', () => {
  const libs = new Set(readFileSync('/proc/self/maps', 'utf8').split('\n').map((l) => l.split(/\s+/)[5] ?? '').filter((p) => p.endsWith('.node')));
  writeSync(2, `\nmapped=${[...libs].join(',')}\n`);
});

/**
 * `npm run bench`: medians of one run of each benchmark, printed with their budgets.
 * Each test/bench/*.bench.ts exports `benches: Bench[]`. Timed assertions live here, never in tests.
 */
export interface Bench {
  name: string;
  /** Budget for the median, in ms; printed next to the figure, and flagged when over. */
  budgetMs?: number;
  /** Repetitions (default 50). */
  runs?: number;
  /** Unmeasured preparation, run once before the timed repetitions. */
  setup?: () => unknown | Promise<unknown>;
  fn: () => unknown | Promise<unknown>;
  /** Extra figures to print after the timing (e.g. a size, a share). */
  extra?: () => string | Promise<string>;
  /** One repetition that times itself (e.g. inside a browser page) and returns ms; used instead of fn's wall time. */
  sample?: () => Promise<number>;
  /** Run once after the repetitions and the extra figures (close a browser, stop a server). */
  teardown?: () => unknown | Promise<unknown>;
  /** Budget for a peak resident memory in MB (of the process the bench names), checked like the time budget. */
  budgetMb?: number;
  /** The peak RSS in MB the bench measured (read after the repetitions). */
  peakMb?: () => number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  p90Ms: number;
  runs: number;
  budgetMs?: number;
  extra?: string;
  peakMb?: number;
  budgetMb?: number;
  /** Over its time or its memory budget (or the memory could not be measured): `npm run bench` exits 1. */
  over: boolean;
}

/** Medians of the benchmarks run so far, by name: a later benchmark's `extra` may compare with them. */
export const MEDIANS = new Map<string, number>();

export async function runBench(b: Bench): Promise<BenchResult> {
  await b.setup?.();
  const runs = b.runs ?? 50;
  await b.fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (b.sample) {
      times.push(await b.sample());
      continue;
    }
    const t0 = performance.now();
    await b.fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  MEDIANS.set(b.name, at(0.5));
  const extra = b.extra ? await b.extra() : undefined;
  await b.teardown?.();
  const peakMb = b.peakMb?.();
  const overTime = b.budgetMs !== undefined && at(0.5) >= b.budgetMs;
  const overMemory = b.budgetMb !== undefined && !(peakMb !== undefined && peakMb < b.budgetMb);
  return {
    name: b.name,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    runs,
    ...(b.budgetMs !== undefined ? { budgetMs: b.budgetMs } : {}),
    ...(extra ? { extra } : {}),
    ...(peakMb !== undefined ? { peakMb } : {}),
    ...(b.budgetMb !== undefined ? { budgetMb: b.budgetMb } : {}),
    over: overTime || overMemory,
  };
}

export function formatResult(r: BenchResult): string {
  const budget = r.budgetMs === undefined ? '' : `  budget < ${r.budgetMs} ms ${r.medianMs < r.budgetMs ? 'ok' : 'OVER'}`;
  const memory = r.budgetMb === undefined ? '' : `  peak RSS ${r.peakMb === undefined ? '?' : r.peakMb.toFixed(0)} MB budget < ${r.budgetMb} MB ${r.peakMb !== undefined && r.peakMb < r.budgetMb ? 'ok' : 'OVER'}`;
  const extra = `${memory}${r.extra ? `  ${r.extra}` : ''}`;
  return `${r.name.padEnd(48)} median ${r.medianMs.toFixed(3).padStart(9)} ms  p90 ${r.p90Ms.toFixed(3).padStart(9)} ms  (${r.runs} runs)${budget}${extra}`;
}

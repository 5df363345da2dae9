/**
 * The count over the holdout corpus (make.ts): per file cells right / flagged / wrong, totals per kind
 * and per way of making. Wrong (a figure read wrong without a flag) must be 0 everywhere.
 *
 *   npx tsx test/import/holdout/tally.ts [/work/holdout] [--wrong] [--kind pdf]   (--wrong: list every wrong cell;
 *   --kind: only inputs of that kind, e.g. to compare PDFs before and after a change to the PDF reader)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutOf } from '../../../report/layout';
import { loadReport } from '../helpers';
import { tallyOne, type Tally } from '../tally';
import type { HoldoutEntry } from './sources';

export interface HoldoutTally extends Tally {
  entry: HoldoutEntry;
  /** The importer's message when it refused the input. */
  refused?: string;
}

export const readManifest = (dir: string): HoldoutEntry[] => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as HoldoutEntry[];

export async function tallyHoldout(dir: string, entries = readManifest(dir)): Promise<HoldoutTally[]> {
  const out: HoldoutTally[] = [];
  for (const entry of entries) {
    const want = loadReport(join(dir, 'expected', `${entry.source}.json`));
    try {
      out.push({ entry, ...(await tallyOne(join(dir, entry.file), want, entry.scope)) });
    } catch (e) {
      // Refused with a message (no year found, not a report …): nothing read, nothing wrong — every cell counts as flagged.
      const cells = layoutOf(want.format).cells.filter((c) => !entry.scope || entry.scope.some((p) => c.path.startsWith(p))).length;
      out.push({ entry, right: 0, flagged: cells, wrong: 0, wrongCells: [], refused: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** Sums by a key (kind, or the way of making). */
export function sumBy(rows: HoldoutTally[], key: (e: HoldoutEntry) => string): Map<string, Tally> {
  const sums = new Map<string, Tally>();
  for (const r of rows) {
    const s = sums.get(key(r.entry)) ?? { right: 0, flagged: 0, wrong: 0, wrongCells: [] };
    s.right += r.right;
    s.flagged += r.flagged;
    s.wrong += r.wrong;
    sums.set(key(r.entry), s);
  }
  return sums;
}

export const percentRight = (t: Tally): number => (100 * t.right) / (t.right + t.flagged + t.wrong);
const line = (label: string, t: Tally) => `${label}: right ${t.right}, flagged ${t.flagged}, wrong ${t.wrong} (${percentRight(t).toFixed(1)} % right)`;

if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--kind') ?? '/work/holdout';
  void tallyHoldout(dir, readManifest(dir).filter((e) => !kind || e.kind === kind)).then((rows) => {
    for (const r of rows) {
      const cells = args.includes('--wrong') ? r.wrongCells : r.wrongCells.slice(0, 4);
      console.log(`${r.entry.file}\tright ${r.right}\tflagged ${r.flagged}\twrong ${r.wrong}${cells.length ? `\t${cells.join('; ')}` : ''}${r.refused ? `\trefused: ${r.refused}` : ''}`);
    }
    console.log('');
    for (const [how, t] of sumBy(rows, (e) => e.how)) console.log(line(how, t));
    console.log('');
    for (const [kind, t] of sumBy(rows, (e) => e.kind)) console.log(line(kind, t));
  });
}

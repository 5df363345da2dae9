/**
 * Archive timings on a real file: saving one edit with its revision (synchronous=FULL, and the
 * share of that spent in fsync, measured against the same save with synchronous=OFF), and opening
 * one report from an archive of 1,500 reports.
 */
import { COALESCE_MS } from '../../main/db/revisions';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../main/api/handlers';
import { storeImported } from '../../main/db/store';
import { openArchive, type Db } from '../../main/db/open';
import { computeTotals, emptyReport, validateJson, type Report } from '../../report';
import { MEDIANS, type Bench } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const qingshi = (() => {
  const v = validateJson(JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fixtures/reports/qingshi-2024.json'), 'utf8')));
  if (!v.ok) throw new Error('fixture');
  return v.report;
})();

function saver(file: string, synchronous: 'FULL' | 'OFF') {
  let db: Db;
  let id = 0;
  let version = 0;
  let n = 0;
  let clock = Date.parse('2026-01-10T09:00:00Z');
  return {
    setup: () => {
      db = openArchive(file);
      db.pragma(`synchronous = ${synchronous}`);
      ({ id, version } = storeImported(db, qingshi).row);
    },
    save: async () => {
      const r: Report = structuredClone(qingshi);
      r.requests.granted![0] = n % 7;
      n++;
      // Every other save passes the revision window (a new revision row), the others fall inside it (the revision updated): both measured, half each.
      clock += n % 2 ? COALESCE_MS + 1_000 : 1_000;
      const saved = await createHandlers({ db, now: () => new Date(clock) })['report:save']({ id, report: r, baseVersion: version });
      version = saved.summary.version; // as the editor does: each save is based on the last one
    },
  };
}

const SAVE_FULL = 'save one edit with its revision (sync=FULL)';
const SAVE_OFF = 'same save with synchronous=OFF (no fsync)';
const full = saver(join(dir, 'full.sqlite'), 'FULL');
const off = saver(join(dir, 'off.sqlite'), 'OFF');

let big: Db;
let targetId = 0;

export const benches: Bench[] = [
  {
    name: SAVE_FULL,
    budgetMs: 10,
    runs: 200,
    setup: full.setup,
    fn: full.save,
  },
  {
    name: SAVE_OFF,
    runs: 200,
    setup: off.setup,
    fn: off.save,
    extra: () => {
      const withSync = MEDIANS.get(SAVE_FULL) ?? 0;
      const without = MEDIANS.get(SAVE_OFF) ?? 0;
      return `fsync share of a save ≈ ${withSync ? Math.round((100 * (withSync - without)) / withSync) : 0}%`;
    },
  },
  {
    name: 'open one report from an archive of 1,500',
    budgetMs: 5,
    runs: 300,
    setup: () => {
      big = openArchive(join(dir, 'big.sqlite'));
      big.transaction(() => {
        for (let a = 0; a < 150; a++)
          for (let y = 2016; y < 2026; y++) {
            const year = 2019 + (y - 2016);
            const fmt = year <= 2020 ? 'gov-2019' : 'gov-2021';
            storeImported(big, computeTotals(emptyReport(fmt, `第${a}镇人民政府`, year)));
          }
      })();
      targetId = (big.prepare("SELECT r.id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = '第75镇人民政府' AND r.year = 2024").get() as { id: number }).id;
    },
    fn: () => createHandlers({ db: big })['report:open']({ id: targetId }),
    extra: () => `reports in archive: ${(big.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n}`,
  },
];


/**
 * kill -9 during `collect` (issue 20.9): the roster entry is written in the report's transaction, so
 * after any kill no unit is 已收 without its report and no report is without its roster entry.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { closeArchive, openArchive } from '../../main/db/open';
import { insertReport, softDelete } from '../../main/db/reports';
import { buildExport } from '../../main/export';
import { listRoster } from '../../main/rollup/roster';
import { tempDir } from '../helpers/temp';
import { madeReport } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '测试县人民政府';
const N = 60;
const KILLS = 4;

/** Runs the CLI as a user does and SIGKILLs it once `after` files were reported on stderr; false when it ended first. */
function collectUntilKilled(inbox: string, db: string, after: number): Promise<boolean> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('main/cli/index.ts'), 'collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db, '--add-units'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      seen = (err.match(/\[已读 /g) ?? []).length;
      if (seen >= after) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done(true) : code === 0 || code === 1 ? done(false) : fail(new Error(err))));
  });
}

function inconsistencies(file: string): { receivedWithoutReport: string[]; reportWithoutUnit: string[]; addedWithoutReport: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const receivedWithoutReport = db
      .prepare(
        `SELECT a.name FROM roster_units u JOIN agencies a ON a.id = u.agency_id
         WHERE u.status IN ('received', 'returned', 'accepted')
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = u.agency_id AND r.year = u.year AND r.deleted_at IS NULL)`,
      )
      .all()
      .map((r) => (r as { name: string }).name);
    const reportWithoutUnit = db
      .prepare(
        `SELECT a.name FROM reports r JOIN agencies a ON a.id = r.agency_id
         WHERE NOT EXISTS (SELECT 1 FROM roster_units u WHERE u.agency_id = r.agency_id AND u.year = r.year AND u.status <> 'pending')`,
      )
      .all()
      .map((r) => (r as { name: string }).name);
    // Every unit here is added by collect (--add-units) with its file: one left 未交 was added without its report.
    const addedWithoutReport = db
      .prepare("SELECT a.name FROM roster_units u JOIN agencies a ON a.id = u.agency_id WHERE u.level <> 'self' AND u.status = 'pending'")
      .all()
      .map((r) => (r as { name: string }).name);
    return { receivedWithoutReport, reportWithoutUnit, addedWithoutReport };
  } finally {
    db.close();
  }
}

describe('the roster entry and the report: one transaction', () => {
  it('a new unit whose report cannot be stored is not left on the roster', async () => {
    const db = openArchive(tmp.file('tx.sqlite'));
    const name = '测试县回收站镇人民政府';
    // Its 2025 report is in the recycle bin: storing the collected one is refused after the unit would be added.
    const r = insertReport(db, madeReport(name, 2025, 1), { reason: 'create', counts: { errors: 0, warnings: 0 }, now: '2026-01-01T00:00:00Z' });
    softDelete(db, r.id, '2026-01-02T00:00:00Z');
    const h = createHandlers({ db, now: () => new Date('2026-01-20T08:00:00Z') });
    const file = { fileName: `${name}.json`, dataBase64: (await buildExport(madeReport(name, 2025, 2), 'json')).data.toString('base64') };
    const out = await h['rollup:collect']({ organ: ORGAN, year: 2025, file, addLevel: 'township' });
    expect(out.status).toBe('refused');
    expect(listRoster(db, ORGAN, 2025).map((u) => u.agency)).toEqual([ORGAN]);
    closeArchive(db);
  });
});

describe('collect under kill -9', () => {
  it(`after ${KILLS} SIGKILLs mid-way no unit is 已收 without its report and no report lacks its roster entry`, async () => {
    const inbox = join(tmp.dir, 'inbox');
    mkdirSync(inbox);
    for (let i = 1; i <= N; i++) {
      const name = `测试县第${i}镇人民政府`;
      writeFileSync(join(inbox, `${name}.json`), (await buildExport(madeReport(name, 2025, i % 40), 'json')).data);
    }
    const db = tmp.file('county.sqlite');
    let kills = 0;
    for (let k = 0; k < KILLS; k++) {
      // Later runs pass the files already in (the same content is not saved again) and die further on.
      if (await collectUntilKilled(inbox, db, 3 + Math.floor(Math.random() * (N / 2)) + k * 8)) kills++;
      expect(inconsistencies(db)).toEqual({ receivedWithoutReport: [], reportWithoutUnit: [], addedWithoutReport: [] });
    }
    expect(kills).toBeGreaterThan(0);
    // A last run without a kill completes the collection.
    expect(await collectUntilKilled(inbox, db, Infinity)).toBe(false);
    const done = new Database(db, { readonly: true });
    expect(done.prepare("SELECT COUNT(*) AS n FROM roster_units WHERE status = 'received'").get()).toEqual({ n: N });
    done.close();
  }, 300_000);
});

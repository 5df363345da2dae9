/**
 * The CLI changes the archive only through the app's own handlers (issue 19, wanted 4): no file of
 * main/cli imports a function that writes reports, agencies, rosters or backups. Two exceptions, by
 * name: restoring an archive that cannot be opened, which the app's start-up screen does with the
 * same function (main/index.ts) before any handler can exist; and collectFile, the whole of the
 * rollup:collect handler but for decoding the page's base64 upload (a file read from disk is not
 * encoded only to be decoded: that doubled the memory of a 50 MB file, test/import/hostile-pdf).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Every function of main/ that writes to the archive or beside it, by module. */
const WRITERS: Record<string, readonly string[]> = {
  'db/reports': ['insertReport', 'updateReport', 'setStatus', 'softDelete', 'restoreDeleted', 'purge', 'saveEdit', 'setImportState', 'confirmVerified', 'markVerifiedPublished'],
  'db/agencies': ['ensureAgency', 'addFormerName', 'updateAgency'],
  'db/roster': ['insertRosterLog', 'insertRosterUnit', 'setUnitLevelStatus', 'setUnitReturned', 'deleteRosterUnit', 'setUnitReceived', 'setUnitImportedStatus'],
  'rollup/roster': ['ensureRoster', 'addUnits', 'updateUnit', 'acceptUnits', 'removeUnit', 'markReceived', 'importRosters'],
  'lifecycle/merge': ['applyImport'],
  'lifecycle/backup': ['backupToFile', 'backupBytes', 'createBackup', 'createBackupSync', 'dailyBackupIfDue', 'pruneBackups'],
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

/** `import { a, b as c } from '…/main/<module>'` → the imported names, per module of WRITERS. */
export function writersImported(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (/^import\s*type/.test(m[0])) continue;
    const module = Object.keys(WRITERS).find((k) => m[2]!.endsWith(`/${k}`));
    if (!module) continue;
    const names = m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!).filter(Boolean);
    found.push(...names.filter((n) => WRITERS[module]!.includes(n)).map((n) => `${module}.${n}`));
  }
  return found;
}

describe('the CLI writes through the handlers', () => {
  it('the scan sees a writing import (and not a type or a reader)', () => {
    expect(writersImported("import { findReport, insertReport as put } from '../../db/reports';\nimport type { collectFile } from '../../rollup/collect';")).toEqual(['db/reports.insertReport']);
  });

  it('no file of main/cli imports a function that writes the archive', () => {
    const bad = sources('main/cli').flatMap((f) => writersImported(readFileSync(join(ROOT, f), 'utf8')).map((w) => `${f}: ${w}`));
    expect(bad).toEqual([]);
  });
});

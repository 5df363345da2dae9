/**
 * Numbered migrations recorded in PRAGMA user_version. Append only: a released migration is never
 * edited; a change is a new step. Each step is tested from the previous version.
 */
import type { Database } from 'better-sqlite3';
import { ArchiveError } from '../errors';
import { up as initial } from './0001-initial';
import { up as settingsAndCarryOver } from './0002-settings-and-carry-over';
import { up as reportVersion } from './0003-report-version';
import { up as rollupRoster } from './0004-rollup-roster';
import { up as ownAgencyPublishedVerify } from './0005-own-agency-published-verify';
import { up as agencyNames } from './0006-agency-names';
import { up as rosterReturnedDeadline } from './0007-roster-returned-deadline';
import { up as verifiedOn } from './0008-verified-on';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'settings-and-carry-over', up: settingsAndCarryOver },
  { version: 3, name: 'report-version', up: reportVersion },
  { version: 4, name: 'rollup-roster', up: rollupRoster },
  { version: 5, name: 'own-agency-published-verify', up: ownAgencyPublishedVerify },
  { version: 6, name: 'agency-names', up: agencyNames },
  { version: 7, name: 'roster-returned-deadline', up: rosterReturnedDeadline },
  { version: 8, name: 'verified-on', up: verifiedOn },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(db: Database, target = LATEST_VERSION): Migration[] {
  const current = schemaVersion(db);
  return MIGRATIONS.filter((m) => m.version > current && m.version <= target);
}

/** Brings the schema to `target` in one transaction; refuses a database newer than this app. */
export function migrate(db: Database, target = LATEST_VERSION): void {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw tooNew(current);
  const steps = pendingMigrations(db, target);
  if (!steps.length) return;
  db.transaction(() => {
    for (const m of steps) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

export function tooNew(version: number): ArchiveError {
  return new ArchiveError(
    'DB_TOO_NEW',
    `这个档案文件由更新版本的年报助手创建（数据版本 ${version}，本程序支持到 ${LATEST_VERSION}），为防止损坏，本程序不会修改它。请安装最新版本后再打开。`,
  );
}

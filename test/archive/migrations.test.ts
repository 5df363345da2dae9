import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../main/db/migrations';
import { openArchive } from '../../main/db/open';
import { ArchiveError } from '../../main/db/errors';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const columns = (db: Database.Database, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('migrations', () => {
  it('are numbered 1…n without gaps and the newest is the schema version of a new archive', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = openArchive(tmp.file('new.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('0001 creates agencies, reports and revisions from an empty file', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['agencies', 'reports', 'revisions']);
  });

  it('0002 adds settings and reports.carried to a version-1 archive, keeping its rows', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO reports (agency_id, year, format, body, created_at, updated_at) VALUES (1, 2024, 'gov-2021', '{}', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ).run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toContain('settings');
    expect(columns(db, 'reports')).toContain('carried');
    expect(db.prepare('SELECT carried, year FROM reports').get()).toEqual({ carried: '[]', year: 2024 });
  });

  it('0003 adds reports.version (1 for every existing report) to a version-2 archive', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO reports (agency_id, year, format, body, created_at, updated_at) VALUES (1, 2024, 'gov-2021', '{}', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ).run();
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT version, year FROM reports').get()).toEqual({ version: 1, year: 2024 });
  });

  it('0005 adds 本机关, 已发布 and 待核对; reports imported from a published source become 已发布 with their date', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    const insert = db.prepare("INSERT INTO reports (agency_id, year, format, body, created_at, updated_at) VALUES (1, ?, 'gov-2021', ?, 't', 't')");
    const revision = db.prepare("INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) VALUES (?, ?, ?, '{}', 't', 't')");
    const published = insert.run(2023, JSON.stringify({ closing: { date: '2024-01-22' } })).lastInsertRowid;
    revision.run(published, 'import', '导入');
    const ownJson = insert.run(2022, JSON.stringify({ closing: { date: '' } })).lastInsertRowid;
    revision.run(ownJson, 'import', '导入 报告.json');
    const made = insert.run(2024, JSON.stringify({ closing: { date: '' } })).lastInsertRowid;
    revision.run(made, 'create', '');
    revision.run(made, 'import', '导入'); // a later replace does not make a draft published
    migrate(db, 5);
    expect(columns(db, 'agencies')).toContain('own');
    expect(db.prepare('SELECT year, published, published_on AS on_, to_verify AS v FROM reports ORDER BY year').all()).toEqual([
      { year: 2022, published: 0, on_: null, v: '[]' },
      { year: 2023, published: 1, on_: '2024-01-22', v: '[]' },
      { year: 2024, published: 0, on_: null, v: '[]' },
    ]);
  });

  it('0008 adds the day of 核对已发布 (verified_on), empty for the reports already there', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO reports (agency_id, year, format, body, created_at, updated_at) VALUES (1, 2024, 'gov-2021', '{}', 't', 't')").run();
    expect(columns(db, 'reports')).not.toContain('verified_on');
    migrate(db, 8);
    expect(db.prepare('SELECT verified_on AS v FROM reports').get()).toEqual({ v: null });
  });

  it('a failing step rolls back the whole migration run', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec('CREATE TABLE settings (x)'); // makes 0002 fail
    expect(() => migrate(db, 2)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'reports')).not.toContain('carried');
  });

  it('a database newer than the app is refused with a clear message and never modified', () => {
    const file = tmp.file('newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      openArchive(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('DB_TOO_NEW');
    expect((error as ArchiveError).message).toMatch(/更新版本的年报助手.*不会修改/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a file that is not a database gets a Chinese message', () => {
    const file = tmp.file('bad.sqlite');
    require('node:fs').writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openArchive(file)).toThrow(/档案文件已损坏/);
  });
});

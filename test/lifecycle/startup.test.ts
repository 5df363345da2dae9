import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseArchive, diagnosisForCli } from '../../main/lifecycle/startup';
import { markerPath, openForUse } from '../../main/lifecycle/session';
import { setup, sha, tempDir } from './helpers';

/** An archive with a few reports, closed cleanly (no -wal left). */
async function archive(): Promise<{ file: string; dir: string }> {
  const { call, services, file, dir } = setup();
  for (let y = 2019; y <= 2024; y++) await call('report:create', { agency: '某镇人民政府', year: y });
  services.close();
  return { file, dir };
}

const filesOf = (dir: string) => readdirSync(dir).sort();

describe('start-up diagnosis', () => {
  it('says ok for a sound archive and new for a missing one', async () => {
    const { file, dir } = await archive();
    expect(diagnoseArchive(file)).toMatchObject({ status: 'ok', actions: [], uncleanShutdown: false });
    expect(diagnoseArchive(join(dir, 'sub', 'new.sqlite')).status).toBe('new');
  });

  it('reports a corrupted file, offers restore, and modifies nothing', async () => {
    const { file } = await archive();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(file, bytes);
    const before = sha(file);
    const d = diagnoseArchive(file);
    expect(d.status).toBe('corrupt');
    expect(d.message).toContain('档案文件已损坏');
    expect(d.actions).toEqual(['restore-backup', 'open-readonly', 'choose-file', 'quit']);
    expect(sha(file)).toBe(before);

    writeFileSync(file, '这不是数据库'.repeat(50));
    expect(diagnoseArchive(file)).toMatchObject({ status: 'corrupt', actions: ['restore-backup', 'choose-file', 'quit'] });
    expect(diagnosisForCli(diagnoseArchive(file))).toContain('从备份恢复');
  });

  it('refuses a file from a newer app without writing to it', async () => {
    const { file } = await archive();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = sha(file);
    const d = diagnoseArchive(file);
    expect(d).toMatchObject({ status: 'too-new', version: 99, actions: ['choose-file', 'quit'] });
    expect(d.message).toContain('更新版本');
    expect(() => openForUse(file, { backupsDir: join(file, '..', 'b') })).toThrow(/更新版本/);
    expect(sha(file)).toBe(before);
  });

  it('reports a file locked by another instance', async () => {
    const { file } = await archive();
    const other = openForUse(file, { backupsDir: join(file, '..', 'backups') });
    try {
      const d = diagnoseArchive(file);
      expect(d).toMatchObject({ status: 'locked', actions: ['retry', 'choose-file', 'quit'] });
      expect(d.message).toContain('正被另一个程序使用');
      expect(() => openForUse(file, { backupsDir: join(file, '..', 'backups') })).toThrow(/另一个程序/);
    } finally {
      other.close();
    }
    expect(diagnoseArchive(file).status).toBe('ok');
  });

  it('reports a nearly full disk and offers read-only', async () => {
    const { file } = await archive();
    const d = diagnoseArchive(file, { freeBytes: () => 1024 * 1024 });
    expect(d).toMatchObject({ status: 'full', actions: ['retry', 'open-readonly', 'choose-file', 'quit'] });
    expect(d.message).toContain('磁盘空间不足');
  });

  it('runs the full integrity check after an unclean shutdown and clears the marker on clean close', async () => {
    const { file } = await archive();
    const h = openForUse(file, { backupsDir: join(file, '..', 'backups') });
    expect(readFileSync(markerPath(file), 'utf8')).toContain('"pid"');
    h.close();
    expect(diagnoseArchive(file).uncleanShutdown).toBe(false);
    writeFileSync(markerPath(file), '{}'); // what a crash leaves behind
    expect(diagnoseArchive(file)).toMatchObject({ status: 'ok', uncleanShutdown: true });
  });

  it('handles a read-only folder: explains, then serves read-only and refuses saves (as an unprivileged user)', async () => {
    const { file, dir } = await archive();
    chmodSync(dir, 0o755);
    // The app creates its files owner-only; here another user is meant to read them (a colleague's copy).
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), statSync(join(dir, f)).isDirectory() ? 0o755 : 0o644);
    const before = filesOf(dir);
    const ro = join(tempDir(), 'ro');
    mkdirSync(ro, { mode: 0o555 });
    // In-process tsx (not the tsx CLI, which would leave a grandchild behind on a timeout).
    const child = spawnSync(process.execPath, ['--import', 'tsx', resolve('test/lifecycle/fixtures/readonly-child.ts'), file, join(dir, 'backups'), join(ro, 'archive.sqlite')], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp' },
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    const out = JSON.parse(child.stdout) as {
      diagnosis: { status: string; actions: string[]; message: string };
      newDiagnosis: { status: string; actions: string[]; message: string };
      list: { ok: boolean; value: { reports: unknown[] } };
      create: { ok: boolean; error: { code: string; message: string } };
    };
    expect(out.diagnosis.status).toBe('readonly');
    expect(out.diagnosis.actions).toEqual(['open-readonly', 'choose-file', 'quit']);
    expect(out.list.ok && out.list.value.reports.length).toBe(6);
    expect(out.create).toMatchObject({ ok: false, error: { code: 'DB_READONLY' } });
    expect(out.create.error.message).toContain('只读');
    expect(filesOf(dir)).toEqual(before);
    // A folder that cannot even hold a new archive.
    expect(out.newDiagnosis).toMatchObject({ status: 'readonly', actions: ['choose-file', 'quit'] });
  }, 40_000);
});

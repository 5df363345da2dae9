/**
 * Hygiene of the files the app leaves (issue 10, items 10–11): the archive, its backups and exports
 * are owner-only (0600 files in 0700 folders, on Linux); the half-written copy of a backup cut off
 * by kill -9 is removed at the next start, while a copy still being written by a live process is not.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { backupToFile, createBackup } from '../../main/lifecycle/backup';
import { tempNameFor } from '../../main/db/fs-safe';
import { restoreArchive } from '../../main/lifecycle/restore';
import { openForUse } from '../../main/lifecycle/session';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from './helpers';

const mode = (p: string) => statSync(p).mode & 0o777;
const linux = process.platform === 'linux';

describe.runIf(linux)('owner-only files (Linux)', () => {
  it('a new archive, its WAL, the backups folder and every backup, a restore and an archive export', async () => {
    const root = tempDir();
    const file = join(root, 'profile', '政府信息公开年报助手', 'archive.sqlite');
    const backups = join(root, 'profile', '政府信息公开年报助手', 'backups');
    const h = openForUse(file, { backupsDir: backups });
    h.db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01')").run();
    expect(mode(join(root, 'profile'))).toBe(0o700);
    expect(mode(join(root, 'profile', '政府信息公开年报助手'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);

    const b = await createBackup(h.db, backups, { reason: 'manual' });
    expect(mode(backups)).toBe(0o700);
    expect(mode(join(backups, b.name))).toBe(0o600);
    await backupToFile(h.db, join(root, 'u盘备份.sqlite'));
    expect(mode(join(root, 'u盘备份.sqlite'))).toBe(0o600);

    await restoreArchive({ archiveFile: file, backupsDir: backups, source: join(backups, b.name), current: h.db });
    expect(mode(file)).toBe(0o600);
    for (const name of readdirSync(backups)) expect(mode(join(backups, name)), name).toBe(0o600);

    const out = join(root, '档案导出.json');
    const code = await runCli(['archive-export', '--out', out, '--db', file], { out: () => {}, err: () => {}, env: {}, cwd: root });
    expect(code).toBe(0);
    expect(mode(out)).toBe(0o600);
  });

  it('the CLI’s first archive (default place) is owner-only too', async () => {
    const root = tempDir();
    const db = join(root, 'new', 'a.sqlite');
    const code = await runCli(['import', join(FIXTURES, 'reports/qingshi-2024.json'), '--db', db], { out: () => {}, err: () => {}, env: {}, cwd: root });
    expect(code).toBe(0);
    expect([mode(join(root, 'new')), mode(db)]).toEqual([0o700, 0o600]);
  });
});

/** A process that starts a backup's temporary copy the way backupToFile does, then is killed -9. */
function killedMidBackup(target: string): Promise<string> {
  const script = `
    import { precreatePrivate, tempNameFor } from ${JSON.stringify(join(import.meta.dirname, '../../main/db/fs-safe.ts'))};
    import { writeFileSync } from 'node:fs';
    const tmp = tempNameFor(process.argv[1]);
    precreatePrivate(tmp);
    writeFileSync(tmp, Buffer.alloc(4096, 1));
    writeFileSync(tmp + '-journal', 'x');
    console.log(tmp);
    setInterval(() => {}, 1000);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out.trim()) : reject(new Error(err))));
  });
}

describe('half-written copies', () => {
  it('kill -9 during a backup leaves .partial files; the next start removes them, not those of a live writer', async () => {
    const root = tempDir();
    const file = join(root, 'archive.sqlite');
    const backups = join(root, 'backups');
    openForUse(file, { backupsDir: backups }).close();
    mkdirSync(backups);
    const inBackups = await killedMidBackup(join(backups, 'nianbao-20250101-120000-manual.sqlite'));
    const besideArchive = await killedMidBackup(file);
    expect([existsSync(inBackups), existsSync(`${inBackups}-journal`), existsSync(besideArchive)]).toEqual([true, true, true]);
    // A copy being written right now by another program that is still running (our parent).
    const live = tempNameFor(join(backups, 'other.sqlite')).replace(`.${process.pid}.`, `.${process.ppid}.`);
    writeFileSync(live, 'x');

    const h = openForUse(file, { backupsDir: backups });
    h.close();
    expect([existsSync(inBackups), existsSync(`${inBackups}-journal`), existsSync(besideArchive)]).toEqual([false, false, false]);
    expect(existsSync(live)).toBe(true);
  });
});

/**
 * serve:web runs the desktop app's start-up diagnosis before it opens the archive: a damaged or
 * read-only archive is served read-only with the reason on every screen (no save is accepted into
 * it), an unclean shutdown gets the full integrity check, and an archive that cannot be opened is
 * not served at all — the ways out are printed and nothing is changed.
 */
import Database from 'better-sqlite3';
import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { openForUse, markerPath } from '../../main/lifecycle/session';
import { createBackupSync } from '../../main/lifecycle/backup';
import { decideWebStart } from '../../main/web/startup';
import type { Diagnosis } from '../../main/lifecycle/startup';
import { ensureBuilt, launch, openPage, ROOT, serve, type Served } from './helpers';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-webstart-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(ensureBuilt, 180_000);

/** A sound archive with a few reports, closed cleanly. */
async function archive(dir = temp()): Promise<string> {
  const file = join(dir, 'archive.sqlite');
  const handle = openForUse(file, { backupsDir: join(dir, 'backups') });
  const h = createHandlers({ db: handle.db });
  for (let y = 2021; y <= 2024; y++) await h['report:create']({ agency: '某镇人民政府', year: y });
  handle.close();
  return file;
}

async function call(served: Served, channel: string, body: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  const res = await fetch(`${served.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `nianbao_token_${served.port}=${served.token}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as never;
}

/** Serves the file, checks it is read-only with `reason`, and that a save is refused. */
async function expectServedReadonly(file: string, reason: RegExp, readable = true): Promise<Served> {
  const served = await serve({ db: file });
  const status = await call(served, 'archive:status', {});
  expect(status.value).toMatchObject({ readonly: true });
  expect(status.value.readonlyReason).toMatch(reason);
  // Still readable (where the damage allows): the clerk can look, back up and export.
  if (readable) expect((await call(served, 'report:open', { id: 1 })).ok).toBe(true);
  const saved = await call(served, 'report:save', { id: 1, report: {}, baseVersion: 1 });
  expect(saved.error?.code).toBe('DB_READONLY');
  return served;
}

function runServe(file: string): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'main/web/cli.ts'), '--db', file, '--no-build'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const sha = (f: string) => readFileSync(f).toString('base64');

describe('serve:web start-up diagnosis', () => {
  it('a damaged archive is served read-only, with the reason in the page, and is not written', async () => {
    const file = await archive();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(file, bytes);
    const before = sha(file);
    const served = await expectServedReadonly(file, /档案文件已损坏.*「备份与恢复」/, false);
    expect(served.stderr()).toContain('档案以只读方式打开：档案文件已损坏');
    const browser = await launch();
    try {
      const { page } = await openPage(browser, served);
      const banner = page.locator('.readonly-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/只读.*档案文件已损坏/);
      // The list itself sits on the damaged page: the screen says it could not be read, not that it is empty.
      await page.locator('.notice.error').waitFor();
      expect(await page.getByText('档案中还没有报告').count()).toBe(0);
      await page.screenshot({ path: 'test-results/screenshots/serve-web-damaged-archive.png' });
    } finally {
      await browser.close();
      await served.stop();
    }
    expect(sha(file)).toBe(before);
  }, 120_000);

  it('after an unclean shutdown the full integrity check runs: index damage that the quick check misses is found', async () => {
    const file = await archive();
    const db = new Database(file);
    // More revisions, so that no row has id = report_id and the swapped index below really disagrees.
    db.exec('INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) SELECT report_id, reason, note, body, created_at, updated_at FROM revisions');
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX revisions_by_report ON revisions (id, report_id)' WHERE name = 'revisions_by_report'").run();
    db.close();
    const clean = join(temp(), 'archive.sqlite');
    copyFileSync(file, clean);
    writeFileSync(markerPath(file), '{"pid":1}'); // what a kill leaves behind

    const served = await expectServedReadonly(file, /档案文件已损坏/);
    expect(served.stderr()).toContain('上次没有正常关闭（断电或强制结束），已对档案做了完整的完整性检查。');
    await served.stop();
    // The same file after a clean close gets the quick check, as the desktop app does.
    const quick = await serve({ db: clean });
    expect((await call(quick, 'archive:status', {})).value).toMatchObject({ readonly: false });
    await quick.stop();
  }, 120_000);

  it('an archive on a read-only disk is served read-only (readonly: true), not writable-then-failing', async (ctx) => {
    if (process.getuid?.() !== 0) {
      console.log('[serve-web-startup] 跳过只读磁盘：需要 root 权限挂载 tmpfs');
      return ctx.skip();
    }
    const mnt = temp();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
    try {
      const file = await archive(mnt);
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      const served = await expectServedReadonly(file, /不能写入/);
      await served.stop();
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  }, 120_000);

  it('an unreadable archive is not served: the ways out are printed (with the newest backups) and it exits 2', async () => {
    const dir = temp();
    const file = await archive(dir);
    const db = new Database(file, { readonly: true });
    createBackupSync(db, join(dir, 'backups'), { reason: 'manual', now: new Date() });
    db.close();
    writeFileSync(file, '这不是数据库'.repeat(50));
    const before = sha(file);
    const r = runServe(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(''); // no URL: nothing is served
    expect(r.stderr).toContain('档案文件已损坏，无法正常读取');
    expect(r.stderr).toContain('网页版没有启动，档案没有改动。');
    expect(r.stderr).toContain(`npm run cli -- restore 备份文件.sqlite --db "${file}"`);
    expect(r.stderr).toMatch(/最近的备份：\n\s+.*nianbao-\d{8}-\d{6}-manual\.sqlite/);
    expect(sha(file)).toBe(before);
  }, 60_000);

  it('an archive in use by another program is not served either', async () => {
    const file = await archive();
    const other = openForUse(file, { backupsDir: join(file, '..', 'backups') });
    try {
      const r = runServe(file);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('正被另一个程序使用');
      expect(r.stderr).toContain('重新运行 npm run serve:web');
    } finally {
      other.close();
    }
  }, 60_000);
});

describe('decideWebStart', () => {
  const d = (status: Diagnosis['status'], actions: Diagnosis['actions'], uncleanShutdown = false): Diagnosis => ({ status, actions, uncleanShutdown, file: '/x/archive.sqlite', message: `第一段\n/x/archive.sqlite\n\n桌面版的按钮说明` });
  const o = { readonly: false, backupsDir: join(tmpdir(), 'nianbao-none') };
  it('maps every status to what the browser mode does', () => {
    expect(decideWebStart(d('ok', []), o)).toEqual({ kind: 'open', notes: [] });
    expect(decideWebStart(d('ok', [], true), o)).toMatchObject({ kind: 'open', notes: [expect.stringContaining('完整性检查')] });
    expect(decideWebStart(d('ok', []), { ...o, readonly: true })).toEqual({ kind: 'readonly', reason: null, notes: [] });
    expect(decideWebStart(d('new', []), o)).toEqual({ kind: 'open', notes: [] });
    expect(decideWebStart(d('new', []), { ...o, readonly: true })).toMatchObject({ kind: 'refuse' });
    expect(decideWebStart(d('corrupt', ['restore-backup', 'open-readonly', 'choose-file', 'quit']), o)).toMatchObject({ kind: 'readonly', reason: expect.stringContaining('「备份与恢复」') });
    expect(decideWebStart(d('readonly', ['open-readonly', 'choose-file', 'quit']), o)).toMatchObject({ kind: 'readonly', reason: expect.stringContaining('--db') });
    expect(decideWebStart(d('full', ['retry', 'open-readonly', 'choose-file', 'quit']), o)).toMatchObject({ kind: 'readonly', reason: expect.stringContaining('磁盘空间不足') });
    const refused = decideWebStart(d('too-new', ['choose-file', 'quit']), o);
    expect(refused).toMatchObject({ kind: 'refuse' });
    expect(refused.kind === 'refuse' && refused.message).toBe('第一段\n/x/archive.sqlite\n\n网页版没有启动，档案没有改动。可以：\n另选档案文件：npm run serve:web -- --db 档案文件.sqlite');
  });
});

/** The CLI's backup/restore/archive commands, and the start-up diagnosis with exit status 2. */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { openForUse } from '../../main/lifecycle/session';
import { sha, tempDir } from './helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {}, cwd: process.cwd() }, out, err };
}

describe('CLI archive commands', () => {
  it('backs up, exports, imports (dry run first) and restores', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.sqlite');
    const run = async (...argv: string[]) => {
      const x = io();
      const code = await runCli(argv, x.io);
      return { code, out: x.out.join('\n'), err: x.err.join('\n') };
    };
    expect((await run('new', '--agency', '某镇人民政府', '--year', '2024', '--db', db)).code).toBe(0);
    expect((await run('backup', '--out', join(dir, 'b.sqlite'), '--db', db)).code).toBe(0);
    expect((await run('backup', '--out', join(dir, 'b.sqlite'), '--db', db))).toMatchObject({ code: 2, err: expect.stringContaining('已存在') });
    expect((await run('archive-export', '--out', join(dir, 'x.json'), '--db', db)).code).toBe(0);
    const other = join(dir, 'other', 'b.sqlite');
    const dry = await run('archive-import', join(dir, 'x.json'), '--dry-run', '--db', other);
    expect(dry).toMatchObject({ code: 0, out: expect.stringContaining('新增') });
    expect(existsSync(other)).toBe(false);
    expect((await run('archive-import', join(dir, 'x.json'), '--db', other)).code).toBe(0);
    expect((await run('list', '--db', other)).out).toContain('某镇人民政府');
    const again = await run('archive-import', join(dir, 'x.json'), '--db', other);
    expect(again.out).toContain('相同');
    expect((await run('restore', join(dir, 'b.sqlite'), '--db', other)).code).toBe(0);
    expect(readdirSync(join(dir, 'other', 'backups')).some((n) => n.endsWith('-before-restore.sqlite'))).toBe(true);
    expect((await run('restore', join(dir, 'x.json'), '--db', other))).toMatchObject({ code: 2, err: expect.stringContaining('不是年报助手的档案') });
  });

  it('restores like the app: never over an archive another program holds; a damaged one set aside as the start-up screen does', async () => {
    const dir = tempDir();
    const run = async (...argv: string[]) => {
      const x = io();
      const code = await runCli(argv, x.io);
      return { code, err: x.err.join('\n') };
    };
    const source = join(dir, 'source.sqlite');
    expect((await run('new', '--agency', '某镇人民政府', '--year', '2024', '--db', source)).code).toBe(0);
    const backup = join(dir, 'backup.sqlite');
    expect((await run('backup', '--out', backup, '--db', source)).code).toBe(0);

    // The app has the archive open: a restore would pull the file from under it.
    const held = join(dir, 'held', 'a.sqlite');
    const app = openForUse(held, { backupsDir: join(dir, 'held', 'backups') });
    const before = sha(held);
    expect(await run('restore', backup, '--db', held)).toMatchObject({ code: 2, err: expect.stringContaining('正被另一个程序使用') });
    expect(sha(held)).toBe(before);
    app.close();

    const broken = join(dir, 'broken', 'a.sqlite');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(broken, '这不是数据库'.repeat(40));
    const restored = await run('restore', backup, '--db', broken);
    expect(restored).toMatchObject({ code: 0, err: expect.stringContaining('原档案文件已原样保存为') });
    expect((await run('list', '--db', broken)).code).toBe(0);
  });

  it('says what the app says about a bad archive and exits 2 without touching it', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, '这不是数据库'.repeat(40));
    const before = sha(bad);
    const x = io();
    expect(await runCli(['list', '--db', bad], x.io)).toBe(2);
    expect(x.err.join('')).toContain('档案文件已损坏');
    expect(await runCli(['new', '--agency', '某镇人民政府', '--year', '2024', '--db', bad], io().io)).toBe(2);
    expect(sha(bad)).toBe(before);

    const newer = join(dir, 'newer.sqlite');
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    const y = io();
    expect(await runCli(['list', '--db', newer], y.io)).toBe(2);
    expect(y.err.join('')).toContain('更新版本');

    const locked = join(dir, 'locked.sqlite');
    const held = openForUse(locked, { backupsDir: join(dir, 'backups') });
    const z = io();
    expect(await runCli(['list', '--db', locked], z.io)).toBe(2);
    expect(z.err.join('')).toContain('正被另一个程序使用');
    // 「重试」 is a button of the app: the command line says to run the command again (issue 15 #12).
    expect(z.err.join('')).not.toContain('“重试”');
    expect(z.err.join('')).toContain('再重新运行这条命令');
    held.close();
  });
});

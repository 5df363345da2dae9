/**
 * 「从备份恢复」 on a full disk, for real: the archive sits on a small tmpfs that the test fills.
 * The restore fails with the full-disk sentence, and the service is still alive: the previous
 * connection and its lock are back, every channel answers, nothing half-written is left behind.
 * Needs root (mount); elsewhere it is skipped with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerPath } from '../../main/lifecycle/session';
import { diagnoseArchive } from '../../main/lifecycle/startup';
import { edited, setup } from './helpers';

const mountPoint = mkdtempSync(join(tmpdir(), 'nianbao-fulldisk-'));
let skipReason = '';
if (process.getuid?.() !== 0) skipReason = '需要 root 权限才能挂载小容量 tmpfs（模拟磁盘已满）';
else {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (e) {
    skipReason = `无法挂载 tmpfs：${(e as Error).message.split('\n')[0]}`;
  }
}
if (skipReason) console.log(`[restore-full-disk] 跳过：${skipReason}`);

const sourceDir = mkdtempSync(join(tmpdir(), 'nianbao-fulldisk-src-'));
afterAll(() => {
  if (!skipReason) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
  rmSync(sourceDir, { recursive: true, force: true });
});

const big = (n: number) => '这是一段很长的正文，用来让档案变大。'.repeat(n);
let source = '';

beforeAll(async () => {
  if (skipReason) return;
  // The backup to restore from lives elsewhere and is bigger than what is left on the full disk.
  const s = setup({ file: join(sourceDir, 'archive.sqlite') });
  for (const agency of ['甲镇人民政府', '乙镇人民政府', '丙镇人民政府']) {
    for (const year of [2022, 2023, 2024]) {
      const o = await s.call('report:create', { agency, year });
      await s.call('report:save', { id: o.summary.id, report: edited(o.report, big(3000), 1), baseVersion: o.summary.version });
    }
  }
  source = join(s.backupsDir, (await s.call('backup:create', {})).name);
  s.services.close();
}, 60_000);

/** What the disk has left, in bytes. */
const free = (dir: string) => {
  const st = statfsSync(dir);
  return Number(st.bavail) * Number(st.bsize);
};

describe.skipIf(!!skipReason)('a restore that fails on a full disk', () => {
  it.each([
    ['the safety backup and the raw copy do not fit', 40_000],
    ['the safety backup fits, the restored copy does not', 900_000],
  ])('%s: the answer is the full-disk sentence and the archive keeps working', async (_case, leave) => {
    const dir = mkdtempSync(join(mountPoint, 'a-'));
    const file = join(dir, 'archive.sqlite');
    const s = setup({ file, backupsDir: join(dir, 'backups') });
    const filler = join(mountPoint, `filler-${leave}`);
    try {
      const o = await s.call('report:create', { agency: '本镇人民政府', year: 2024 });
      const saved = await s.call('report:save', { id: o.summary.id, report: edited(o.report, big(500), 5), baseVersion: o.summary.version });
      s.services.handle().db.pragma('wal_checkpoint(TRUNCATE)');
      writeFileSync(filler, Buffer.alloc(Math.max(0, free(mountPoint) - leave)));

      s.ports.opens.push(source);
      const failed = s.call('backup:restore', {});
      await expect(failed).rejects.toThrow(/磁盘空间已满/);
      await expect(failed).rejects.toMatchObject({ code: 'DB_FULL' });

      // The connection and its lock are back before the answer: another program is kept out …
      expect(diagnoseArchive(file).status).toBe('locked');
      expect(existsSync(markerPath(file))).toBe(true);
      // … nothing half-written is left next to the archive or among the backups …
      expect(readdirSync(dir).filter((f) => !/^archive\.sqlite(-wal|-shm|\.running)?$|^backups$/.test(f))).toEqual([]);
      expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => /^damaged-|\.partial|\.tmp/.test(f)) : []).toEqual([]);
      // … and every channel answers, on the same archive.
      expect((await s.call('archive:list', {})).reports.map((r) => r.agency)).toEqual(['本镇人民政府']);
      expect((await s.call('report:open', { id: o.summary.id })).report.text.overview).toContain('这是一段很长的正文');
      expect(await s.call('archive:status', {})).toMatchObject({ readonly: false });
      rmSync(filler);
      await s.call('report:save', { id: o.summary.id, report: edited(o.report, '清理磁盘之后', 6), baseVersion: saved.summary.version });
      expect((await s.call('backup:create', {})).reason).toBe('manual');
      // And the restore itself works once there is room.
      s.ports.opens.push(source);
      expect((await s.call('backup:restore', {}))?.reports).toBe(9);
    } finally {
      s.services.close();
      rmSync(filler, { force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

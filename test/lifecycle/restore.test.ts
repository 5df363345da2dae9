import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../main/lifecycle/backup';
import { validateBackupFile } from '../../main/lifecycle/restore';
import { edited, setup, sha, tempDir } from './helpers';

describe('restore from a backup', () => {
  it('backs up the current state first, swaps the file and serves the restored archive', async () => {
    const { call, services, backupsDir } = setup();
    const o = await call('report:create', { agency: '某镇人民政府', year: 2024 });
    const backup = await call('backup:create', {});
    await call('report:save', { id: o.summary.id, report: edited(o.report, '恢复后应消失', 99), baseVersion: o.summary.version });
    await call('report:create', { agency: '某镇人民政府', year: 2023 });

    const restored = await call('backup:restore', { name: backup.name });
    expect(restored?.reports).toBe(1);
    expect(restored?.safety?.reason).toBe('before-restore');
    const list = await call('archive:list', {});
    expect(list.reports.map((r) => r.year)).toEqual([2024]);
    expect((await call('report:open', { id: o.summary.id })).report.text.overview).not.toContain('恢复后应消失');
    // The replaced state is kept: the safety backup holds both reports.
    const safety = new Database(join(backupsDir, restored!.safety!.name), { readonly: true });
    expect((safety.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(2);
    safety.close();
    // And the app keeps working on the restored archive.
    const now = await call('report:open', { id: o.summary.id });
    await call('report:save', { id: o.summary.id, report: edited(o.report, '恢复后的新修改', 3), baseVersion: now.summary.version });
    services.close();
  });

  it('refuses a file that is not a sound archive of this or an older version, touching nothing', async () => {
    const { call, services, file, dir } = setup();
    await call('report:create', { agency: '某镇人民政府', year: 2024 });
    services.handle().db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(file);

    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database at all, just text that is long enough to look like something');
    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE x (y)');
    f.close();
    const newer = join(dir, 'newer.sqlite');
    const n = new Database(newer);
    n.exec('CREATE TABLE agencies (x); CREATE TABLE reports (x); CREATE TABLE revisions (x)');
    n.pragma('user_version = 999');
    n.close();

    expect(() => validateBackupFile(garbage)).toThrow(/不是年报助手的档案/);
    expect(() => validateBackupFile(foreign)).toThrow(/不是年报助手的档案/);
    expect(() => validateBackupFile(newer)).toThrow(/更新版本/);
    for (const upload of [garbage, foreign, newer]) {
      await expect(call('backup:restore', { upload: { fileName: 'x.sqlite', dataBase64: readFileSync(upload).toString('base64') } })).rejects.toThrow();
    }
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
    expect(sha(file)).toBe(before);
    expect((await call('archive:list', {})).reports).toHaveLength(1);
    services.close();
  });

  it('refuses a damaged backup (integrity_check)', async () => {
    const { call, services, dir } = setup();
    for (let y = 2019; y <= 2024; y++) await call('report:create', { agency: '某镇人民政府', year: y });
    const path = join(dir, 'b.sqlite');
    services.close();
    const { services: s2, ports, call: c2 } = setup({ file: join(dir, 'archive.sqlite') });
    ports.saves.push(path);
    await c2('backup:saveAs', {});
    // Damage a page in the middle of the file (not the header): it still opens, the check fails.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(path, bytes);
    expect(() => validateBackupFile(path)).toThrow(/损坏/);
    s2.close();
  });

  it('restores over a damaged archive opened read-only, setting its raw files aside', async () => {
    const { call, services, dir, file, backupsDir } = setup();
    await call('report:create', { agency: '某镇人民政府', year: 2024 });
    const backup = await call('backup:create', {});
    for (let y = 2019; y <= 2023; y++) await call('report:create', { agency: '某镇人民政府', year: y });
    services.close();
    const damaged = readFileSync(file);
    damaged.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(file, damaged);
    const ro = setup({ file, readonly: true });
    await expect(ro.call('report:create', { agency: '某镇人民政府', year: 2023 })).rejects.toThrow(/只读/);
    const r = await ro.call('backup:restore', { name: backup.name });
    expect(r?.reports).toBe(1);
    expect(ro.services.handle().readonly).toBe(false);
    // The damaged file is kept byte for byte next to the backups.
    const aside = readdirSync(backupsDir).find((n) => n.startsWith('damaged-'));
    expect(aside && readFileSync(join(backupsDir, aside)).equals(damaged)).toBe(true);
    await ro.call('report:create', { agency: '某镇人民政府', year: 2023 });
    ro.services.close();
    expect(dir).toBeTruthy();
  });

  it('takes the backup from the dialog, and does nothing when it is cancelled', async () => {
    const { call, services, ports, dir } = setup();
    await call('report:create', { agency: '某镇人民政府', year: 2024 });
    expect(await call('backup:restore', {})).toBeNull();
    const target = join(tempDir(), '备份.sqlite');
    ports.saves.push(target);
    expect(await call('backup:saveAs', {})).toEqual({ path: target, download: null });
    await call('report:create', { agency: '某镇人民政府', year: 2023 });
    ports.opens.push(target);
    expect((await call('backup:restore', {}))?.reports).toBe(1);
    expect(dir).toBeTruthy();
    services.close();
  });
});

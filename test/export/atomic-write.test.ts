/**
 * atomicWrite against real failures: a missing folder, a "folder" that is a file, a target that is a
 * folder, a read-only file system and a full disk (small tmpfs mounts when running as root; chmod
 * when not). Every failure keeps the old file and leaves no temporary file behind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atomicWrite, ExportWriteError, writeErrorMessage } from '../../main/export/atomic-write';
import { tempDir } from './helpers';

const root = tempDir('write');
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  rmSync(root, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

/** A tmpfs of `size` with `options`, or null where mounting is not allowed. */
function mountTmpfs(name: string, options: string): string | null {
  if (!isRoot) return null;
  const dir = join(root, name);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}

async function failure(target: string, data: Uint8Array = Buffer.from('新内容')): Promise<ExportWriteError> {
  try {
    await atomicWrite(target, data);
  } catch (e) {
    expect(e).toBeInstanceOf(ExportWriteError);
    return e as ExportWriteError;
  }
  throw new Error('expected the write to fail');
}

describe('atomicWrite', () => {
  it('writes the file and replaces an existing one, leaving no temporary file', async () => {
    const dir = join(root, 'ok');
    mkdirSync(dir);
    const target = join(dir, '青石镇2024年政府信息公开工作年度报告.docx');
    await atomicWrite(target, Buffer.from('第一版'));
    await atomicWrite(target, Buffer.from('第二版'));
    expect(readFileSync(target, 'utf8')).toBe('第二版');
    expect(readdirSync(dir)).toEqual(['青石镇2024年政府信息公开工作年度报告.docx']);
  });

  it('reports a missing folder (ENOENT) in Chinese', async () => {
    const e = await failure(join(root, '不存在的文件夹', 'a.docx'));
    expect(e.code).toBe('ENOENT');
    expect(e.message).toContain('不存在');
  });

  it('reports a parent that is a file (ENOTDIR)', async () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'x');
    const e = await failure(join(file, 'a.docx'));
    expect(e.code).toBe('ENOTDIR');
    expect(e.message).toContain('不是文件夹');
  });

  it('reports a target that is a folder (EISDIR) and leaves nothing behind', async () => {
    const dir = join(root, 'isdir');
    mkdirSync(join(dir, 'report.docx'), { recursive: true });
    const e = await failure(join(dir, 'report.docx'));
    expect(e.code).toBe('EISDIR');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  it('reports a read-only location (EROFS, or EACCES when not root) and keeps the old file', async (ctx) => {
    let dir = mountTmpfs('ro', 'size=64k');
    // Root ignores file modes: without a mount there is no real read-only place to write to.
    if (!dir && isRoot) ctx.skip();
    if (dir) {
      writeFileSync(join(dir, 'a.docx'), '旧内容');
      execFileSync('mount', ['-o', 'remount,ro', dir]);
    } else {
      dir = join(root, 'ro');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.docx'), '旧内容');
      chmodSync(dir, 0o555);
    }
    const e = await failure(join(dir, 'a.docx'));
    expect(['EROFS', 'EACCES']).toContain(e.code);
    expect(e.message).toMatch(/只读|权限/);
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('旧内容');
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });

  it.runIf(isRoot)('reports a full disk (ENOSPC), keeps the old file and removes the partial one', async (ctx) => {
    const dir = mountTmpfs('full', 'size=64k');
    if (!dir) return ctx.skip();
    writeFileSync(join(dir, 'a.xlsx'), '旧内容');
    const e = await failure(join(dir, 'a.xlsx'), Buffer.alloc(256 * 1024, 1));
    expect(e.code).toBe('ENOSPC');
    expect(e.message).toContain('磁盘空间不足');
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('旧内容');
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('explains a file locked by Word/WPS/Excel on Windows (EBUSY, EPERM)', () => {
    for (const code of ['EBUSY', 'EPERM']) expect(writeErrorMessage(code, 'C:\\报告\\a.docx')).toMatch(/WPS.*关闭该文件后重试/);
  });
});

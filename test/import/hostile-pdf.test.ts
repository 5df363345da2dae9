/**
 * Hostile PDFs (issue 20 §1–2, issue 18 §6), made by test/helpers/hostile-pdf.ts into a temp folder:
 * in process, each ends with one Chinese sentence (never pdf.js's English) or is read as what it is;
 * through the CLI — all files in one `import`, each file's time taken from its progress lines — within
 * 20 s per file and 300 MB peak RSS of the process that read them (VmHWM, which includes the worker
 * thread); and in a 汇总 intake (`collect`), each refused with its reason. The 4 GiB bomb and the 60
 * pages of a million items run with NIANBAO_HOSTILE_FULL=1 (they end as fast, but take longer to make).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportError } from '../../main/import';
import { hostilePdfs } from '../helpers/hostile-pdf';
import { tempDir } from '../helpers/temp';
import { cellDiffs, loadReport, SHARED } from './helpers';

const ROOT = join(import.meta.dirname, '../..');
const FULL = process.env.NIANBAO_HOSTILE_FULL === '1';
const files = hostilePdfs().filter((f) => FULL || !f.heavy);
const tmp = tempDir('nianbao-hostile-pdf-');
const path = (name: string) => join(tmp.dir, 'in', name);

beforeAll(() => {
  // The CLI as users run it: the built bundle under plain Node (built here, so no build counts in its memory).
  execFileSync(process.execPath, [join(ROOT, 'tools/node-build.mjs')], { cwd: ROOT });
  mkdirSync(join(tmp.dir, 'in'));
  for (const f of files) writeFileSync(path(f.name), f.make());
}, 120_000);
afterAll(() => tmp.cleanup());

/** What each file must end with: a sentence (pattern), or `read` for a file that is read as what it is. */
const EXPECTED: Record<string, RegExp | 'read'> = {
  '解压炸弹-1GiB.pdf': /PDF 文件内容异常，无法读取：其中的压缩数据解压后超过 16 MB/,
  '解压炸弹-4GiB.pdf': /PDF 文件内容异常，无法读取：其中的压缩数据解压后超过 16 MB/,
  // A million drawn items take 27 MB of page content: refused before pdf.js sees them.
  '一页百万文字片段.pdf': /PDF 文件内容异常，无法读取：其中的压缩数据解压后超过 16 MB/,
  '六十页百万文字片段.pdf': /PDF 文件内容异常，无法读取：其中的压缩数据解压后超过 16 MB/,
  '一页十万文字片段.pdf': /PDF 文件内容异常，无法读取：第1页的文字片段超过 3000 个/,
  '六十页各一千二文字片段.pdf': /PDF 文件内容异常，无法读取：第\d+页的文字片段超过 12000 个/,
  '文件头加49MB零.pdf': /PDF 文件内容异常，无法读取：文件中没有 PDF 的内容/,
  '页面树循环.pdf': /PDF 文件内容异常，无法读取：文件已损坏或结构有错误/,
  // pdf.js draws neither the self-drawing form nor the looping /Length: the page's text is read, and it is no report.
  '引用循环.pdf': /没有在文件中找到政府信息公开工作年度报告/,
  '深层嵌套.pdf': /PDF 文件内容异常，无法读取：文件已损坏或结构有错误/,
  // pdf.js rebuilds a broken cross-reference table from the objects: read, and it is no report.
  '交叉引用表损坏.pdf': /没有在文件中找到政府信息公开工作年度报告/,
  '有密码.pdf': /PDF 文件有密码保护，请先取消密码再导入/,
  '含JavaScript.pdf': 'read',
};
/** pdf.js's own words that once reached the clerk. */
const ENGLISH = /cycle|circular|Maximum call stack|Invalid|Error|undefined|exception/i;

describe('hostile PDFs, read in process', () => {
  for (const f of files) {
    it(f.name, async () => {
      const want = EXPECTED[f.name]!;
      const outcome = await importFile(f.name, readFileSync(path(f.name))).catch((e: unknown) => e);
      if (want === 'read') {
        // The script is never run or kept: the report is read as printed.
        expect(outcome).not.toBeInstanceOf(Error);
        const r = outcome as Awaited<ReturnType<typeof importFile>>;
        expect(cellDiffs(r.report, loadReport(join(SHARED, 'reports/qingshi-2024.json')))).toEqual([]);
        return;
      }
      expect(outcome).toBeInstanceOf(ImportError);
      expect((outcome as ImportError).message).toMatch(want);
      expect((outcome as ImportError).message).not.toMatch(ENGLISH);
    });
  }
});

interface Run {
  code: number | null;
  stderr: string;
  /** Seconds from each file's progress line `[i/n] name` to the next line. */
  seconds: Map<string, number>;
  peakMb: number;
}

/** A CLI command as a child process (`npm run cli`: the bundle, not tsx); stderr lines are timed as they arrive. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', join(ROOT, 'test/bench/max-rss.mjs'), join(ROOT, 'tools/cli.mjs'), ...args], { cwd: ROOT });
    let stderr = '';
    let current: { name: string; at: number } | null = null;
    const seconds = new Map<string, number>();
    proc.stderr.on('data', (d: Buffer) => {
      const now = Date.now();
      for (const line of d.toString().split('\n')) {
        const started = /^\[\d+\/\d+\] (.+)$/.exec(line.trim());
        if (current && line.trim() && !started?.[1]?.startsWith(current.name)) {
          seconds.set(current.name, (now - current.at) / 1000);
          current = null;
        }
        if (started) current = { name: started[1]!, at: now };
      }
      stderr += d.toString();
    });
    proc.stdout.resume();
    proc.on('close', (code) => resolve({ code, stderr, seconds, peakMb: Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024 }));
  });
}

describe.runIf(process.platform === 'linux')('hostile PDFs through the command line', () => {
  it('`import` of all of them: each within 20 s with its sentence, the process under 300 MB', async () => {
    const run = await cli(['import', ...files.map((f) => path(f.name)), '--dry-run', '--json']);
    for (const f of files) {
      const want = EXPECTED[f.name]!;
      const line = run.stderr.split('\n').find((l) => l.startsWith(`${f.name}：`));
      expect(line, f.name).toBeDefined();
      if (want === 'read') expect(line).toMatch(/读取成功/);
      else expect(line).toMatch(want);
      expect(line).not.toMatch(ENGLISH);
      expect(run.seconds.get(f.name), f.name).toBeLessThan(20);
    }
    expect(run.peakMb).toBeLessThan(300);
  }, 600_000);

  it('a 汇总 intake (`collect`) of a folder of them: each refused with its reason, the rest of the folder still read', async () => {
    const db = join(tmp.dir, 'archive.sqlite');
    const run = await cli(['collect', join(tmp.dir, 'in'), '--into', '示例县人民政府', '--year', '2024', '--db', db]);
    for (const f of files) {
      const want = EXPECTED[f.name]!;
      const line = run.stderr.split('\n').find((l) => l.includes(`${f.name}：`));
      expect(line, f.name).toBeDefined();
      if (want !== 'read') expect(line).toMatch(want);
      expect(line).not.toMatch(ENGLISH);
    }
    // The one real report among them (the JavaScript one) is stored.
    expect(run.stderr).toMatch(/示例县青石镇人民政府/);
    expect(run.peakMb).toBeLessThan(300);
  }, 600_000);
});

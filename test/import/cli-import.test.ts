/** `import FILE…` on the command line: every file type, a progress line per file, one bad file not stopping the others. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { tempDir } from '../helpers/temp';
import { loadReport, PUBLISHED, renderReport, SHARED } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.file('.') });
  return { code, out, err };
}

describe('cli import', () => {
  it('--dry-run --json on several files: one JSON object per line, progress and a summary on stderr', async () => {
    const bad = tmp.file('坏文件.docx');
    writeFileSync(bad, 'not a zip');
    const files = [join(PUBLISHED, 'pingtan-2022.txt'), bad, join(PUBLISHED, 'shanghai-office-2019.html'), join(SHARED, 'reports/qingshi-2023.json')];
    const r = await cli(['import', ...files, '--dry-run', '--json']);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { year: number; uncertain: unknown[]; findings: unknown[] });
    expect(lines.map((l) => l.year)).toEqual([2022, 2019, 2023]);
    expect(lines.every((l) => Array.isArray(l.uncertain) && Array.isArray(l.findings))).toBe(true);
    expect(r.err).toMatch(/\[2\/4\] 坏文件\.docx/);
    expect(r.err).toMatch(/坏文件\.docx：这不是有效的 Word/);
    expect(r.err).toMatch(/共 4 个文件，成功 3 个，失败 1 个/);
  });

  it('a real import refuses cells with no reading unless --accept-uncertain, and checks --year', async () => {
    const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    const cut = tmp.file('cut.txt');
    writeFileSync(cut, renderReport(qingshi, 'pipe', { cutAfter: '（七）总计' }));
    const db = tmp.file('a.db');
    const refused = await cli(['import', cut, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/没有读数.*--accept-uncertain/);
    expect((await cli(['import', cut, '--db', db, '--year', '2023'])).err).toMatch(/不是所选的2023年度/);
    const ok = await cli(['import', cut, '--db', db, '--accept-uncertain']);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/已导入“示例县青石镇人民政府”2024年度报告/);
  });
});

/** `export --graphic`: the 图解 from the archive or a JSON file, the kinds and sizes, refusals, and the note 自查 reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphicRecord } from '../../main/api/graphic-handlers';
import { runCli } from '../../main/cli';
import { closeArchive, openArchive } from '../../main/db/open';
import { findReport } from '../../main/db/reports';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');
const AGENCY = '示例县青石镇人民政府';
const db = tmp.file('g.db');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: ROOT });
  return { code, out, err };
}

beforeAll(async () => {
  expect((await cli(['import', join(FIXTURES, 'reports/qingshi-2023.json'), join(FIXTURES, 'reports/qingshi-2024.json'), '--db', db])).code).toBe(0);
});

describe('export --graphic', () => {
  it('writes the SVG of an archived report (A4 when asked) and notes it for 发布前自查', async () => {
    const out = tmp.file('图解.svg');
    const r = await cli(['export', '--graphic', '--agency', AGENCY, '--year', '2024', '--out', out, '--size', 'a4', '--db', db]);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toContain('已导出图解');
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/<svg [^>]*width="794" height="1123"/);
    expect(svg).toContain('data-path="requests.newReceived.6">9<');
    expect(svg).toMatch(/较上年增加3件/); // last year (6) is in the archive
    const d = openArchive(db);
    try {
      expect(graphicRecord(d, findReport(d, AGENCY, 2024)!.id)).toMatchObject({ version: expect.any(Number) });
    } finally {
      closeArchive(d);
    }
  });

  it('draws a PNG from a JSON file', { timeout: 120_000 }, async () => {
    const out = tmp.file('图解.png');
    expect((await cli(['export', '--graphic', '--from', join(FIXTURES, 'reports/qingshi-2024.json'), '--out', out])).code).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1080);
  });

  it('refuses what it cannot do, in Chinese', async () => {
    const base = ['export', '--agency', AGENCY, '--year', '2024', '--db', db];
    expect((await cli([...base, '--out', tmp.file('x.png')])).err).toContain('请加 --graphic');
    expect((await cli([...base, '--graphic', '--out', tmp.file('x.docx')])).err).toContain('.svg、.png 或 .pdf');
    expect((await cli([...base, '--graphic', '--out', tmp.file('x.pdf'), '--size', 'long'])).err).toContain('PDF 图解是 A4 页面');
    expect((await cli([...base, '--graphic', '--out', tmp.file('x.svg'), '--size', 'big'])).code).toBe(2);
    expect((await cli([...base, '--out', tmp.file('x.docx'), '--size', 'a4'])).err).toContain('--size 只用于图解');
    expect((await cli(['export', '--graphic', '--agency', '不存在的机关', '--year', '2024', '--db', db, '--out', tmp.file('y.svg')])).err).toContain('档案中没有');
  });
});

/** The CLI in-process (fast) and once as users run it (`npm run cli`), on real archive files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { readFixture, FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');
const QINGSHI = join(FIXTURES, 'reports/qingshi-2024.json');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env, cwd: ROOT });
  return { code, out, err };
}

describe('cli', () => {
  it('import then export gives back the same report', async () => {
    const db = tmp.file('a.db');
    expect((await cli(['import', QINGSHI, '--db', db])).code).toBe(0);
    const out = tmp.file('x.json');
    const r = await cli(['export', '--agency', '示例县青石镇人民政府', '--year', '2024', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(readFixture('reports/qingshi-2024.json'));
    expect(readFileSync(out, 'utf8')).toMatch(/^\{\n {2}"format": "gov-2021",/);
  });

  it('check exits 1 on a broken copy and names the rule and cells; --json prints the findings only', async () => {
    const broken = JSON.parse(readFileSync(QINGSHI, 'utf8'));
    broken.requests.carriedForward[0] = 3;
    const file = tmp.file('broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const human = await cli(['check', file]);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/错误 T3-1 {2}三、自然人列：第一项加第二项之和（8）不等于第三项加第四项之和（11）/);
    expect(human.out).toContain('requests.carriedForward.0');
    const json = await cli(['check', file, '--json']);
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.out);
    expect(findings.map((f: { rule: string }) => f.rule)).toContain('T3-1');
    expect((await cli(['check', QINGSHI])).code).toBe(0);
  });

  it('check from the archive uses last year from the archive (cross-year)', async () => {
    const db = tmp.file('y.db');
    await cli(['import', join(FIXTURES, 'reports/qingshi-2023.json'), QINGSHI, '--db', db]);
    const r = await cli(['check', '--agency', '示例县青石镇人民政府', '--year', '2024', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/已对照2023年报告/);
  });

  it('new creates the zero-filled report of the year; list shows it', async () => {
    const db = tmp.file('n.db');
    expect((await cli(['new', '--agency', '某镇人民政府', '--year', '2020', '--db', db])).code).toBe(0);
    const list = await cli(['list', '--db', db]);
    // No errors; the blank template's completeness warnings (empty sub-sections, no 成文日期) are counted.
    expect(list.out).toMatch(/某镇人民政府\t2020\tgov-2019\t草稿\t0\t[1-9]/);
  });

  it('new --carry-over starts this year from last year in the archive', async () => {
    const db = tmp.file('carry.db');
    await cli(['import', join(FIXTURES, 'reports/qingshi-2023.json'), '--db', db]);
    const r = await cli(['new', '--agency', '示例县青石镇人民政府', '--year', '2024', '--carry-over', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/已自2023年度报告结转 9 个数字/);
    const out = tmp.file('carried.json');
    await cli(['export', '--agency', '示例县青石镇人民政府', '--year', '2024', '--out', out, '--db', db]);
    expect(JSON.parse(readFileSync(out, 'utf8')).requests.carriedOver).toEqual((readFixture('reports/qingshi-2023.json') as any).requests.carriedForward);
  });

  it('import --dry-run --json prints the report with findings and uncertain, and saves nothing', async () => {
    const db = tmp.file('d.db');
    const r = await cli(['import', QINGSHI, '--dry-run', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.findings).toEqual([]);
    expect(printed.uncertain).toEqual([]);
    expect((await cli(['list', '--db', db, '--json'])).out.trim()).toBe('[]');
  });

  it('importing the same agency and year twice needs --replace, and keeps the old state as a revision', async () => {
    const db = tmp.file('r.db');
    await cli(['import', QINGSHI, '--db', db]);
    const again = await cli(['import', QINGSHI, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/档案中已有/);
    expect((await cli(['import', QINGSHI, '--db', db, '--replace'])).code).toBe(0);
  });

  it('export --from writes .docx, .xlsx and .html of a report not in the archive', async () => {
    for (const ext of ['docx', 'xlsx', 'html']) {
      const out = tmp.file(`r.${ext}`);
      const r = await cli(['export', '--from', QINGSHI, '--out', out]);
      expect(r.code).toBe(0);
      const head = readFileSync(out).subarray(0, 2).toString('latin1');
      expect(ext === 'html' ? readFileSync(out, 'utf8') : head).toMatch(ext === 'html' ? /示例县青石镇人民政府2024年政府信息公开工作年度报告/ : /^PK$/);
    }
  });

  it('an export that cannot be written says why in Chinese and leaves nothing behind', async () => {
    const r = await cli(['export', '--from', QINGSHI, '--out', tmp.file('no/such/folder/r.docx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件夹/);
    const bad = await cli(['export', '--from', QINGSHI, '--out', tmp.file('r.pdf')]);
    expect(bad.err).toMatch(/应以 \.docx、\.xlsx、\.html 或 \.json 结尾/);
  });

  it.each([
    [['new', '--agency', '某镇', '--year', '2018'], /2018年度没有统一的年度报告格式/],
    [['new', '--agency', '某镇', '--year', '二〇二五'], /年度应为四位数字/],
    [['new', '--year', '2025'], /缺少 --agency/],
    [['import', '/nonexistent/x.json'], /找不到文件/],
    [['frobnicate'], /未知命令/],
    [['list', '--bogus'], /参数有误/],
    [['export', '--agency', '某镇', '--year', '2025', '--out', 'x.json'], /档案中没有/],
  ])('bad usage %j exits 2 with a Chinese message', async (args, message) => {
    const r = await cli(args, { NIANBAO_DB: tmp.file('bad.db') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('a report that is not valid JSON data is refused with its precise errors', async () => {
    const file = tmp.file('neg.json');
    const bad = JSON.parse(readFileSync(QINGSHI, 'utf8'));
    bad.requests.granted[1] = -2;
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['import', file, '--db', tmp.file('neg.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/（一）予以公开 商业企业：件数不能为负数/);
  });

  it('--db overrides NIANBAO_DB, which overrides the default', async () => {
    const a = tmp.file('env.db');
    const b = tmp.file('flag.db');
    await cli(['new', '--agency', '甲镇', '--year', '2025'], { NIANBAO_DB: a });
    await cli(['new', '--agency', '乙镇', '--year', '2025', '--db', b], { NIANBAO_DB: a });
    expect((await cli(['list'], { NIANBAO_DB: a })).out).toMatch(/甲镇/);
    expect((await cli(['list'], { NIANBAO_DB: a })).out).not.toMatch(/乙镇/);
    expect((await cli(['list', '--db', b], { NIANBAO_DB: a })).out).toMatch(/乙镇/);
  });

  it('runs as users run it: npm run cli, exit codes and streams', () => {
    const db = tmp.file('npm.db');
    const env = { ...process.env, NIANBAO_DB: db };
    execFileSync('npm', ['run', '-s', 'cli', '--', 'import', QINGSHI], { cwd: ROOT, env, stdio: 'pipe' });
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', '--agency', '示例县青石镇人民政府', '--year', '2024', '--json'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const bad = spawnSync('npm', ['run', '-s', 'cli', '--', 'new', '--agency', '某镇', '--year', '1999'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/1999年度没有统一的年度报告格式/);
  });
});

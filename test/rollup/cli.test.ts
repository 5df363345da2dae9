/** `collect` and `rollup` in-process on a real archive file, with our own exports and a bad file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getCell, layoutOf } from '../../report';
import { runCli } from '../../main/cli';
import { buildExport } from '../../main/export';
import { tempDir } from '../helpers/temp';
import { madeCollection } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: ROOT });
  return { code, out, err };
}

const ORGAN = '某某县人民政府';

describe('cli collect / rollup', async () => {
  const units = madeCollection(6);
  const inbox = join(tmp.dir, '收件箱');
  mkdirSync(join(inbox, '乡镇'), { recursive: true });
  const kinds = ['docx', 'xlsx', 'json', 'html', 'xlsx', 'docx'] as const;
  for (const [i, u] of units.entries()) {
    const { data, fileName } = await buildExport(u.report, kinds[i]!);
    writeFileSync(join(i ? join(inbox, '乡镇') : inbox, fileName), data);
  }
  writeFileSync(join(inbox, '乡镇', '扫描件.docx'), 'not a zip at all');
  const db = tmp.file('county.sqlite');

  it('collect reads a folder recursively, adds the units, stores each report, refuses the bad file, exits 1', async () => {
    const r = await cli(['collect', inbox, '--into', ORGAN, '--year', '2024', '--db', db, '--add-units']);
    expect(r.err).toContain('[已读 7 / 共 7]');
    expect(r.err).toMatch(/扫描件.docx：未收取：这不是有效的 Word（.docx）\s?文件/);
    expect(r.err).toContain('已保存 6 个（新加入名单 5 个单位');
    expect(r.code).toBe(1);
  });

  it('rollup --json gives the 汇总 (agency = the organ) with every cell the sum of the units', async () => {
    const r = await cli(['rollup', '--unit', ORGAN, '--year', '2024', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.report.agency).toBe(ORGAN);
    expect(j.complete).toBe(false);
    expect(j.missing).toEqual([]);
    expect(j.units).toHaveLength(6);
    expect(j.units[0]).toMatchObject({ agency: ORGAN, level: 'self', status: 'received' });
    expect(j.units[1].level).toBe('township');
    for (const c of layoutOf('gov-2021').cells.filter((x) => x.type === 'count')) {
      const sum = units.reduce((s, u) => s + (getCell(u.report, c.path) as number), 0);
      expect(getCell(j.report, c.path), c.path).toBe(sum);
    }
    expect(j.findings.filter((f: { rule: string }) => f.rule.startsWith('R-'))).toEqual([]);
  });

  it('collecting a corrected file again makes a new revision (the same files are not saved twice), and --out/--detail/--issues write the files', async () => {
    const fixed = structuredClone(units[1]!.report);
    fixed.text.other = '本年度未收取信息处理费（更正稿）。';
    writeFileSync(join(inbox, '乡镇', '更正稿.json'), (await buildExport(fixed, 'json')).data);
    const again = await cli(['collect', join(inbox, '乡镇'), '--into', ORGAN, '--year', '2024', '--db', db]);
    expect(again.err).toContain('更正稿.json：“西岭镇人民政府”：已作为新版本保存');
    expect(again.err).toContain('与已收文件相同未重复保存 4 个');
    const out = tmp.file('汇总.xlsx');
    const r = await cli(['rollup', '--unit', ORGAN, '--year', '2024', '--db', db, '--out', out, '--detail', tmp.file('明细.xlsx'), '--issues', tmp.file('问题.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('未收齐（已收 6 / 共 6）：报告都已收到，6 个单位尚未审核通过');
    const py = `
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
print(wb['报告信息']['A1'].value)
d = openpyxl.load_workbook(sys.argv[2], data_only=True).active
print(d.cell(3, 1).value, d.cell(d.max_row, 1).value, d.max_row)
`;
    const lines = execFileSync('/usr/bin/python3', ['-c', py, out, tmp.file('明细.xlsx')], { encoding: 'utf8' }).trim().split('\n');
    expect(lines[0]).toBe(`${ORGAN}2024年政府信息公开工作年度报告数据汇总表`);
    expect(lines[1]).toBe(`${ORGAN} 汇总 9`);
  });

  it('bad usage exits 2', async () => {
    expect((await cli(['collect', inbox, '--year', '2024', '--db', db])).code).toBe(2);
    expect((await cli(['rollup', '--unit', '不存在县人民政府', '--year', '2024', '--db', db])).code).toBe(2);
    expect((await cli(['rollup', '--unit', ORGAN, '--year', '2024', '--db', db, '--out', 'x.pdf'])).code).toBe(2);
  });
});

describe('a 2020 roll-up uses gov-2019', async () => {
  const units = madeCollection(4, 2020);
  units[1]!.report.active.procurement = { projects: 2, amount: '12000', unit: '元' };
  units[2]!.report.active.procurement = { projects: 1, amount: '3.5', unit: '万元' };
  units[3]!.report.active.licensing!.change = -3;
  const inbox = join(tmp.dir, '2020');
  mkdirSync(inbox, { recursive: true });
  for (const u of units) writeFileSync(join(inbox, `${u.agency}.json`), (await buildExport(u.report, 'json')).data);
  const db = tmp.file('y2020.sqlite');

  it('sums gov-2019 cells, signed changes and procurement converted to 万元', async () => {
    expect((await cli(['collect', inbox, '--into', ORGAN, '--year', '2020', '--db', db, '--add-units'])).code).toBe(0);
    const j = JSON.parse((await cli(['rollup', '--unit', ORGAN, '--year', '2020', '--db', db, '--json'])).out);
    expect(j.report.format).toBe('gov-2019');
    expect(j.report.active.procurement).toEqual({ projects: 3, amount: '4.7', unit: '万元' });
    expect(j.report.active.licensing.change).toBe(-3);
    // A 2021-format file offered for 2020 is refused with the reason.
    const other = join(tmp.dir, 'other-2021.json');
    writeFileSync(other, (await buildExport(madeCollection(2, 2021)[1]!.report, 'json')).data);
    const r = await cli(['collect', other, '--into', ORGAN, '--year', '2020', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2021年度/);
  });
});

/** The roster in the archive, intake outcomes, statuses and the 退回意见, through the rollup:* services. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import type { Host } from '../../main/export/host';
import { updateAgency, findAgency } from '../../main/db/agencies';
import { migrate, schemaVersion } from '../../main/db/migrations';
import { openArchive } from '../../main/db/open';
import { listRevisions } from '../../main/db/revisions';
import { buildExport } from '../../main/export';
import { tempDir } from '../helpers/temp';
import { madeCollection } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '某某县人民政府';
const delivered: { fileName: string; data: Buffer }[] = [];
const host: Host = {
  deliverFile: async ({ fileName, data }) => {
    delivered.push({ fileName, data });
    return { saved: true, fileName, location: null, download: null };
  },
  printReport: async () => ({ printed: false, url: null }),
};

const upload = async (report: Parameters<typeof buildExport>[0], kind: 'docx' | 'xlsx' | 'json', name?: string) => {
  const { data, fileName } = await buildExport(report, kind);
  return { fileName: name ?? fileName, dataBase64: data.toString('base64') };
};

describe('migration 0004', () => {
  it('adds the roster tables to a version-3 archive, keeping its rows', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['roster_units', 'roster_log']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM agencies').get()).toEqual({ n: 1 });
  });
});

describe('roster, intake and statuses', () => {
  const db = openArchive(tmp.file('a.sqlite'));
  let clock = Date.parse('2025-01-10T08:00:00Z');
  const h = createHandlers({ db, host, now: () => new Date((clock += 60_000)) });
  const units = madeCollection(5);

  it('builds the roster from pasted names with 本级 first; an agency is in one organ’s roster per year', async () => {
    const v = await h['rollup:addUnits']({ organ: ORGAN, year: 2024, names: units.slice(1).map((u) => u.agency), level: 'township' });
    expect(v.units.map((u) => [u.agency, u.level, u.status])).toEqual([[ORGAN, 'self', 'pending'], ...units.slice(1).map((u) => [u.agency, 'township', 'pending'])]);
    expect(v.missing).toHaveLength(5);
    expect(() => h['rollup:addUnits']({ organ: '另一县人民政府', year: 2024, names: [units[1]!.agency], level: 'township' })).toThrow(/已在“某某县人民政府”的统计范围内/);
    // Another year is another roster.
    expect((await h['rollup:addUnits']({ organ: '另一县人民政府', year: 2023, names: [units[1]!.agency], level: 'township' })).units).toHaveLength(2);
  });

  it('matches files exactly, proposes a close name, asks for an unknown one, refuses an unreadable one', async () => {
    const exact = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(units[1]!.report, 'xlsx') });
    expect(exact).toMatchObject({ status: 'stored', unit: units[1]!.agency, added: false, replaced: false });
    const renamed = { ...units[2]!.report, agency: units[2]!.agency.replace('人民政府', '政府') };
    const close = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(renamed, 'docx') });
    expect(close).toMatchObject({ status: 'unmatched', proposal: units[2]!.agency });
    const confirmed = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(renamed, 'docx'), agency: units[2]!.agency });
    expect(confirmed).toMatchObject({ status: 'stored', unit: units[2]!.agency });
    const stranger = { ...units[3]!.report, agency: '某某县教育局' };
    expect(await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(stranger, 'json') })).toMatchObject({ status: 'unmatched', proposal: '' });
    expect(await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(stranger, 'json'), addLevel: 'department' })).toMatchObject({ status: 'stored', added: true });
    const junk = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: { fileName: '坏文件.xlsx', dataBase64: Buffer.from('PK junk').toString('base64') } });
    expect(junk.status).toBe('refused');
    expect(junk.message).toMatch(/Excel/);
    // 西岭 (units[1]) is in 另一县's roster for 2023 only; a unit of 某某县 in 2024 offered to 另一县 is refused, the others go on.
    const elsewhere = await h['rollup:collect']({ organ: '另一县人民政府', year: 2024, file: await upload(units[1]!.report, 'json'), addLevel: 'township' });
    expect(elsewhere).toMatchObject({ status: 'refused' });
    expect(elsewhere.message).toContain('已在“某某县人民政府”的统计范围内');
    const wrongYear = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(units[4]!.previous!, 'json') });
    expect(wrongYear).toMatchObject({ status: 'refused' });
    const v = (await h['rollup:view']({ organ: ORGAN, year: 2024 }));
    expect(v.units.find((u) => u.agency === '某某县教育局')?.level).toBe('department');
    expect(v.units.filter((u) => u.status === 'received').map((u) => u.agency)).toEqual([units[1]!.agency, units[2]!.agency, '某某县教育局']);
    expect(v.received).toBe(3);
    expect(v.total).toBe(6);
  });

  it('不纳入 needs a reason; 已收 needs a report; a renamed agency keeps its place', async () => {
    expect(() => h['rollup:updateUnit']({ organ: ORGAN, year: 2024, agency: units[4]!.agency, status: 'excluded' })).toThrow(/须写明原因/);
    expect(() => h['rollup:updateUnit']({ organ: ORGAN, year: 2024, agency: units[4]!.agency, status: 'accepted' })).toThrow(/还没有收到/);
    const v = (await h['rollup:updateUnit']({ organ: ORGAN, year: 2024, agency: units[4]!.agency, status: 'excluded', reason: '已撤并入东城镇' }));
    expect(v.units.find((u) => u.agency === units[4]!.agency)).toMatchObject({ status: 'excluded', reason: '已撤并入东城镇' });
    expect(v.total).toBe(5);
    updateAgency(db, findAgency(db, '某某县教育局')!.id, { name: '某某县教育和体育局' });
    expect((await h['rollup:view']({ organ: ORGAN, year: 2024 })).units.map((u) => u.agency)).toContain('某某县教育和体育局');
  });

  it('a unit sent back and its corrected file received again: 退回 → 已收, a new revision, the 退回意见 names the finding', async () => {
    const broken = structuredClone(units[1]!.report);
    broken.requests.carriedForward![0]! += 1; // T3-1 (8 vs 9 style) and R-1
    await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(broken, 'xlsx') });
    let v = (await h['rollup:updateUnit']({ organ: ORGAN, year: 2024, agency: units[1]!.agency, status: 'returned', reason: '表三不平衡' }));
    const row = v.units.find((u) => u.agency === units[1]!.agency)!;
    expect(row.status).toBe('returned');
    expect(row.errors).toBeGreaterThan(0);
    await h['rollup:export']({ organ: ORGAN, year: 2024, kind: 'sendback', agency: units[1]!.agency });
    const doc = delivered.at(-1)!;
    expect(doc.fileName).toBe(`关于${units[1]!.agency}2024年政府信息公开工作年度报告的退回意见.docx`);
    const file = tmp.file('sendback.docx');
    writeFileSync(file, doc.data);
    const text = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' });
    expect(text).toContain(`${units[1]!.agency}：`);
    expect(text).toMatch(/表三 自然人列：上年结转|表三 自然人列：第一项加第二项之和（\d+）不等于第三项加第四项之和（\d+）/);
    expect(text).not.toMatch(/\d\. 三、/);
    expect(text).toContain('2025年1月');
    expect(text).toContain(ORGAN);

    const fixed = await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(units[1]!.report, 'docx') });
    expect(fixed).toMatchObject({ status: 'stored', replaced: true });
    v = (await h['rollup:view']({ organ: ORGAN, year: 2024 }));
    const again = v.units.find((u) => u.agency === units[1]!.agency)!;
    expect(again).toMatchObject({ status: 'received', errors: 0 });
    expect(listRevisions(db, again.reportId!).length).toBeGreaterThanOrEqual(3);
  });

  it('complete only when every unit is 已通过 or 不纳入; contributions name the units', async () => {
    await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(units[0]!.report, 'json') });
    await h['rollup:collect']({ organ: ORGAN, year: 2024, file: await upload(units[3]!.report, 'json') });
    let v = (await h['rollup:view']({ organ: ORGAN, year: 2024 }));
    expect(v.complete).toBe(false);
    for (const u of v.units) if (u.status === 'received') v = (await h['rollup:updateUnit']({ organ: ORGAN, year: 2024, agency: u.agency, status: 'accepted' }));
    expect(v.complete).toBe(true);
    expect(v.missing).toEqual([]);
    const c = (await h['rollup:contributions']({ organ: ORGAN, year: 2024, cell: 'requests.newReceived.0' }));
    await h['rollup:export']({ organ: ORGAN, year: 2024, kind: 'board' });
    const boardFile = tmp.file('board.xlsx');
    writeFileSync(boardFile, delivered.at(-1)!.data);
    const rows = execFileSync('/usr/bin/python3', ['-c', 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws["A2"].value); [print(r[0], r[2], r[3]) for r in ws.iter_rows(min_row=4, values_only=True)]', boardFile], { encoding: 'utf8' }).trim().split('\n');
    expect(rows[0]).toBe('已收齐（共 5 个单位均已通过）');
    expect(rows).toContain(`${units[4]!.agency} 不纳入 已撤并入东城镇`);
    expect(c.reduce((s, x) => s + (x.value as number), 0)).toBe(v.report!.requests.newReceived![0]);
  });
});

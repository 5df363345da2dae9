/**
 * Issue 15 #2, #3, #8, #9 on a real archive: importing into the agency the user chose, merging
 * agencies and moving reports without losing anything, 本机关 first, published imports, 待核对
 * cells, 重新结转; and the CLI's --agency.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type ReportHandlers } from '../../main/api/handlers';
import { runCli } from '../../main/cli';
import { openArchive, closeArchive, type Db } from '../../main/db/open';
import { getReportBody, listReports } from '../../main/db/reports';
import { listRevisions } from '../../main/db/revisions';
import type { Report } from '../../report';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { renderReport } from '../import/helpers';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
let db: Db;
let file: string;
let n = 0;
let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date((clock += 1000));
beforeEach(() => {
  file = tmp.file(`g${n++}.sqlite`);
  db = openArchive(file);
});
type Sync = { [C in keyof ReportHandlers]: (input: Parameters<ReportHandlers[C]>[0]) => Awaited<ReturnType<ReportHandlers[C]>> };
/** The handlers of these channels answer synchronously except import:preview, which is awaited. */
const h = () => createHandlers({ db, now }) as unknown as Sync;
const OWN = '示例县青石镇人民政府';
const SHORT = '青石镇人民政府';
/** The 2023 report as published under the short name (the title a website prints). */
const published2023 = (): string => `${renderReport({ ...qingshi2023(), agency: SHORT, closing: { agency: SHORT, date: '2024-01-22' } }, 'pipe')}\n2024年1月22日`;

describe('import into the chosen agency', () => {
  it('a close name goes to the chosen agency by default; the next year then finds it', async () => {
    await h()['report:create']({ agency: OWN, year: 2024 });
    const p = await h()['import:preview']({ text: published2023(), agency: OWN });
    expect(p.agencyRead).toBe(SHORT);
    expect(p.suggestedAgency).toBe(OWN);
    const o = await h()['import:confirm']({ report: p.report, replace: false, uncertain: [], agency: p.suggestedAgency!, published: true });
    expect(o.summary.agency).toBe(OWN);
    expect(o.report.agency).toBe(OWN);
    expect(o.summary).toMatchObject({ published: true, publishedOn: '2024-01-22' });
    expect(h()['archive:list']({}).agencies.map((a) => a.name)).toEqual([OWN]);
    const y2024 = listReports(db).find((r) => r.year === 2024)!;
    expect(h()['report:open']({ id: y2024.id }).previous?.year).toBe(2023);
    // The revision says what the file called itself.
    expect(listRevisions(db, o.summary.id)[0]!.note).toContain(`原文机关名称“${SHORT}”`);
  });

  it('another town is not put under the chosen agency by default', async () => {
    await h()['report:create']({ agency: OWN, year: 2024 });
    const other = renderReport({ ...qingshi2023(), agency: '示例县白沙镇人民政府' }, 'pipe');
    const p = await h()['import:preview']({ text: other, agency: OWN });
    expect(p.agencyRead).toBe('示例县白沙镇人民政府');
    expect(p.suggestedAgency).toBeNull();
  });

  it('split cells are reported per cell and kept as 待核对 until confirmed', async () => {
    const p = await h()['import:preview']({ text: renderReport(qingshi2024(), 'glued') });
    expect(p.split.length).toBeGreaterThan(0);
    expect(p.split.every((c) => /^(active|requests|appeals)\./.test(c))).toBe(true);
    const o = await h()['import:confirm']({ report: p.report, replace: false, uncertain: [], verify: p.split });
    expect(o.summary.toVerify).toEqual(p.split);
    const after = h()['report:verify']({ id: o.summary.id, cells: [p.split[0]!] });
    expect(after.toVerify).toEqual(p.split.slice(1));
  });
});

describe('merge and move', () => {
  it('merging moves the years the target lacks and decides the shared ones; both contents stay in history', async () => {
    const own = h()['report:create']({ agency: OWN, year: 2024 });
    const a2023 = await h()['import:confirm']({ report: { ...qingshi2023(), agency: SHORT }, replace: false, uncertain: [] });
    const a2024 = await h()['import:confirm']({ report: { ...qingshi2024(), agency: SHORT }, replace: false, uncertain: [] });
    const agencies = h()['archive:list']({}).agencies;
    const from = agencies.find((a) => a.name === SHORT)!.id;
    const into = agencies.find((a) => a.name === OWN)!.id;
    const plan = h()['agency:mergePlan']({ from, into });
    expect(plan.map((i) => [i.year, i.action])).toEqual([[2024, 'conflict'], [2023, 'move']]);
    expect(() => h()['agency:merge']({ from, into, decisions: {} })).toThrow(/2024年度/);
    expect(h()['agency:merge']({ from, into, decisions: { '2024': 'incoming' } })).toEqual({ moved: 1, merged: 1 });
    expect(h()['archive:list']({}).agencies.map((a) => a.name)).toEqual([OWN]);
    const reports = listReports(db);
    expect(reports.map((r) => [r.agency, r.year])).toEqual([[OWN, 2024], [OWN, 2023]]);
    // 2024: the imported figures are current, the blank template is in the history, and so is the import.
    const kept = reports[0]!;
    expect(kept.id).toBe(own.summary.id);
    const body = getReportBody(db, kept.id);
    expect(body.requests.newReceived).toEqual(qingshi2024().requests.newReceived);
    expect(body.agency).toBe(OWN);
    const notes = listRevisions(db, kept.id).map((r) => r.note);
    expect(notes[0]).toContain(`采用“${SHORT}”`);
    expect(notes.some((x) => x.startsWith(`合并自“${SHORT}”`))).toBe(true);
    expect(listRevisions(db, kept.id).some((r) => r.reason === 'create')).toBe(true);
    expect(getReportBody(db, a2023.summary.id).agency).toBe(OWN);
    void a2024;
  });

  it('a report moves to another agency (refused where that year exists); the empty agency goes', async () => {
    const moved = await h()['import:confirm']({ report: { ...qingshi2023(), agency: SHORT }, replace: false, uncertain: [] });
    await h()['report:create']({ agency: OWN, year: 2024 });
    const s = h()['report:move']({ id: moved.summary.id, agency: OWN });
    expect(s.agency).toBe(OWN);
    expect(getReportBody(db, s.id).agency).toBe(OWN);
    expect(h()['archive:list']({}).agencies.map((a) => a.name)).toEqual([OWN]);
    const y = await h()['import:confirm']({ report: { ...qingshi2024(), agency: SHORT }, replace: false, uncertain: [] });
    expect(() => h()['report:move']({ id: y.summary.id, agency: OWN })).toThrow(/已有2024年度/);
  });

  it('an agency in a 汇总 roster can be merged and its report moved: the roster follows, nothing is refused', async () => {
    const ORGAN = '示例县人民政府';
    await h()['rollup:addUnits']({ organ: ORGAN, year: 2024, names: [SHORT], level: 'township' });
    const y = await h()['import:confirm']({ report: { ...qingshi2024(), agency: SHORT }, replace: false, uncertain: [] });
    // Moving its only report away leaves the agency in place: the roster still names it.
    h()['report:move']({ id: y.summary.id, agency: OWN });
    expect(h()['archive:list']({}).agencies.map((a) => a.name).sort()).toEqual([OWN, SHORT, ORGAN].sort());
    expect((await h()['rollup:view']({ organ: ORGAN, year: 2024 })).units.map((u) => u.agency)).toContain(SHORT);
    // Merging it into 本机关 hands its place in the roster over.
    const agencies = h()['archive:list']({}).agencies;
    const from = agencies.find((a) => a.name === SHORT)!.id;
    const into = agencies.find((a) => a.name === OWN)!.id;
    expect(h()['agency:merge']({ from, into, decisions: {} })).toEqual({ moved: 0, merged: 0 });
    const units = (await h()['rollup:view']({ organ: ORGAN, year: 2024 })).units.map((u) => u.agency);
    expect(units).toContain(OWN);
    expect(units).not.toContain(SHORT);
  });

  it('a move raises the report version: an editor opened before it cannot save the old agency back', async () => {
    const opened = await h()['import:confirm']({ report: { ...qingshi2023(), agency: SHORT }, replace: false, uncertain: [] });
    h()['report:move']({ id: opened.summary.id, agency: OWN });
    const stale = h()['report:save']({ id: opened.summary.id, report: { ...opened.report, text: { ...opened.report.text, other: '旧窗口' } }, baseVersion: opened.summary.version });
    expect(stale.conflict).toBeTruthy();
    expect(getReportBody(db, opened.summary.id).agency).toBe(OWN);
    expect(listRevisions(db, opened.summary.id).some((v) => v.reason === 'conflict')).toBe(true);
  });
});

describe('本机关 and published', () => {
  it('本机关 are listed first, then the reference agencies', () => {
    h()['report:create']({ agency: '上海市人民政府办公厅', year: 2024 });
    h()['report:create']({ agency: OWN, year: 2024 });
    expect(h()['archive:list']({}).agencies.map((a) => a.name)).toEqual(['上海市人民政府办公厅', OWN]);
    const id = h()['archive:list']({}).agencies.find((a) => a.name === OWN)!.id;
    expect(h()['agency:update']({ id, own: true }).own).toBe(true);
    const list = h()['archive:list']({});
    expect(list.agencies.map((a) => [a.name, a.own])).toEqual([[OWN, true], ['上海市人民政府办公厅', false]]);
    expect(list.reports[0]!.agency).toBe(OWN);
  });
});

describe('重新结转', () => {
  it('takes last year\'s changed figures into the carried cells the clerk has not typed over', () => {
    const prev = h()['import:confirm']({ report: qingshi2023(), replace: false, uncertain: [] });
    void prev;
    const o = h()['report:create']({ agency: OWN, year: 2024, carryOver: true });
    const carriedOver = o.report.requests.carriedOver!.slice();
    // Last year's report is corrected afterwards: 结转下年度 goes up by 1 for 自然人.
    const p = listReports(db).find((r) => r.year === 2023)!;
    const body: Report = getReportBody(db, p.id);
    body.requests.carriedForward![0]! += 1;
    body.requests.carriedForward![6]! += 1;
    body.requests.resultTotal![0]! -= 1;
    body.requests.resultTotal![6]! -= 1;
    body.requests.granted![0]! -= 1;
    body.requests.granted![6]! -= 1;
    h()['report:save']({ id: p.id, report: body, baseVersion: p.version });
    expect(h()['report:open']({ id: o.summary.id }).findings.some((f) => f.rule === 'Y-1')).toBe(true);
    const again = h()['report:recarry']({ id: o.summary.id });
    expect(again.report.requests.carriedOver![0]).toBe(carriedOver[0]! + 1);
    expect(again.findings.some((f) => f.rule === 'Y-1')).toBe(false);
    expect(listRevisions(db, o.summary.id)[0]!.note).toContain('重新结转');
  });
});

describe('history', () => {
  it('versions are numbered within the report, and a restore note names that number', () => {
    h()['report:create']({ agency: '甲', year: 2020 });
    const o = h()['report:create']({ agency: OWN, year: 2024 });
    const body = { ...o.report, text: { ...o.report.text, other: '未收取信息处理费。' } };
    clock += 10 * 60 * 1000;
    h()['report:save']({ id: o.summary.id, report: body, baseVersion: o.summary.version });
    const first = h()['report:revisions']({ id: o.summary.id }).at(-1)!;
    expect(h()['report:revisions']({ id: o.summary.id }).map((v) => v.number)).toEqual([2, 1]);
    h()['report:restore']({ id: o.summary.id, revisionId: first.id });
    const after = h()['report:revisions']({ id: o.summary.id });
    expect(after.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(after[0]!.note).toBe('恢复自版本 1');
  });
});

describe('复制为… another year', () => {
  it('the statistics period and the title follow the new year; a year left elsewhere is R-9', () => {
    const src = h()['report:create']({ agency: OWN, year: 2023 });
    const copy = h()['report:duplicate']({ id: src.summary.id, year: 2022 });
    expect(copy.report.text.preamble).toContain('统计期限自2022年1月1日起至2022年12月31日止');
    expect(copy.report.text.preamble).toContain(`${OWN}2022年政府信息公开工作年度报告`);
    expect(copy.report.text.preamble).not.toContain('2023');
    // 六's template sentence still says 2023年度: the checks say so.
    expect(copy.findings.filter((f) => f.rule === 'R-9').map((f) => f.cells[0])).toEqual(['text.other']);
  });
});

describe('cli import --agency', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.file('.') });
    return { code, out, err };
  }
  it('a close name is stored under the given agency and says so; a different one is refused unless --force-agency', async () => {
    closeArchive(db);
    const close = tmp.file('close.txt');
    writeFileSync(close, published2023());
    const r = await cli(['import', close, '--db', file, '--agency', OWN]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`原文的机关名称为“${SHORT}”，按 --agency 存入“${OWN}”`);
    const other = tmp.file('other.txt');
    writeFileSync(other, renderReport({ ...qingshi2024(), agency: '示例县白沙镇人民政府' }, 'pipe'));
    const refused = await cli(['import', other, '--db', file, '--agency', OWN]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('“示例县白沙镇人民政府”与 --agency 指定的“示例县青石镇人民政府”不同，未保存');
    const forced = await cli(['import', other, '--db', file, '--agency', OWN, '--force-agency']);
    expect(forced.code).toBe(0);
    const list = await cli(['list', '--db', file]);
    expect(list.out).not.toContain('白沙镇');
    expect(list.out.match(/示例县青石镇人民政府\t/g)).toHaveLength(2);
    db = openArchive(file);
    // Read from published pages: 已发布, like an import in the app.
    expect(listReports(db).map((r) => r.published)).toEqual([true, true]);
  });
});

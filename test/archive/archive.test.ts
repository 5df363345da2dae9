/** The archive through its services, on a real SQLite file. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyReport, validateJson } from '../../report';
import { createHandlers } from '../../main/api/handlers';
import { dispatch } from '../../main/api/dispatch';
import { storeImported } from '../../main/db/store';
import { openArchive, type Db } from '../../main/db/open';
import { getReportBody } from '../../main/db/reports';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFixtureJson, FIXTURES, qingshi2023, qingshi2024, readFixture } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
let db: Db;
let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date(clock);
let n = 0;
beforeEach(() => {
  db = openArchive(tmp.file(`a${n++}.sqlite`));
  clock = Date.parse('2026-01-10T09:00:00Z');
});
const h = () => createHandlers({ db, now });

describe('round trip', () => {
  it.each(allFixtureJson())('%s goes in and comes out equal as data', (f) => {
    const v = validateJson(readFixture(f));
    if (!v.ok) throw new Error('fixture');
    const { row } = storeImported(db, v.report);
    const back = getReportBody(db, row.id);
    expect(back).toEqual(v.report);
    if (f.includes('qingshi')) expect(back).toEqual(readFixture(f)); // complete fixtures: byte-for-byte data
  });

  it('keeps money strings with trailing zeros', () => {
    const r = qingshi2024();
    r.active.fees!.amount = '0.9840';
    const { row } = storeImported(db, r);
    expect(getReportBody(db, row.id).active.fees!.amount).toBe('0.9840');
  });
});

describe('reports and revisions', () => {
  it('creates a zero-filled report in the format of its year, one per agency and year', async () => {
    const o = await h()['report:create']({ agency: ' 某镇人民政府 ', year: 2020 });
    expect(o.summary).toMatchObject({ agency: '某镇人民政府', year: 2020, format: 'gov-2019', status: 'draft', errors: 0, deadline: '2021-01-31' });
    expect(o.report).toEqual(emptyReport('gov-2019', '某镇人民政府', 2020));
    await expect(async () => h()['report:create']({ agency: '某镇人民政府', year: 2020 })).rejects.toThrow(/已有/);
  });

  it('keeps one revision per five minutes of editing, and a new one after', async () => {
    const { summary } = await h()['report:create']({ agency: '某镇人民政府', year: 2025 });
    const edit = async (v: number) => {
      const { report: r, summary: now } = await h()['report:open']({ id: summary.id });
      r.requests.newReceived = [v, 0, 0, 0, 0, 0, v];
      r.requests.carriedForward = [v, 0, 0, 0, 0, 0, v];
      return h()['report:save']({ id: summary.id, report: r, baseVersion: now.version });
    };
    await edit(1);
    clock += 60_000;
    await edit(2);
    let revs = await h()['report:revisions']({ id: summary.id });
    expect(revs.map((r) => r.reason)).toEqual(['edit', 'create']);
    clock += 6 * 60_000;
    const saved = await edit(3);
    expect(saved.findings.map((f) => f.rule)).toEqual(['TEXT-PLACEHOLDER', 'C-1', 'C-1', 'C-3']); // a blank template: its completeness warnings
    revs = await h()['report:revisions']({ id: summary.id });
    expect(revs.map((r) => r.reason)).toEqual(['edit', 'edit', 'create']);
    // The state of the first window is its last save: 2, not 1.
    const first = await h()['report:revision']({ id: summary.id, revisionId: revs[1]!.id });
    expect(first.requests.newReceived![0]).toBe(2);
    // Restoring is itself a revision, and the latest state is what was restored.
    const restored = await h()['report:restore']({ id: summary.id, revisionId: revs[1]!.id });
    expect(restored.report.requests.newReceived![0]).toBe(2);
    expect((await h()['report:revisions']({ id: summary.id }))[0]!.reason).toBe('restore');
  });

  it('counts errors and warnings with last year from the archive', async () => {
    storeImported(db, qingshi2023());
    const r = qingshi2024();
    r.requests.carriedOver = [0, 0, 0, 0, 0, 0, 0]; // Y-1 against 2023, and T3-1
    const { row } = storeImported(db, r);
    const o = await h()['report:open']({ id: row.id });
    expect(o.previous?.year).toBe(2023);
    expect(new Set(o.findings.map((f) => f.rule))).toEqual(new Set(['T3-1', 'X-1', 'Y-1']));
    expect(o.summary.errors).toBeGreaterThan(0);
  });

  it('finalises only without errors, refuses edits when final, and 重新编辑 reopens', async () => {
    const { row } = storeImported(db, qingshi2024());
    const fin = await h()['report:setStatus']({ id: row.id, status: 'final' });
    expect(fin.status).toBe('final');
    await expect(async () => h()['report:save']({ id: row.id, report: qingshi2024(), baseVersion: fin.version })).rejects.toThrow(/已定稿/);
    const draft = await h()['report:setStatus']({ id: row.id, status: 'draft' });
    const broken = qingshi2024();
    broken.requests.granted![0] = 9;
    await h()['report:save']({ id: row.id, report: broken, baseVersion: draft.version });
    await expect(async () => h()['report:setStatus']({ id: row.id, status: 'final' })).rejects.toThrow(/错误，不能定稿/);
  });

  it('delete is undoable until purged', async () => {
    const { row } = storeImported(db, qingshi2024());
    await h()['report:delete']({ id: row.id });
    expect((await h()['archive:list']({})).reports).toEqual([]);
    expect((await h()['archive:list']({ deleted: true })).reports.map((r) => r.id)).toEqual([row.id]);
    await h()['report:undelete']({ id: row.id });
    expect((await h()['archive:list']({})).reports.map((r) => r.id)).toEqual([row.id]);
    await h()['report:delete']({ id: row.id });
    await h()['report:purge']({ id: row.id });
    expect((await h()['archive:list']({ deleted: true })).reports).toEqual([]);
  });

  it('renaming an agency keeps its reports; names must stay unique', async () => {
    const { row } = storeImported(db, qingshi2024());
    await h()['report:create']({ agency: '示例县城区服务中心', year: 2025 });
    const renamed = await h()['agency:update']({ id: row.agencyId, name: '示例县青石镇人民政府（更正）', deadline: '02-20' });
    expect(renamed).toMatchObject({ name: '示例县青石镇人民政府（更正）', inferredLevel: 'township', deadline: '02-20' });
    const { report: body, summary } = await h()['report:open']({ id: row.id });
    expect([body.agency, body.closing.agency]).toEqual(['示例县青石镇人民政府（更正）', '示例县青石镇人民政府（更正）']);
    await h()['report:save']({ id: row.id, report: body, baseVersion: summary.version }); // the renamed report still saves
    const list = await h()['archive:list']({});
    expect(list.reports.find((r) => r.id === row.id)).toMatchObject({ agency: '示例县青石镇人民政府（更正）', deadline: '2025-02-20' });
    await expect(async () => h()['agency:update']({ id: row.agencyId, name: '示例县城区服务中心' })).rejects.toThrow(/已有名为/);
  });

  it('duplicates a report as another year of the same format, with an empty closing date', async () => {
    const { row } = storeImported(db, qingshi2024());
    const copy = await h()['report:duplicate']({ id: row.id, year: 2025 });
    expect(copy.report.year).toBe(2025);
    expect(copy.report.closing.date).toBe('');
    await expect(async () => h()['report:duplicate']({ id: row.id, year: 2020 })).rejects.toThrow(/格式不同/);
  });

  it('按明细重算总计 replaces stale published totals as a revision', async () => {
    const r = qingshi2024();
    r.requests.resultTotal![6] = 11; // as published, disagreeing with its cells
    const { row } = storeImported(db, r);
    const opened = await h()['report:open']({ id: row.id });
    expect(opened.staleTotals).toEqual(['requests.resultTotal.6']);
    expect(opened.report.requests.resultTotal![6]).toBe(11); // opening never rewrites
    const fixed = await h()['report:recompute']({ id: row.id });
    expect(fixed.report.requests.resultTotal![6]).toBe(10);
    expect((await h()['report:revisions']({ id: row.id })).map((x) => x.reason)).toEqual(['recompute', 'import']);
  });
});

describe('dispatch', () => {
  it('answers { ok, value } and rejects invalid input with a message, never dropping it', async () => {
    const handlers = h();
    const ok = await dispatch(handlers, 'report:create', { agency: '某镇人民政府', year: 2025 });
    expect(ok.ok).toBe(true);
    for (const bad of [{ agency: '某镇', year: '2025' }, { agency: '某镇', year: 2025, extra: 1 }, { agency: '../../x', year: 2025 }, { agency: 'x'.repeat(101), year: 2025 }, null]) {
      const r = await dispatch(handlers, 'report:create', bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('BAD_INPUT');
    }
    const saved = await dispatch(handlers, 'report:save', { id: 1, report: { format: 'gov-2021' }, baseVersion: 1 });
    expect(!saved.ok && saved.error).toMatchObject({ code: 'INVALID' });
    expect(!saved.ok && saved.error.message).toMatch(/报告数据有误/);
    const missing = await dispatch(handlers, 'report:open', { id: 999 });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到这份报告' } });
  });

  it('refuses to save a body of another year or agency into a report', async () => {
    const handlers = h();
    const created = await dispatch(handlers, 'report:create', { agency: '某镇人民政府', year: 2024 });
    const id = created.ok ? created.value.summary.id : 0;
    const other = await dispatch(handlers, 'report:save', { id, report: qingshi2024(), baseVersion: 1 });
    expect(!other.ok && other.error.message).toMatch(/不能保存为/);
  });
});

describe('export and notices through the services', () => {
  it('export:save hands the bytes to the host and remembers nothing the renderer named', async () => {
    const { row } = storeImported(db, qingshi2024());
    const { browserHost } = await import('../../main/export/host');
    const handlers = createHandlers({ db, host: browserHost });
    const r = await dispatch(handlers, 'export:save', { id: row.id, kind: 'docx' });
    expect(r.ok && r.value).toMatchObject({ saved: true, fileName: '示例县青石镇人民政府2024年政府信息公开工作年度报告.docx', location: null });
    const bytes = Buffer.from((r.ok && r.value.download?.base64) || '', 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const withPath = await dispatch(handlers, 'export:save', { id: row.id, kind: 'docx', path: '/tmp/x.docx' });
    expect(withPath.ok).toBe(false);
    expect(await dispatch(createHandlers({ db }), 'export:save', { id: row.id, kind: 'docx' })).toMatchObject({ ok: false });
  });

  it('a notice is shown once: seen after it is marked', async () => {
    const handlers = createHandlers({ db });
    expect(await dispatch(handlers, 'notice:seen', { key: 'missing-fonts' })).toEqual({ ok: true, value: false });
    await dispatch(handlers, 'notice:mark', { key: 'missing-fonts' });
    expect(await dispatch(handlers, 'notice:seen', { key: 'missing-fonts' })).toEqual({ ok: true, value: true });
    const fonts = await dispatch(handlers, 'export:fonts', {});
    expect(fonts.ok && fonts.value.map((f) => f.name)).toEqual(expect.arrayContaining(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312']));
  });
});

describe('carry-over from the archive', () => {
  it('fills 上年结转 and 现行有效件数 from last year, marks them, and can be undone', async () => {
    storeImported(db, qingshi2023());
    const o = await h()['report:create']({ agency: '示例县青石镇人民政府', year: 2024, carryOver: true });
    const prev = qingshi2023();
    expect(o.report.requests.carriedOver).toEqual(prev.requests.carriedForward);
    expect(o.report.active.normativeDocs!.inForce).toBe(prev.active.normativeDocs!.inForce);
    expect(o.summary.carried.map((c) => c.path)).toEqual(expect.arrayContaining(['requests.carriedOver.0', 'active.normativeDocs.inForce']));
    expect(o.summary.carried.find((c) => c.path === 'requests.carriedOver.6')?.from).toBe('requests.carriedForward.6');
    expect(o.findings.filter((f) => f.rule.startsWith('Y-'))).toEqual([]);
    expect((await h()['report:revisions']({ id: o.summary.id })).map((r) => r.reason)).toEqual(['carry-over']);
    const undone = await h()['report:undoCarryOver']({ id: o.summary.id });
    expect(undone.report.requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(undone.summary.carried).toEqual([]);
    expect(undone.findings.map((f) => f.rule)).toContain('Y-1');
  });

  it('undoing the carry-over keeps a carried cell the clerk has corrected since', async () => {
    storeImported(db, qingshi2023());
    const o = await h()['report:create']({ agency: '示例县青石镇人民政府', year: 2024, carryOver: true });
    const edited = structuredClone(o.report);
    edited.active.normativeDocs!.inForce = 20;
    await h()['report:save']({ id: o.summary.id, report: edited, baseVersion: o.summary.version });
    const undone = await h()['report:undoCarryOver']({ id: o.summary.id });
    expect(undone.report.active.normativeDocs!.inForce).toBe(20);
    expect(undone.report.requests.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses to carry over when last year is not in the archive', async () => {
    await expect(async () => h()['report:create']({ agency: '某镇人民政府', year: 2025, carryOver: true })).rejects.toThrow(/没有“某镇人民政府”2024年度的报告/);
  });
});

describe('import through the services: preview, then confirm', () => {
  const dajin = () => readFileSync(join(FIXTURES, 'published/dajin-2024.txt'));

  it('previews a published page without writing, then saves it; a second import shows the differences', async () => {
    const handlers = createHandlers({ db, now });
    const p = await dispatch(handlers, 'import:preview', { file: { fileName: 'dajin-2024.txt', dataBase64: dajin().toString('base64') } });
    if (!p.ok) throw new Error(p.error.message);
    const expected = readFixture('published/dajin-2024.json') as { requests: unknown; appeals: unknown };
    expect(p.value.report.requests).toEqual(expected.requests);
    expect(p.value.report.appeals).toEqual(expected.appeals);
    expect(p.value.existing).toBeNull();
    expect((await dispatch(handlers, 'archive:list', {})).ok && (await h()['archive:list']({})).reports).toEqual([]);

    const saved = await dispatch(handlers, 'import:confirm', { report: p.value.report, replace: false, uncertain: [] });
    expect(saved.ok).toBe(true);
    const changed = structuredClone(p.value.report);
    changed.appeals.review = [1, 0, 0, 0, 1];
    const again = await dispatch(handlers, 'import:preview', { text: JSON.stringify(changed) });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.existing?.year).toBe(2024);
    expect(again.value.differences.map((d) => d.path)).toEqual(['appeals.review.0', 'appeals.review.4']);
    const refused = await dispatch(handlers, 'import:confirm', { report: changed, replace: false, uncertain: [] });
    expect(!refused.ok && refused.error.message).toMatch(/档案中已有/);
    const replaced = await dispatch(handlers, 'import:confirm', { report: changed, replace: true, uncertain: ['appeals.review.0'] });
    expect(replaced.ok && replaced.value.report.appeals.review).toEqual([1, 0, 0, 0, 1]);
    const revs = await h()['report:revisions']({ id: replaced.ok ? replaced.value.summary.id : 0 });
    expect(revs.map((r) => r.reason)).toEqual(['import', 'import']);
    expect(revs[0]!.note).toMatch(/1个不确定的数字已由用户确认/);
  });

  it('bad input gets a Chinese message and writes nothing', async () => {
    const handlers = createHandlers({ db, now });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r = await dispatch(handlers, 'import:preview', { file: { fileName: '报告.docx', dataBase64: png.toString('base64') } });
    expect(!r.ok && r.error.message).toMatch(/这是一张图片，不是年报文件/);
    const both = await dispatch(handlers, 'import:preview', { text: 'x', file: { fileName: 'a.txt', dataBase64: '' } });
    expect(both.ok).toBe(false);
    expect((await h()['archive:list']({})).reports).toEqual([]);
  });
});

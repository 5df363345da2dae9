/**
 * Two editors on one report (two tabs, a tab left open overnight, a restore in another window):
 * a save based on an older version never replaces the newer state, and what it carried is kept.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../report';
import { createHandlers } from '../../main/api/handlers';
import { openArchive, type Db } from '../../main/db/open';
import { getReportBody, getReportRow, insertReport, saveEdit, setStatus, softDelete, restoreDeleted } from '../../main/db/reports';
import { getRevisionBody, listRevisions } from '../../main/db/revisions';
import { updateAgency } from '../../main/db/agencies';
import { emptyReport } from '../../report';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
let db: Db;
let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date(clock);
let n = 0;
beforeEach(() => {
  db = openArchive(tmp.file(`c${n++}.sqlite`));
  clock = Date.parse('2026-01-10T09:00:00Z');
});
const h = () => createHandlers({ db, now });
const counts = { errors: 0, warnings: 0 };
const at = () => new Date(clock).toISOString();
const withText = (r: Report, part: keyof Report['text'], text: string): Report => ({ ...structuredClone(r), text: { ...r.text, [part]: text } });
/** Every text the archive holds for a report: its body and every revision. */
const everything = (id: number) => [JSON.stringify(getReportBody(db, id)), ...listRevisions(db, id).map((v) => JSON.stringify(getRevisionBody(db, id, v.id)))].join('\n');

function fresh(): { id: number; report: Report; version: number } {
  const report = emptyReport('gov-2021', '某镇人民政府', 2025);
  const row = insertReport(db, report, { reason: 'create', counts, now: at() });
  return { id: row.id, report, version: row.version };
}

describe('saveEdit (the store)', () => {
  it('writes a save based on the current version and raises the version', () => {
    const { id, report, version } = fresh();
    expect(version).toBe(1);
    const out = saveEdit(db, id, withText(report, 'other', '六的文字'), { counts, now: at(), baseVersion: 1 });
    expect(out.kind).toBe('saved');
    expect(out.row.version).toBe(2);
    expect(getReportBody(db, id).text.other).toBe('六的文字');
  });

  it('keeps a stale save as its own revision; the newer state and its revision stay untouched', () => {
    const { id, report } = fresh();
    clock += 30_000;
    saveEdit(db, id, withText(report, 'other', 'B写的六'), { counts, now: at(), baseVersion: 1 }); // tab B
    clock += 30_000; // well inside the five-minute window that merges edits into one revision
    const a = saveEdit(db, id, withText(report, 'preamble', 'A写的导语'), { counts, now: at(), baseVersion: 1 }); // stale tab A
    expect(a.kind).toBe('stale');
    expect(getReportBody(db, id).text.other).toBe('B写的六');
    expect(getReportBody(db, id).text.preamble).not.toContain('A写的导语');
    expect(getReportRow(db, id)!.version).toBe(2);
    const revs = listRevisions(db, id);
    expect(revs.map((r) => r.reason)).toEqual(['conflict', 'edit', 'create']);
    expect(getRevisionBody(db, id, revs[1]!.id).text.other).toBe('B写的六'); // not merged away
    expect(a.kind === 'stale' && getRevisionBody(db, id, a.revisionId).text.preamble).toBe('A写的导语');
    // And B keeps working: its next edit is not merged into A's kept revision.
    clock += 10_000;
    saveEdit(db, id, withText(getReportBody(db, id), 'other', 'B写的六，又改'), { counts, now: at(), baseVersion: 2 });
    expect(getRevisionBody(db, id, a.kind === 'stale' ? a.revisionId : 0).text.preamble).toBe('A写的导语');
    for (const t of ['B写的六', 'A写的导语', 'B写的六，又改']) expect(everything(id)).toContain(t);
  });

  it('accepts a version its own editor wrote (ownVersion), and nothing else', () => {
    const { id, report } = fresh();
    saveEdit(db, id, withText(report, 'other', '1'), { counts, now: at(), baseVersion: 1 });
    expect(saveEdit(db, id, withText(report, 'other', '2'), { counts, now: at(), baseVersion: 1, ownVersion: 2 }).kind).toBe('saved');
    expect(saveEdit(db, id, withText(report, 'other', '3'), { counts, now: at(), baseVersion: 1, ownVersion: 2 }).kind).toBe('stale');
  });

  it('every change of the report raises the version: status, delete, undelete, rename', () => {
    const { id } = fresh();
    const v = () => getReportRow(db, id)!.version;
    setStatus(db, id, 'final', at());
    expect(v()).toBe(2);
    setStatus(db, id, 'draft', at());
    softDelete(db, id, at());
    restoreDeleted(db, id);
    expect(v()).toBe(5);
    updateAgency(db, getReportRow(db, id)!.agencyId, { name: '某镇人民政府（更正）' });
    expect(v()).toBe(6);
  });
});

describe('report:save through the services', () => {
  it('answers a stale save with the conflict and the time of the newer change', async () => {
    const o = await h()['report:create']({ agency: '某镇人民政府', year: 2025 });
    clock += 60_000;
    const b = await h()['report:save']({ id: o.summary.id, report: withText(o.report, 'other', 'B写的六'), baseVersion: o.summary.version });
    expect(b.conflict).toBeNull();
    clock += 60_000;
    const a = await h()['report:save']({ id: o.summary.id, report: withText(o.report, 'preamble', 'A写的导语'), baseVersion: o.summary.version });
    expect(a.conflict).toEqual({ revisionId: expect.any(Number), changedAt: b.summary.updatedAt });
    expect(a.summary.version).toBe(b.summary.version);
    expect((await h()['report:open']({ id: o.summary.id })).report.text.other).toBe('B写的六');
    expect((await h()['report:revision']({ id: o.summary.id, revisionId: a.conflict!.revisionId })).text.preamble).toBe('A写的导语');
  });

  it('a restore raises the version: the stale editor typing once afterwards does not undo the restore', async () => {
    const handlers = h();
    const o = await handlers['report:create']({ agency: '某镇人民政府', year: 2025 });
    clock += 6 * 60_000;
    const s1 = await handlers['report:save']({ id: o.summary.id, report: withText(o.report, 'other', '第一稿'), baseVersion: o.summary.version });
    const revs = await handlers['report:revisions']({ id: o.summary.id });
    const restored = await handlers['report:restore']({ id: o.summary.id, revisionId: revs.at(-1)!.id }); // back to the template
    expect(restored.summary.version).toBeGreaterThan(s1.summary.version);
    const stale = await handlers['report:save']({ id: o.summary.id, report: withText(o.report, 'other', '第一稿，再加一句'), baseVersion: s1.summary.version });
    expect(stale.conflict).not.toBeNull();
    expect((await handlers['report:open']({ id: o.summary.id })).report.text.other).toBe(restored.report.text.other);
  });

  it("a page's close-time save that overtakes its previous save's answer is still its own, newer state", async () => {
    const handlers = h();
    const o = await handlers['report:create']({ agency: '某镇人民政府', year: 2025 });
    const base = o.summary.version;
    const id = o.summary.id;
    // The autosave (seq 1) arrives; the page closes before its answer and sends seq 2 on the same base.
    await handlers['report:save']({ id, report: withText(o.report, 'other', '甲'), baseVersion: base, origin: { editor: 'tab-aaaaaaaa', seq: 1 } });
    const last = await handlers['report:save']({ id, report: withText(o.report, 'other', '甲乙'), baseVersion: base, origin: { editor: 'tab-aaaaaaaa', seq: 2 } });
    expect(last.conflict).toBeNull();
    expect((await handlers['report:open']({ id })).report.text.other).toBe('甲乙');
    // The same base from another editor, or an older save of this one arriving late, is stale.
    const other = await handlers['report:save']({ id, report: withText(o.report, 'other', '丙'), baseVersion: base, origin: { editor: 'tab-bbbbbbbb', seq: 9 } });
    expect(other.conflict).not.toBeNull();
    const late = await handlers['report:save']({ id, report: withText(o.report, 'other', '甲'), baseVersion: base, origin: { editor: 'tab-aaaaaaaa', seq: 1 } });
    expect(late.conflict).not.toBeNull();
    expect((await handlers['report:open']({ id })).report.text.other).toBe('甲乙');
  });

  it('an agency rename elsewhere makes an open editor stale: its content is kept, not refused as another agency’s', async () => {
    const handlers = h();
    const o = await handlers['report:create']({ agency: '某镇人民政府', year: 2025 });
    clock += 60_000;
    await handlers['agency:update']({ id: o.summary.agencyId, name: '某镇人民政府（更正）' });
    const stale = await handlers['report:save']({ id: o.summary.id, report: withText(o.report, 'other', '改名前打开的页面写的'), baseVersion: o.summary.version });
    expect(stale.conflict).not.toBeNull();
    const rename = (await handlers['report:revisions']({ id: o.summary.id })).find((r) => r.reason === 'rename')!;
    expect(stale.conflict!.changedAt).toBe(rename.updatedAt);
    expect((await handlers['report:revision']({ id: o.summary.id, revisionId: stale.conflict!.revisionId })).text.other).toBe('改名前打开的页面写的');
  });

  it('restoring a revision from before an agency rename keeps the current agency, so later saves work', async () => {
    const handlers = h();
    const o = await handlers['report:create']({ agency: '某镇人民政府', year: 2025 });
    const first = (await handlers['report:revisions']({ id: o.summary.id })).at(-1)!;
    await handlers['agency:update']({ id: o.summary.agencyId, name: '某镇人民政府（更正）' });
    const restored = await handlers['report:restore']({ id: o.summary.id, revisionId: first.id });
    expect(restored.report.agency).toBe('某镇人民政府（更正）');
    const saved = await handlers['report:save']({ id: o.summary.id, report: restored.report, baseVersion: restored.summary.version });
    expect(saved.conflict).toBeNull();
  });
});

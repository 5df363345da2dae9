/**
 * 更正名称 (issue 21 #2): drafts take the new name; 已定稿 and 已发布 reports keep the name they were
 * published with unless re-issued; the former name is kept (migration 0006) and the checks find it
 * left in a text.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type ReportHandlers } from '../../main/api/handlers';
import { openArchive, type Db } from '../../main/db/open';
import { getReportBody, getReportRow } from '../../main/db/reports';
import { listRevisions } from '../../main/db/revisions';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
let db: Db;
let n = 0;
let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date((clock += 1000));
type Sync = { [C in keyof ReportHandlers]: (input: Parameters<ReportHandlers[C]>[0]) => Awaited<ReturnType<ReportHandlers[C]>> };
const h = () => createHandlers({ db, now }) as unknown as Sync;
const OLD = '示例县青石镇人民政府';
const NEW = '示例县青石街道办事处';

/** 2023 imported as published, 2024 已定稿, 2025 a draft whose 导语 names the town. */
async function seed() {
  const published = await h()['import:confirm']({ report: qingshi2023(), replace: false, uncertain: [], published: true });
  const final = await h()['import:confirm']({ report: qingshi2024(), replace: false, uncertain: [] });
  h()['report:setStatus']({ id: final.summary.id, status: 'final' });
  const draft = h()['report:create']({ agency: OLD, year: 2025 });
  h()['report:save']({ id: draft.summary.id, report: { ...draft.report, text: { ...draft.report.text, preamble: '本报告由青石镇人民政府编制。' } }, baseVersion: draft.summary.version });
  const agency = h()['archive:list']({}).agencies.find((a) => a.name === OLD)!;
  return { agency: agency.id, published: published.summary.id, final: final.summary.id, draft: draft.summary.id };
}

beforeEach(() => {
  db = openArchive(tmp.file(`r${n++}.sqlite`));
});

describe('更正名称 with finished reports', () => {
  it("'keep' (the default): published and 已定稿 reports keep their name, the draft follows, the old name is remembered", async () => {
    const s = await seed();
    const info = h()['agency:update']({ id: s.agency, name: NEW });
    expect(info.formerNames).toEqual([OLD]);
    expect(getReportBody(db, s.published).agency).toBe(OLD);
    expect(getReportBody(db, s.final)).toMatchObject({ agency: OLD, closing: { agency: OLD } });
    expect(getReportRow(db, s.final)!.status).toBe('final');
    expect(getReportBody(db, s.draft).agency).toBe(NEW);
    expect(h()['archive:list']({}).agencies[0]).toMatchObject({ name: NEW, formerNames: [OLD] });
  });

  it("'reissue': every report takes the new name, a 已定稿 one becomes a draft, the revision says re-issued", async () => {
    const s = await seed();
    h()['agency:update']({ id: s.agency, name: NEW, finished: 'reissue' });
    expect(getReportBody(db, s.published).agency).toBe(NEW);
    expect(getReportBody(db, s.final)).toMatchObject({ agency: NEW, closing: { agency: NEW } });
    expect(getReportRow(db, s.final)!.status).toBe('draft');
    expect(listRevisions(db, s.final)[0]!.note).toBe(`机关名称由“${OLD}”更正为“${NEW}”（重新发布）`);
  });

  it('renaming back removes the name from the former names, and a merge keeps the merged name', async () => {
    const s = await seed();
    h()['agency:update']({ id: s.agency, name: NEW });
    expect(h()['agency:update']({ id: s.agency, name: OLD }).formerNames).toEqual([NEW]);
    const other = h()['report:create']({ agency: '青石镇政府', year: 2019 });
    h()['agency:merge']({ from: other.summary.agencyId, into: s.agency, decisions: {} });
    expect(h()['archive:list']({}).agencies.find((a) => a.id === s.agency)!.formerNames).toEqual(['青石镇政府', NEW]);
  });
});

describe('migration 0006 (agency_names)', () => {
  it('adds the name history to a version-5 archive, keeping its agencies; a deleted agency takes its names along', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { migrate, schemaVersion } = await import('../../main/db/migrations');
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    migrate(raw, 5);
    raw.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01T00:00:00Z')").run();
    migrate(raw, 6);
    expect(schemaVersion(raw)).toBe(6);
    raw.prepare("INSERT INTO agency_names (agency_id, name, until) VALUES (1, '某乡人民政府', '2025-06-01T00:00:00Z')").run();
    expect(raw.prepare('SELECT name FROM agencies').all()).toEqual([{ name: '某镇人民政府' }]);
    raw.prepare('DELETE FROM agencies WHERE id = 1').run();
    expect(raw.prepare('SELECT COUNT(*) AS n FROM agency_names').get()).toEqual({ n: 0 });
    raw.close();
  });
});

/**
 * 「导出整个档案」 with a damaged revision inside, and 「导入档案」 with hostile bundles: the export
 * completes and names what it left out; a bundle with anything invalid is refused before a byte
 * of it is written.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../main/lifecycle/backup';
import { buildBundle, parseBundle, serializeBundle } from '../../main/lifecycle/bundle';
import { describeSkipped } from '../../report/skipped';
import { edited, setup } from './helpers';

let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date(clock);

/** An archive with one report whose first edit (holding MARKER) is an older revision. */
async function archiveWithHistory() {
  const s = setup({ now });
  const o = await s.call('report:create', { agency: '甲镇人民政府', year: 2024 });
  clock += 60_000;
  const first = await s.call('report:save', { id: o.summary.id, report: edited(o.report, 'QXQXQ第一稿', 1), baseVersion: o.summary.version });
  clock += 10 * 60_000; // a new revision, so the marked one is history only
  await s.call('report:save', { id: o.summary.id, report: edited(o.report, '第二稿', 2), baseVersion: first.summary.version });
  return { ...s, id: o.summary.id };
}

/** Flips bytes inside the stored JSON on disk, where SQLite's integrity_check does not look. */
function flipBytes(file: string, marker: string): void {
  const buf = readFileSync(file);
  const needle = Buffer.from(marker, 'utf8');
  let hits = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + 1)) {
    buf[i] = 0x01; // a control character inside a JSON string: 「Bad control character」
    hits++;
  }
  expect(hits).toBeGreaterThan(0);
  writeFileSync(file, buf);
}

describe('a damaged revision', () => {
  it('does not block 导出整个档案: the export completes, leaves it out and names agency, year and time', async () => {
    const { services, file, dir, call, id } = await archiveWithHistory();
    const revs = await call('report:revisions', { id });
    const damaged = revs.find((r) => r.reason === 'edit' && revs.indexOf(r) > 0)!;
    services.handle().db.pragma('wal_checkpoint(TRUNCATE)');
    services.close();
    flipBytes(file, 'QXQXQ');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const again = setup({ file, now });
    const out = join(dir, '档案.json');
    again.ports.saves.push(out);
    const exported = await again.call('archive:export', {});
    expect(exported?.path).toBe(out);
    expect(exported?.skipped).toEqual([{ agency: '甲镇人民政府', year: 2024, revisionAt: damaged.updatedAt }]);
    expect(describeSkipped(exported!.skipped, (iso) => iso)).toBe(`有1项内容已损坏、无法读取，没有导出：“甲镇人民政府”2024年度报告的历史版本（${damaged.updatedAt}）。其余内容已全部导出。`);
    // What was exported imports on the other PC, with the readable history.
    const bundle = parseBundle(readFileSync(out));
    expect(bundle.payload.reports[0]!.report.text.overview).toContain('第二稿');
    expect(bundle.payload.reports[0]!.revisions).toHaveLength(revs.length - 1);

    // Viewing or restoring it says what is wrong, in one sentence.
    await expect(again.call('report:revision', { id, revisionId: damaged.id })).rejects.toThrow(/^该历史版本已损坏，无法打开$/);
    await expect(again.call('report:restore', { id, revisionId: damaged.id })).rejects.toThrow(/^该历史版本已损坏，无法打开$/);
    expect((await again.call('report:open', { id })).report.text.overview).toContain('第二稿');
    again.services.close();
  });
});

/** A bundle exported from a real archive, altered by `mutate`, with a matching checksum (a crafted file). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a crafted file is any shape
async function hostile(mutate: (payload: any) => void, file?: string): Promise<{ fileName: string; dataBase64: string }> {
  const { services } = file ? setup({ file, now }) : await archiveWithHistory();
  const bundle = JSON.parse(serializeBundle(buildBundle(services.handle().db)));
  services.close();
  mutate(bundle.payload);
  bundle.sha256 = createHash('sha256').update(JSON.stringify(bundle.payload), 'utf8').digest('hex');
  return { fileName: '档案.json', dataBase64: Buffer.from(JSON.stringify(bundle)).toString('base64') };
}

describe('an archive-import bundle is checked in full before anything is written', () => {
  const cases: [string, (p: any) => void, RegExp][] = [
    ['carried that is not a list', (p) => (p.reports[0].carried = { not: 'an array' }), /“甲镇人民政府”2024年度的报告的“自上年结转”记录应为列表/],
    ['carried naming a cell that does not exist', (p) => (p.reports[0].carried = [{ path: 'requests.nothing.9', from: 'requests.carriedForward.0', value: 1 }]), /“自上年结转”记录有误/],
    ['a revision of another agency', (p) => (p.reports[0].revisions[1].report.agency = '乙镇人民政府'), /“甲镇人民政府”2024年度的报告的第2个历史版本的机关或年度与所属报告不一致/],
    ['a revision of another year', (p) => (p.reports[0].revisions[0].report.year = 2023), /第1个历史版本/],
    ['a revision whose preamble is an array', (p) => (p.reports[0].revisions[1].report.text.preamble = ['导语']), /第2个历史版本数据有误/],
    ['a revision without its times', (p) => delete p.reports[0].revisions[0].createdAt, /第1个历史版本结构不完整/],
    ['a revision with an unknown reason', (p) => (p.reports[0].revisions[0].reason = '<script>'), /保存方式/],
    ['a report with an unknown status', (p) => (p.reports[0].status = 'published'), /状态“published”无法识别/],
    ['an agency with a bad deadline', (p) => (p.agencies[0].deadline = '13-45'), /公开截止日期有误/],
    ['待核对 naming a cell that does not exist', (p) => (p.reports[0].toVerify = ['requests.nothing.9']), /待核对单元格有误/],
    ['a roster that is not a list', (p) => (p.rosters = { not: 'a list' }), /汇总名单结构不完整/],
    ['a roster unit with a control character in its name', (p) => (p.rosters = [{ organ: '某县人民政府', year: 2024, agency: '甲镇\u001b[2J', level: 'township', status: 'pending', reason: '', receivedAt: null, fileName: '' }]), /汇总名单第1项的单位名称有误/],
    ['a roster unit with an unknown status', (p) => (p.rosters = [{ organ: '某县人民政府', year: 2024, agency: '甲镇人民政府', level: 'township', status: 'lost', reason: '', receivedAt: null, fileName: '' }]), /汇总名单第1项的级别或状态无法识别/],
  ];
  it.each(cases)('refuses %s, naming the report, and writes nothing', async (_name, mutate, message) => {
    const upload = await hostile(mutate);
    const b = setup({ now });
    await expect(b.call('archive:previewImport', { upload })).rejects.toThrow(message);
    expect((await b.call('archive:list', {})).reports).toEqual([]);
    expect((await b.call('archive:list', {})).agencies).toEqual([]);
    expect(listBackups(b.backupsDir)).toEqual([]);
    b.services.close();
  });

  it('still imports the same bundle unaltered, with every revision', async () => {
    const upload = await hostile(() => {});
    const b = setup({ now });
    const preview = await b.call('archive:previewImport', { upload });
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    const list = await b.call('archive:list', {});
    expect(list.reports.map((r) => [r.agency, r.year])).toEqual([['甲镇人民政府', 2024]]);
    expect((await b.call('report:revisions', { id: list.reports[0]!.id })).length).toBe(4); // create, 2 edits, import
    b.services.close();
  });

  it('an export of an earlier version, with revisions from before a rename under the old name, still imports', async () => {
    const a = await archiveWithHistory();
    const agencyId = (await a.call('archive:list', {})).agencies[0]!.id;
    await a.call('agency:update', { id: agencyId, name: '甲镇人民政府（更正）' });
    a.services.close();
    // What the earlier export wrote: the revisions as stored, older ones naming 甲镇人民政府.
    const upload = await hostile((p) => {
      for (const v of p.reports[0].revisions.slice(0, 3)) v.report.agency = '甲镇人民政府';
    }, a.file);
    const b = setup({ now });
    const preview = await b.call('archive:previewImport', { upload });
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    const id = (await b.call('archive:list', {})).reports[0]!.id;
    const revs = await b.call('report:revisions', { id });
    for (const r of revs) expect((await b.call('report:revision', { id, revisionId: r.id })).agency).toBe('甲镇人民政府（更正）');
    b.services.close();
  });

  it('exports a revision from before an agency rename under the current name, so the bundle imports', async () => {
    const a = await archiveWithHistory();
    const agencyId = (await a.call('archive:list', {})).agencies[0]!.id;
    await a.call('agency:update', { id: agencyId, name: '甲镇人民政府（更正）' });
    const bundle = parseBundle(serializeBundle(buildBundle(a.services.handle().db)));
    expect(bundle.payload.reports[0]!.revisions.every((v) => v.report.agency === '甲镇人民政府（更正）')).toBe(true);
    a.services.close();
  });
});

describe('a damaged carried list already in an archive', () => {
  it('does not make the archive list unreadable (it is only a marking)', async () => {
    const s = setup({ now });
    const o = await s.call('report:create', { agency: '甲镇人民政府', year: 2024 });
    s.services.handle().db.prepare('UPDATE reports SET carried = ? WHERE id = ?').run('{"not": "an array"}', o.summary.id);
    expect((await s.call('archive:list', {})).reports[0]).toMatchObject({ agency: '甲镇人民政府', carried: [] });
    s.services.handle().db.prepare('UPDATE reports SET carried = ? WHERE id = ?').run('[{"path": "requests.carri', o.summary.id);
    expect((await s.call('report:open', { id: o.summary.id })).summary.carried).toEqual([]);
    s.services.close();
  });
});

describe('汇总 rosters travel in the archive export', () => {
  it('the roster and each unit’s status come across; a unit this PC already has in a roster keeps its place', async () => {
    const a = await archiveWithHistory();
    await a.call('rollup:addUnits', { organ: '某县人民政府', year: 2024, names: ['甲镇人民政府', '乙镇人民政府'], level: 'township' });
    await a.call('rollup:updateUnit', { organ: '某县人民政府', year: 2024, agency: '乙镇人民政府', status: 'excluded', reason: '已撤并' });
    const bundle = serializeBundle(buildBundle(a.services.handle().db));
    a.services.close();
    const b = setup({ now });
    await b.call('rollup:addUnits', { organ: '另一县人民政府', year: 2024, names: ['乙镇人民政府'], level: 'township' });
    const preview = await b.call('archive:previewImport', { upload: { fileName: '档案.json', dataBase64: Buffer.from(bundle).toString('base64') } });
    const outcome = await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    expect(outcome.rosterUnits).toBe(2); // 本级 and 甲镇; 乙镇 is in 另一县's roster here
    const view = await b.call('rollup:view', { organ: '某县人民政府', year: 2024 });
    expect(view.units.map((u) => [u.agency, u.level, u.status])).toEqual([
      ['某县人民政府', 'self', 'pending'],
      ['甲镇人民政府', 'township', 'received'],
    ]);
    expect((await b.call('rollup:view', { organ: '另一县人民政府', year: 2024 })).units.map((u) => u.agency)).toContain('乙镇人民政府');
    b.services.close();
  });
});

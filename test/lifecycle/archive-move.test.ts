import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, parseBundle, serializeBundle } from '../../main/lifecycle/bundle';
import { planImport } from '../../main/lifecycle/merge';
import { edited, setup, tempDir } from './helpers';

async function oldPc() {
  const a = setup();
  const r23 = await a.call('report:create', { agency: '甲镇人民政府', year: 2023 });
  await a.call('report:save', { id: r23.summary.id, report: edited(r23.report, '旧电脑2023', 23), baseVersion: r23.summary.version });
  const r24 = await a.call('report:create', { agency: '甲镇人民政府', year: 2024 });
  await a.call('report:save', { id: r24.summary.id, report: edited(r24.report, '旧电脑2024', 24), baseVersion: r24.summary.version });
  await a.call('report:create', { agency: '乙镇人民政府', year: 2024 });
  const exportFile = join(tempDir(), '档案.json');
  a.ports.saves.push(exportFile);
  expect(await a.call('archive:export', {})).toEqual({ path: exportFile, download: null, skipped: [] });
  return { a, exportFile, r24 };
}

describe('moving the archive to another PC', () => {
  it('本机关, 已发布 (with its date) and 待核对 travel with the archive (issue 15)', async () => {
    const a = setup();
    const made = await a.call('report:create', { agency: '甲镇人民政府', year: 2023 });
    const body = { ...made.report, closing: { agency: '甲镇人民政府', date: '2024-01-22' } };
    const imported = await a.call('import:confirm', { report: { ...body, year: 2022 }, replace: false, uncertain: [], published: true, verify: ['requests.granted.0'] });
    await a.call('agency:update', { id: made.summary.agencyId, own: true });
    const exportFile = join(tempDir(), '档案.json');
    a.ports.saves.push(exportFile);
    await a.call('archive:export', {});
    const b = setup();
    b.ports.opens.push(exportFile);
    const preview = await b.call('archive:previewImport', {});
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    const list = await b.call('archive:list', {});
    expect(list.agencies.map((x) => [x.name, x.own])).toEqual([['甲镇人民政府', true]]);
    const moved = list.reports.find((r) => r.year === 2022)!;
    expect(moved).toMatchObject({ published: true, publishedOn: '2024-01-22', toVerify: ['requests.granted.0'] });
    expect(list.reports.find((r) => r.year === 2023)!.published).toBe(false);
    void imported;
  });

  it('the former names (更正名称) travel with the archive and join the new PC’s (issue 21 #2)', async () => {
    const a = setup();
    const made = await a.call('report:create', { agency: '甲镇人民政府', year: 2023 });
    await a.call('agency:update', { id: made.summary.agencyId, name: '甲街道办事处' });
    const exportFile = join(tempDir(), '档案.json');
    a.ports.saves.push(exportFile);
    await a.call('archive:export', {});
    const b = setup();
    const here = await b.call('report:create', { agency: '甲街道办事处', year: 2024 });
    await b.call('agency:update', { id: here.summary.agencyId, name: '甲街道' });
    await b.call('agency:update', { id: here.summary.agencyId, name: '甲街道办事处' });
    b.ports.opens.push(exportFile);
    const preview = await b.call('archive:previewImport', {});
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    const list = await b.call('archive:list', {});
    expect(list.agencies.map((x) => [x.name, [...x.formerNames].sort()])).toEqual([['甲街道办事处', ['甲街道', '甲镇人民政府']]]);
    // A name that is not an agency's name is refused with the file.
    const bundle = JSON.parse(readFileSync(exportFile, 'utf8'));
    bundle.payload.agencies[0].formerNames = ['甲镇\u202e人民政府'];
    // Re-sealed, so that the name itself is what is refused (not the checksum).
    bundle.sha256 = createHash('sha256').update(JSON.stringify(bundle.payload)).digest('hex');
    expect(() => parseBundle(JSON.stringify(bundle))).toThrow('曾用名有误');
  });

  it('exports everything and imports into an empty archive with history', async () => {
    const { a, exportFile } = await oldPc();
    const b = setup();
    b.ports.opens.push(exportFile);
    const preview = await b.call('archive:previewImport', {});
    expect(preview!.items.map((i) => [i.agency, i.year, i.action])).toEqual([
      ['甲镇人民政府', 2023, 'add'],
      ['甲镇人民政府', 2024, 'add'],
      ['乙镇人民政府', 2024, 'add'],
    ]);
    const outcome = await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    expect(outcome).toMatchObject({ added: 3, replaced: 0, kept: 0, identical: 0 });
    expect(outcome.backup.reason).toBe('before-import');
    const moved = await b.call('archive:list', {});
    const id = moved.reports.find((r) => r.year === 2024 && r.agency === '甲镇人民政府')!.id;
    expect((await b.call('report:open', { id })).report.text.overview).toContain('旧电脑2024');
    expect((await b.call('report:revisions', { id })).length).toBeGreaterThanOrEqual(2);
    // Importing the same file again finds everything identical.
    b.ports.opens.push(exportFile);
    const again = await b.call('archive:previewImport', {});
    expect(again!.items.every((i) => i.action === 'identical')).toBe(true);
    a.services.close();
    b.services.close();
  });

  it('shows conflicts and never overwrites one unless the user chose the incoming content', async () => {
    const { a, exportFile } = await oldPc();
    const b = setup();
    const mine = await b.call('report:create', { agency: '甲镇人民政府', year: 2024 });
    await b.call('report:save', { id: mine.summary.id, report: edited(mine.report, '新电脑内容', 1), baseVersion: mine.summary.version });
    const upload = { fileName: '档案.json', dataBase64: readFileSync(exportFile).toString('base64') };

    const p1 = await b.call('archive:previewImport', { upload });
    const conflict = p1!.items.find((i) => i.action === 'conflict')!;
    expect(conflict).toMatchObject({ agency: '甲镇人民政府', year: 2024 });
    expect(await b.call('archive:applyImport', { token: p1!.token, decisions: {} })).toMatchObject({ added: 2, kept: 1 });
    expect((await b.call('report:open', { id: mine.summary.id })).report.text.overview).toContain('新电脑内容');

    const p2 = await b.call('archive:previewImport', { upload });
    const before = await b.call('report:revisions', { id: mine.summary.id });
    expect(await b.call('archive:applyImport', { token: p2!.token, decisions: { [conflict.key]: 'incoming' } })).toMatchObject({ replaced: 1 });
    const now = await b.call('report:open', { id: mine.summary.id });
    expect(now.report.text.overview).toContain('旧电脑2024');
    const after = await b.call('report:revisions', { id: mine.summary.id });
    expect(after.length).toBe(before.length + 1);
    expect(after[0]!.reason).toBe('import');
    // The replaced content is still in the history.
    const old = await b.call('report:revision', { id: mine.summary.id, revisionId: after[1]!.id });
    expect(old.text.overview).toContain('新电脑内容');
    // A used token cannot be applied twice.
    await expect(b.call('archive:applyImport', { token: p2!.token, decisions: {} })).rejects.toThrow(/过期/);
    a.services.close();
    b.services.close();
  });

  it('refuses a truncated or altered export file', async () => {
    const { a, exportFile } = await oldPc();
    const text = readFileSync(exportFile, 'utf8');
    expect(() => parseBundle(text.slice(0, text.length - 100))).toThrow(/不是有效的JSON/);
    expect(() => parseBundle(text.replace('旧电脑2024', '改动过的'))).toThrow(/校验值不符/);
    expect(() => parseBundle('{"format":"other"}')).toThrow(/不是年报助手导出的档案/);
    const b = setup();
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, text.replace('旧电脑2024', '改动过的'));
    b.ports.opens.push(bad);
    await expect(b.call('archive:previewImport', {})).rejects.toThrow(/校验值不符/);
    expect((await b.call('archive:list', {})).reports).toEqual([]);
    a.services.close();
    b.services.close();
  });

  it('plans purely from the two lists', async () => {
    const { a } = await oldPc();
    const bundle = parseBundle(serializeBundle(buildBundle(a.services.handle().db)));
    const existing = [{ agency: '乙镇人民政府', year: 2024, body: JSON.stringify(bundle.payload.reports.find((r) => r.agency === '乙镇人民政府')!.report), updatedAt: 'x', deletedAt: null }];
    expect(planImport(existing, bundle.payload.reports).map((i) => i.action)).toEqual(['add', 'add', 'identical']);
    a.services.close();
  });
});

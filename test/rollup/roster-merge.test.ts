/**
 * Roster integrity under agency merge and report move (issue 20.4, 20.5): the status follows the
 * report a unit holds, other organs' units are never dropped, and an organ cannot go under its own unit.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { findAgency } from '../../main/db/agencies';
import { mergeAgencies, moveReport } from '../../main/db/agency-merge';
import { openArchive, type Db } from '../../main/db/open';
import { findReport } from '../../main/db/reports';
import { buildExport } from '../../main/export';
import { listRoster } from '../../main/rollup/roster';
import { buildBundle, serializeBundle } from '../../main/lifecycle/bundle';
import { setup as archiveSetup } from '../lifecycle/helpers';
import { madeReport } from './helpers';

const COUNTY = '甲县人民政府';
const OTHER = '丁县人民政府';
const Y = 2025;
const NOW = '2026-01-20T08:00:00Z';

async function setup(): Promise<{ db: Db; h: ReturnType<typeof createHandlers>; collect: (agency: string, organ?: string, i?: number) => Promise<void> }> {
  const db = openArchive(':memory:');
  const h = createHandlers({ db, now: () => new Date(NOW) });
  h['rollup:addUnits']({ organ: COUNTY, year: Y, names: ['甲县乙一镇人民政府', '甲县乙二镇人民政府', '甲县城关街道办事处'], level: 'township' });
  h['rollup:addUnits']({ organ: OTHER, year: Y, names: ['丁县丙镇人民政府'], level: 'township' });
  const collect = async (agency: string, organ = COUNTY, i = 1) => {
    const file = { fileName: `${agency}.json`, dataBase64: (await buildExport(madeReport(agency, Y, i), 'json')).data.toString('base64') };
    expect(await h['rollup:collect']({ organ, year: Y, file })).toMatchObject({ status: 'stored' });
  };
  return { db, h, collect };
}

const id = (db: Db, name: string) => findAgency(db, name)!.id;
const statuses = (db: Db, organ = COUNTY) => Object.fromEntries(listRoster(db, organ, Y).map((u) => [u.agency, [u.status, u.reportId !== null]]));

describe('roster under agency merge', () => {
  it('乙一镇 (已通过, with its report) into 乙二镇 (未交): the merged unit is 已通过 with the report', async () => {
    const { db, h, collect } = await setup();
    await collect('甲县乙一镇人民政府');
    h['rollup:updateUnit']({ organ: COUNTY, year: Y, agency: '甲县乙一镇人民政府', status: 'accepted' });
    mergeAgencies(db, id(db, '甲县乙一镇人民政府'), id(db, '甲县乙二镇人民政府'), {}, NOW);
    expect(statuses(db)).toEqual({ [COUNTY]: ['pending', false], 甲县乙二镇人民政府: ['accepted', true], 甲县城关街道办事处: ['pending', false] });
  });

  it('both hold a report: the status of the report kept (keep → 已收, incoming → 已通过)', async () => {
    for (const [decision, want] of [['keep', 'received'], ['incoming', 'accepted']] as const) {
      const { db, h, collect } = await setup();
      await collect('甲县乙一镇人民政府', COUNTY, 1);
      await collect('甲县乙二镇人民政府', COUNTY, 2);
      h['rollup:updateUnit']({ organ: COUNTY, year: Y, agency: '甲县乙一镇人民政府', status: 'accepted' });
      mergeAgencies(db, id(db, '甲县乙一镇人民政府'), id(db, '甲县乙二镇人民政府'), { [Y]: decision }, NOW);
      expect(statuses(db)['甲县乙二镇人民政府']).toEqual([want, true]);
      expect(listRoster(db, COUNTY, Y)).toHaveLength(3);
    }
  });

  it('neither holds a report: the further-along status wins (不纳入 over 未交)', async () => {
    const { db, h } = await setup();
    h['rollup:updateUnit']({ organ: COUNTY, year: Y, agency: '甲县乙一镇人民政府', status: 'excluded', reason: '已撤并' });
    mergeAgencies(db, id(db, '甲县乙一镇人民政府'), id(db, '甲县乙二镇人民政府'), {}, NOW);
    expect(listRoster(db, COUNTY, Y).find((u) => u.agency === '甲县乙二镇人民政府')).toMatchObject({ status: 'excluded', reason: '已撤并' });
  });

  it('a unit of another organ’s roster is not dropped: the merge is refused with the reason', async () => {
    const { db, collect } = await setup();
    await collect('丁县丙镇人民政府', OTHER);
    expect(() => mergeAgencies(db, id(db, '丁县丙镇人民政府'), id(db, '甲县乙二镇人民政府'), {}, NOW)).toThrow(
      '2025年度“丁县丙镇人民政府”在“丁县人民政府”的统计范围内，“甲县乙二镇人民政府”在“甲县人民政府”的统计范围内；一个单位每年只属于一个汇总单位，请先把其中一个移出名单再合并',
    );
    expect(statuses(db, OTHER)).toEqual({ [OTHER]: ['pending', false], 丁县丙镇人民政府: ['received', true] });
    expect(listRoster(db, COUNTY, Y)).toHaveLength(4);
  });

  it('a unit merged into an agency outside any roster keeps its place and status under the new name', async () => {
    const { db, h, collect } = await setup();
    await collect('甲县城关街道办事处');
    h['rollup:addUnits']({ organ: '无关县人民政府', year: 2024, names: ['甲县城关街道'], level: 'township' });
    mergeAgencies(db, id(db, '甲县城关街道办事处'), id(db, '甲县城关街道'), {}, NOW);
    expect(statuses(db)['甲县城关街道']).toEqual(['received', true]);
  });

  it('the organ cannot be merged into one of its own units: refused, the roster and its 本级 stay', async () => {
    const { db } = await setup();
    expect(() => mergeAgencies(db, id(db, COUNTY), id(db, '甲县乙一镇人民政府'), {}, NOW)).toThrow(
      '“甲县乙一镇人民政府”是“甲县人民政府”2025年度统计范围内的单位，不能把汇总单位合并到它自己的下级单位中',
    );
    expect(listRoster(db, COUNTY, Y).map((u) => [u.agency, u.level])[0]).toEqual([COUNTY, 'self']);
    expect(listRoster(db, COUNTY, Y)).toHaveLength(4);
  });
});

describe('roster under report move', () => {
  it('the organ’s own report cannot be moved under one of its units', async () => {
    const { db, collect } = await setup();
    await collect(COUNTY);
    const r = findReport(db, COUNTY, Y)!;
    expect(() => moveReport(db, r.id, '甲县乙一镇人民政府', NOW)).toThrow('“甲县乙一镇人民政府”是“甲县人民政府”2025年度统计范围内的单位，汇总单位本级的报告不能移到它的下级单位');
    expect(statuses(db)[COUNTY]).toEqual(['received', true]);
  });

  it('a report filed under the wrong unit moves with its status: the source is 未交 again, the target holds it', async () => {
    const { db, h, collect } = await setup();
    await collect('甲县乙一镇人民政府');
    h['rollup:updateUnit']({ organ: COUNTY, year: Y, agency: '甲县乙一镇人民政府', status: 'accepted' });
    moveReport(db, findReport(db, '甲县乙一镇人民政府', Y)!.id, '甲县乙二镇人民政府', NOW);
    expect(statuses(db)).toMatchObject({ 甲县乙一镇人民政府: ['pending', false], 甲县乙二镇人民政府: ['accepted', true] });
  });
});

describe('roster under an archive import (换电脑)', () => {
  it('a unit already on this PC’s roster takes the further-along status that comes with its imported report', async () => {
    const now = () => new Date('2026-01-20T08:00:00Z');
    const a = archiveSetup({ now });
    await a.call('rollup:addUnits', { organ: COUNTY, year: Y, names: ['甲县乙一镇人民政府'], level: 'township' });
    const { data, fileName } = await buildExport(madeReport('甲县乙一镇人民政府', Y, 1), 'json');
    await a.call('rollup:collect', { organ: COUNTY, year: Y, file: { fileName, dataBase64: data.toString('base64') } });
    await a.call('rollup:updateUnit', { organ: COUNTY, year: Y, agency: '甲县乙一镇人民政府', status: 'accepted' });
    const bundle = serializeBundle(buildBundle(a.services.handle().db));
    a.services.close();
    const b = archiveSetup({ now });
    await b.call('rollup:addUnits', { organ: COUNTY, year: Y, names: ['甲县乙一镇人民政府'], level: 'township' });
    const preview = await b.call('archive:previewImport', { upload: { fileName: '档案.json', dataBase64: Buffer.from(bundle).toString('base64') } });
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    const view = await b.call('rollup:view', { organ: COUNTY, year: Y });
    expect(view.units.find((u) => u.agency === '甲县乙一镇人民政府')).toMatchObject({ status: 'accepted', fileName });
    expect(view.units.find((u) => u.reportId !== null)?.agency).toBe('甲县乙一镇人民政府');
    b.services.close();
  });
});

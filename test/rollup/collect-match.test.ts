/**
 * `collect` never counts a unit twice (issue 21.8, 21.9): exact names only; a close name waits with
 * its proposed unit until --match or --accept-close; an unknown name waits unless --add-units; the
 * same file again is not a new revision. At county scale: 300 units, 10 close and 5 unknown names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { runCli } from '../../main/cli';
import { closeArchive, openArchive } from '../../main/db/open';
import { listRevisions } from '../../main/db/revisions';
import { buildExport } from '../../main/export';
import { addUnits, listRoster } from '../../main/rollup/roster';
import { matchUnit } from '../../report/rollup';
import { tempDir } from '../helpers/temp';
import { madeReport } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '测试县人民政府';
const unit = (i: number) => `测试县第${i}镇人民政府`;

async function cli(args: string[]) {
  let err = '';
  const code = await runCli(args, { out: () => undefined, err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.dir });
  return { code, err };
}

function roster(db: string, n: number) {
  const a = openArchive(db);
  addUnits(a, ORGAN, 2025, Array.from({ length: n }, (_, i) => unit(i + 1)), 'township', '2026-01-05T08:00:00Z');
  closeArchive(a);
}

const state = (db: string) => {
  const a = openArchive(db);
  try {
    const units = listRoster(a, ORGAN, 2025);
    const reports = (a.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    const revisions = (id: number) => listRevisions(a, id).length;
    return { units, reports, revs: units.filter((u) => u.reportId).map((u) => revisions(u.reportId!)) };
  } finally {
    closeArchive(a);
  }
};

describe('matching names', () => {
  it('a short name without its place is a close match, never a number apart', () => {
    expect(matchUnit('第3镇政府', [unit(3), unit(13), unit(33)])).toEqual({ kind: 'close', unit: unit(3), sure: true });
    expect(matchUnit('洪泽区人民政府', ['淮安市洪泽区人民政府'])).toMatchObject({ kind: 'close', unit: '淮安市洪泽区人民政府' });
    expect(matchUnit('城镇人民政府', ['东城镇人民政府'])).toEqual({ kind: 'none' });
    expect(matchUnit('第4镇政府', [unit(3)])).toEqual({ kind: 'none' });
  });
});

describe('collect: one unit, one report', () => {
  const db = tmp.file('one.sqlite');
  const inbox = join(tmp.dir, 'one');
  mkdirSync(inbox);

  it('a close name waits with the proposed unit; --match or --accept-close stores it as a revision, not a new unit', async () => {
    roster(db, 5);
    writeFileSync(join(inbox, '测试县第3镇人民政府.json'), (await buildExport(madeReport(unit(3), 2025, 3), 'json')).data);
    expect((await cli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db])).code).toBe(0);
    const short = madeReport('第3镇政府', 2025, 3);
    short.requests.newReceived![0]! += 1;
    short.requests.granted![0]! += 1;
    const file = join(tmp.dir, '第3镇政府.json');
    writeFileSync(file, (await buildExport(short, 'json')).data);

    const waits = await cli(['collect', file, '--into', ORGAN, '--year', '2025', '--db', db]);
    expect(waits.code).toBe(1);
    expect(waits.err).toContain(`等待确认，未保存：文件中的机关“第3镇政府”与名单中的“${unit(3)}”相近`);
    expect(waits.err).toContain(`--match "第3镇政府.json=${unit(3)}"`);
    expect(waits.err).toContain('等待确认单位 1 个（名称相近 1 个，名单中没有 0 个）');
    expect(waits.err).toContain('有 1 个文件等待决定');
    let s = state(db);
    expect(s.units).toHaveLength(6);
    expect(s.reports).toBe(1);
    expect(s.revs).toEqual([1]);

    const matched = await cli(['collect', file, '--into', ORGAN, '--year', '2025', '--db', db, '--match', `第3镇政府.json=${unit(3)}`]);
    expect(matched.code).toBe(0);
    expect(matched.err).toContain('已作为新版本保存');
    s = state(db);
    expect(s.units).toHaveLength(6);
    expect(s.reports).toBe(1);
    expect(s.revs).toEqual([2]);
  });

  it('the same file twice is not a new revision: 「与已收文件相同，未重复保存」, exit 0', async () => {
    const file = join(tmp.dir, '第3镇政府.json');
    const again = await cli(['collect', file, '--into', ORGAN, '--year', '2025', '--db', db, '--accept-close']);
    expect(again.err).toContain(`第3镇政府.json：“${unit(3)}”：与已收文件相同，未重复保存`);
    expect(again.err).toContain('与已收文件相同未重复保存 1 个');
    expect(again.code).toBe(0);
    expect(state(db).revs).toEqual([2]);
  });

  it('a name not on the roster waits unless --add-units', async () => {
    const file = join(tmp.dir, '某某县教育局.json');
    writeFileSync(file, (await buildExport(madeReport('测试县教育局', 2025, 7), 'json')).data);
    const waits = await cli(['collect', file, '--into', ORGAN, '--year', '2025', '--db', db]);
    expect(waits.code).toBe(1);
    expect(waits.err).toContain('名单中没有“测试县教育局”');
    expect(waits.err).toContain('--add-units');
    expect(state(db).units).toHaveLength(6);
    const added = await cli(['collect', file, '--into', ORGAN, '--year', '2025', '--db', db, '--add-units']);
    expect(added.code).toBe(0);
    expect(added.err).toContain('“测试县教育局”（新加入名单）');
    expect(state(db).units.find((u) => u.agency === '测试县教育局')).toMatchObject({ level: 'department', status: 'received' });
  });

  it('bad --match is a usage error', async () => {
    expect((await cli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db, '--match', '没有等号'])).code).toBe(2);
    expect((await cli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db, '--match', `别的.json=${unit(1)}`])).code).toBe(2);
  });
});

describe('收取报告 in the app: the same rule as the CLI', () => {
  it('proposes 「第3镇政府」 for 测试县第3镇人民政府, stores on confirmation, and a second copy is not a revision', async () => {
    const db = openArchive(tmp.file('ui.sqlite'));
    const h = createHandlers({ db, now: () => new Date('2026-01-20T08:00:00Z') });
    h['rollup:addUnits']({ organ: ORGAN, year: 2025, names: [unit(3), unit(13)], level: 'township' });
    const file = { fileName: '第3镇政府.docx', dataBase64: (await buildExport(madeReport('第3镇政府', 2025, 3), 'docx')).data.toString('base64') };
    expect(await h['rollup:collect']({ organ: ORGAN, year: 2025, file })).toMatchObject({ status: 'unmatched', proposal: unit(3) });
    expect(await h['rollup:collect']({ organ: ORGAN, year: 2025, file, agency: unit(3) })).toMatchObject({ status: 'stored', unit: unit(3), added: false });
    expect(await h['rollup:collect']({ organ: ORGAN, year: 2025, file, agency: unit(3) })).toMatchObject({ status: 'duplicate', message: '与已收文件相同，未重复保存' });
    const units = listRoster(db, ORGAN, 2025);
    expect(units).toHaveLength(3);
    expect(listRevisions(db, units.find((u) => u.agency === unit(3))!.reportId!)).toHaveLength(1);
    closeArchive(db);
  });
});

describe('collect at county scale: 300 units, 10 close names, 5 unknown names', () => {
  const db = tmp.file('county.sqlite');
  const inbox = join(tmp.dir, '300');
  mkdirSync(inbox);

  it('exits 1, stores only the exact names, counts nobody twice, and the summary says what waits', async () => {
    roster(db, 300);
    // Units 1…285 exact, 286…295 by their short name, 296…300 send nothing; 5 agencies off the roster.
    for (let i = 1; i <= 295; i++) {
      const name = i <= 285 ? unit(i) : `第${i}镇政府`;
      writeFileSync(join(inbox, `${name}.json`), (await buildExport(madeReport(name, 2025, i % 40), 'json')).data);
    }
    for (let k = 1; k <= 5; k++) writeFileSync(join(inbox, `外县单位${k}.json`), (await buildExport(madeReport(`邻县第${k}事务中心`, 2025, k), 'json')).data);

    const r = await cli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('共 300 个文件：已保存 285 个（新加入名单 0 个单位');
    expect(r.err).toContain('等待确认单位 15 个（名称相近 10 个，名单中没有 5 个）');
    let s = state(db);
    expect(s.units).toHaveLength(301);
    expect(s.reports).toBe(285);
    expect(s.units.filter((u) => u.status === 'received')).toHaveLength(285);

    // Confirming the close names: 10 more reports, the 285 are the same files again, the 5 still wait.
    const again = await cli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db, '--accept-close']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已保存 10 个（新加入名单 0 个单位，作为新版本 0 个');
    expect(again.err).toContain('与已收文件相同未重复保存 285 个');
    expect(again.err).toContain('等待确认单位 5 个（名称相近 0 个，名单中没有 5 个）');
    s = state(db);
    expect(s.units).toHaveLength(301);
    expect(s.reports).toBe(295);
    expect(s.units.filter((u) => u.status === 'received')).toHaveLength(295);
    expect(s.revs.every((n) => n === 1)).toBe(true);
  }, 240_000);
});

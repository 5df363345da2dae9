/**
 * The board after 退回 (issue 21.10–12, 14): who must still act, 退回 date and deadline on the row,
 * the remark and deadline in the 退回意见 above the findings (read back with python-docx), 全部通过 of
 * the units without error in one step, and the scope phrase that agrees with 「已收 n / 共 m」.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import type { Host } from '../../main/export/host';
import { migrate } from '../../main/db/migrations';
import { openArchive } from '../../main/db/open';
import { buildExport } from '../../main/export';
import { owed, owedPhrase, passable, scopePhrase } from '../../report/rollup';
import { tempDir } from '../helpers/temp';
import { madeCollection } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '某某县人民政府';
const delivered: { fileName: string; data: Buffer }[] = [];
const host: Host = {
  deliverFile: async ({ fileName, data }) => (delivered.push({ fileName, data }), { saved: true, fileName, location: null, download: null }),
  printReport: async () => ({ printed: false, url: null }),
};

describe('migration 0007', () => {
  it('adds 退回 date and deadline to the roster rows of a version-5 archive', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.exec("INSERT INTO agencies (id, name, created_at) VALUES (1, '某某县人民政府', 'x')");
    db.exec("INSERT INTO roster_units (organ_id, year, agency_id, level, position, created_at, updated_at) VALUES (1, 2024, 1, 'self', 1, 'x', 'x')");
    migrate(db);
    expect(db.prepare('SELECT returned_at, deadline FROM roster_units').get()).toEqual({ returned_at: null, deadline: null });
  });
});

describe('the board after 退回', () => {
  const db = openArchive(tmp.file('a.sqlite'));
  // The clock moves on with each call (the board's check cache is keyed by the report's save time).
  let clock = Date.parse('2026-01-20T08:00:00Z');
  const h = createHandlers({ db, host, now: () => new Date((clock += 60_000)) });
  const units = madeCollection(6);
  const key = { organ: ORGAN, year: 2024 };

  it('names who must act; the 退回 row has its date and deadline; the 退回意见 has the remark and deadline above the findings', async () => {
    await h['rollup:addUnits']({ ...key, names: units.slice(1).map((u) => u.agency), level: 'township' });
    const broken = structuredClone(units[1]!.report);
    broken.requests.carriedForward![0]! += 1;
    for (const r of [broken, units[2]!.report, units[3]!.report, units[4]!.report]) {
      const { data, fileName } = await buildExport(r, 'json');
      await h['rollup:collect']({ ...key, file: { fileName, dataBase64: data.toString('base64') } });
    }
    const remark = '请于2026年2月10日前改正表三后重新报送，联系人：王五';
    const v = await h['rollup:updateUnit']({ ...key, agency: units[1]!.agency, status: 'returned', reason: remark, deadline: '2026-02-10' });
    expect(v.units.find((u) => u.agency === units[1]!.agency)).toMatchObject({ status: 'returned', returnedAt: expect.stringMatching(/^2026-01-20T/), deadline: '2026-02-10', reason: remark });
    expect(owed(v)).toEqual({ pending: 2, returned: 1, review: 3 });
    expect(owedPhrase(v)).toBe('尚待：未交 2 个单位，已退回待改正 1 个，待审核 3 个');

    await h['rollup:export']({ ...key, kind: 'sendback', agency: units[1]!.agency });
    const file = tmp.file('退回意见.docx');
    writeFileSync(file, delivered.at(-1)!.data);
    const paras = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' }).split('\n');
    const at = (text: string) => paras.findIndex((p) => p.includes(text));
    expect(paras[at('经审核')]).toContain('请逐项核实修改后于2026年2月10日前重新报送。');
    expect(at(`备注：${remark}`)).toBeGreaterThan(at('经审核'));
    expect(at(`备注：${remark}`)).toBeLessThan(at('一、须改正的错误'));
    expect(paras.join('\n')).toContain('落款还没有成文日期');
    expect(paras.join('\n')).not.toMatch(/closing\.|[a-z]+\.[a-z]+/i);
    execFileSync('/usr/bin/python3', ['../shared/tools/ooxml/validate-ooxml.py', file], { stdio: 'pipe' });

    // The corrected file comes in: 已收 again, the 退回 date and deadline are gone from the row.
    const { data, fileName } = await buildExport(units[1]!.report, 'json');
    await h['rollup:collect']({ ...key, file: { fileName, dataBase64: data.toString('base64') } });
    const after = await h['rollup:view'](key);
    expect(after.units.find((u) => u.agency === units[1]!.agency)).toMatchObject({ status: 'received', returnedAt: null, deadline: null });
  });

  it('全部通过 passes the units 已收 without error in one step, and no other', async () => {
    let v = await h['rollup:view'](key);
    const broken = structuredClone(units[3]!.report);
    broken.requests.carriedForward![0]! += 1;
    const { data, fileName } = await buildExport(broken, 'json');
    await h['rollup:collect']({ ...key, file: { fileName, dataBase64: data.toString('base64') } });
    v = await h['rollup:view'](key);
    expect(passable(v).map((u) => u.agency).sort()).toEqual([units[1]!.agency, units[2]!.agency, units[4]!.agency].sort());
    v = await h['rollup:acceptAll'](key);
    expect(v.units.filter((u) => u.status === 'accepted').map((u) => u.agency).sort()).toEqual([units[1]!.agency, units[2]!.agency, units[4]!.agency].sort());
    expect(v.units.find((u) => u.agency === units[3]!.agency)!.status).toBe('received');
    expect(passable(v)).toEqual([]);
  });

  it('the scope phrase agrees with 「已收 n / 共 m」', async () => {
    const v = await h['rollup:view'](key);
    expect(v.received).toBe(4);
    expect(v.total).toBe(6);
    expect(scopePhrase(v, 4)).toBe('本行政区域汇总（含本级），已汇总4个单位（统计范围共6个）');
    expect(scopePhrase({ total: 4 }, 4)).toBe('本行政区域汇总（含本级），共4个单位');
  });
});

describe('the board’s memo of checks', () => {
  it('a corrected file saved within the same millisecond is checked again (keyed by version, not only time)', async () => {
    const db = openArchive(':memory:');
    const h = createHandlers({ db, now: () => new Date('2026-01-20T08:00:00Z') });
    const u = madeCollection(2)[1]!;
    const broken = structuredClone(u.report);
    broken.requests.carriedForward![0]! += 1;
    for (const [r, errors] of [[broken, 2], [u.report, 0]] as const) {
      const { data, fileName } = await buildExport(r, 'json');
      await h['rollup:collect']({ ...{ organ: ORGAN, year: 2024 }, file: { fileName, dataBase64: data.toString('base64') }, addLevel: 'township' });
      expect((await h['rollup:view']({ organ: ORGAN, year: 2024 })).units.find((x) => x.agency === u.agency)!.errors).toBe(errors);
    }
  });
});

/**
 * Every file the 汇总 and 历年对比 write (汇总表 .docx/.xlsx, 分单位明细, 问题清单, 收齐情况, 退回意见,
 * 历年对比 .xlsx) passes the ECMA-376 schemas: Word and WPS are stricter than LibreOffice.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import type { Host } from '../../main/export/host';
import { openArchive } from '../../main/db/open';
import { buildExport } from '../../main/export';
import { invalidOoxmlParts } from '../export/helpers';
import { tempDir } from '../helpers/temp';
import { madeCollection } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '某某县人民政府';
const files: string[] = [];
const host: Host = {
  deliverFile: async ({ fileName, data }) => {
    const file = tmp.file(fileName);
    writeFileSync(file, data);
    files.push(fileName);
    return { saved: true, fileName, location: null, download: null };
  },
  printReport: async () => ({ printed: false, url: null }),
};

describe('the 汇总 and 历年对比 files against the schemas', () => {
  it('every part of every file is valid', async () => {
    const db = openArchive(tmp.file('a.sqlite'));
    const h = createHandlers({ db, host });
    const units = madeCollection(5);
    units[3]!.report.requests.newReceived![0]! += 1; // a unit with an error: the 退回意见 lists it
    await h['rollup:addUnits']({ organ: ORGAN, year: 2024, names: units.slice(1).map((u) => u.agency), level: 'township' });
    for (const [i, u] of units.entries()) {
      const { data, fileName } = await buildExport(u.report, i % 2 ? 'docx' : 'xlsx');
      await h['rollup:collect']({ organ: ORGAN, year: 2024, file: { fileName, dataBase64: data.toString('base64') }, acceptUncertain: true });
    }
    for (const kind of ['docx', 'xlsx', 'detail', 'issues', 'board'] as const) await h['rollup:export']({ organ: ORGAN, year: 2024, kind });
    await h['rollup:export']({ organ: ORGAN, year: 2024, kind: 'sendback', agency: units[3]!.agency });
    const agency = (await h['archive:list']({})).agencies.find((a) => a.name === units[1]!.agency)!;
    await h['trend:export']({ agencyId: agency.id });
    expect(files).toHaveLength(7);
    expect(files.at(-1)).toMatch(/历年对比（2024年）\.xlsx$/);
    for (const f of files) {
      const { parts, invalid } = invalidOoxmlParts(tmp.file(f));
      expect(parts, f).toBeGreaterThan(5);
      expect(invalid, f).toEqual({});
    }
  }, 60_000);
});

/**
 * `verify` from the command line and the verify:* services on a real archive file: exit 0 and 已发布
 * with the date when the page is the same, 1 and nothing written when it differs, 2 when unreadable;
 * the list of differences as a Word file that passes the OOXML validator.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { createHandlers } from '../../main/api/handlers';
import type { Host } from '../../main/export/host';
import { closeArchive, openArchive } from '../../main/db/open';
import { findReport } from '../../main/db/reports';
import { buildHtml } from '../../main/export/html';
import { buildBundle, parseBundle, serializeBundle } from '../../main/lifecycle/bundle';
import { applyImport } from '../../main/lifecycle/merge';
import { tempDir } from '../helpers/temp';
import { FIXTURES } from '../helpers/fixtures';
import { invalidOoxmlParts, loadFixture } from '../export/helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const AGENCY = '示例县青石镇人民政府';
const report = loadFixture('reports/qingshi-2024.json');
const html = buildHtml(report);

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.dir });
  return { code, out, err };
}

async function archiveWithFinal(name: string): Promise<string> {
  const db = tmp.file(name);
  expect((await cli(['import', join(FIXTURES, 'reports/qingshi-2024.json'), '--db', db])).code).toBe(0);
  const conn = openArchive(db);
  try {
    createHandlers({ db: conn })['report:setStatus']({ id: findReport(conn, AGENCY, 2024)!.id, status: 'final' });
  } finally {
    closeArchive(conn);
  }
  return db;
}

function rowOf(db: string) {
  const conn = openArchive(db);
  try {
    return findReport(conn, AGENCY, 2024)!;
  } finally {
    closeArchive(conn);
  }
}

describe('cli verify', () => {
  it('exit 0 and the report becomes 已发布 with today\'s date when the page is the same', async () => {
    const db = await archiveWithFinal('same.db');
    const page = tmp.file('网站.html');
    writeFileSync(page, html);
    const r = await cli(['verify', '--agency', AGENCY, '--year', '2024', page, '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ same: true, cells: [], text: [], uncertain: [] });
    const row = rowOf(db);
    expect(row.published).toBe(true);
    expect(row.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.err).toContain('已核对，与定稿一致');
  });

  it('exit 1 with the differing sentence when digits were lost; nothing written', async () => {
    const db = await archiveWithFinal('lost.db');
    const before = rowOf(db);
    const page = tmp.file('丢字.html');
    writeFileSync(page, html.replace('2024年1月1日', '202411日'));
    const r = await cli(['verify', '--agency', AGENCY, '--year', '2024', page, '--json', '--db', db]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.same).toBe(false);
    expect(json.text).toEqual([{ part: '导语', archived: '本报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。', published: '本报告中所列数据统计期限自202411日起至2024年12月31日止。' }]);
    const after = rowOf(db);
    expect(after).toEqual(before);
    const human = await cli(['verify', '--agency', AGENCY, '--year', '2024', page, '--db', db]);
    expect(human.code).toBe(1);
    expect(human.out).toContain('文字不同\t导语');
  });

  it('exit 2 for a page that cannot be read, a missing file, or a report not in the archive', async () => {
    const db = await archiveWithFinal('bad.db');
    const junk = tmp.file('图片.html');
    writeFileSync(junk, '<html><body><p>这不是年度报告</p></body></html>');
    const r = await cli(['verify', '--agency', AGENCY, '--year', '2024', junk, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/读不出网站上的报告/);
    expect((await cli(['verify', '--agency', AGENCY, '--year', '2024', tmp.file('无.html'), '--db', db])).code).toBe(2);
    expect((await cli(['verify', '--agency', '别的镇人民政府', '--year', '2024', junk, '--db', db])).code).toBe(2);
    expect(rowOf(db).verifiedOn).toBeNull();
    const none = tmp.file('没有.db');
    expect((await cli(['verify', '--agency', AGENCY, '--year', '2024', junk, '--db', none])).code).toBe(2);
    expect(existsSync(none)).toBe(false);
  });
});

describe('verify:* services', () => {
  it('verify:published answers the summary with verifiedOn; an edit afterwards clears it; verify:export writes a valid .docx', async () => {
    const db = await archiveWithFinal('svc.db');
    const conn = openArchive(db);
    let delivered: Buffer | null = null;
    const host: Host = {
      deliverFile: async ({ fileName, data }) => {
        delivered = data;
        return { saved: true, fileName, location: null, download: null };
      },
      printReport: async () => ({ printed: false, url: null }),
    };
    try {
      const h = createHandlers({ db: conn, host, now: () => new Date(2025, 0, 25, 10, 0) });
      const id = findReport(conn, AGENCY, 2024)!.id;
      const lost = await h['verify:published']({ id, text: html.replace('2024年12月31日', '20241231日') });
      expect(lost.result.same).toBe(false);
      expect(lost.summary.verifiedOn).toBeNull();
      await h['verify:export']({ id, result: lost.result });
      const file = tmp.file('差异.docx');
      writeFileSync(file, delivered!);
      expect(invalidOoxmlParts(file).invalid).toEqual({});
      const same = await h['verify:published']({ id, file: { fileName: '网站.html', dataBase64: Buffer.from(html).toString('base64') } });
      expect(same.summary).toMatchObject({ published: true, verifiedOn: '2025-01-25' });
      await h['report:setStatus']({ id, status: 'draft' });
      const { report: body, summary } = await h['report:open']({ id });
      await h['report:save']({ id, report: { ...body, text: { ...body.text, other: `${body.text.other}补充。` } }, baseVersion: summary.version });
      expect((await h['report:open']({ id })).summary.verifiedOn).toBeNull();
    } finally {
      closeArchive(conn);
    }
  });
});

describe('换电脑', () => {
  it('the day of 核对已发布 travels with the archive export and import', async () => {
    const db = await archiveWithFinal('move-from.db');
    const page = tmp.file('同.html');
    writeFileSync(page, html);
    expect((await cli(['verify', '--agency', AGENCY, '--year', '2024', page, '--db', db])).code).toBe(0);
    const verifiedOn = rowOf(db).verifiedOn;
    const from = openArchive(db);
    const into = openArchive(tmp.file('move-into.db'));
    try {
      const bundle = parseBundle(serializeBundle(buildBundle(from)));
      applyImport(into, bundle, {});
      expect(findReport(into, AGENCY, 2024)).toMatchObject({ published: true, verifiedOn });
    } finally {
      closeArchive(from);
      closeArchive(into);
    }
  });
});

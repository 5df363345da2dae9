/**
 * Issue 19, wanted 1: the findings of one stored report are the same wherever they are asked for —
 * the editor (report:open), the archive list and `list --json` (counts), `check --json`, the .xlsx
 * 报告信息 sheet (app export and CLI export) and the check report — and they follow last year's
 * report when it is added, changed, deleted and restored.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import type { Host } from '../../main/export/host';
import { runCli } from '../../main/cli';
import { closeArchive, openArchive } from '../../main/db/open';
import { storeImported } from '../../main/db/store';
import type { Finding } from '../../report';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';
import { INFO_SHEET } from '../../main/export/xlsx';

const tmp = tempDir();
afterAll(tmp.cleanup);
const file = tmp.file('archive.sqlite');
const AGENCY = qingshi2024().agency;

/** What every entry point says, reduced to what they all print: rule, 错误/提醒, message. */
type Line = string;
const line = (rule: string, kind: string, message: string): Line => `${rule}|${kind}|${message}`;
const lines = (fs: readonly Finding[]): Line[] => fs.map((f) => line(f.rule, f.severity === 'error' ? '错误' : '提醒', f.message));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--db', file], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.dir });
  return { code, out, err };
}

async function infoSheetLines(data: Buffer | Uint8Array): Promise<Line[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(INFO_SHEET)!;
  const out: Line[] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const [rule, kind, message] = [1, 2, 3].map((c) => String(row.getCell(c).value ?? ''));
    if (inTable && rule) out.push(line(rule, kind!, message!));
    if (rule === '规则') inTable = true;
  });
  return out;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every place, for the 2024 report; each gives the findings it shows (or, for lists, their counts). */
async function everyEntryPoint(): Promise<{ editor: Line[]; others: Record<string, Line[] | { errors: number; warnings: number }> }> {
  const db = openArchive(file);
  let delivered: Buffer | null = null;
  let page = '';
  const host: Host = {
    deliverFile: async (f) => {
      delivered = f.data;
      return { saved: true, fileName: f.fileName, location: null, download: null };
    },
    printReport: async (_id, p) => {
      page = p;
      return { printed: true, url: null };
    },
  };
  try {
    const h = createHandlers({ db, host });
    const listed = (await h['archive:list']({})).reports.find((r) => r.agency === AGENCY && r.year === 2024)!;
    const opened = await h['report:open']({ id: listed.id });
    await h['export:save']({ id: listed.id, kind: 'xlsx' });
    const appXlsx = await infoSheetLines(delivered!);
    await h['export:checks']({ id: listed.id, kind: 'print' });
    const checkReport = [...page.matchAll(/<tr><td class="n">\d+<\/td><td class="k \w">(错误|提醒)<\/td><td>([^<]*)<\/td>/g)].map((m) => `${m[1]}|${decode(m[2]!)}`);
    closeArchive(db);

    const listJson = JSON.parse((await cli(['list', '--json'])).out) as { agency: string; year: number; errors: number; warnings: number }[];
    const cliList = listJson.find((r) => r.agency === AGENCY && r.year === 2024)!;
    const check = await cli(['check', '--agency', AGENCY, '--year', '2024', '--json']);
    const out = tmp.file(`cli-${Date.now()}-${Math.random()}.xlsx`);
    expect((await cli(['export', '--agency', AGENCY, '--year', '2024', '--out', out])).code).toBe(0);
    const editor = lines(opened.findings);
    const count = (fs: readonly Finding[]) => ({ errors: fs.filter((f) => f.severity === 'error').length, warnings: fs.filter((f) => f.severity === 'warning').length });
    return {
      editor,
      others: {
        'archive:list counts': { errors: listed.errors, warnings: listed.warnings },
        'report:open summary counts': { errors: opened.summary.errors, warnings: opened.summary.warnings },
        'list --json counts': { errors: cliList.errors, warnings: cliList.warnings },
        'check --json': lines(JSON.parse(check.out) as Finding[]),
        'export:save .xlsx 报告信息': appXlsx,
        'export .xlsx 报告信息 (CLI)': await infoSheetLines(readFileSync(out)),
        'check report': checkReport,
        'editor counts': count(opened.findings),
      },
    };
  } finally {
    if (db.open) closeArchive(db);
  }
}

async function expectAllEqual(): Promise<Line[]> {
  const { editor, others } = await everyEntryPoint();
  const counts = others['editor counts'];
  for (const [where, got] of Object.entries(others)) {
    if (Array.isArray(got)) {
      const expected = where === 'check report' ? editor.map((l) => l.split('|').slice(1).join('|')) : editor;
      expect({ where, got }).toEqual({ where, got: expected });
    } else expect({ where, got }).toEqual({ where, got: counts });
  }
  return editor;
}

describe('the findings of one stored report, through every entry point', () => {
  it('are equal before and after last year is added, changed, deleted and restored', async () => {
    const db = openArchive(file);
    storeImported(db, qingshi2024());
    closeArchive(db);
    const alone = await expectAllEqual();
    expect(alone.some((l) => l.startsWith('Y-'))).toBe(false);

    // Last year arrives, with a carried-forward figure that disagrees with this year's 上年结转.
    const db2 = openArchive(file);
    const last = qingshi2023();
    const forward = last.requests.carriedForward as number[];
    forward[0] = forward[0]! + 5;
    const { row } = storeImported(db2, last);
    closeArchive(db2);
    const added = await expectAllEqual();
    expect(added.some((l) => l.startsWith('Y-1'))).toBe(true);

    // Last year is corrected: the cross-year finding goes away everywhere.
    const db3 = openArchive(file);
    const h3 = createHandlers({ db: db3 });
    const version = (await h3['report:open']({ id: row.id })).summary.version;
    await h3['report:save']({ id: row.id, report: qingshi2023(), baseVersion: version });
    closeArchive(db3);
    const changed = await expectAllEqual();
    expect(changed.some((l) => l.startsWith('Y-1'))).toBe(false);

    // Changed back, then deleted: the list counts follow (they are not the ones stored at the last save).
    const db4 = openArchive(file);
    const h4 = createHandlers({ db: db4 });
    await h4['report:save']({ id: row.id, report: last, baseVersion: (await h4['report:open']({ id: row.id })).summary.version });
    await h4['report:delete']({ id: row.id });
    closeArchive(db4);
    expect(await expectAllEqual()).toEqual(alone);

    const db5 = openArchive(file);
    await createHandlers({ db: db5 })['report:undelete']({ id: row.id });
    closeArchive(db5);
    expect(await expectAllEqual()).toEqual(added);
  });
});

describe('archive list counts on one open connection (the app keeps one)', () => {
  it('follow last year changing, deleted and restored; equal the editor each time', async () => {
    const db = openArchive(tmp.file('one-connection.sqlite'));
    try {
      const h = createHandlers({ db });
      const id = storeImported(db, qingshi2024()).row.id;
      const last = qingshi2023();
      (last.requests.carriedForward as number[])[0]! += 5;
      const lastId = storeImported(db, last).row.id;
      const listed = async () => (await h['archive:list']({})).reports.find((r) => r.id === id)!;
      const editor = async () => {
        const f = (await h['report:open']({ id })).findings;
        return { errors: f.filter((x) => x.severity === 'error').length, warnings: f.filter((x) => x.severity === 'warning').length };
      };
      const withY1 = await editor();
      expect(await listed()).toMatchObject(withY1);
      await h['report:save']({ id: lastId, report: qingshi2023(), baseVersion: (await h['report:open']({ id: lastId })).summary.version });
      const fixed = await editor();
      expect(fixed.warnings).toBeLessThan(withY1.warnings);
      expect(await listed()).toMatchObject(fixed);
      await h['report:delete']({ id: lastId });
      expect(await listed()).toMatchObject(await editor());
      await h['report:undelete']({ id: lastId });
      expect(await listed()).toMatchObject(fixed);
    } finally {
      closeArchive(db);
    }
  });
});

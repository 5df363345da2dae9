/**
 * What an import leaves 待核对 is one answer (report/import-verify.ts) for the preview, `import` on the
 * command line and the county's collection: a figure not read as printed (split by rule, unread and
 * saved as 0, doubtful and seen by nobody) stays listed in the editor until compared with the original.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { runCli } from '../../main/cli';
import { closeArchive, openArchive } from '../../main/db/open';
import { findReport, getReportRow } from '../../main/db/reports';
import { importText } from '../../main/import';
import { layoutOf } from '../../report/layout';
import { cellsToVerify } from '../../report/import-verify';
import { tempDir } from '../helpers/temp';
import { loadReport, renderReport, SHARED } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const qingshi = () => loadReport(`${SHARED}/reports/qingshi-2024.json`);
/** A copy cut after （七）总计: the row 结转下年度 and Table 四 are never read. */
const cutText = () => renderReport(qingshi(), 'pipe', { cutAfter: '（七）总计' });
const isTotal = (p: string) => layoutOf('gov-2021').cellByPath.get(p)?.totalOf !== undefined;

describe('cellsToVerify', () => {
  const reading = { format: 'gov-2021' as const, split: ['requests.granted.0', 'requests.granted.1'], nulls: ['appeals.review.0', 'appeals.review.4'], uncertain: ['appeals.review.0', 'appeals.review.4', 'requests.deniedStateSecret.2'] };

  it('lists split and unread cells; the doubtful ones only when nobody looked at the reading', () => {
    expect(cellsToVerify(reading, { seen: true })).toEqual(['requests.granted.0', 'requests.granted.1', 'appeals.review.0']);
    expect(cellsToVerify(reading, { seen: false })).toEqual(['requests.granted.0', 'requests.granted.1', 'requests.deniedStateSecret.2', 'appeals.review.0']);
  });

  it('leaves out what the clerk typed and the unread totals (they follow their cells); a split total stays', () => {
    expect(isTotal('appeals.review.4')).toBe(true);
    expect(cellsToVerify(reading, { seen: true, typed: new Set(['requests.granted.1']) })).toEqual(['requests.granted.0', 'appeals.review.0']);
    const splitTotal = { ...reading, split: ['appeals.review.0', 'appeals.review.4'], nulls: [] };
    expect(cellsToVerify(splitTotal, { seen: true })).toEqual(['appeals.review.0', 'appeals.review.4']);
  });
});

describe('unread cells saved as 0 stay 待核对 wherever the import ran', () => {
  const unread = () => importText(cutText()).nulls.filter((p) => !isTotal(p));

  it('the cut copy has unread cells to begin with', () => {
    expect(unread().length).toBeGreaterThanOrEqual(6 + 10);
    expect(unread()).toContain('requests.carriedForward.0');
  });

  it('`import --accept-uncertain` lists them (and nothing read as printed)', async () => {
    const file = tmp.file('cut.txt');
    writeFileSync(file, cutText());
    const db = tmp.file('cli.db');
    const code = await runCli(['import', file, '--db', db, '--accept-uncertain'], { out: () => undefined, err: () => undefined, env: {}, cwd: tmp.dir });
    expect(code).toBe(0);
    const a = openArchive(db);
    try {
      const row = findReport(a, qingshi().agency, 2024)!;
      expect(getReportRow(a, row.id)!.toVerify).toEqual(unread());
    } finally {
      closeArchive(a);
    }
  });

  it('a collected file with --accept-uncertain lists them in the county archive', async () => {
    const a = openArchive(tmp.file('county.db'));
    try {
      const h = createHandlers({ db: a });
      const organ = '示例县人民政府';
      await h['rollup:addUnits']({ organ, year: 2024, names: [qingshi().agency], level: 'township' });
      const out = await h['rollup:collect']({ organ, year: 2024, file: { fileName: '青石镇.txt', dataBase64: Buffer.from(cutText()).toString('base64') }, acceptUncertain: true });
      expect(out.status).toBe('stored');
      const row = findReport(a, qingshi().agency, 2024)!;
      expect(getReportRow(a, row.id)!.toVerify).toEqual(unread());
    } finally {
      closeArchive(a);
    }
  });

  it('replacing an imported report clears the 待核对 list of the content it replaces', async () => {
    const a = openArchive(tmp.file('replace.db'));
    try {
      const h = createHandlers({ db: a });
      const first = await h['import:confirm']({ report: qingshi(), replace: false, uncertain: [], verify: ['requests.granted.0'] });
      expect(first.summary.toVerify).toEqual(['requests.granted.0']);
      const again = await h['import:confirm']({ report: qingshi(), replace: true, uncertain: [] });
      expect(again.summary.toVerify).toEqual([]);
    } finally {
      closeArchive(a);
    }
  });
});

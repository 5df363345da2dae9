/**
 * The 汇总 services behind the rollup:* channels and the CLI's `collect` / `rollup`: the roster,
 * intake, the board with its checks, the 汇总 with its contributions, and every export.
 */
import { canonicalJson } from '../export/canonical-json';
import { EXPORT_MIME } from '../export';
import { contributionsTo, type RollupExportKind } from '../../report/rollup';
import { passable } from '../../report/rollup/status';
import type { ApiInput, ApiOutput, Channel } from '../../report/api';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import type { Host } from '../export/host';
import { collectFile } from './collect';
import { boardXlsx, detailXlsx, issuesXlsx } from './detail';
import { acceptUnits, addUnits, listRosters, removeUnit, updateUnit } from './roster';
import { sendBackDocx, sendBackFileName } from './sendback';
import { rollupDocx, rollupFileName, rollupXlsx } from './tables';
import { loadCollection } from './view';

export interface BuiltFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

/** The bytes of one export of the collection; `agency` names the unit of a 退回意见. */
export async function buildRollupExport(db: Db, organ: string, year: number, kind: RollupExportKind | 'json', o: { agency?: string; date: string }): Promise<BuiltFile> {
  const { view, included, collected } = loadCollection(db, organ, year);
  const report = view.report;
  const need = () => {
    if (!report) throw new ArchiveError('NOT_FOUND', `“${view.organ}”${year}年度还没有收到可汇总的报告`);
    return report;
  };
  switch (kind) {
    case 'docx':
      return { fileName: rollupFileName(view, 'docx'), mime: EXPORT_MIME.docx, data: await rollupDocx(need(), view, included.length) };
    case 'xlsx':
      return { fileName: rollupFileName(view, 'xlsx'), mime: EXPORT_MIME.xlsx, data: await rollupXlsx(need(), view, included.length) };
    case 'json':
      return { fileName: rollupFileName(view, 'json'), mime: EXPORT_MIME.json, data: Buffer.from(canonicalJson(need()), 'utf8') };
    case 'detail':
      return { fileName: rollupFileName(view, 'xlsx', '分单位明细'), mime: EXPORT_MIME.xlsx, data: await detailXlsx(view, included, need()) };
    case 'issues': {
      const reports = new Map(collected.map((c) => [c.agency, c.report]));
      return { fileName: rollupFileName(view, 'xlsx', '问题清单'), mime: EXPORT_MIME.xlsx, data: await issuesXlsx(view, reports, report) };
    }
    case 'board':
      return { fileName: rollupFileName(view, 'xlsx', '收齐情况'), mime: EXPORT_MIME.xlsx, data: await boardXlsx(view) };
    case 'sendback': {
      const agency = o.agency?.trim();
      const unit = agency && collected.find((c) => c.agency === agency);
      if (!unit) throw new ArchiveError('NOT_FOUND', agency ? `还没有收到“${agency}”${year}年度的报告` : '请选择要退回的单位');
      const row = view.units.find((u) => u.agency === unit.agency);
      const sentBack = row?.status === 'returned' ? { remark: row.reason, deadline: row.deadline ?? '' } : { remark: '', deadline: '' };
      const data = await sendBackDocx({ organ: view.organ, agency: unit.agency, year, date: o.date, report: unit.report, findings: view.findings.filter((f) => f.agency === unit.agency), ...sentBack });
      return { fileName: sendBackFileName(unit.agency, year), mime: EXPORT_MIME.docx, data };
    }
  }
}

type RollupChannel = Extract<Channel, `rollup:${string}`>;
export type RollupHandlers = { [C in RollupChannel]: (input: ApiInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>> };

const FILTERS: Record<RollupExportKind, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  detail: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  issues: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  board: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  sendback: { name: 'Word 文档', extensions: ['docx'] },
};

export function createRollupHandlers(ctx: { db: Db; host?: Host; now: () => string }): RollupHandlers {
  const { db } = ctx;
  const view = (organ: string, year: number) => loadCollection(db, organ, year).view;
  return {
    'rollup:rosters': () => listRosters(db),
    'rollup:view': ({ organ, year }) => view(organ, year),
    'rollup:addUnits': ({ organ, year, names, level }) => {
      addUnits(db, organ, year, names, level, ctx.now());
      return view(organ, year);
    },
    'rollup:updateUnit': ({ organ, year, agency, ...changes }) => {
      updateUnit(db, organ, year, agency, changes, ctx.now());
      return view(organ, year);
    },
    'rollup:acceptAll': ({ organ, year }) => {
      acceptUnits(db, organ, year, passable(view(organ, year)).map((u) => u.agency), ctx.now());
      return view(organ, year);
    },
    'rollup:removeUnit': ({ organ, year, agency }) => {
      removeUnit(db, organ, year, agency, ctx.now());
      return view(organ, year);
    },
    'rollup:collect': ({ organ, year, file, agency, addLevel, acceptUncertain }) =>
      collectFile(db, {
        organ,
        year,
        fileName: file.fileName,
        data: Buffer.from(file.dataBase64, 'base64'),
        now: ctx.now(),
        ...(agency ? { agency } : {}),
        ...(addLevel ? { addLevel } : {}),
        ...(acceptUncertain ? { acceptUncertain } : {}),
      }),
    'rollup:contributions': ({ organ, year, cell }) => contributionsTo(loadCollection(db, organ, year).included, cell),
    'rollup:export': async ({ organ, year, kind, agency }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const built = await buildRollupExport(db, organ, year, kind, { ...(agency ? { agency } : {}), date: ctx.now().slice(0, 10) });
      return ctx.host.deliverFile({ ...built, filter: FILTERS[kind] });
    },
  };
}

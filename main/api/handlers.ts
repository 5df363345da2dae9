/**
 * The main-side services behind every channel. No Electron here: the IPC layer, the CLI, the tests
 * and the browser bridge of serve:web all call these same functions on the same archive.
 */
import {
  computeTotals,
  emptyReport,
  formatForYear,
  runChecks,
  staleTotals,
  getCell,
  setCell,
  type Finding,
  type Report,
} from '../../report';
import type { OpenedReport } from '../../report/api';
import { formerNames, listAgencies, updateAgency } from '../db/agencies';
import { ArchiveError } from '../db/errors';
import {
  findReport,
  getReportBody,
  getReportRow,
  insertReport,
  listReports,
  purge,
  restoreDeleted,
  saveEdit,
  setStatus,
  confirmVerified,
  softDelete,
  updateReport,
  type ReportRow,
} from '../db/reports';
import { contextOf, findingsFor, storedFindings, withCurrentCounts } from '../db/findings';
import { countFindings, findingsInContext } from '../../report/checks';
import { getRevisionBody, listRevisions, revisionNumber } from '../db/revisions';
import { getSetting, setSetting } from '../db/settings';
import { buildExport, EXPORT_FILTERS, EXPORT_MIME } from '../export';
import { buildCheckReportDocx, buildCheckReportPage, checkReportTitle, checkedAtLabel } from '../export/check-report';
import { FONTS } from '../export/fonts';
import { buildPrintPage } from '../export/print-page';
import { previewOf, readImport } from './import-preview';
import { storeImported } from '../db/store';
import { printable } from '../../report/agency';
import { mergeAgencies, moveReport, planMerge } from '../db/agency-merge';
import { ImportError } from '../import';
import { carryOver, recarry, type CarriedCell } from '../../report/carry-over';
import { trendById } from '../trend/service';
import { chartFile, trendFileName, trendXlsx } from '../trend/xlsx';
import { createRollupHandlers } from '../rollup/service';
import { createGraphicHandlers } from './graphic-handlers';
import { createVerifyHandlers } from '../verify/service';
import { reportTitle, statisticsPeriod } from '../../report/text';

// The handler map types (Handler, Handlers, ReportHandlers, HandlerMap, FileChannel, ServiceContext): ./handler-types.ts.
export type { FileChannel, Handler, HandlerMap, Handlers, ReportHandlers, ServiceContext } from './handler-types';
import type { ReportHandlers, ServiceContext } from './handler-types';

export { parseReport, toAgencyInfo, toSummary } from './summaries';
import { parseReport, toAgencyInfo, toSummary } from './summaries';

export function createHandlers(ctx: ServiceContext): ReportHandlers {
  const { db } = ctx;
  /** The file of the last export, for 「打开所在文件夹」 (the renderer never names a path). */
  let lastExport: string | null = null;
  const now = () => (ctx.now ? ctx.now() : new Date()).toISOString();
  /**
   * Per report, the last version an editor wrote and the number of that save. A page being closed
   * sends its last state while the answer to its previous save is still on the way, so that state
   * names an older base; it is still newer than what this same editor wrote, and is accepted.
   */
  const lastWrite = new Map<number, { editor: string; seq: number; version: number }>();

  const rowOf = (id: number): ReportRow => {
    const row = getReportRow(db, id);
    if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
    return row;
  };
  // Findings and counts come from the one answer for a stored report (main/db/findings.ts).
  const check = (report: Report, row: Pick<ReportRow, 'agency' | 'year'> & { published?: boolean }): Finding[] =>
    findingsInContext(report, contextOf(db, row));
  const counts = countFindings;
  const summary = (row: ReportRow) => toSummary(withCurrentCounts(db, [row])[0]!);
  const versionNumber = (id: number, revisionId: number): number => revisionNumber(db, id, revisionId);
  const opened = (id: number): OpenedReport => {
    const row = rowOf(id);
    const { report, context, findings } = storedFindings(db, id, row);
    return { summary: toSummary({ ...row, ...countFindings(findings) }), report, previous: context.previous, findings, staleTotals: staleTotals(report) };
  };
  /** Inserts a new report, its counts computed with the cross-year rules when last year is archived. */
  const insert = (report: Report, reason: 'create' | 'duplicate' | 'import' | 'carry-over', carried: CarriedCell[] = []): OpenedReport => {
    const row = insertReport(db, report, { reason, counts: counts(findingsFor(db, report)), now: now(), carried });
    return opened(row.id);
  };

  return {
    'archive:list': ({ deleted }) => ({
      agencies: listAgencies(db).map((a) => toAgencyInfo(a, formerNames(db, a.id))),
      reports: withCurrentCounts(db, listReports(db, { deleted: deleted ?? false })).map(toSummary),
    }),
    'report:open': ({ id }) => opened(id),
    'report:create': ({ agency, year, carryOver: carry }) => {
      const format = formatForYear(year);
      if (!format) throw new ArchiveError('INVALID', `${year}年度没有统一的年度报告格式（自2019年度起）`);
      const empty = computeTotals(emptyReport(format, agency, year));
      if (!carry) return insert(empty, 'create');
      const prev = findReport(db, agency, year - 1);
      if (!prev) throw new ArchiveError('NOT_FOUND', `档案中没有“${agency.trim()}”${year - 1}年度的报告，无法结转`);
      const { report, carried } = carryOver(getReportBody(db, prev.id), empty);
      return insert(report, 'carry-over', carried);
    },
    'report:undoCarryOver': ({ id }) => {
      const row = rowOf(id);
      if (!row.carried.length) throw new ArchiveError('NOT_FOUND', '这份报告没有自上年结转的数字');
      const body = getReportBody(db, id);
      // Only cells still holding the carried figure go back to 0: a figure the clerk has since corrected stays.
      for (const c of row.carried) if (getCell(body, c.path) === c.value) setCell(body, c.path, typeof c.value === 'number' ? 0 : '0');
      const fixed = computeTotals(body);
      updateReport(db, id, fixed, { reason: 'edit', counts: counts(check(fixed, row)), now: now(), carried: [], note: '撤销自上年结转' });
      return opened(id);
    },
    'report:save': ({ id, report, baseVersion, origin }) => {
      const body = parseReport(report);
      const row = rowOf(id);
      const last = lastWrite.get(id);
      const ownVersion = origin && last && last.editor === origin.editor && origin.seq > last.seq ? last.version : undefined;
      const fresh = baseVersion === row.version || ownVersion === row.version;
      // A stale editor's content is kept whatever it holds; only a save that would replace the report is checked.
      if (fresh && body.agency !== row.agency)
        throw new ArchiveError('INVALID', `这份报告属于“${row.agency}”，不能保存为“${body.agency}”的报告；如需更正机关名称，请在档案页修改`);
      const findings = fresh ? check(body, row) : [];
      const at = now();
      const outcome = saveEdit(db, id, body, { counts: counts(findings), now: at, baseVersion, ...(ownVersion !== undefined ? { ownVersion } : {}) });
      if (outcome.kind === 'stale')
        return { summary: summary(outcome.row), findings: check(getReportBody(db, id), outcome.row), savedAt: at, conflict: { revisionId: outcome.revisionId, changedAt: outcome.changedAt } };
      if (origin) lastWrite.set(id, { editor: origin.editor, seq: origin.seq, version: outcome.row.version });
      return { summary: summary(outcome.row), findings, savedAt: outcome.row.updatedAt, conflict: null };
    },
    'report:check': ({ report, previousId }) => {
      const body = parseReport(report);
      const previous = previousId ? getReportBody(db, previousId) : null;
      return runChecks(body, { previous });
    },
    'report:setStatus': ({ id, status }) => {
      if (status === 'final') {
        const o = opened(id);
        const errors = o.findings.filter((f) => f.severity === 'error');
        if (errors.length)
          throw new ArchiveError('CONFLICT', `还有${errors.length}处错误，不能定稿：${errors[0]!.message}${errors.length > 1 ? ' 等' : ''}`);
      }
      return summary(setStatus(db, id, status, now()));
    },
    'report:duplicate': ({ id, year }) => {
      const source = getReportBody(db, id);
      const format = formatForYear(year);
      if (!format) throw new ArchiveError('INVALID', `${year}年度没有统一的年度报告格式（自2019年度起）`);
      if (format !== source.format)
        throw new ArchiveError('INVALID', `${source.year}年度（${source.format}）与${year}年度（${format}）格式不同，不能直接复制，请新建报告`);
      const copy: Report = { ...structuredClone(source), year, closing: { agency: source.closing.agency, date: '' } };
      // The sentences that name the year follow the new year (the rest of the text is the clerk's to revise; R-9 warns of any left).
      copy.text.preamble = copy.text.preamble
        .replaceAll(statisticsPeriod(source.year), statisticsPeriod(year))
        .replaceAll(reportTitle(source.agency, source.year), reportTitle(source.agency, year));
      return insert(copy, 'duplicate');
    },
    'report:recompute': ({ id }) => {
      const row = rowOf(id);
      const body = computeTotals(getReportBody(db, id));
      updateReport(db, id, body, { reason: 'recompute', counts: counts(check(body, row)), now: now() });
      return opened(id);
    },
    'report:delete': ({ id }) => {
      softDelete(db, id, now());
      return null;
    },
    'report:undelete': ({ id }) => summary(restoreDeleted(db, id)),
    'report:purge': ({ id }) => {
      purge(db, id);
      return null;
    },
    'report:revisions': ({ id }) => {
      rowOf(id);
      const list = listRevisions(db, id); // newest first
      return list.map(({ id: rid, reason, note, createdAt, updatedAt }, i) => ({ id: rid, number: list.length - i, reason, note, createdAt, updatedAt }));
    },
    'report:revision': ({ id, revisionId }) => getRevisionBody(db, id, revisionId),
    'report:restore': ({ id, revisionId }) => {
      const row = rowOf(id);
      // A revision from before an agency rename names the old agency: the report keeps its current one.
      const body = { ...getRevisionBody(db, id, revisionId), agency: row.agency };
      if (row.status === 'final') setStatus(db, id, 'draft', now());
      updateReport(db, id, body, { reason: 'restore', counts: counts(check(body, row)), now: now(), note: `恢复自版本 ${versionNumber(id, revisionId)}` });
      return opened(id);
    },
    'import:preview': async (input) => {
      try {
        return previewOf(db, await readImport(input), (id) => summary(rowOf(id)), input.agency);
      } catch (e) {
        if (e instanceof ImportError) throw new ArchiveError('INVALID', e.message);
        throw e;
      }
    },
    'import:confirm': ({ report, replace, uncertain, agency, published, verify, fileName }) => {
      const read = parseReport(report);
      // The agency the user chose in the preview wins over the name the file gives (issue 15 #2).
      const body = agency && agency.trim() !== read.agency ? { ...read, agency: agency.trim() } : read;
      const moved = body.agency !== read.agency ? `；原文机关名称“${read.agency}”，存入“${body.agency}”` : '';
      const imported = fileName ? `导入 ${printable(fileName)}` : '导入';
      const note = (uncertain.length ? `${imported}；${uncertain.length}个不确定的数字已由用户确认：${uncertain.slice(0, 40).join(', ')}` : imported) + moved;
      const { row } = storeImported(db, body, { replace, note, now: now(), published: published ?? false, publishedOn: body.closing.date || null, toVerify: verify ?? [] });
      return opened(row.id);
    },
    'agency:mergePlan': ({ from, into }) => planMerge(db, from, into).map(({ fromId: _f, intoId: _i, ...item }) => item),
    'agency:merge': ({ from, into, decisions }) => mergeAgencies(db, from, into, decisions, now()),
    'report:move': ({ id, agency }) => summary(moveReport(db, id, agency, now())),
    'report:verify': ({ id, cells }) => summary(confirmVerified(db, id, cells)),
    'report:recarry': ({ id }) => {
      const row = rowOf(id);
      if (row.status === 'final') throw new ArchiveError('CONFLICT', '报告已定稿，请先点“重新编辑”');
      const prev = findReport(db, row.agency, row.year - 1);
      if (!prev) throw new ArchiveError('NOT_FOUND', `档案中没有“${row.agency}”${row.year - 1}年度的报告，无法结转`);
      const { report: fixed, carried: kept } = recarry(getReportBody(db, prev.id), getReportBody(db, id), row.carried);
      updateReport(db, id, fixed, { reason: 'carry-over', counts: counts(check(fixed, row)), now: now(), carried: kept, note: `重新结转：按${row.year - 1}年度报告的现有数字` });
      return opened(id);
    },
    'agency:update': ({ id, ...changes }) => toAgencyInfo(updateAgency(db, id, changes), formerNames(db, id)),
    'export:save': async ({ id, kind }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const { report, findings } = storedFindings(db, id);
      const { fileName, mime, data } = await buildExport(report, kind, { findings });
      const outcome = await ctx.host.deliverFile({ fileName, mime, data, filter: EXPORT_FILTERS[kind] });
      if (outcome.location) lastExport = outcome.location;
      return outcome;
    },
    'export:checks': async ({ id, kind }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const o = opened(id);
      const at = checkedAtLabel(ctx.now ? ctx.now() : new Date());
      if (kind === 'print') {
        const r = await ctx.host.printReport(id, buildCheckReportPage(o.report, o.findings, at));
        // The browser mode serves the page itself: the same address, asking for the check report.
        return { file: null, printed: r.printed, url: r.url ? `${r.url}?view=checks` : null };
      }
      const data = await buildCheckReportDocx(o.report, o.findings, at);
      const file = await ctx.host.deliverFile({ fileName: `${checkReportTitle(o.report)}.docx`, mime: EXPORT_MIME.docx, data, filter: EXPORT_FILTERS.docx });
      if (file.location) lastExport = file.location;
      return { file, printed: false, url: null };
    },
    'export:reveal': () => {
      if (!lastExport || !ctx.host?.revealFile) throw new ArchiveError('NOT_FOUND', '还没有导出过文件');
      ctx.host.revealFile(lastExport);
      return null;
    },
    'export:print': async ({ id }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能打印');
      return ctx.host.printReport(id, buildPrintPage(getReportBody(db, id)));
    },
    'export:fonts': () => Object.values(FONTS).filter((f) => f.eastAsian).map(({ name, altName, usage }) => ({ name, altName, usage })),
    'trend:get': ({ agencyId }) => trendById(db, agencyId),
    'trend:export': async ({ agencyId }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const table = trendById(db, agencyId);
      return ctx.host.deliverFile({ fileName: trendFileName(table), mime: EXPORT_MIME.xlsx, data: await trendXlsx(table), filter: EXPORT_FILTERS.xlsx });
    },
    'trend:saveChart': async ({ agencyId, chart, kind, dataBase64 }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能保存文件');
      const file = chartFile(trendById(db, agencyId), chart, kind, Buffer.from(dataBase64, 'base64'));
      return ctx.host.deliverFile(file);
    },
    'notice:seen': ({ key }) => getSetting(db, `notice:${key}`) !== undefined,
    'notice:mark': ({ key }) => {
      setSetting(db, `notice:${key}`, now());
      return null;
    },
    ...createRollupHandlers({ db, now, ...(ctx.host ? { host: ctx.host } : {}) }),
    ...createGraphicHandlers({ db, now, opened, ...(ctx.host ? { host: ctx.host } : {}) }),
    ...createVerifyHandlers({ db, now: () => (ctx.now ? ctx.now() : new Date()), toSummary, ...(ctx.host ? { host: ctx.host } : {}) }),
  };
}

/**
 * 图解 export and 发布前自查: the two channels of issue 23 items 3–4. The 图解 is built from the
 * archived report (the checked figures); exporting one leaves a note in the settings (when, of which
 * version) that 发布前自查 reads. 核对已发布 is read from the report's metadata (`verifiedOn`, set when
 * 核对已发布 found the published page the same as the 定稿).
 */
import type { OpenedReport, SelfCheckView } from '../../report/api';
import { reportTitle } from '../../report/text';
import { selfCheck } from '../../report/checks/selfcheck';
import type { Report } from '../../report';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { getReportBody, listReports } from '../db/reports';
import { getSetting, setSetting } from '../db/settings';
import { buildGraphic, GRAPHIC_FILTERS, GraphicRenderError } from '../graphic';
import type { Host } from '../export/host';
import type { Handler } from './handler-types';

type GraphicHandlers = { 'export:graphic': Handler<'export:graphic'>; 'report:selfCheck': Handler<'report:selfCheck'> };

const graphicKey = (id: number) => `graphic:${id}`;

/** The note left by the last 图解 export of a report, or null (an unreadable note counts as none). */
export function graphicRecord(db: Db, id: number): { at: string; version: number } | null {
  try {
    const v = JSON.parse(getSetting(db, graphicKey(id)) ?? 'null') as { at?: unknown; version?: unknown } | null;
    return v && typeof v.at === 'string' && typeof v.version === 'number' ? { at: v.at, version: v.version } : null;
  } catch {
    return null;
  }
}

/** Notes that a 图解 of this version of the report was exported (the app, serve:web and the CLI alike). */
export function recordGraphic(db: Db, id: number, at: string, version: number): void {
  setSetting(db, graphicKey(id), JSON.stringify({ at, version }));
}

export function createGraphicHandlers(ctx: { db: Db; host?: Host; now: () => string; opened: (id: number) => OpenedReport }): GraphicHandlers {
  const { db } = ctx;
  return {
    'export:graphic': async ({ id, kind, size }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const o = ctx.opened(id);
      let file;
      try {
        file = await buildGraphic(o.report, o.previous, kind, size);
      } catch (e) {
        if (e instanceof GraphicRenderError) throw new ArchiveError('INVALID', e.message);
        throw e;
      }
      const outcome = await ctx.host.deliverFile({ ...file, filter: GRAPHIC_FILTERS[kind] });
      if (outcome.saved) {
        try {
          recordGraphic(db, id, ctx.now(), o.summary.version);
        } catch {
          // A read-only archive cannot take the note; the file itself was delivered, and 自查 says 图解 not made.
        }
      }
      return outcome;
    },
    'report:selfCheck': ({ id }): SelfCheckView => {
      const o = ctx.opened(id);
      const s = o.summary;
      const earlier: Report[] = listReports(db)
        .filter((r) => r.agencyId === s.agencyId && r.year < s.year)
        .map((r) => getReportBody(db, r.id));
      const verifiedOn = s.verifiedOn;
      const at = ctx.now();
      const items = selfCheck({
        report: o.report,
        findings: o.findings,
        previous: o.previous,
        earlier,
        deadline: s.deadline,
        today: new Date(at),
        final: s.status === 'final',
        published: s.published,
        publishedOn: s.publishedOn,
        version: s.version,
        graphic: graphicRecord(db, id),
        verifiedOn,
      });
      return { title: reportTitle(o.report.agency, o.report.year), checkedAt: at, items };
    },
  };
}

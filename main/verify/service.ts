/**
 * 核对已发布 behind the verify:* channels and the CLI's `verify`: the archived report against the
 * published page; when all is the same the report becomes 已发布 (已核对，与定稿一致, with the date),
 * otherwise nothing is written and the differences can go to the website's editor as a Word file.
 */
import type { ApiInput, ApiOutput } from '../../report/api';
import type { VerifyResult } from '../../report/verify';
import type { Host } from '../export/host';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { getReportBody, getReportRow, markVerifiedPublished, type ReportRow } from '../db/reports';
import { checkedAtLabel } from '../export/check-report';
import { EXPORT_MIME } from '../export';
import { ImportError } from '../import';
import { buildVerifyDocx, verifyFileName } from './docx';
import { verifyAgainst, type PublishedSource } from './read';

/** Local calendar date, YYYY-MM-DD (the clerk's day, not UTC's). */
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Compares, and marks the report 已发布 only when nothing differs and nothing was unsure. */
export async function verifyPublished(db: Db, id: number, source: PublishedSource, now: Date): Promise<{ result: VerifyResult; row: ReportRow }> {
  const row = getReportRow(db, id);
  if (!row || row.deletedAt) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
  let result: VerifyResult;
  try {
    result = await verifyAgainst(getReportBody(db, id), source);
  } catch (e) {
    if (e instanceof ImportError) throw new ArchiveError('INVALID', `读不出网站上的报告：${e.message}`);
    throw e;
  }
  return { result, row: result.same ? markVerifiedPublished(db, id, localDate(now)) : row };
}

type VerifyChannel = 'verify:published' | 'verify:export';
export type VerifyHandlers = { [C in VerifyChannel]: (input: ApiInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>> };

export function createVerifyHandlers(ctx: { db: Db; host?: Host; now: () => Date; toSummary: (row: ReportRow) => ApiOutput<'report:open'>['summary'] }): VerifyHandlers {
  return {
    'verify:published': async ({ id, file, text }) => {
      if (!file && !text?.trim()) throw new ArchiveError('INVALID', '请选择网站上发布的报告文件，或粘贴从网页复制的文字');
      const source: PublishedSource = file ? { file: { name: file.fileName, data: Buffer.from(file.dataBase64, 'base64') } } : { text: text ?? '' };
      const { result, row } = await verifyPublished(ctx.db, id, source, ctx.now());
      return { result, summary: ctx.toSummary(row) };
    },
    'verify:export': async ({ id, result }) => {
      if (!ctx.host) throw new ArchiveError('INVALID', '此处不能导出文件');
      const report = getReportBody(ctx.db, id);
      const data = await buildVerifyDocx(report, result, checkedAtLabel(ctx.now()));
      return ctx.host.deliverFile({ fileName: verifyFileName(report), mime: EXPORT_MIME.docx, data, filter: { name: 'Word 文档', extensions: ['docx'] } });
    },
  };
}

/**
 * One entry point for every export: the app's IPC, the CLI and the browser bridge call buildExport
 * and get the bytes, a default file name and the MIME type; writing them is atomicWrite's job.
 */
import type { Finding, Report } from '../../report';
import { canonicalJson } from './canonical-json';
import { buildDocx } from './docx';
import { defaultFileName, type ExportKind } from './file-name';
import { buildHtml } from './html';
import { buildXlsx } from './xlsx';

export type { ExportKind } from './file-name';

export interface ExportResult {
  fileName: string;
  mime: string;
  data: Buffer;
}

export const EXPORT_MIME: Record<ExportKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** `findings`: the stored report's (main/db/findings.ts), for the sheet that lists them; absent for a file not in the archive. */
export interface ExportOptions {
  findings?: readonly Finding[];
}

/** The save dialog's file-type filter for each kind. */
export const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  html: { name: '网页（复制到网站）', extensions: ['html'] },
  json: { name: '报告数据（JSON）', extensions: ['json'] },
};

async function bytes(report: Report, kind: ExportKind, o: ExportOptions): Promise<Buffer> {
  switch (kind) {
    case 'docx':
      return buildDocx(report);
    case 'xlsx':
      return buildXlsx(report, o.findings ? { findings: o.findings } : {});
    case 'html':
      return Buffer.from(buildHtml(report), 'utf8');
    case 'json':
      return Buffer.from(canonicalJson(report), 'utf8');
  }
}

export async function buildExport(report: Report, kind: ExportKind, o: ExportOptions = {}): Promise<ExportResult> {
  if (!(kind in EXPORT_MIME)) throw new Error(`未知的导出格式：${String(kind)}`);
  return { fileName: defaultFileName(report, kind), mime: EXPORT_MIME[kind], data: await bytes(report, kind, o) };
}

export { buildDocx } from './docx';
export { buildXlsx } from './xlsx';
export { buildHtml, buildHtmlFragment } from './html';
export { canonicalJson } from './canonical-json';
export { fontsUsedBy, type OfficialFont } from './fonts';
export { defaultFileName } from './file-name';
export { atomicWrite, ExportWriteError } from './atomic-write';

/**
 * Moving to a new PC: the whole archive as one JSON file (agencies, reports with their status and
 * recycle state, every revision).
 *
 * Why JSON and not a SQLite backup: the other PC already has its own archive, so the move is a
 * merge by agency and year, not a file swap. A JSON bundle is read report by report through the
 * same validator as every other input (validateJson), it does not depend on the schema version of
 * either app (an older app can read a newer export as long as the report format is known), it
 * carries no settings of the old PC, and a person can open it and see what is inside. A SHA-256
 * over the payload catches a truncated or altered copy (USB sticks do that).
 */
import { createHash } from 'node:crypto';
import type { Report } from '../../report';
import type { SkippedRecord } from '../../report/api';
import { formerNames, listAgencies } from '../db/agencies';
import { agencyNameProblem, printable } from '../../report/agency';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { readRevisionBody } from '../db/revisions';
import { allReportRows, revisionRowsReader } from '../db/bundle-queries';
import { checkPayload } from './bundle-check';
import { exportRosters } from '../rollup/roster';

export { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES } from './bundle-types';
export type { Bundle, BundleAgency, BundlePayload, BundleReport, BundleRevision } from './bundle-types';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES, type Bundle, type BundlePayload, type BundleReport, type BundleRevision } from './bundle-types';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Something the export could not read and left out (flipped bytes inside a stored body). */
export type { SkippedRecord };


/** A stored body as this report's content: valid, and under the report's current agency name (older revisions predate a rename). */
function readBody(text: string, agency: string): Report | null {
  const report = readRevisionBody(text);
  return report && { ...report, agency };
}

function readList(text: string): unknown[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/**
 * A name an older version accepted and today's rule refuses (report/agency.ts) would make every
 * report of that agency unreadable on the other PC, and here it would read as damaged and be left
 * out. The export stops instead and says which agency to rename first: nothing intact is dropped.
 */
function refuseLegacyNames(names: readonly string[]): void {
  const refused = names.filter((n) => agencyNameProblem(n) !== null);
  if (!refused.length) return;
  const listed = refused.slice(0, 10).map((n) => `“${printable(n)}”（${agencyNameProblem(n)!.replace(/^机关名称/, '')}）`);
  throw new ArchiveError(
    'INVALID',
    `以下机关的名称是旧版本存入的，现在的规则不允许：${listed.join('；')}${refused.length > 10 ? ' 等' : ''}。请先在档案页把这些机关改名，再导出整个档案（没有导出任何内容）`,
  );
}

/**
 * The whole archive as a bundle. A body that no longer reads as a report is left out and listed
 * in `skipped` rather than failing the export: the rest of the archive is what the clerk needs
 * on the new PC, and the list says what to look at. A report whose own body is damaged goes with
 * its newest readable revision as its content.
 */
export function buildBundle(db: Db, now = new Date(), skipped: SkippedRecord[] = []): Bundle {
  const listed = listAgencies(db);
  refuseLegacyNames(listed.map((a) => a.name));
  const agencies = listed.map(({ id, name, level, deadline, own }) => ({ name, level, deadline, own, formerNames: formerNames(db, id) }));
  const rows = allReportRows(db);
  const revisionsOf = revisionRowsReader(db);
  const reports: BundleReport[] = [];
  for (const r of rows) {
    const revisions: BundleRevision[] = [];
    for (const v of revisionsOf(r.id)) {
      const report = readBody(v.body, r.agency);
      if (report) revisions.push({ reason: v.reason, note: v.note, createdAt: v.createdAt, updatedAt: v.updatedAt, report });
      else skipped.push({ agency: r.agency, year: r.year, revisionAt: v.updatedAt });
    }
    let report = readBody(r.body, r.agency);
    if (!report) {
      skipped.push({ agency: r.agency, year: r.year, revisionAt: null });
      report = revisions.at(-1)?.report ?? null;
      if (!report) continue;
    }
    reports.push({
      agency: r.agency,
      year: r.year,
      status: r.status,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      deletedAt: r.deletedAt,
      carried: readList(r.carried),
      published: r.published === 1,
      publishedOn: r.publishedOn,
      toVerify: readList(r.toVerify).filter((p): p is string => typeof p === 'string'),
      verifiedOn: r.verifiedOn,
      report,
      revisions,
    });
  }
  const payload: BundlePayload = { exportedAt: now.toISOString(), agencies, reports, rosters: exportRosters(db) };
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, sha256: sha(JSON.stringify(payload)), payload };
}

export function serializeBundle(bundle: Bundle): string {
  return JSON.stringify(bundle);
}

const bad = (why: string) => new ArchiveError('INVALID', `档案导出文件无法读取：${why}`);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Parses and checks a bundle: every report and revision in it (./bundle-check.ts), before anything is written. */
export function parseBundle(bytes: Uint8Array | string): Bundle {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_BUNDLE_BYTES) throw bad('文件过大，不是年报助手导出的档案');
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch {
    throw bad('不是有效的JSON文件');
  }
  if (!isObj(raw) || raw.format !== BUNDLE_FORMAT) throw bad('不是年报助手导出的档案文件');
  if (raw.version !== BUNDLE_VERSION) throw bad(`文件版本 ${String(raw.version)} 不受本程序支持，请使用最新版本的年报助手`);
  if (!isObj(raw.payload) || !isStr(raw.sha256)) throw bad('文件结构不完整');
  if (sha(JSON.stringify(raw.payload)) !== raw.sha256) throw bad('校验值不符，文件可能不完整或被改动过，请重新导出');
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, sha256: raw.sha256, payload: checkPayload(raw.payload) };
}

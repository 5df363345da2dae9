/**
 * Everything in an archive bundle, checked before anything of it is written: a bundle comes from
 * another PC, a USB stick or a person's editor, and what it carries ends up in the archive where
 * every later list, save and export reads it. Each report and each revision goes through the same
 * validation as an imported report (validateJson); a revision must be of the same agency and
 * year; the carried cells must be cells of the two formats; times and statuses must be what the
 * archive writes. One bad item refuses the whole bundle, naming the report.
 */
import { formatForYear, formatValidationErrors, layoutOf, validateJson, type Report } from '../../report';
import { agencyNameProblem } from '../../report/agency';
import { isAgencyLevel, isRevisionReason } from '../../report/lists';
import { UNIT_LEVELS, UNIT_STATUSES, type UnitLevel, type UnitStatus } from '../../report/rollup/types';
import { ArchiveError } from '../db/errors';
import type { RosterEntry } from '../rollup/roster';
import type { BundleAgency, BundlePayload, BundleReport, BundleRevision } from './bundle-types';

const bad = (why: string) => new ArchiveError('INVALID', `档案导出文件无法读取：${why}`);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
/** The archive's ISO times (2026-01-10T09:00:00.000Z); an exported bundle never holds anything else. */
const isTime = (v: unknown): v is string => isStr(v, 40) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v));
const MAX_REVISIONS = 5000;

/**
 * A body of this report, or INVALID. `formerNames`: names the agency had before a rename recorded
 * in the report's history (exports of earlier versions carry older revisions under them); such a
 * revision is taken under the current name, as restoring it here would.
 */
function reportBody(raw: unknown, agency: string, year: number, what: string, formerNames: ReadonlySet<string> = new Set()): Report {
  const v = validateJson(raw);
  if (!v.ok) throw bad(`${what}数据有误：\n${formatValidationErrors(v.errors)}`);
  const known = v.report.agency === agency || formerNames.has(v.report.agency);
  if (!known || v.report.year !== year) throw bad(`${what}的机关或年度与所属报告不一致（“${v.report.agency}”${v.report.year}年度）`);
  return { ...v.report, agency };
}

/** The former names of renames in a report's history (the note main writes: 机关名称由“旧”更正为“新”). */
function formerNamesOf(revisions: unknown[]): Set<string> {
  const names = new Set<string>();
  for (const v of revisions)
    if (isObj(v) && v.reason === 'rename' && isStr(v.note, 2000)) {
      const m = /^机关名称由“(.+)”更正为“(.+)”$/.exec(v.note);
      if (m) names.add(m[1]!);
    }
  return names;
}

function carriedCells(raw: unknown, report: Report, what: string): unknown[] {
  if (!Array.isArray(raw)) throw bad(`${what}的“自上年结转”记录应为列表`);
  const here = layoutOf(report.format).cellByPath;
  const lastFormat = formatForYear(report.year - 1);
  const there = lastFormat ? layoutOf(lastFormat).cellByPath : new Map();
  for (const c of raw) {
    const ok =
      isObj(c) &&
      isStr(c.path, 80) && here.has(c.path) &&
      isStr(c.from, 80) && there.has(c.from) &&
      ((typeof c.value === 'number' && Number.isFinite(c.value)) || isStr(c.value, 30)) &&
      Object.keys(c).every((k) => k === 'path' || k === 'from' || k === 'value');
    if (!ok) throw bad(`${what}的“自上年结转”记录有误（${JSON.stringify(c).slice(0, 80)}）`);
  }
  return raw;
}

function revision(raw: unknown, r: { agency: string; year: number; formerNames: Set<string> }, n: number, what: string): BundleRevision {
  const label = `${what}的第${n}个历史版本`;
  if (!isObj(raw) || !isTime(raw.createdAt) || !isTime(raw.updatedAt)) throw bad(`${label}结构不完整`);
  if (!isStr(raw.reason, 40) || !isRevisionReason(raw.reason)) throw bad(`${label}的保存方式“${String(raw.reason).slice(0, 40)}”无法识别`);
  if (raw.note !== undefined && !isStr(raw.note, 2000)) throw bad(`${label}的说明有误`);
  return { reason: raw.reason, note: (raw.note as string | undefined) ?? '', createdAt: raw.createdAt, updatedAt: raw.updatedAt, report: reportBody(raw.report, r.agency, r.year, label, r.formerNames) };
}

function report(raw: unknown, i: number): BundleReport {
  if (!isObj(raw) || !isStr(raw.agency, 100) || typeof raw.year !== 'number' || !Number.isInteger(raw.year)) throw bad(`第${i + 1}份报告结构不完整`);
  const { agency, year } = raw;
  const what = `“${agency}”${year}年度的报告`;
  if (!Array.isArray(raw.revisions) || raw.revisions.length > MAX_REVISIONS) throw bad(`${what}的历史版本结构不完整`);
  if (!isTime(raw.createdAt) || !isTime(raw.updatedAt) || !(raw.deletedAt === null || raw.deletedAt === undefined || isTime(raw.deletedAt)))
    throw bad(`${what}的时间记录有误`);
  if (raw.status !== 'draft' && raw.status !== 'final') throw bad(`${what}的状态“${String(raw.status).slice(0, 20)}”无法识别`);
  const body = reportBody(raw.report, agency, year, what);
  const formerNames = formerNamesOf(raw.revisions);
  return {
    agency,
    year,
    status: raw.status,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    deletedAt: (raw.deletedAt as string | null | undefined) ?? null,
    carried: carriedCells(raw.carried ?? [], body, what),
    ...importState(raw, body, what),
    report: body,
    revisions: raw.revisions.map((v, n) => revision(v, { agency, year, formerNames }, n + 1, what)),
  };
}

/** 已发布 (with its date) and 待核对 cells: absent in exports of older versions, checked when present. */
function importState(raw: Record<string, unknown>, body: Report, what: string): Pick<BundleReport, 'published' | 'publishedOn' | 'toVerify' | 'verifiedOn'> {
  if (raw.published !== undefined && typeof raw.published !== 'boolean') throw bad(`${what}的“已发布”标记有误`);
  const on = raw.publishedOn;
  if (!(on === undefined || on === null || (isStr(on, 10) && /^\d{4}-\d{2}-\d{2}$/.test(on)))) throw bad(`${what}的发布日期有误`);
  const verify = raw.toVerify ?? [];
  // Cells of this report's own layout (the one definition), not a path shape written again here.
  const cells = layoutOf(body.format).cellByPath;
  if (!Array.isArray(verify) || verify.length > 400 || !verify.every((p) => isStr(p, 60) && cells.has(p)))
    throw bad(`${what}的待核对单元格有误`);
  const checked = raw.verifiedOn;
  if (!(checked === undefined || checked === null || (isStr(checked, 10) && /^\d{4}-\d{2}-\d{2}$/.test(checked)))) throw bad(`${what}的核对日期有误`);
  return { published: raw.published === true, publishedOn: (on as string | null | undefined) ?? null, toVerify: verify as string[], verifiedOn: (checked as string | null | undefined) ?? null };
}

function agency(raw: unknown): BundleAgency {
  if (!isObj(raw) || !isStr(raw.name, 100) || !raw.name.trim()) throw bad('机关列表结构不完整');
  if (!(raw.level === null || raw.level === undefined || isAgencyLevel(raw.level))) throw bad(`机关“${raw.name}”的级别有误`);
  if (!isStr(raw.deadline, 5) || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(raw.deadline)) throw bad(`机关“${raw.name}”的公开截止日期有误`);
  if (raw.own !== undefined && typeof raw.own !== 'boolean') throw bad(`机关“${raw.name}”的“本机关”标记有误`);
  const former = raw.formerNames;
  if (former !== undefined && (!Array.isArray(former) || former.length > 50 || !former.every((n) => isStr(n, 100) && agencyNameProblem(n) === null)))
    throw bad(`机关“${raw.name}”的曾用名有误`);
  return { name: raw.name, level: (raw.level as string | null | undefined) ?? null, deadline: raw.deadline, own: raw.own === true, formerNames: (former as string[] | undefined) ?? [] };
}

/** The payload rebuilt from checked parts only (nothing unchecked is passed on), or INVALID. */
export function checkPayload(p: Record<string, unknown>): BundlePayload {
  if (!Array.isArray(p.agencies) || !Array.isArray(p.reports) || !isStr(p.exportedAt, 40)) throw bad('文件结构不完整');
  const reports = p.reports.map(report);
  const seen = new Set<string>();
  for (const r of reports) {
    const key = `${r.agency}|${r.year}`;
    if (seen.has(key)) throw bad(`“${r.agency}”${r.year}年度的报告出现了两次`);
    seen.add(key);
  }
  return { exportedAt: p.exportedAt, agencies: p.agencies.map(agency), reports, rosters: rosters(p.rosters) };
}


/** 汇总 rosters: absent in older exports; every entry checked like everything else before anything is written. */
function rosters(raw: unknown): RosterEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 100_000) throw bad('汇总名单结构不完整');
  return raw.map((e, i) => {
    const what = `汇总名单第${i + 1}项`;
    if (!isObj(e) || !isStr(e.organ, 100) || !isStr(e.agency, 100) || typeof e.year !== 'number' || !Number.isInteger(e.year) || e.year < 1990 || e.year > 2200)
      throw bad(`${what}结构不完整`);
    const problem = agencyNameProblem(e.organ) ?? agencyNameProblem(e.agency);
    if (problem) throw bad(`${what}的单位名称有误：${problem}`);
    if (!(UNIT_LEVELS as readonly unknown[]).includes(e.level) || !(UNIT_STATUSES as readonly unknown[]).includes(e.status)) throw bad(`${what}的级别或状态无法识别`);
    if (!isStr(e.reason, 200) || !isStr(e.fileName, 260) || !(e.receivedAt === null || isTime(e.receivedAt))) throw bad(`${what}的原因、文件名或收到时间有误`);
    return { organ: e.organ, year: e.year, agency: e.agency, level: e.level as UnitLevel, status: e.status as UnitStatus, reason: e.reason, receivedAt: e.receivedAt as string | null, fileName: e.fileName };
  });
}

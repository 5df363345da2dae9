/**
 * Turns any input into a typed report or a list of precise errors (report-json.md).
 * Validation enforces T2-1, T3-4 and T4-2 (types and signs): a report cannot hold such a value.
 */
import { agencyNameProblem, MAX_AGENCY } from './agency';
import { FIRST_YEAR, formatForYear, getFormat, isFormatId } from './formats';
import type { CellType } from './formats/model';
import { layoutOf } from './layout';
import { MONEY_RE, isValidValue } from './numbers';
import { TEXT_PARTS, type ActiveValue, type Report } from './types';

export interface ValidationError {
  /** The JSON path of the problem (`requests.newReceived.2`, `year`, …). */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; report: Report } | { ok: false; errors: ValidationError[] };

const TOP_KEYS = new Set(['format', 'year', 'agency', 'text', 'active', 'requests', 'appeals', 'closing']);
/** Extra fields of `import --dry-run --json`, ignored by a JSON import. */
const IGNORED_KEYS = new Set(['findings', 'uncertain']);
const MAX_TEXT = 200_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeMessage(type: CellType, value: unknown): string {
  if (value === null || value === undefined) return '不能为空';
  switch (type) {
    case 'count':
      if (typeof value === 'number' && value < 0) return '件数不能为负数';
      return '应为不小于0的整数';
    case 'signedCount':
      return '应为整数（减少用负数表示）';
    case 'money':
    case 'amount':
      if (typeof value === 'string' && /^\d+\.\d{5,}$/.test(value)) return '金额最多4位小数';
      if (typeof value === 'number') return '金额应写成字符串，如 "0.9840"';
      return '应为不小于0的金额字符串，如 "0.9840"';
  }
}

export function validateJson(input: unknown): ValidationResult {
  const errors: ValidationError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: '不是一份报告：应为 JSON 对象' }] };

  for (const k of Object.keys(input)) if (!TOP_KEYS.has(k) && !IGNORED_KEYS.has(k)) err(k, `未知字段“${k}”`);

  const { format, year, agency } = input;
  if (!isFormatId(format)) err('format', '格式应为 "gov-2021" 或 "gov-2019"');
  if (typeof year !== 'number' || !Number.isInteger(year)) err('year', '年度应为整数，如 2024');
  else if (year < FIRST_YEAR) err('year', `${year}年尚无统一的年度报告格式（自${FIRST_YEAR}年度起）`);
  else if (!formatForYear(year)) err('year', `年度 ${year} 超出范围`);
  else if (isFormatId(format) && formatForYear(year) !== format)
    err('format', `${year}年度报告应使用 ${formatForYear(year)} 格式，而不是 ${format}`);
  if (typeof agency !== 'string') err('agency', '机关名称不能为空');
  else {
    const problem = agencyNameProblem(agency);
    if (problem) err('agency', problem);
  }

  const text: Record<string, string> = { preamble: '', overview: '', problems: '', other: '' };
  if (input.text !== undefined) {
    if (!isObject(input.text)) err('text', '应为对象');
    else
      for (const [k, v] of Object.entries(input.text)) {
        if (!(TEXT_PARTS as readonly string[]).includes(k)) err(`text.${k}`, `未知文字部分“${k}”`);
        else if (typeof v !== 'string') err(`text.${k}`, '应为文字');
        else if (v.length > MAX_TEXT) err(`text.${k}`, '文字过长');
        else text[k] = v;
      }
  }

  let closing = { agency: '', date: '' };
  if (input.closing !== undefined) {
    const c = input.closing;
    if (!isObject(c)) err('closing', '应为对象');
    else {
      for (const k of Object.keys(c)) if (k !== 'agency' && k !== 'date') err(`closing.${k}`, `未知字段“${k}”`);
      const ca = c.agency ?? '';
      const cd = c.date ?? '';
      if (typeof ca !== 'string' || ca.length > MAX_AGENCY) err('closing.agency', '落款机关应为文字');
      if (typeof cd !== 'string' || (cd !== '' && !isIsoDate(cd))) err('closing.date', '成文日期应为 YYYY-MM-DD');
      if (typeof ca === 'string' && typeof cd === 'string') closing = { agency: ca, date: cd };
    }
  }

  if (!isFormatId(format) || errors.some((e) => e.path === 'format' || e.path === 'year')) {
    return { ok: false, errors };
  }
  const def = getFormat(format);
  const layout = layoutOf(format);
  const cellName = (path: string) => layout.cellByPath.get(path)?.name;
  const at = (path: string) => cellName(path) ?? path;

  // Table 二
  const active: Report['active'] = {};
  if (!isObject(input.active)) err('active', '缺少“active”（表二）');
  else {
    const rowDefs = def.active.blocks.flatMap((b) => b.rows.map((r) => ({ row: r, fields: b.fields })));
    for (const k of Object.keys(input.active))
      if (!rowDefs.some((d) => d.row.key === k)) err(`active.${k}`, `表二没有“${k}”这一行（${format}）`);
    for (const { row, fields } of rowDefs) {
      const v = input.active[row.key];
      if (!isObject(v)) {
        err(`active.${row.key}`, v === undefined ? `缺少表二“${row.label}”行` : '应为对象');
        continue;
      }
      const allowed = new Set([...fields.map((f) => f.key), ...(row.unitProperty ? ['unit'] : [])]);
      for (const k of Object.keys(v)) if (!allowed.has(k)) err(`active.${row.key}.${k}`, `未知字段“${k}”`);
      const out: Record<string, ActiveValue> = {};
      for (const f of fields) {
        const path = `active.${row.key}.${f.key}`;
        const value = v[f.key];
        if (value === undefined) err(path, `缺少${at(path)}`);
        else if (!isValidValue(f.type, value)) err(path, `${at(path)}：${typeMessage(f.type, value)}`);
        else out[f.key] = value as ActiveValue;
      }
      if (row.unitProperty) {
        if (v.unit !== '万元' && v.unit !== '元') err(`active.${row.key}.unit`, '金额单位应为 "万元" 或 "元"');
        else out.unit = v.unit;
      }
      active[row.key] = out;
    }
  }

  // Tables 三 and 四: rows of fixed-length integer arrays
  const arrays = (table: 'requests' | 'appeals', keys: { key: string; label: string }[], width: number, title: string) => {
    const out: Record<string, number[]> = {};
    const src = input[table];
    if (!isObject(src)) {
      err(table, `缺少“${table}”（${title}）`);
      return out;
    }
    for (const k of Object.keys(src))
      if (!keys.some((r) => r.key === k)) err(`${table}.${k}`, `${title}没有“${k}”这一行（${format}）`);
    for (const { key, label } of keys) {
      const v = src[key];
      if (!Array.isArray(v)) {
        err(`${table}.${key}`, v === undefined ? `缺少${title}“${label}”` : `${title}“${label}”应为${width}个数字的数组`);
        continue;
      }
      if (v.length !== width) {
        err(`${table}.${key}`, `${title}“${label}”应有${width}个数字，实际为${v.length}个`);
        continue;
      }
      v.forEach((x, i) => {
        const path = `${table}.${key}.${i}`;
        if (!isValidValue('count', x)) err(path, `${at(path)}：${typeMessage('count', x)}`);
      });
      out[key] = v as number[];
    }
    return out;
  };
  const requests = arrays('requests', [...def.requests.rows], def.requests.columns.length, '表三');
  const appeals = arrays('appeals', [...def.appeals.groups], def.appeals.outcomes.length, '表四');

  if (errors.length) return { ok: false, errors };
  const report: Report = {
    format,
    year: year as number,
    agency: (agency as string).trim(),
    text: text as Report['text'],
    active,
    requests,
    appeals,
    closing,
  };
  return { ok: true, report };
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether a money string is well formed (exported for importers). */
export const isMoneyString = (s: string): boolean => MONEY_RE.test(s);

/** One line per error, for the CLI and dialogs. */
const SELF_NAMED = new Set(['agency', 'year', 'format']);

export function formatValidationErrors(errors: ValidationError[], limit = 20): string {
  // Messages on the report's own fields name them already (「机关名称…」「年度…」): no Latin path before them.
  const lines = errors.slice(0, limit).map((e) => (e.path && !SELF_NAMED.has(e.path) ? `${e.path}：${e.message}` : e.message));
  if (errors.length > limit) lines.push(`……另有 ${errors.length - limit} 处错误`);
  return lines.join('\n');
}

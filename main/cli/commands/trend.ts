/** `trend --agency` (历年对比) and `draft --agency --year` (生成统计表述) on the archive. */
import { printable } from '../../../report/agency';
import { DRAFT_KINDS } from '../../../report/trend';
import { closeArchive } from '../../db/open';
import { draftFor, trendByName } from '../../trend/service';
import { trendXlsx } from '../../trend/xlsx';
import { atomicWrite } from '../../export/atomic-write';
import { openIfExists, parseYear, requireOption, UsageError, type CliIo } from '../io';
import { ArchiveError } from '../../db/errors';
import { resolve } from 'node:path';

export interface TrendOpts {
  db?: string;
  agency?: string;
  year?: string;
  json?: boolean;
  out?: string;
}

function withArchive<T>(opts: { db?: string }, io: CliIo, fn: (db: NonNullable<ReturnType<typeof openIfExists>>) => T): T {
  const db = openIfExists(opts.db, io);
  if (!db) throw new UsageError('档案文件不存在，请先用 new 或 import 建立报告');
  try {
    return fn(db);
  } catch (e) {
    if (e instanceof ArchiveError && e.code === 'NOT_FOUND') throw new UsageError(e.message);
    throw e;
  } finally {
    closeArchive(db);
  }
}

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : String(n));

export async function trendCommand(opts: TrendOpts, io: CliIo): Promise<number> {
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  if (opts.out && !/\.xlsx$/i.test(opts.out)) throw new UsageError('--out 只能是 .xlsx 文件');
  const t = withArchive(opts, io, (db) => trendByName(db, agency));
  if (opts.out) {
    await atomicWrite(resolve(io.cwd, opts.out), await trendXlsx(t));
    io.err(`已导出：${opts.out}`);
  }
  if (opts.json) {
    io.out(JSON.stringify({
      agency: t.agency,
      years: t.years,
      rows: t.rows.map(({ path, label, values, changes }) => ({ path, label, values, changes })),
      breaks: t.breaks,
      swings: t.swings,
      missingYears: t.missingYears,
    }, null, 2));
  } else if (!opts.out) {
    const lines = [['项目', ...t.years.map(String)].join('\t')];
    for (const r of t.rows.filter((x) => x.group === 'key'))
      lines.push([r.label, ...r.values.map((v, i) => (v === null ? '—' : `${v}${r.changes[i] ? `(${signed(r.changes[i]!)})` : ''}`))].join('\t'));
    for (const s of t.swings) lines.push(`大幅变动 ${s.year}年 ${s.label}：${s.from} → ${s.to}`);
    for (const b of t.breaks) lines.push(`衔接中断 ${b.year}年 ${b.message}`);
    io.out(lines.join('\n'));
  }
  io.err(`${printable(t.agency)}：${t.years.length}个年度，${t.swings.length}处大幅变动，${t.breaks.length}处结转衔接中断`);
  return 0;
}

export function draftCommand(opts: TrendOpts, io: CliIo): number {
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  const d = withArchive(opts, io, (db) => draftFor(db, agency, year));
  io.out(opts.json ? JSON.stringify(d, null, 2) : DRAFT_KINDS.map((k) => d[k]).join('\n'));
  return 0;
}

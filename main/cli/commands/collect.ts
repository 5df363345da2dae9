/**
 * `collect 文件或文件夹… --into 汇总单位 --year 年度`: every regular file (folders recursively, see
 * collect-files.ts) read by the importer and matched to the organ's roster by exact name only. A close
 * name waits with its proposed unit until `--match 文件=单位` or `--accept-close` confirms it; a name
 * not on the roster waits unless `--add-units`. Progress and the summary on stderr. Exit 0 when every
 * file was stored (or was the same as one already in), 1 when some were refused, held or wait for a
 * decision, 2 on bad usage. Each file goes to the function behind the app's rollup:collect handler
 * (collectFile), as the 汇总 board's 「收取文件」 sends it; --accept-close is the board's 「确认」 of the
 * proposed unit, given in advance. Not the handler itself: it takes the page's base64 upload, and
 * encoding a file read from disk only to decode it again would double the memory of a 50 MB file.
 */
import { basename } from 'node:path';
import { printable } from '../../../report/agency';
import type { CollectOutcome } from '../../../report/rollup';
import { closeArchive, type Db } from '../../db/open';
import { MAX_IMPORT_BYTES } from '../../import';
import { collectFile, type CollectRequest } from '../../rollup/collect';
import { EXIT_FINDINGS, EXIT_OK, openForWrite, UsageError, type CliIo } from '../io';
import { expandFiles, readFound } from './collect-files';

export interface CollectOptions {
  db?: string;
  into: string;
  year: number;
  acceptUncertain?: boolean;
  /** Take every close match's proposed unit. */
  acceptClose?: boolean;
  /** Add names not on the roster as new units (level inferred from the name). */
  addUnits?: boolean;
  /** `文件=单位`: the unit of a file, named by the office (file name or path as given). */
  match?: readonly string[];
  now?: () => Date;
}

const refused = (fileName: string, message: string): CollectOutcome => ({
  fileName, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0, message,
});

const line = (o: CollectOutcome): string => {
  switch (o.status) {
    case 'stored':
      return `“${o.unit}”${o.added ? '（新加入名单）' : ''}：${o.message}${o.errors ? `，${o.errors}个错误` : ''}${o.warnings ? `，${o.warnings}个提示` : ''}`;
    case 'duplicate':
      return `“${o.unit}”：${o.message}`;
    case 'held':
      return `待核对，未保存：${o.message}（可加 --accept-uncertain 以0保存并记录待核对）`;
    case 'unmatched':
      return o.proposal
        ? `等待确认，未保存：${o.message}（确认请加 --match "${o.fileName}=${o.proposal}" 或 --accept-close）`
        : `等待确认，未保存：${o.message}（加入名单请加 --add-units，或用 --match "${o.fileName}=单位名称" 指定单位）`;
    default:
      return `未收取：${o.message}`;
  }
};

/** `文件=单位` pairs; the file is matched by its name or by the path as given. */
function parseMatches(pairs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of pairs) {
    const at = p.lastIndexOf('=');
    const file = p.slice(0, at).trim();
    const unit = p.slice(at + 1).trim();
    if (at < 0 || !file || !unit) throw new UsageError(`--match 应写成“文件=单位”，如 --match "第3镇政府.docx=测试县第3镇人民政府"（收到的是“${p}”）`);
    out.set(file, unit);
  }
  return out;
}

export async function collectCommand(args: string[], opts: CollectOptions, io: CliIo): Promise<number> {
  if (!args.length) throw new UsageError('缺少要收取的文件或文件夹，如：collect 收到的报告/ --into "某某县人民政府" --year 2024');
  const files = expandFiles(args);
  if (!files.length) throw new UsageError('所给的文件夹中没有文件');
  const matches = parseMatches(opts.match ?? []);
  const unknown = [...matches.keys()].filter((k) => !files.some((f) => f.name === k || f.path === k));
  if (unknown.length) throw new UsageError(`--match 中的文件不在要收取的文件中：${unknown.join('、')}`);
  let db: Db | null = null;
  const tally = { stored: 0, added: 0, replaced: 0, uncertain: 0, duplicate: 0, close: 0, unknown: 0, held: 0, refused: 0, skipped: 0 };
  const problems: string[] = [];
  try {
    db = openForWrite(opts.db, io);
    for (const [i, file] of files.entries()) {
      const name = basename(file.path);
      let outcome: CollectOutcome;
      if (file.skip) outcome = refused(name, file.skip.reason);
      else {
        const read = readFound(file, MAX_IMPORT_BYTES);
        const agency = matches.get(file.path) ?? matches.get(name);
        if (!read.ok) outcome = refused(name, read.reason);
        else {
          const request: CollectRequest = {
            organ: opts.into,
            year: opts.year,
            fileName: name,
            data: read.data,
            now: (opts.now?.() ?? new Date()).toISOString(),
            ...(agency ? { agency } : {}),
            ...(opts.addUnits ? { addLevel: 'infer' as const } : {}),
            ...(opts.acceptUncertain ? { acceptUncertain: true } : {}),
          };
          outcome = await collectFile(db, request);
          if (opts.acceptClose && outcome.status === 'unmatched' && outcome.proposal) outcome = await collectFile(db, { ...request, agency: outcome.proposal });
        }
      }
      // One line per file, whatever its name or the agency in it holds (printable: \n, \t, U+202E… escaped).
      io.err(printable(`[已读 ${i + 1} / 共 ${files.length}] ${name}：${file.skip?.kind === 'skip' ? `跳过：${file.skip.reason}` : line(outcome)}`));
      if (file.skip?.kind === 'skip') tally.skipped++;
      else if (outcome.status === 'stored') {
        tally.stored++;
        if (outcome.added) tally.added++;
        if (outcome.replaced) tally.replaced++;
        if (outcome.uncertain) tally.uncertain++;
      } else if (outcome.status === 'duplicate') tally.duplicate++;
      else {
        if (outcome.status === 'held') tally.held++;
        else if (outcome.status === 'unmatched') tally[outcome.proposal ? 'close' : 'unknown']++;
        else tally.refused++;
        problems.push(printable(`  ${name}：${outcome.message}${outcome.proposal ? `（名单中相近的单位：${outcome.proposal}）` : ''}`));
      }
    }
  } finally {
    if (db) closeArchive(db);
  }
  const waiting = tally.close + tally.unknown;
  io.err(
    `共 ${files.length} 个文件：已保存 ${tally.stored} 个（新加入名单 ${tally.added} 个单位，作为新版本 ${tally.replaced} 个，含待核对数字 ${tally.uncertain} 个），` +
      `与已收文件相同未重复保存 ${tally.duplicate} 个，等待确认单位 ${waiting} 个（名称相近 ${tally.close} 个，名单中没有 ${tally.unknown} 个），` +
      `待核对未保存 ${tally.held} 个，未收取 ${tally.refused} 个，跳过 ${tally.skipped} 个（链接、管道、设备或重复的同一文件）`,
  );
  if (waiting)
    io.err(`有 ${waiting} 个文件等待决定：名称相近的用 --match "文件=单位" 逐个确认或 --accept-close 全部按建议归入；名单中没有的用 --add-units 加入名单，或用 --match 指定单位`);
  if (problems.length) io.err(`未保存的文件及原因：\n${problems.join('\n')}`);
  return problems.length ? EXIT_FINDINGS : EXIT_OK;
}

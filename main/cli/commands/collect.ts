/**
 * `collect 文件或文件夹… --into 汇总单位 --year 年度`: every file (folders recursively) read by the
 * importer, matched to the organ's roster or added to it, stored as a new report or revision.
 * Progress and the summary on stderr. Exit 0 when every file was stored, 1 when some were refused
 * or held, 2 on bad usage.
 */
import { printable } from '../../../report/agency';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CollectOutcome } from '../../../report/rollup';
import { closeArchive, type Db } from '../../db/open';
import { MAX_IMPORT_BYTES } from '../../import';
import { collectFile } from '../../rollup/collect';
import { EXIT_FINDINGS, EXIT_OK, openForWrite, UsageError, type CliIo } from '../io';

export interface CollectOptions {
  db?: string;
  into: string;
  year: number;
  acceptUncertain?: boolean;
  now?: () => Date;
}

/** The files under the arguments, folders walked in name order; Office lock files (~$…) and hidden files skipped. */
export function expandFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string, top: boolean) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      if (top) throw new UsageError(`找不到文件或文件夹：${path}`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort((a, b) => a.localeCompare(b, 'zh-CN'))) if (!name.startsWith('.') && !name.startsWith('~$')) walk(join(path, name), false);
    } else if (st.isFile()) out.push(path);
  };
  for (const a of args) walk(a, true);
  return out;
}

const line = (o: CollectOutcome): string => {
  switch (o.status) {
    case 'stored':
      return `“${o.unit}”${o.added ? '（新加入名单）' : ''}：${o.message}${o.errors ? `，${o.errors}个错误` : ''}${o.warnings ? `，${o.warnings}个提示` : ''}`;
    case 'held':
      return `待核对，未保存：${o.message}（可加 --accept-uncertain 以0保存并记录待核对）`;
    default:
      return `未收取：${o.message}`;
  }
};

export async function collectCommand(args: string[], opts: CollectOptions, io: CliIo): Promise<number> {
  if (!args.length) throw new UsageError('缺少要收取的文件或文件夹，如：collect 收到的报告/ --into "某某县人民政府" --year 2024');
  const files = expandFiles(args);
  if (!files.length) throw new UsageError('所给的文件夹中没有文件');
  let db: Db | null = null;
  const tally = { stored: 0, added: 0, replaced: 0, held: 0, refused: 0, uncertain: 0 };
  const problems: string[] = [];
  try {
    db = openForWrite(opts.db, io);
    for (const [i, file] of files.entries()) {
      const name = basename(file);
      let outcome: CollectOutcome;
      const size = statSync(file).size;
      if (size > MAX_IMPORT_BYTES) {
        outcome = { fileName: name, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0, message: '文件过大，不像是一份年度报告' };
      } else {
        outcome = await collectFile(db, {
          organ: opts.into,
          year: opts.year,
          fileName: name,
          data: readFileSync(file),
          addLevel: 'infer',
          now: (opts.now?.() ?? new Date()).toISOString(),
          ...(opts.acceptUncertain ? { acceptUncertain: true } : {}),
        });
      }
      // One line per file, whatever its name or the agency in it holds (printable: \n, \t, U+202E… escaped).
      io.err(printable(`[已读 ${i + 1} / 共 ${files.length}] ${name}：${line(outcome)}`));
      if (outcome.status === 'stored') {
        tally.stored++;
        if (outcome.added) tally.added++;
        if (outcome.replaced) tally.replaced++;
        if (outcome.uncertain) tally.uncertain++;
      } else {
        if (outcome.status === 'held') tally.held++;
        else tally.refused++;
        problems.push(printable(`  ${name}：${outcome.message}${outcome.proposal ? `（名单中相近的单位：${outcome.proposal}）` : ''}`));
      }
    }
  } finally {
    if (db) closeArchive(db);
  }
  io.err(
    `共读取 ${files.length} 个文件：已保存 ${tally.stored} 个（新加入名单 ${tally.added} 个单位，作为新版本 ${tally.replaced} 个，含待核对数字 ${tally.uncertain} 个），` +
      `未收取 ${tally.refused} 个，待核对未保存 ${tally.held} 个`,
  );
  if (problems.length) io.err(`未保存的文件及原因：\n${problems.join('\n')}`);
  return problems.length ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * `rollup --unit 汇总单位 --year 年度`: the 汇总 of the organ's collection. `--json` prints the
 * 汇总 (canonical report JSON, agency = the organ), completeness, the units, who is missing and the
 * findings; `--out` writes the 汇总表 (.docx/.xlsx in the standard layout, .json = the report alone),
 * `--detail` the 分单位明细 and `--issues` the 问题清单. Without --json the board goes to stdout.
 */
import { printable } from '../../../report/agency';
import { extname } from 'node:path';
import { collectionStatus, missingPhrase, UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS } from '../../../report/rollup';
import { closeArchive } from '../../db/open';
import { atomicWrite } from '../../export/atomic-write';
import { canonicalJson } from '../../export/canonical-json';
import { buildRollupExport } from '../../rollup/service';
import { listRoster } from '../../rollup/roster';
import { loadCollection } from '../../rollup/view';
import { openIfExists, UsageError, type CliIo } from '../io';

export interface RollupOptions {
  db?: string;
  unit: string;
  year: number;
  json?: boolean;
  out?: string;
  detail?: string;
  issues?: string;
  now?: () => Date;
}

const OUT_KINDS: Record<string, 'docx' | 'xlsx' | 'json'> = { '.docx': 'docx', '.xlsx': 'xlsx', '.json': 'json' };

export async function rollupCommand(opts: RollupOptions, io: CliIo): Promise<number> {
  const outKind = opts.out ? OUT_KINDS[extname(opts.out).toLowerCase()] : undefined;
  if (opts.out && !outKind) throw new UsageError('--out 应以 .docx、.xlsx 或 .json 结尾');
  for (const [flag, file] of [['detail', opts.detail], ['issues', opts.issues]] as const)
    if (file && extname(file).toLowerCase() !== '.xlsx') throw new UsageError(`--${flag} 应以 .xlsx 结尾`);
  const db = openIfExists(opts.db, io);
  if (!db) throw new UsageError('档案文件不存在；请先用 collect 收取报告');
  try {
    if (!listRoster(db, opts.unit, opts.year).length)
      throw new UsageError(`档案中没有“${opts.unit.trim()}”${opts.year}年度的统计范围；请先用 collect --into "${opts.unit.trim()}" --year ${opts.year} 收取报告`);
    const { view } = loadCollection(db, opts.unit, opts.year);
    if (opts.json) {
      io.out(
        JSON.stringify(
          {
            report: view.report ? (JSON.parse(canonicalJson(view.report)) as unknown) : null,
            complete: view.complete,
            units: view.units.map((u) => ({ agency: u.agency, level: u.level, status: u.status, errors: u.errors, warnings: u.warnings })),
            missing: view.missing,
            findings: view.findings,
          },
          null,
          2,
        ),
      );
    } else {
      for (const u of view.units)
        io.out(`${printable(u.agency)}\t${UNIT_LEVEL_LABELS[u.level]}\t${UNIT_STATUS_LABELS[u.status]}${u.reason ? `（${printable(u.reason)}）` : ''}\t错误 ${u.errors}\t提醒 ${u.warnings}${u.refused ? `\t未纳入汇总：${u.refused}` : ''}`);
    }
    io.err([collectionStatus(view), missingPhrase(view)].filter(Boolean).join('，'));
    const date = (opts.now?.() ?? new Date()).toISOString().slice(0, 10);
    const writes: [string | undefined, 'docx' | 'xlsx' | 'json' | 'detail' | 'issues'][] = [[opts.out, outKind ?? 'json'], [opts.detail, 'detail'], [opts.issues, 'issues']];
    for (const [file, kind] of writes) {
      if (!file) continue;
      const built = await buildRollupExport(db, opts.unit, opts.year, kind, { date });
      await atomicWrite(file, built.data);
      io.err(`已写入 ${file}`);
    }
    return 0;
  } finally {
    closeArchive(db);
  }
}

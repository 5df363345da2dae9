/**
 * `npm run cli -- <command>`: the archive from the command line, in Chinese.
 * Exit codes: 0 success, 1 `check` found an error, 2 bad usage or bad input.
 */
import { parseArgs } from 'node:util';
import { archiveExportCommand, archiveImportCommand, backupCommand, restoreCommand } from './commands/archive';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { newCommand } from './commands/new';
import { describeError, EXIT_BAD_INPUT, parseYear, processIo, UsageError, type CliIo } from './io';

export const USAGE = `用法：npm run cli -- <命令> [选项]

命令：
  list [--db 文件] [--json]                       列出档案中的报告
  new --agency 机关 --year 年度 [--db 文件]        新建年度报告（按年度选择格式，各表填0）
      [--carry-over]                              自档案中的上年报告结转“上年结转”等数字
  import 文件… [--agency 机关] [--year 年度]      导入报告：网页（.html/.txt 文字）、.docx、.xlsx、.json；
        [--db 文件] [--replace] [--accept-uncertain]  --dry-run --json 只读取并输出，不保存；
                                                  --accept-uncertain 把没有读数的格按0保存并记录待核对
                                                  --agency 的机关与原文机关名称相近时存入 --agency 的机关；
                                                  明显不同时不保存，确认要存入请加 --force-agency
  check 文件.json | --agency 机关 --year 年度      检查勾稽关系等规则；--json 输出问题列表；
        [--previous 上年.json] [--db 文件]          有错误时退出码为1
  export --agency 机关 --year 年度 --out 文件       导出报告：.docx、.xlsx、.html 或 .json [--db 文件]
  export --from 报告.json --out 文件                导出不在档案中的报告

档案位置：--db 优先，其次环境变量 NIANBAO_DB，否则为用户数据目录下的 archive.sqlite。`;

const OPTIONS = {
  db: { type: 'string' },
  agency: { type: 'string' },
  year: { type: 'string' },
  out: { type: 'string' },
  previous: { type: 'string' },
  from: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  replace: { type: 'boolean' },
  'accept-uncertain': { type: 'boolean' },
  'force-agency': { type: 'boolean' },
  'carry-over': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (v.help || !command) {
    io.err(USAGE);
    return command || v.help ? 0 : EXIT_BAD_INPUT;
  }
  try {
    switch (command) {
      case 'list':
        return listCommand({ ...(v.db ? { db: v.db } : {}), json: v.json ?? false }, io);
      case 'new':
        return await newCommand(v, io);
      case 'import':
        return await importCommand(rest, {
          ...(v.db ? { db: v.db } : {}),
          ...(v.agency ? { agency: v.agency } : {}),
          ...(v.year !== undefined ? { year: parseYear(v.year) } : {}),
          dryRun: v['dry-run'] ?? false,
          json: v.json ?? false,
          replace: v.replace ?? false,
          acceptUncertain: v['accept-uncertain'] ?? false,
          forceAgency: v['force-agency'] ?? false,
        }, io);
      case 'check':
        if (rest.length > 1) throw new UsageError('check 一次只检查一份报告');
        return checkCommand(rest[0], v, io);
      case 'export':
        return await exportCommand(v, io);
      case 'backup':
        return await backupCommand({ ...(v.db ? { db: v.db } : {}), ...(v.out ? { out: v.out } : {}) }, io);
      case 'restore':
        return await restoreCommand(rest[0], v.db ? { db: v.db } : {}, io);
      case 'archive-export':
        return archiveExportCommand({ ...(v.db ? { db: v.db } : {}), ...(v.out ? { out: v.out } : {}) }, io);
      case 'archive-import':
        return await archiveImportCommand(rest[0], { ...(v.db ? { db: v.db } : {}), dryRun: v['dry-run'] ?? false, json: v.json ?? false }, io);
      default:
        throw new UsageError(`未知命令“${command}”\n\n${USAGE}`);
    }
  } catch (e) {
    io.err(describeError(e));
    return EXIT_BAD_INPUT;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

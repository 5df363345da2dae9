/**
 * `npm run cli -- <command>`: the archive from the command line, in Chinese.
 * Exit codes: 0 success, 1 `check` found an error, 2 bad usage or bad input.
 */
import { parseArgs } from 'node:util';
// Each command's module is loaded when it runs (await import below): `list` does not load exceljs, docx or pdf.js.
import { describeError, EXIT_BAD_INPUT, parseYear, processIo, requireOption, terminalSafe, UsageError, type CliIo } from './io';

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
  export --graphic --agency 机关 --year 年度        导出图解（一图读懂）：--out 图解.svg、.png 或 .pdf；
        --out 文件 [--size a4|long]                 --size a4 为A4页面，long 为长图（750像素宽，PNG为1080像素）；
                                                  PDF 总是A4，SVG/PNG 默认长图
  trend --agency 机关 [--json] [--out 文件.xlsx]     历年对比：各年度主要数字、较上年增减、结转衔接中断
  draft --agency 机关 --year 年度 [--json]          生成统计表述（主动公开、依申请公开、复议诉讼，每段一行）
  collect 文件或文件夹… --into 汇总单位 --year 年度  收取下级单位的报告（文件夹逐层读取，只读普通文件），按名单中的完整名称对照；
        [--db 文件] [--accept-uncertain]            --match "文件=单位" 指定文件所属单位（可多次）；--accept-close 名称相近的按建议归入；
        [--match 文件=单位] [--accept-close]         --add-units 名单中没有的加入名单；全部收取为0，
        [--add-units]                               有未收取、待核对或等待确认单位的文件为1
  rollup --unit 汇总单位 --year 年度 [--db 文件]    汇总：--json 输出汇总与收齐情况；--out 汇总表.docx/.xlsx/.json；
        [--json] [--out 文件] [--detail 明细.xlsx]   --detail 分单位明细；--issues 问题清单
        [--issues 问题清单.xlsx]
  verify --agency 机关 --year 年度 文件 [--json]     核对已发布：网站上的报告（.html、复制的文字、PDF、.docx）与档案中的定稿逐格逐句对照；
        [--db 文件]                                 一致时标为已发布（退出码0），有差异或无法核对为1，读不出为2

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
  'accept-close': { type: 'boolean' },
  'add-units': { type: 'boolean' },
  match: { type: 'string', multiple: true },
  graphic: { type: 'boolean' },
  size: { type: 'string' },
  into: { type: 'string' },
  unit: { type: 'string' },
  detail: { type: 'string' },
  issues: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** node:util parseArgs explains in English; the clerk reads the same in Chinese. */
function argsProblem(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项“${option}”`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take/.test(message ?? '') ? `选项“${option}”后面不能带值` : `选项“${option}”后面缺少值`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '多余的参数';
  return '无法识别命令行参数';
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`参数有误：${argsProblem(e)}\n\n${USAGE}`);
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
        return (await import('./commands/list')).listCommand({ ...(v.db ? { db: v.db } : {}), json: v.json ?? false }, io);
      case 'new':
        return await (await import('./commands/new')).newCommand(v, io);
      case 'import':
        return await (await import('./commands/import')).importCommand(rest, {
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
        return (await import('./commands/check')).checkCommand(rest[0], v, io);
      case 'export':
        return await (await import('./commands/export')).exportCommand(v, io);
      case 'trend':
        return await (await import('./commands/trend')).trendCommand(v, io);
      case 'draft':
        return (await import('./commands/trend')).draftCommand(v, io);
      case 'collect':
        return await (await import('./commands/collect')).collectCommand(rest, {
          ...(v.db ? { db: v.db } : {}),
          into: requireOption(v.into, 'into', '汇总单位，如 "某某县人民政府"'),
          year: parseYear(v.year),
          acceptUncertain: v['accept-uncertain'] ?? false,
          acceptClose: v['accept-close'] ?? false,
          addUnits: v['add-units'] ?? false,
          match: v.match ?? [],
        }, io);
      case 'rollup':
        if (rest.length) throw new UsageError('rollup 不接受文件参数；汇总单位用 --unit 指定');
        return await (await import('./commands/rollup')).rollupCommand({
          ...(v.db ? { db: v.db } : {}),
          unit: requireOption(v.unit, 'unit', '汇总单位，如 "某某县人民政府"'),
          year: parseYear(v.year),
          json: v.json ?? false,
          ...(v.out ? { out: v.out } : {}),
          ...(v.detail ? { detail: v.detail } : {}),
          ...(v.issues ? { issues: v.issues } : {}),
        }, io);
      case 'verify':
        return await (await import('./commands/verify')).verifyCommand(rest, { ...(v.db ? { db: v.db } : {}), ...(v.agency ? { agency: v.agency } : {}), ...(v.year !== undefined ? { year: v.year } : {}), json: v.json ?? false }, io);
      case 'backup':
        return await (await import('./commands/archive')).backupCommand({ ...(v.db ? { db: v.db } : {}), ...(v.out ? { out: v.out } : {}) }, io);
      case 'restore':
        return await (await import('./commands/archive')).restoreCommand(rest[0], v.db ? { db: v.db } : {}, io);
      case 'archive-export':
        return (await import('./commands/archive')).archiveExportCommand({ ...(v.db ? { db: v.db } : {}), ...(v.out ? { out: v.out } : {}) }, io);
      case 'archive-import':
        return await (await import('./commands/archive')).archiveImportCommand(rest[0], { ...(v.db ? { db: v.db } : {}), dryRun: v['dry-run'] ?? false, json: v.json ?? false }, io);
      default:
        throw new UsageError(`未知命令“${command}”\n\n${USAGE}`);
    }
  } catch (e) {
    io.err(describeError(e));
    return EXIT_BAD_INPUT;
  }
}

/** What tools/cli.mjs calls in the built bundle (out-cli/node/cli.cjs), where this module is not the main one. */
export { processIo };

if (require.main === module) {
  void runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

/**
 * `npm run serve:web -- [--db FILE] [--port N] [--no-build] [--readonly]`: the app in a browser on
 * this machine. Prints the full URL (with the per-run token) on a line of its own once it is ready.
 * `--readonly` opens the archive as the desktop app does after a start-up problem: to look at it,
 * back it up or export it (e.g. a colleague's copy) without any chance of writing to it.
 * Before anything opens the archive, the start-up diagnosis of the desktop app runs (./startup.ts):
 * a damaged or read-only archive opens read-only with the reason in the page, one that cannot be
 * opened is not served (exit 2) and the ways out are printed.
 */
import { dirname, join } from 'node:path';
import { browserHost } from '../export/host';
import { createArchiveServices } from '../services';
import { resolveArchivePath } from '../paths';
import { diagnoseArchive } from '../lifecycle/startup';
import { decideWebStart } from './startup';
import { ensureRendererBuilt } from './build';
import { instanceFile, readInstance, writeInstance } from './instance';
import { startWebServer } from './server';

const root = join(import.meta.dirname, '../..');

interface Args {
  db?: string;
  port?: number;
  build: boolean;
  readonly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { build: true, readonly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} 后面缺少参数值`);
      return v;
    };
    if (a === '--db') args.db = value();
    else if (a === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535) throw new Error(`端口号“${v}”无效，应为 0–65535 的整数`);
      args.port = n;
    } else if (a === '--no-build') args.build = false;
    else if (a === '--readonly') args.readonly = true;
    else throw new Error(`不认识的参数“${a}”。用法：npm run serve:web -- [--db 档案文件] [--port 端口] [--readonly]`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build && ensureRendererBuilt(root)) console.error('界面已重新构建。');
  const file = resolveArchivePath({ flag: args.db, env: process.env });
  const log = (message: string, details?: Record<string, unknown>) => console.error(message, JSON.stringify(details ?? {}));
  const backupsDir = join(dirname(file), 'backups');
  const opening = decideWebStart(diagnoseArchive(file), { readonly: args.readonly, backupsDir });
  if (opening.kind === 'refuse') {
    console.error(opening.message);
    process.exit(2);
  }
  for (const note of opening.notes) console.error(note);
  if (opening.kind === 'readonly' && opening.reason) console.error(`档案以只读方式打开：${opening.reason}`);
  // The same services as the desktop app, without native dialogs: uploads in, downloads out.
  const services = createArchiveServices({
    file,
    backupsDir,
    readonly: opening.kind === 'readonly',
    ...(opening.kind === 'readonly' && opening.reason ? { readonlyReason: opening.reason } : {}),
    host: browserHost,
    log,
  });
  void services.dailyBackup();
  // A restart reuses the previous run's port and token (tabs left open keep working), unless --port.
  const remembered = args.port === undefined ? readInstance(instanceFile(file)) : null;
  const start = (port: number | undefined, token?: string) =>
    startWebServer({ handlers: services.handlers, root: join(root, 'out/renderer'), port, token, log });
  const web = remembered
    ? await start(remembered.port, remembered.token).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') return start(undefined);
        throw e;
      })
    : await start(args.port);
  // Read-only (asked for, or decided by the diagnosis) means nothing is written beside the archive either.
  if (opening.kind !== 'readonly') writeInstance(instanceFile(file), { port: web.port, token: web.token });
  console.error(`档案文件：${file}`);
  console.error('年报助手网页版已启动，仅本机可以访问。请在浏览器中打开下面的网址（按 Ctrl+C 结束）：');
  console.log(web.url);
  const stop = () => {
    void web.close().finally(() => {
      services.close();
      process.exit(0);
    });
    // Open keep-alive connections must not hold the archive open.
    web.server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});

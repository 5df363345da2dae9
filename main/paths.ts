/**
 * Where the archive lives. Electron's userData folder is <appData>/<productName>; the CLI computes
 * the same path without Electron so both open the same file. `--db FILE` overrides NIANBAO_DB,
 * which overrides the default.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = '政府信息公开年报助手';
export const ARCHIVE_FILE = 'archive.sqlite';

/** Electron's app.getPath('appData') for each platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return join(appDataDir(env, platform, home), PRODUCT_NAME);
}

export function resolveArchivePath(options: { flag?: string | undefined; env?: NodeJS.ProcessEnv; userData?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return options.flag;
  if (env.NIANBAO_DB) return env.NIANBAO_DB;
  return join(options.userData ?? userDataDir(env), ARCHIVE_FILE);
}

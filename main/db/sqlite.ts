/**
 * The one place a SQLite connection is constructed. It decides which native better-sqlite3 module
 * loads: on 信创 Linux the packaged app carries its own build (glibc 2.28, C++ runtime linked in;
 * tools/packaging/native-sqlite.cjs) in resources/native/, because the npm package's prebuilds need
 * glibc 2.34 and cannot load on UOS 20 / Kylin V10. Everywhere else the package's own binary loads.
 *
 * NIANBAO_SQLITE_BINDING=<file.node> makes plain Node (tests, CLI, serve:web) load a chosen build,
 * so the test suite can run against the very module the Linux package ships. It is ignored inside
 * Electron: an environment variable must not be a way to load native code into the app (the same
 * reason the NODE_OPTIONS fuse is off).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BINDING_ENV = 'NIANBAO_SQLITE_BINDING';
/** Where electron-builder's extraResources puts the self-built module (electron-builder.yml). */
export const PACKAGED_BINDING = join('native', 'better_sqlite3.node');

export interface BindingContext {
  env: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath; undefined under plain Node. */
  resourcesPath: string | undefined;
  inElectron: boolean;
  exists: (file: string) => boolean;
}

const here = (): BindingContext => ({
  env: process.env,
  resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  inElectron: Boolean(process.versions.electron),
  exists: existsSync,
});

/** The native module file to load, or undefined for better-sqlite3's own lookup. */
export function sqliteBinding(ctx: BindingContext = here()): string | undefined {
  if (ctx.inElectron) {
    const packaged = ctx.resourcesPath ? join(ctx.resourcesPath, PACKAGED_BINDING) : null;
    return packaged && ctx.exists(packaged) ? packaged : undefined;
  }
  const chosen = ctx.env[BINDING_ENV];
  if (!chosen) return undefined;
  // A missing file would silently fall back to the prebuild and prove nothing: fail loudly.
  if (!ctx.exists(chosen)) throw new Error(`${BINDING_ENV}=${chosen}: file not found`);
  return chosen;
}

let binding: { value: string | undefined } | null = null;

/** `new Database(...)` with the right native module; options as better-sqlite3's. */
export function connect(file: string, options: Database.Options = {}): Database.Database {
  binding ??= { value: sqliteBinding() };
  return new Database(file, binding.value ? { ...options, nativeBinding: binding.value } : options);
}

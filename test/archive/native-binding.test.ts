/**
 * Which native better-sqlite3 module loads (main/db/sqlite.ts): the packaged Linux app's own build
 * from resources/native, the one NIANBAO_SQLITE_BINDING names under plain Node (`npm run
 * test:native` runs the whole suite that way), otherwise the package's prebuild. And every
 * connection in main/ goes through connect(), so no code path loads the prebuild behind its back.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive, closeArchive } from '../../main/db/open';
import { BINDING_ENV, sqliteBinding, type BindingContext } from '../../main/db/sqlite';
import { tempDir } from '../lifecycle/helpers';

const ROOT = join(import.meta.dirname, '../..');
const ctx = (over: Partial<BindingContext>): BindingContext => ({ env: {}, resourcesPath: undefined, inElectron: false, exists: () => true, ...over });

describe('native module choice', () => {
  it('the packaged Electron app loads resources/native/better_sqlite3.node when it is there', () => {
    expect(sqliteBinding(ctx({ inElectron: true, resourcesPath: '/opt/app/resources' }))).toBe(join('/opt/app/resources', 'native', 'better_sqlite3.node'));
    // Windows package (no native folder) and development Electron: the package's own lookup.
    expect(sqliteBinding(ctx({ inElectron: true, resourcesPath: '/opt/app/resources', exists: () => false }))).toBeUndefined();
  });

  it('the environment variable works under Node only, and a wrong path fails instead of falling back', () => {
    expect(sqliteBinding(ctx({ env: { [BINDING_ENV]: '/b/better_sqlite3.node' } }))).toBe('/b/better_sqlite3.node');
    expect(sqliteBinding(ctx({ env: {} }))).toBeUndefined();
    // Inside Electron an environment variable must not load native code (like the NODE_OPTIONS fuse).
    expect(sqliteBinding(ctx({ inElectron: true, env: { [BINDING_ENV]: '/evil.node' }, resourcesPath: '/r', exists: (f) => f !== '/r/native/better_sqlite3.node' }))).toBeUndefined();
    expect(() => sqliteBinding(ctx({ env: { [BINDING_ENV]: '/missing.node' }, exists: () => false }))).toThrow(/not found/);
  });

  it('the module in this process is the one chosen', () => {
    const db = openArchive(join(tempDir(), 'a.sqlite'));
    try {
      expect(db.prepare('select sqlite_version() as v').get()).toMatchObject({ v: expect.stringMatching(/^3\./) });
      const maps = readFileSync('/proc/self/maps', 'utf8');
      const chosen = process.env[BINDING_ENV];
      if (chosen) {
        expect(maps).toContain(realpathSync(chosen));
        expect(maps).not.toMatch(/better-sqlite3\/prebuilds\/linux-/);
      } else {
        expect(maps).toMatch(/better-sqlite3\/prebuilds\/linux-(x64|arm64)\.node/);
      }
    } finally {
      closeArchive(db);
    }
  });

  it('no file in main/ constructs better-sqlite3 except main/db/sqlite.ts', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const offenders = files(join(ROOT, 'main')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      // A type-only import is fine; a value import could call the constructor with the default binding.
      return /^import\s+(?!type\b)[^;]*from\s+'better-sqlite3'/m.test(text) || /require\(['"]better-sqlite3['"]\)/.test(text);
    });
    expect(offenders.map((f) => f.slice(ROOT.length + 1))).toEqual(['main/db/sqlite.ts']);
  });
});

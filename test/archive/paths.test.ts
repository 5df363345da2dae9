import { describe, expect, it } from 'vitest';
import { appDataDir, resolveArchivePath, userDataDir } from '../../main/paths';

describe('archive location', () => {
  it('matches Electron’s userData folder (<appData>/<productName>) on each platform', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'win32', 'C:\\Users\\clerk')).toMatch(/Roaming.政府信息公开年报助手$/);
    expect(appDataDir({}, 'linux', '/home/clerk')).toBe('/home/clerk/.config');
    expect(appDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/clerk')).toBe('/x');
    expect(appDataDir({}, 'darwin', '/Users/c')).toBe('/Users/c/Library/Application Support');
  });

  it('--db overrides NIANBAO_DB, which overrides the default archive.sqlite', () => {
    expect(resolveArchivePath({ flag: '/a.db', env: { NIANBAO_DB: '/b.db' } })).toBe('/a.db');
    expect(resolveArchivePath({ env: { NIANBAO_DB: '/b.db' } })).toBe('/b.db');
    expect(resolveArchivePath({ env: {}, userData: '/u' })).toBe('/u/archive.sqlite');
    if (process.platform === 'linux') expect(resolveArchivePath({ env: { XDG_CONFIG_HOME: '/cfg' } })).toBe('/cfg/政府信息公开年报助手/archive.sqlite');
  });
});

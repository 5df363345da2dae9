/** electron-builder.yml says what the issue asks for; the version comes from package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from './build';

// js-yaml comes with electron-builder; it has no bundled types.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (s: string) => unknown };
type Target = { target: string; arch: string[] };
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('names the app and takes its version from package.json', () => {
    expect(config.productName).toBe('政府信息公开年报助手');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.version).toBeUndefined();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.win.icon).toBe('resources/icon.ico');
    expect(config.linux.icon).toBe('resources/icons'); // <n>x<n>.png per hicolor size (deb.test.ts)
  });

  it('ships only the build output and runtime modules, with native binaries unpacked and no rebuild', () => {
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node', 'node_modules/pdfjs-dist/**']);
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.files).toContain('!node_modules/better-sqlite3/{deps,src,binding.gyp}/**');
    // Platform lists repeat the positive patterns: a list of exclusions only would mean "everything except".
    for (const [platform, others] of [['win', /linux.*darwin/], ['linux', /better-sqlite3\/prebuilds\/\*\*/]] as const) {
      expect(config[platform].files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
      expect(config[platform].files.join(' ')).toMatch(others);
    }
    // react is bundled into the renderer: it must not be a runtime dependency.
    expect(Object.keys(pkg.dependencies)).not.toContain('react');
  });

  it('flips fuses in an afterPack hook', () => {
    expect(config.afterPack).toBe('tools/packaging/after-pack.cjs');
    expect(config.electronFuses).toBeUndefined(); // one mechanism, the tested one
  });

  it('builds a per-user, assisted, Simplified Chinese NSIS installer and a portable exe for x64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    // Per-user only, without the install-mode page (its all-users choice needs admin rights).
    expect(config.nsis.include).toBe('resources/installer.nsh');
    expect(readFileSync(join(ROOT, config.nsis.include), 'utf8')).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/);
    expect(config.nsis.selectPerMachineByDefault).toBeUndefined();
    // The hook exists in the electron-builder in use (an upgrade that drops it must fail here).
    const page = readFileSync(join(ROOT, 'node_modules/app-builder-lib/templates/nsis/multiUserUi.nsh'), 'utf8');
    expect(page).toContain('!insertmacro customInstallMode');
    expect(page).toContain('${if} $isForceCurrentInstall == "1"');
    expect(config.nsis.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
  });

  it('builds one Linux package, the .deb (UOS / Kylin), for x64 and arm64, with its dependencies', () => {
    // No AppImage: it cannot make chrome-sandbox setuid and needs libfuse2 (README, 发布).
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.appImage).toBeUndefined();
    for (const lib of ['libgtk-3-0', 'libnss3', 'libgbm1', 'libxss1', 'libasound2 | libasound2t64']) expect(config.deb.depends).toContain(lib);
    expect(config.linux.maintainer).toBeTruthy();
    // Window ↔ .desktop association: Electron takes the app id from package.json's desktopName.
    expect(pkg.desktopName).toBe(`${config.executableName}.desktop`);
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('Windows: the app user model id set at start-up is the appId the shortcuts carry', () => {
    expect(readFileSync(join(ROOT, 'main/index.ts'), 'utf8')).toContain(`APP_USER_MODEL_ID = '${config.appId}'`);
  });

  it('ships the self-built better-sqlite3 on Linux instead of the package\'s glibc 2.34 prebuilds', () => {
    expect(config.linux.files).toContain('!node_modules/better-sqlite3/prebuilds/**');
    expect(config.linux.extraResources).toEqual([
      { from: 'build/native/linux-${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' },
      { from: 'README.md', to: 'README.md' }, // the package's Homepage (package.json homepage)
    ]);
    expect(config.win.extraResources).toBeUndefined(); // Windows keeps the package's own (static CRT, N-API only)
  });

  it('has the release scripts', () => {
    expect(pkg.scripts['dist:win']).toMatch(/electron-builder --win/);
    expect(pkg.scripts['dist:linux']).toMatch(/native-sqlite\.cjs && electron-builder --linux --x64 --arm64 /);
    // The Linux install folder is /opt/<productName>: ASCII there, the Chinese name everywhere users look.
    for (const s of ['dist:linux', 'package:dir']) expect(pkg.scripts[s]).toContain('-c.productName=nianbao');
    expect(pkg.scripts['dist:win']).not.toContain('productName');
    expect(pkg.scripts['package:dir']).toMatch(/native-sqlite\.cjs --arch x64 .*--linux dir .*-c\.electronDist=/);
    expect(pkg.scripts['native:linux']).toBe('node tools/packaging/native-sqlite.cjs');
  });

  it('npm ci compiles nothing: better-sqlite3\'s implicit `node-gyp rebuild` (it ships binding.gyp) is denied', () => {
    // npm adds `install: node-gyp rebuild` to any package with a binding.gyp; on Windows that needs
    // Python and Visual Studio for a module whose N-API prebuilds are in its npm tarball.
    expect(readFileSync(join(ROOT, 'node_modules/better-sqlite3/binding.gyp'), 'utf8')).toContain('better_sqlite3');
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
    expect(pkg.allowScripts['electron-winstaller']).toBe(false);
    // Every other package with an install script is listed (approved or denied), none left to npm's default.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const scripted = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    for (const name of scripted) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });
});

/**
 * `electron-builder --linux deb` with the repository's configuration and dist:linux's overrides, up
 * to fpm: the real fpm is downloaded by electron-builder (impossible here), so USE_SYSTEM_FPM=true
 * runs a recording `fpm` from PATH that keeps its arguments, the maintainer scripts and the .desktop
 * file. Then the post-install runs against fake system commands (sysctl, setpriv, runuser,
 * AppArmor, chmod…) for each case of the sandbox decision; PATH holds only the fakes, so nothing
 * on this machine is changed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../lifecycle/helpers';
import { ROOT } from './build';
import { builderOverrides, stageProject } from './stage';

const { load } = createRequire(import.meta.url)('js-yaml') as { load: (s: string) => unknown };
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const RECORDER = `const fs = require('node:fs');
const path = require('node:path');
const out = process.env.FPM_RECORD;
const args = process.argv.slice(2);
fs.writeFileSync(path.join(out, 'args.json'), JSON.stringify(args));
const after = (flag) => args[args.indexOf(flag) + 1];
fs.copyFileSync(after('--after-install'), path.join(out, 'postinst'));
fs.copyFileSync(after('--after-remove'), path.join(out, 'postrm'));
const desktop = args.find((a) => a.endsWith('=/usr/share/applications/nianbao.desktop'));
if (desktop) fs.copyFileSync(desktop.split('=')[0], path.join(out, 'nianbao.desktop'));
fs.writeFileSync(after('--package'), 'recorded, not built');
`;

let stage = '';
let record = '';
let args: string[] = [];
let build: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  if (process.platform !== 'linux') return;
  stage = stageProject('nianbao-deb-');
  record = join(stage, 'fpm-record');
  const bin = join(stage, 'fake-fpm-bin');
  mkdirSync(record);
  mkdirSync(bin);
  writeFileSync(join(bin, 'record-fpm.cjs'), RECORDER);
  writeFileSync(join(bin, 'fpm'), `#!/bin/sh\nexec "${process.execPath}" "${join(bin, 'record-fpm.cjs')}" "$@"\n`);
  chmodSync(join(bin, 'fpm'), 0o755);
  const overrides = builderOverrides(pkg.scripts['dist:linux']);
  build = spawnSync(process.execPath, [join(stage, 'node_modules/electron-builder/cli.js'), '--linux', 'deb', '--x64', ...overrides, '-c.electronDist=stand-in', '--publish', 'never'], {
    cwd: stage,
    encoding: 'utf8',
    timeout: 150_000, // a loaded 2-core machine
    env: { ...process.env, USE_SYSTEM_FPM: 'true', FPM_RECORD: record, PATH: `${bin}:${process.env.PATH}` },
  });
  if (existsSync(join(record, 'args.json'))) args = JSON.parse(readFileSync(join(record, 'args.json'), 'utf8'));
}, 180_000);
afterAll(() => {
  if (stage) rmSync(stage, { recursive: true, force: true });
}, 120_000);

const valueOf = (flag: string) => args[args.indexOf(flag) + 1];
const valuesOf = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));

// The .deb is built on Linux (CI's ubuntu jobs); the post-install needs bash and a Linux /proc.
const linux = process.platform === 'linux';

describe.skipIf(!linux)('the .deb (electron-builder → fpm)', () => {
  it('builds from the repository configuration: homepage, maintainer, package name, dependencies', () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stdout + build.stderr).not.toMatch(/Please specify project homepage/);
    expect(valueOf('--name')).toBe('nianbao');
    expect(valueOf('--architecture')).toBe('amd64');
    expect(valueOf('--url')).toBe(pkg.homepage);
    expect(valueOf('--maintainer')).toBe(config.linux.maintainer);
    expect(valuesOf('-d')).toEqual(config.deb.depends);
    expect(valuesOf('--deb-recommends')).toEqual(config.deb.recommends);
    expect(valueOf('--description')).toContain(config.linux.synopsis);
    expect(valueOf('--package')).toMatch(/release\/nianbao_0\.1\.0_amd64\.deb$/);
  });

  it('installs to /opt/nianbao (ASCII), the homepage file included, with icons at every hicolor size', () => {
    const mappings = args.filter((a) => a.includes('=/'));
    const targets = mappings.map((a) => a.slice(a.indexOf('=/') + 1));
    for (const t of targets) expect(t).toMatch(/^[\x21-\x7e]+$/);
    const app = mappings.find((a) => a.endsWith('=/opt/nianbao'))!;
    expect(app).toBeTruthy();
    const appDir = app.slice(0, app.indexOf('=/')).replace(/\/$/, '');
    expect(readdirSync(appDir)).toEqual(expect.arrayContaining(['nianbao', 'chrome-sandbox', 'resources']));
    expect(pkg.homepage).toBe('file:///opt/nianbao/resources/README.md');
    expect(readFileSync(join(appDir, 'resources/README.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    // Only the install folder is ASCII: Electron's app name (and so the userData folder of every
    // existing archive, ~/.config/政府信息公开年报助手) comes from the packaged package.json, unchanged.
    const asar = createRequire(import.meta.url)('@electron/asar') as { extractFile(a: string, f: string): Buffer };
    expect(JSON.parse(asar.extractFile(join(appDir, 'resources/app.asar'), 'package.json').toString('utf8')).productName).toBe('政府信息公开年报助手');
    const icons = targets.filter((t) => t.startsWith('/usr/share/icons/')).sort();
    expect(icons).toEqual([16, 24, 32, 48, 64, 128, 256, 512].map((n) => `/usr/share/icons/hicolor/${n}x${n}/apps/nianbao.png`).sort());
  });

  it('writes the .desktop file with the Chinese name and the Comment as written', () => {
    const desktop = readFileSync(join(record, 'nianbao.desktop'), 'utf8');
    const entry = Object.fromEntries(desktop.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(entry).toMatchObject({
      Name: '政府信息公开年报助手',
      Comment: config.linux.desktop.entry.Comment,
      Exec: '/opt/nianbao/nianbao %U',
      Icon: 'nianbao',
      StartupWMClass: 'nianbao',
      Categories: 'Office;',
    });
  });

  it('hands fpm our post-install with the placeholders filled in', () => {
    const postinst = readFileSync(join(record, 'postinst'), 'utf8');
    expect(postinst).toContain("APP_DIR='/opt/nianbao'");
    expect(postinst).toContain("EXECUTABLE='nianbao'");
    expect(postinst).not.toMatch(/\$\{[A-Za-z]+\}/);
    expect(readFileSync(join(record, 'postrm'), 'utf8')).toContain("'/opt/nianbao/nianbao'");
  });
});

/** One run of the post-install against fake system commands. */
interface Case {
  sysctl?: Record<string, string>;
  /** How `unshare --user --map-root-user true` ends for nobody. */
  unshare?: 'ok' | 'denied';
  tools?: { setpriv?: boolean; runuser?: boolean };
  apparmor?: 'off' | 'loads' | 'rejects';
}

function runPostinst(c: Case): { calls: string[]; stdout: string } {
  const dir = tempDir('nianbao-postinst-');
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const fake = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/bash\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  const sysctl = c.sysctl ?? {};
  fake('sysctl', `case "$2" in\n${Object.entries(sysctl).map(([k, v]) => `  ${k}) echo ${v}; exit 0;;`).join('\n')}\n  *) exit 255;;\nesac`);
  const unshare = c.unshare === 'denied' ? 'exit 1' : 'exit 0';
  if (c.tools?.setpriv !== false) fake('setpriv', unshare);
  if (c.tools?.runuser !== false) fake('runuser', unshare);
  for (const name of ['chmod', 'chown', 'ln', 'rm', 'readlink', 'cp', 'update-alternatives', 'update-desktop-database', 'update-mime-database', 'gtk-update-icon-cache']) fake(name, 'exit 0');
  fake('ischroot', 'exit 1');
  fake('apparmor_status', c.apparmor && c.apparmor !== 'off' ? 'exit 0' : 'exit 1');
  fake('apparmor_parser', c.apparmor === 'rejects' ? 'exit 1' : 'exit 0');
  const r = spawnSync('/bin/bash', [join(record, 'postinst')], { env: { PATH: dir }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { calls: readFileSync(log, 'utf8').trim().split('\n'), stdout: r.stdout };
}

const SANDBOX = '/opt/nianbao/chrome-sandbox';
const mode = (calls: string[]) => calls.filter((l) => l.startsWith('chmod ')).map((l) => l.replace(` ${SANDBOX}`, ''));
const OPEN = { 'kernel.unprivileged_userns_clone': '1', 'user.max_user_namespaces': '63000', 'kernel.apparmor_restrict_unprivileged_userns': '0' };

describe.skipIf(!linux)('the post-install decides the Chromium sandbox for an unprivileged user', () => {
  it('namespaces open to everyone and nobody can map a uid: chrome-sandbox stays 0755, tested as uid 65534', () => {
    const { calls, stdout } = runPostinst({ sysctl: OPEN, unshare: 'ok' });
    expect(mode(calls)).toEqual(['chmod 0755']);
    expect(calls).toContain('setpriv --reuid=65534 --regid=65534 --clear-groups -- unshare --user --map-root-user true');
    expect(stdout).toContain('chrome-sandbox not setuid: an unprivileged user can create user namespaces');
    expect(calls).toContain('update-alternatives --install /usr/bin/nianbao nianbao /opt/nianbao/nianbao 100');
  });

  it('root could, nobody cannot (a hardened kernel the sysctls do not show): setuid root', () => {
    const { calls, stdout } = runPostinst({ sysctl: OPEN, unshare: 'denied' });
    expect(mode(calls)).toEqual(['chmod 4755']);
    expect(calls).toContain(`chown root:root ${SANDBOX}`);
    expect(stdout).toContain('chrome-sandbox setuid root: an unprivileged user cannot create user namespaces');
  });

  it('UOS 20 (Debian 10 kernel, kernel.unprivileged_userns_clone=0): setuid root without a test run', () => {
    const { calls, stdout } = runPostinst({ sysctl: { ...OPEN, 'kernel.unprivileged_userns_clone': '0' }, unshare: 'ok' });
    expect(mode(calls)).toEqual(['chmod 4755']);
    expect(calls.some((l) => l.startsWith('setpriv'))).toBe(false);
    expect(stdout).toContain('kernel.unprivileged_userns_clone=0');
  });

  it('user.max_user_namespaces=0: setuid root', () => {
    expect(mode(runPostinst({ sysctl: { ...OPEN, 'user.max_user_namespaces': '0' }, unshare: 'ok' }).calls)).toEqual(['chmod 4755']);
  });

  it('AppArmor restricts namespaces (Ubuntu 24): the app\'s profile is installed and loaded, then no setuid', () => {
    const { calls, stdout } = runPostinst({ sysctl: { ...OPEN, 'kernel.apparmor_restrict_unprivileged_userns': '1' }, unshare: 'denied', apparmor: 'loads' });
    expect(calls).toContain('cp -f /opt/nianbao/resources/apparmor-profile /etc/apparmor.d/nianbao');
    expect(calls).toContain('apparmor_parser --replace --write-cache --skip-read-cache /etc/apparmor.d/nianbao');
    expect(mode(calls)).toEqual(['chmod 0755']);
    expect(stdout).toContain('the profile for this app is loaded');
  });

  it('AppArmor restricts namespaces but rejects the profile: setuid root', () => {
    const { calls, stdout } = runPostinst({ sysctl: { ...OPEN, 'kernel.apparmor_restrict_unprivileged_userns': '1' }, unshare: 'ok', apparmor: 'rejects' });
    expect(calls.some((l) => l.startsWith('cp '))).toBe(false);
    expect(mode(calls)).toEqual(['chmod 4755']);
    expect(stdout).toContain('could not be loaded');
  });

  it('sysctls absent (a kernel without the Debian patch): the test as nobody decides; runuser when there is no setpriv', () => {
    const { calls } = runPostinst({ sysctl: {}, unshare: 'ok', tools: { setpriv: false } });
    expect(calls).toContain('runuser -u nobody -- unshare --user --map-root-user true');
    expect(mode(calls)).toEqual(['chmod 0755']);
  });

  it('no way to test as an unprivileged user: setuid root (never root\'s own answer)', () => {
    const { calls, stdout } = runPostinst({ sysctl: OPEN, unshare: 'ok', tools: { setpriv: false, runuser: false } });
    expect(calls.some((l) => l.startsWith('unshare'))).toBe(false);
    expect(mode(calls)).toEqual(['chmod 4755']);
    expect(stdout).toContain('could not test as an unprivileged user');
  });
});

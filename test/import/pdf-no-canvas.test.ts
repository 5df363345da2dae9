/**
 * pdf.js's Node build loads a native canvas library (@napi-rs/canvas, Skia) when it starts, for
 * drawing pages, which reading the text layer never does: about 30 MB of a PDF import's peak. The
 * reader gives it an empty module instead (main/import/pdf/worker.ts). Checked in the CLI as users
 * run it (the built bundle and its PDF worker thread), by the libraries its process has mapped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PDF = join(ROOT, 'test/fixtures/pdf/qingshi-2024.libreoffice.pdf');
// The library is an optional dependency of pdfjs-dist; where it is not installed there is nothing to prove.
const canvasInstalled = (() => {
  try {
    return existsSync(createRequire(join(ROOT, 'node_modules/pdfjs-dist/package.json')).resolve('@napi-rs/canvas'));
  } catch {
    return false;
  }
})();

describe('the PDF reader and the canvas library', () => {
  it.runIf(process.platform === 'linux' && canvasInstalled)('reads a PDF without loading the native canvas, and prints no pdf.js warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-no-canvas-'));
    const args = ['--import', join(ROOT, 'test/helpers/mapped-libraries.mjs'), join(ROOT, 'tools/cli.mjs'), 'import', PDF, '--json', '--db', join(dir, 'a.sqlite')];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const mapped = /mapped=(.*)/.exec(r.stderr)?.[1] ?? '';
    expect(mapped).toMatch(/better-sqlite3\/.*\.node/); // the check sees native libraries at all
    expect(mapped).not.toMatch(/skia|canvas/);
    expect(r.stdout + r.stderr).not.toMatch(/Warning:/);
  });
});

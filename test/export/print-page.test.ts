/**
 * The browser print page (打印 / 另存为PDF) printed by Chromium to PDF and read page by page: Table 三 runs
 * over two pages at the browser's sizes, and the page it continues on starts with its header rows again.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutOf } from '../../report';
import { buildPrintPage } from '../../main/export/print-page';
import { launch } from '../e2e/helpers';
import { loadFixture, squash, tempDir } from './helpers';

const dir = tempDir('print');
let pages: string[] = [];

beforeAll(async () => {
  const report = loadFixture('reports/qingshi-2024.json');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setContent(buildPrintPage(report));
    const pdf = join(dir, 'print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map(squash);
  } finally {
    await browser.close();
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('print page', () => {
  it('repeats Table 三 header rows on the page the table continues on', () => {
    const layout = layoutOf('gov-2021');
    const note = squash(layout.format.requests.note);
    const heading = squash(layout.format.sections.find((s) => s.kind === 'table' && s.table === 'requests')!.heading);
    const start = pages.findIndex((p) => p.includes(heading));
    const last = squash('四、结转下年度继续办理');
    const end = pages.findIndex((p) => p.includes(last));
    expect(start).toBeGreaterThanOrEqual(0);
    // At the browser's sizes Table 三 does not fit one page: the continuation page must show the header again.
    expect(end).toBeGreaterThan(start);
    for (let i = start; i <= end; i++) {
      expect(pages[i], `page ${i + 1}`).toContain(note);
      expect(pages[i], `page ${i + 1}`).toContain(squash(layout.format.requests.applicantHeader));
    }
  });
});

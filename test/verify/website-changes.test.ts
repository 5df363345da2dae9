/**
 * 核对已发布 on pages made from the project's own exports, changed the ways a website changes them:
 * a figure altered, digits lost in dates (「202111日起至20211231日止」), a section dropped, the .html
 * re-saved by LibreOffice, the text of a Chromium print-to-PDF. The page is read by the importer's
 * general entry, exactly as the dialog and the CLI read it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneReport } from '../../report';
import { cellTitle } from '../../report/rollup/tables';
import { buildDocx } from '../../main/export';
import { buildHtml } from '../../main/export/html';
import { verifyAgainst } from '../../main/verify/read';
import { launch } from '../e2e/helpers';
import { loadFixture } from '../export/helpers';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const report = loadFixture('reports/qingshi-2024.json');
const html = buildHtml(report);
const page = (name: string, text: string) => ({ file: { name, data: Buffer.from(text, 'utf8') } });

describe('the published page unchanged', () => {
  it('the website page, its copied text and the .docx are the same as the 定稿', async () => {
    expect(await verifyAgainst(report, page('网站.html', html))).toEqual({ same: true, cells: [], text: [], uncertain: [] });
    expect((await verifyAgainst(report, { file: { name: '报告.docx', data: await buildDocx(report) } })).same).toBe(true);
  });
});

describe('what a website changes', () => {
  it('a figure altered: the cell with its label, the 定稿 figure and the published one', async () => {
    const altered = cloneReport(report);
    altered.requests.granted![0] = Number(report.requests.granted![0]) + 1;
    const r = await verifyAgainst(report, page('网站.html', buildHtml(altered)));
    expect(r.same).toBe(false);
    expect(r.cells).toContainEqual({
      path: 'requests.granted.0',
      label: cellTitle(report, 'requests.granted.0'),
      archived: String(report.requests.granted![0]),
      published: String(altered.requests.granted![0]),
    });
  });

  it('digits lost in the statistics period: the sentence in both versions', async () => {
    const lost = html.replace('2024年1月1日', '202411日').replace('2024年12月31日', '20241231日');
    const r = await verifyAgainst(report, page('网站.html', lost));
    expect(r.same).toBe(false);
    expect(r.cells).toEqual([]);
    expect(r.text).toEqual([{ part: '导语', archived: '本报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。', published: '本报告中所列数据统计期限自202411日起至20241231日止。' }]);
  });

  it('a section dropped: the heading named as missing, each of its sentences as lost', async () => {
    const dropped = html.replace(/<h2[^>]*>五、存在的主要问题及改进情况<\/h2>[\s\S]*?(?=<h2)/, '');
    expect(dropped).not.toBe(html);
    const r = await verifyAgainst(report, page('网站.html', dropped));
    expect(r.same).toBe(false);
    expect(r.text).toContainEqual({ part: '缺少的部分', archived: '五、存在的主要问题及改进情况', published: '' });
    expect(r.text.filter((t) => t.part === '五、存在的主要问题及改进情况' && t.published === '').length).toBeGreaterThan(0);
  });

  it('the agency in the title and the date of the 落款 changed', async () => {
    const changed = html.replaceAll('示例县青石镇人民政府', '示例县青石乡人民政府').replace('2025年1月20日', '2025年1月2日');
    const r = await verifyAgainst(report, page('网站.html', changed));
    expect(r.text).toEqual(expect.arrayContaining([
      { part: '标题中的机关', archived: '示例县青石镇人民政府', published: '示例县青石乡人民政府' },
      { part: '成文日期', archived: '2025-01-20', published: '2025-01-02' },
    ]));
  });
});

describe('the page as other programs save it', () => {
  let resaved = '';
  let resavedLost = '';
  let pdf: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    writeFileSync(join(dir, '网站.html'), html);
    writeFileSync(join(dir, '丢字.html'), html.replace('2024年1月1日', '202411日'));
    const files = [join(dir, '网站.html'), join(dir, '丢字.html')];
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'html:HTML', '--outdir', join(dir, 'lo-out'), ...files], { stdio: 'ignore', timeout: 180_000 });
    resaved = readFileSync(join(dir, 'lo-out', '网站.html'), 'utf8');
    resavedLost = readFileSync(join(dir, 'lo-out', '丢字.html'), 'utf8');
    const browser = await launch();
    try {
      const p = await browser.newPage();
      await p.setContent(html);
      pdf = await p.pdf({ format: 'A4' });
    } finally {
      await browser.close();
    }
  }, 300_000);

  it('re-saved by LibreOffice: still the same', async () => {
    expect(resaved).not.toBe(html);
    expect(await verifyAgainst(report, page('网站.html', resaved))).toEqual({ same: true, cells: [], text: [], uncertain: [] });
  });

  it('re-saved by LibreOffice after the website lost the digits: the sentence found', async () => {
    const r = await verifyAgainst(report, page('网站.html', resavedLost));
    expect(r.text.map((t) => t.published)).toContain('本报告中所列数据统计期限自202411日起至2024年12月31日止。');
  });

  it('printed to PDF by Chromium: the PDF and its text', async () => {
    // pdfjs reads some glyphs as radicals (⻘ for 青): folded, never reported as a change.
    const fromPdf = await verifyAgainst(report, { file: { name: '网站.pdf', data: pdf } });
    expect(fromPdf).toEqual({ same: true, cells: [], text: [], uncertain: [] });
    writeFileSync(join(dir, 'p.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    // The text as pdftotext lays it out: every figure read is the same; the rows whose labels wrap
    // may be read without certainty, and are then 无法核对 — never counted as equal.
    const fromText = await verifyAgainst(report, page('网站.txt', text));
    expect(fromText.cells).toEqual([]);
    expect(fromText.text).toEqual([]);
    expect(fromText.same).toBe(fromText.uncertain.length === 0);
  });
});


/**
 * The pagination sweep (issue 9): the same report with 0 … 30 extra one-line paragraphs before the tables
 * (in 一、总体情况, so every table starts at every height of a page) and before the 落款 (in 六), rendered by
 * LibreOffice and read page by page. What a clerk would call a bad break is listed per variant.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cloneReport, getFormat, layoutOf, type Report } from '../../report';
import { chineseDate } from '../../main/export/blocks';
import { buildDocx } from '../../main/export/docx';
import { loadFixture, squash, writeTemp } from './helpers';

export const MAX_EXTRA = 30;
export type Where = 'tables' | 'closing';

export interface Variant {
  name: string;
  report: Report;
}

/** The two reports of the sweep: qingshi 2024 (gov-2021) and shanghai 2019's figures with qingshi's texts and a 落款 (gov-2019). */
export function sweepBases(): Report[] {
  const q = loadFixture('reports/qingshi-2024.json');
  const sh = cloneReport(loadFixture('published/shanghai-office-2019.json'));
  sh.text = { ...q.text, preamble: q.text.preamble.replace(/国办公开办函〔2021〕30号/, '国办公开办函〔2019〕60号') };
  sh.closing = { agency: sh.agency, date: '2020-03-31' };
  return [q, sh];
}

export function variant(base: Report, where: Where, extra: number): Variant {
  const r = cloneReport(base);
  const lines = Array.from({ length: extra }, (_, i) => `补充说明第${i + 1}行，用于检验分页。`);
  const part = where === 'tables' ? 'overview' : 'other';
  r.text[part] = [r.text[part], ...lines].join('\n');
  return { name: `${r.format}-${where}-${extra}`, report: r };
}

/**
 * The variants of one run. `full`: every extra count for both places and both formats (124). Otherwise a
 * fixed quarter of them that still covers every count 0…30 across the four (format, place) pairs.
 */
export function sweepVariants(full: boolean): Variant[] {
  const out: Variant[] = [];
  sweepBases().forEach((base, f) =>
    (['tables', 'closing'] as const).forEach((where, w) => {
      const offset = (f * 2 + w) % 4;
      for (let k = 0; k <= MAX_EXTRA; k++) if (full || k % 4 === offset) out.push(variant(base, where, k));
    }),
  );
  return out;
}

/** Pages of each PDF's text (pdftotext -raw, split at form feeds), all files converted in one LibreOffice run. */
export async function renderPages(variants: Variant[]): Promise<Map<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sweep-'));
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  try {
    const files: string[] = [];
    for (const v of variants) files.push(writeTemp(dir, `${v.name}.docx`, await buildDocx(v.report)));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 900_000,
    });
    const out = new Map<string, string[]>();
    for (const f of files) {
      const pdf = join(dir, basename(f).replace(/\.docx$/, '.pdf'));
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
      out.set(basename(f, '.docx'), text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== ''));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const PAGE_NUMBER = /^—\s*\d+\s*—$/;

/** The bad breaks of one rendered variant, in words; [] when every page is as a clerk would break it. */
export function badBreaks(report: Report, pages: string[]): string[] {
  const bad: string[] = [];
  const flat = pages.map(squash);
  const pageOf = (needle: string, from = 0) => flat.findIndex((p, i) => i >= from && p.includes(squash(needle)));
  const format = getFormat(report.format);
  const grids = layoutOf(report.format).grids;
  const heading = (t: 'active' | 'requests' | 'appeals') => format.sections.find((s) => s.kind === 'table' && s.table === t)!.heading;

  // Table 三: its heading and its last row 四、结转下年度继续办理 on one page.
  const h3 = pageOf(heading('requests'));
  const lastRow = grids.requests.rows.at(-1)!.cells.find((c) => c.kind === 'label')!;
  const last3 = lastRow.kind === 'label' ? pageOf(lastRow.text, Math.max(h3, 0)) : -1;
  if (h3 < 0 || h3 !== last3) bad.push(`表三标题在第${h3 + 1}页，「${lastRow.kind === 'label' ? lastRow.text : ''}」在第${last3 + 1}页`);

  // No page with a repeated Table 三 header over fewer than three rows.
  const note = format.requests.note;
  const rowLabels = format.requests.rows.map((r) => r.label);
  flat.forEach((p, i) => {
    if (i === h3 || !p.includes(squash(note))) return;
    const rows = rowLabels.filter((l) => p.includes(squash(l))).length;
    if (rows < 3) bad.push(`第${i + 1}页只有重复的表头和${rows}行`);
  });

  // Table 二: heading 二 with the first block; each 第二十条第（X）项 block, its 信息内容 header and rows on one page.
  const h2 = pageOf(heading('active'));
  let from = Math.max(h2, 0);
  format.active.blocks.forEach((block, b) => {
    const page = pageOf(block.title, from);
    if (page < 0) return void bad.push(`找不到「${block.title}」`);
    if (b === 0 && page !== h2) bad.push(`表二标题在第${h2 + 1}页，「${block.title}」在第${page + 1}页`);
    const start = flat[page]!.indexOf(squash(block.title));
    const next = format.active.blocks[b + 1];
    const end = next ? flat[page]!.indexOf(squash(next.title), start) : -1;
    const after = flat[page]!.slice(start, end < 0 ? undefined : end);
    const missing = [format.active.contentLabel, ...block.fields.map((f) => f.label), ...block.rows.map((r) => r.label)].filter(
      (l) => !after.includes(squash(l)),
    );
    if (missing.length) bad.push(`「${block.title}」跨页：第${page + 1}页缺${missing.join('、')}`);
    from = page;
  });

  // Table 四 with its heading: the heading and the last group label on one page.
  const h4 = pageOf(heading('appeals'));
  const lastGroup = format.appeals.groups.at(-1)!.label;
  if (h4 < 0 || pageOf(lastGroup, h4) !== h4) bad.push(`表四与标题不在同一页`);

  // The 落款 with at least two lines of text above it on its page.
  const date = chineseDate(report.closing.date);
  if (date) {
    const page = pages.findIndex((p) => squash(p).includes(squash(date)));
    if (page < 0) bad.push('找不到落款日期');
    else {
      const closing = new Set([squash(report.closing.agency), squash(date)]);
      const text = pages[page]!.split('\n').map(squash).filter((l) => l !== '' && !closing.has(l) && !PAGE_NUMBER.test(l));
      if (text.length < 2) bad.push(`落款所在的第${page + 1}页上方只有${text.length}行正文`);
    }
  }
  return bad;
}

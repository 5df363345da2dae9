/**
 * The .docx XML as Word and WPS read it, where LibreOffice forgives: nothing in a table left to the
 * reader's defaults (spacing with its rule, the paragraph-mark size, row heights), CJK runs with the
 * eastAsia hint and all four font slots, the 28 × 22 grid, the page number 7 mm below the 版心, the
 * keep-with-next chains that decide pagination, and the core properties.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cloneReport, emptyReport, layoutOf, type Report } from '../../report';
import { buildDocx } from '../../main/export/docx';
import { finishParagraphs } from '../../main/export/docx-finish';
import { labelLines } from '../../main/export/labels';
import { scaleWidths, placeGrid } from '../../main/export/grid';
import { textWidth } from '../../main/export/values';
import { loadFixture, longTextReport } from './helpers';

async function parts(report: Report): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await buildDocx(report));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[0]);
const attr = (xml: string, el: string, name: string): string | null =>
  new RegExp(`<w:${el}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
const pPrOf = (p: string) => /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
const markRPr = (p: string) => /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPrOf(p))?.[1] ?? '';
const runs = (xml: string) => all(xml, /<w:r>[\s\S]*?<\/w:r>/g);
const runText = (r: string) => all(r, /<w:t[ >][^<]*<\/w:t>/g).map((t) => t.replace(/<[^>]+>/g, '')).join('');
const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u2010-\u2027“”]/;

const reports = [
  { name: 'qingshi-2024 (gov-2021)', report: loadFixture('reports/qingshi-2024.json') },
  { name: 'shanghai-office-2019 (gov-2019)', report: loadFixture('published/shanghai-office-2019.json') },
  { name: 'long text', report: longTextReport() },
];

describe.each(reports)('Word XML of $name', ({ report }) => {
  it('states spacing with its lineRule, the table text size on the paragraph mark, and snapToGrid off in every table paragraph, vMerge continuation cells included', async () => {
    const doc = (await parts(report))['word/document.xml']!;
    const tables = all(doc, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
    expect(tables).toHaveLength(3);
    const sizes = ['21', '18', '21']; // 五号, 小五 (Table 三), 五号
    let continuation = 0;
    tables.forEach((tbl, t) => {
      for (const tc of all(tbl, /<w:tc>[\s\S]*?<\/w:tc>/g)) {
        if (tc.includes('w:vMerge w:val="continue"')) continuation++;
        const ps = all(tc, /<w:p>[\s\S]*?<\/w:p>/g);
        expect(ps.length).toBeGreaterThan(0);
        for (const p of ps) {
          const ppr = pPrOf(p);
          expect(attr(ppr, 'spacing', 'lineRule'), p).toBe('exact');
          expect(attr(ppr, 'spacing', 'line')).toBe('240');
          expect(attr(ppr, 'spacing', 'before')).toBe('0');
          expect(attr(ppr, 'spacing', 'after')).toBe('0');
          expect(ppr).toContain('<w:snapToGrid w:val="0"/>');
          expect(attr(markRPr(p), 'sz', 'val'), p).toBe(sizes[t]);
          for (const r of runs(p)) expect(attr(r, 'sz', 'val')).toBe(sizes[t]);
        }
      }
      const rows = all(tbl, /<w:tr>[\s\S]*?<\/w:tr>/g);
      for (const tr of rows) {
        expect(attr(tr, 'trHeight', 'hRule')).toBe('atLeast');
        expect(Number(attr(tr, 'trHeight', 'val'))).toBeGreaterThan(0);
      }
    });
    // Table 三's 三、本年度办理结果 and its groups, the header cells merged down: all written as continuation cells.
    expect(continuation).toBeGreaterThan(20);
  });

  it('sets w:hint="eastAsia" and all four font slots on every run with CJK text, in the body, the tables and the footers', async () => {
    const p = await parts(report);
    const xml = [p['word/document.xml']!, ...Object.entries(p).filter(([n]) => /footer\d\.xml$/.test(n)).map(([, x]) => x)].join('');
    const cjkRuns = runs(xml).filter((r) => CJK.test(runText(r)));
    expect(cjkRuns.length).toBeGreaterThan(50);
    for (const r of cjkRuns) {
      const fonts = /<w:rFonts [^>]*\/>/.exec(r)?.[0] ?? '';
      expect(fonts, runText(r)).toContain('w:hint="eastAsia"');
      for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(attr(fonts, 'rFonts', slot), `${slot} of ${runText(r)}`).toBeTruthy();
    }
    // The punctuation Word would otherwise set in Times New Roman is in such a run.
    if (report.text.preamble.includes('“')) expect(cjkRuns.some((r) => runText(r).includes('“'))).toBe(true);
  });

  it('declares the GB/T 9704 grid: 22 lines of 28 characters, and tracks body runs so 28 of them fill a line off the grid', async () => {
    const p = await parts(report);
    const doc = p['word/document.xml']!;
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)![0];
    const num = (el: string, a: string) => Number(attr(sect, el, a));
    expect(attr(sect, 'docGrid', 'type')).toBe('linesAndChars');
    const width = num('pgSz', 'w') - num('pgMar', 'left') - num('pgMar', 'right');
    const height = num('pgSz', 'h') - num('pgMar', 'top') - num('pgMar', 'bottom');
    const normalPt = Number(attr(/<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(p['word/styles.xml']!)![0], 'sz', 'val')) / 2;
    expect(normalPt).toBe(16);
    // Word: characters per line = ⌊width / (Normal size + charSpace / 4096)⌋, lines = ⌊height / linePitch⌋.
    expect(Math.floor(width / 20 / (normalPt + num('docGrid', 'charSpace') / 4096))).toBe(28);
    expect(Math.floor(height / num('docGrid', 'linePitch'))).toBe(22);
    // Body runs (三号) carry the tracking; 28 tracked characters fit the line, 29 do not.
    const body = runs(doc).filter((r) => attr(r, 'sz', 'val') === '32' && CJK.test(runText(r)));
    expect(body.length).toBeGreaterThan(5);
    const tracking = new Set(body.map((r) => Number(attr(r, 'spacing', 'val'))));
    expect(tracking.size).toBe(1);
    const pitch = 16 + [...tracking][0]! / 20;
    expect(Math.floor(width / 20 / pitch)).toBe(28);
    // Every paragraph lays out off the grid, so Word, WPS and LibreOffice break its lines alike.
    for (const para of all(doc, /<w:p>[\s\S]*?<\/w:p>/g)) expect(pPrOf(para)).toContain('<w:snapToGrid w:val="0"/>');
  });

  it('puts the middle of the page-number line 7 mm below the 版心, on its own exact line', async () => {
    const p = await parts(report);
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(p['word/document.xml']!)![0];
    const footers = Object.entries(p).filter(([n]) => /footer\d\.xml$/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const line = Number(attr(pPrOf(f), 'spacing', 'line'));
      expect(attr(pPrOf(f), 'spacing', 'lineRule')).toBe('exact');
      expect(line).toBe(280); // one 四号 line
      const gapTwips = Number(attr(sect, 'pgMar', 'bottom')) - Number(attr(sect, 'pgMar', 'footer')) - line / 2;
      expect((gapTwips / 1440) * 25.4).toBeCloseTo(7, 1);
    }
  });
});

describe('Word XML: pagination and properties', () => {
  it('keeps Table 三 and Table 四 whole with their headings, and each Table 二 block with its 信息内容 header', async () => {
    const report = loadFixture('reports/qingshi-2024.json');
    const doc = (await parts(report))['word/document.xml']!;
    const body = /<w:body>([\s\S]*)<\/w:body>/.exec(doc)![1]!;
    const tables = all(body, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
    const keeps = (tr: string) => all(tr, /<w:p>[\s\S]*?<\/w:p>/g).every((p) => /<w:keepNext\/>/.test(pPrOf(p)));
    const grids = layoutOf(report.format).grids;
    for (const [t, id] of [[1, 'requests'], [2, 'appeals']] as const) {
      const rows = all(tables[t]!, /<w:tr>[\s\S]*?<\/w:tr>/g);
      expect(rows).toHaveLength(grids[id].rows.length);
      rows.forEach((tr, i) => expect(keeps(tr), `${id} row ${i}`).toBe(i < rows.length - 1));
    }
    const activeRows = all(tables[0]!, /<w:tr>[\s\S]*?<\/w:tr>/g);
    grids.active.rows.forEach((row, i) => {
      const next = grids.active.rows[i + 1];
      expect(keeps(activeRows[i]!), `active row ${i}`).toBe(next !== undefined && next.role !== 'section');
    });
    // Each table's heading keeps with the table.
    for (const heading of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
      const p = all(body, /<w:p>[\s\S]*?<\/w:p>/g).find((x) => runText(x) === heading)!;
      expect(pPrOf(p)).toMatch(/<w:keepNext\/>/);
    }
  });

  it('keeps the last text paragraph, the spacer and the signature with the date, and turns autospace off in the 落款 in schema order', async () => {
    const report = loadFixture('reports/qingshi-2024.json');
    const doc = (await parts(report))['word/document.xml']!;
    const ps = all(/<w:body>([\s\S]*)<\/w:body>/.exec(doc)![1]!, /<w:p>[\s\S]*?<\/w:p>/g);
    const agency = ps.findIndex((p) => runText(p) === report.closing.agency);
    expect(agency).toBeGreaterThan(2);
    const [lastText, spacer, sign, date] = ps.slice(agency - 2, agency + 2) as [string, string, string, string];
    expect(runText(spacer)).toBe('');
    expect(attr(markRPr(spacer), 'sz', 'val')).toBe('32');
    for (const p of [lastText, spacer, sign]) expect(pPrOf(p)).toMatch(/<w:keepNext\/>/);
    expect(pPrOf(lastText)).toMatch(/<w:widowControl\/>/);
    expect(runText(date)).toBe('2025年1月20日');
    for (const p of [sign, date]) {
      const ppr = pPrOf(p);
      expect(ppr).toContain('<w:autoSpaceDN w:val="false"/>');
      expect(ppr.indexOf('<w:autoSpaceDN')).toBeLessThan(ppr.indexOf('<w:spacing'));
    }
  });

  it('keeps the paragraph above a one-line last paragraph with the 落款 too (two lines travel with it), not a third', async () => {
    const report = cloneReport(loadFixture('reports/qingshi-2024.json'));
    report.text.other = ['第一段，较长的说明文字。'.repeat(5), '第二段，两行以上的说明文字。'.repeat(5), '第三段一行。'].join('\n');
    const doc = (await parts(report))['word/document.xml']!;
    const ps = all(/<w:body>([\s\S]*)<\/w:body>/.exec(doc)![1]!, /<w:p>[\s\S]*?<\/w:p>/g);
    const keep = (start: string) => /<w:keepNext\/>/.test(pPrOf(ps.find((p) => runText(p).startsWith(start))!));
    expect(keep('第三段')).toBe(true);
    expect(keep('第二段')).toBe(true);
    expect(keep('第一段')).toBe(false);
  });

  it('sorts paragraph properties into schema order and adds snapToGrid off, leaving what it does not understand alone', () => {
    const wrong = '<w:p><w:pPr><w:keepNext/><w:spacing w:line="560"/><w:jc w:val="right"/><w:autoSpaceDN w:val="false"/><w:rPr><w:sz w:val="32"/></w:rPr></w:pPr></w:p>';
    expect(finishParagraphs(wrong)).toBe(
      '<w:p><w:pPr><w:keepNext/><w:autoSpaceDN w:val="false"/><w:snapToGrid w:val="0"/><w:spacing w:line="560"/><w:jc w:val="right"/><w:rPr><w:sz w:val="32"/></w:rPr></w:pPr></w:p>',
    );
    expect(finishParagraphs('<w:p><w:r><w:t>x</w:t></w:r></w:p>')).toBe('<w:p><w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>');
    const unknown = '<w:p><w:pPr><w:jc w:val="right"/><w14:foo/></w:pPr></w:p>';
    expect(finishParagraphs(unknown)).toBe(unknown);
  });

  it('names the agency as author and last editor (no 「Un-named」)', async () => {
    const report = emptyReport('gov-2021', '示例县青石镇人民政府', 2024);
    const core = (await parts(report))['docProps/core.xml']!;
    expect(core).toContain('<dc:creator>示例县青石镇人民政府</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>示例县青石镇人民政府</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });
});

describe('Table 三 label widths (the definition\'s proportions)', () => {
  /** Where a left-aligned label wraps in a cell of `capacity` character widths (ASCII half). */
  function wrap(text: string, capacity: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const ch of text) {
      if (textWidth(line + ch) > capacity) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    return [...lines, line];
  }

  it.each(['gov-2021', 'gov-2019'] as const)('%s: no label leaves one character alone on its last line', (format) => {
    const grid = layoutOf(format).grids.requests;
    const widths = scaleWidths(grid, 8845);
    const charTwips = 180; // 小五
    const padX = 45;
    const widows: string[] = [];
    for (const row of placeGrid(grid))
      for (const { item, col } of row) {
        if (item.kind !== 'label' || item.vertical) continue;
        const w = widths.slice(col, col + item.colSpan).reduce((a, b) => a + b, 0);
        const capacity = (w - 2 * padX) / charTwips;
        const lines = item.role === 'rowLabel' ? wrap(item.text, capacity) : labelLines(item.text, Math.floor(capacity), false);
        const last = [...lines.at(-1)!];
        if (lines.length > 1 && last.length < 2) widows.push(lines.join('/'));
      }
    expect(widows).toEqual([]);
  });
});

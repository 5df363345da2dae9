/**
 * 图解: every number drawn is read back from the SVG and compared with the report (cells read with
 * getCell, sums with the 历年对比 readers), for both formats and both sizes; the drafted sentences
 * of 生成统计表述 are drawn; PNG and PDF are real pictures of the right size.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneReport, getCell, layoutOf, setCell, type Report } from '../../report';
import { draftStatements, litigationValue, OUTCOMES, outcomeValue } from '../../report/trend';
import { buildGraphic, graphicModel, graphicSvg } from '../../main/graphic';
import { loadReport, qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** path → the text drawn for it (each figure is drawn once). */
function drawn(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(/<text [^>]*data-path="([^"]+)"[^>]*>([^<]*)<\/text>/g)) {
    expect(out.has(m[1]!), `${m[1]} drawn twice`).toBe(false);
    out.set(m[1]!, unescape(m[2]!));
  }
  return out;
}

const allText = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!)).join('');

/** What the report says for a drawn path, computed here from the report, not from the graphic's model. */
function expected(r: Report, path: string): string {
  const [kind, key] = path.split('.');
  if (kind === 'outcome') return String(outcomeValue(r, OUTCOMES.find((o) => o.id === key)!));
  if (kind === 'litigation') return String(litigationValue(r, Number(key)));
  const v = getCell(r, path);
  return v === '' || v === undefined || v === null ? '0' : String(v);
}

const busy = () => loadReport('published/pingtan-2022.json');
const busy2019 = () => loadReport('published/shanghai-office-2019.json');
const allZero = () => loadReport('published/alemale-2023.json');

describe('图解 SVG', () => {
  for (const [name, load] of [['busy county 2022', busy], ['busy 2019 format', busy2019], ['all-zero township', allZero], ['qingshi 2024', qingshi2024]] as const)
    for (const size of ['a4', 'long'] as const)
      it(`every number drawn equals the report's (${name}, ${size})`, () => {
        const r = load();
        const svg = graphicSvg(graphicModel(r, null), size);
        const figures = drawn(svg);
        for (const [path, value] of figures) expect(value, path).toBe(expected(r, path));
        // Every value cell of Table 二 is drawn, and the figures of 三 and 四 the 图解 promises.
        const activeCells = layoutOf(r.format).cells.filter((c) => c.path.startsWith('active.')).map((c) => c.path);
        for (const p of activeCells) expect(figures.has(p), p).toBe(true);
        for (const p of ['requests.newReceived.6', 'requests.carriedOver.6', 'requests.resultTotal.6', 'requests.carriedForward.6', 'appeals.review.4', 'litigation.4'])
          expect(figures.has(p), p).toBe(true);
        for (let c = 0; c < 6; c++) expect(figures.has(`requests.newReceived.${c}`)).toBe(true);
        for (const o of OUTCOMES) expect(figures.has(`outcome.${o.id}`)).toBe(true);
        // The title and the drafted sentences (wrapped over several lines, so read as one text).
        const text = allText(svg);
        expect(text).toContain(r.agency);
        expect(text).toContain(`${r.year}年政府信息公开工作年度报告`);
        for (const line of Object.values(draftStatements(r, null))) expect(text).toContain(line);
      });

  it('a changed figure is drawn changed', () => {
    const r = cloneReport(qingshi2024());
    setCell(r, 'requests.newReceived.0', 41);
    setCell(r, 'active.fees.amount', '12.3456');
    const figures = drawn(graphicSvg(graphicModel(r, null), 'long'));
    expect(figures.get('requests.newReceived.0')).toBe('41');
    expect(figures.get('active.fees.amount')).toBe('12.3456');
  });

  it('says how this year compares with last year when last year is archived', () => {
    const text = allText(graphicSvg(graphicModel(qingshi2024(), qingshi2023()), 'long'));
    expect(text).toContain(draftStatements(qingshi2024(), qingshi2023()).requests);
    expect(text).toMatch(/较上年(增加|减少)\d+件|与上年持平/);
  });

  it('the A4 page is A4 and its drawing fits inside it; the long image is 750 wide', () => {
    const a4 = graphicSvg(graphicModel(busy(), null), 'a4');
    expect(a4).toMatch(/<svg [^>]*width="794" height="1123"/);
    const scale = Number(/scale\(([\d.]+)\)/.exec(a4)![1]);
    expect(scale).toBeGreaterThan(0.5);
    expect(scale).toBeLessThanOrEqual(1);
    expect(graphicSvg(graphicModel(busy(), null), 'long')).toMatch(/<svg [^>]*width="750" height="\d{4}"/);
  });

  it('escapes what the agency name holds', () => {
    const r = cloneReport(qingshi2024());
    r.agency = 'A&B<镇>"人民政府"';
    const svg = graphicSvg(graphicModel(r, null), 'long');
    expect(svg).not.toContain('A&B<');
    expect(allText(svg)).toContain('A&B<镇>"人民政府"');
  });
});

describe('图解 PNG and PDF', () => {
  it('draws the long image 1080 px wide and the A4 PDF one A4 page', { timeout: 120_000 }, async () => {
    const png = await buildGraphic(busy(), null, 'png', 'long');
    expect(png.data.subarray(1, 4).toString()).toBe('PNG');
    expect(png.data.readUInt32BE(16)).toBe(1080);
    expect(png.fileName).toBe('平潭综合实验区2022年政府信息公开工作年度报告（图解·长图）.png');
    const pdf = await buildGraphic(allZero(), null, 'pdf');
    expect(pdf.fileName.endsWith('（图解·A4）.pdf')).toBe(true);
    const t = tempDir();
    try {
      writeFileSync(t.file('g.pdf'), pdf.data);
      const info = execFileSync('pdfinfo', [t.file('g.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(info).toContain('阿勒玛勒镇人民政府2023年政府信息公开工作年度报告（图解）');
    } finally {
      t.cleanup();
    }
  });
});

describe('wrapping the drafted lines', () => {
  it('never splits a number or leaves a closing mark at the start of a line', async () => {
    const { wrap } = await import('../../main/graphic/svg');
    // 9.8 em: a break by characters would put 「收取行政事业性收费1」 on the first line and 「.2560」 on the next.
    const lines = wrap('收取行政事业性收费1.2560万元，其中予以公开12345件。', 15, 15 * 9.8);
    expect(lines.join('')).toBe('收取行政事业性收费1.2560万元，其中予以公开12345件。');
    for (const l of lines) expect(l).not.toMatch(/^[，。；、）]/);
    expect(lines.some((l) => l.includes('1.2560'))).toBe(true);
    expect(lines.some((l) => l.includes('12345'))).toBe(true);
  });
});

describe('wrapping labels', () => {
  it('leaves no line of one lone character', async () => {
    const { wrap } = await import('../../main/graphic/svg');
    const lines = wrap('本年新收政府信息公开申请数量', 15, 15 * 13.5);
    expect(lines).toEqual(['本年新收政府信息公开申请', '数量']);
  });
});

/** The website HTML read back by Python's html.parser: a table grid per table that matches the definition, CMS-safe markup. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutOf, reportTitle, type Report } from '../../report';
import { chineseDate, paragraphsOf } from '../../main/export/blocks';
import { buildHtml } from '../../main/export/html';
import { cellText } from '../../main/export/values';
import { python, qingshiWithMoney, sampleReports, tempDir, writeTemp } from './helpers';

const dir = tempDir('html');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cases = [...sampleReports(), { name: 'money-0.9840', report: qingshiWithMoney() }];

describe.each(cases)('HTML of $name', ({ name, report }: { name: string; report: Report }) => {
  const html = buildHtml(report);
  const doc = python('read_html.py', writeTemp(dir, `${name}.html`, html));

  it('uses inline styles only: no classes, scripts, mso- styles or style sheets', () => {
    expect(doc.attrs).not.toContain('class');
    expect(doc.tags).not.toContain('script');
    expect(doc.tags).not.toContain('style');
    expect(html).not.toMatch(/mso-/i);
    expect(html).toMatch(/border-collapse:collapse/);
  });

  it('has the title, the six headings in order, every text paragraph and the closing', () => {
    const texts = doc.blocks.map((b: any) => b.text.replace(/\n/g, ''));
    // The title's lines are paragraphs of their own (no <br>, which CMS editors turn into paragraphs).
    const titleLines = doc.blocks.filter((b: any) => b.tag === 'h1').map((b: any) => b.text);
    expect(titleLines.join('')).toBe(reportTitle(report.agency, report.year));
    expect(texts.slice(0, titleLines.length)).toEqual(titleLines);
    const headings = doc.blocks.filter((b: any) => b.tag === 'h2').map((b: any) => b.text);
    expect(headings).toEqual(layoutOf(report.format).format.sections.map((s) => s.heading));
    for (const part of ['preamble', 'overview', 'problems', 'other'] as const)
      for (const runs of paragraphsOf(report.text[part])) expect(texts).toContain(runs.map((r) => r.text).join(''));
    if (report.closing.date) expect(texts).toContain(chineseDate(report.closing.date));
  });

  it('has each table with the official rowspan/colspan and labels, and every figure in its own cell', () => {
    const layout = layoutOf(report.format);
    expect(doc.tables).toHaveLength(3);
    (['active', 'requests', 'appeals'] as const).forEach((t, i) => {
      const want = layout.grids[t].rows.map((row) =>
        row.cells.map((c) => ({
          text: c.kind === 'value' ? cellText(report, c.cell) : c.text,
          rowspan: c.rowSpan,
          colspan: c.colSpan,
        })),
      );
      expect(doc.tables[i]).toEqual(want);
    });
  });
});

describe('HTML header rows', () => {
  it('puts the header rows of Tables 三 and 四 in <thead> (a browser repeats them on each printed page), none for Table 二', () => {
    const html = buildHtml(sampleReports()[0]!.report);
    const heads = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => (m[1]!.match(/<tr>/g) ?? []).length);
    const grids = layoutOf('gov-2021').grids;
    expect(heads).toEqual([grids.requests.headerRows, grids.appeals.headerRows]);
    expect(grids.active.headerRows).toBe(0);
  });
});

describe('HTML money', () => {
  it('prints 0.9840 as stored', () => {
    expect(buildHtml(qingshiWithMoney())).toContain('>0.9840</td>');
  });
});

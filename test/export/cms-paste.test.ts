/**
 * 「复制到网站」 pasted into a government CMS editor (issue 23 #2). The sanitizer below does what
 * UEditor / KindEditor filtering does to pasted HTML — a tag whitelist, attributes dropped except a
 * few, style reduced to a few properties, <colgroup> dropped, <br> turned into paragraphs — plus the
 * damage seen on real sites: inline tags around runs of digits removed with their digits (D10,
 * 「202111日起至20211231日止」), widths removed, cells' &nbsp; removed. What comes out is read back by
 * the importer and must be the report exactly.
 */
import { describe, expect, it } from 'vitest';
import { layoutOf, type Report } from '../../report';
import { cellText } from '../../main/export/values';
import { compareWithPublished } from '../../report/verify';
import { buildHtml, buildHtmlFragment } from '../../main/export/html';
import { importText } from '../../main/import';
import { chineseDate } from '../../main/export/blocks';
import { sampleReports, qingshiWithMoney } from './helpers';

const KEEP_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'span', 'strong', 'b', 'table', 'thead', 'tbody', 'tr', 'td', 'th']);
const KEEP_ATTRS = new Set(['colspan', 'rowspan', 'border', 'cellspacing', 'cellpadding', 'width', 'align', 'valign']);
const KEEP_STYLE = new Set(['text-align', 'border', 'border-collapse', 'width', 'font-size', 'font-family', 'padding', 'vertical-align', 'text-indent', 'line-height']);

interface Damage {
  /** Remove width attributes and width style properties. */
  dropWidths?: boolean;
}

/** A CMS editor's paste filter, written independently of the importer (regular expressions over tags). */
function cmsPaste(html: string, damage: Damage = {}): string {
  let s = html
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<colgroup[\s\S]*?<\/colgroup>/gi, '')
    .replace(/<col\b[^>]*>/gi, '');
  // D10: an inline element holding only a run of digits is dropped, digits and all.
  s = s.replace(/<(span|font|b|strong|em|i|u)\b[^>]*>\s*[0-9０-９]+\s*<\/\1>/gi, '');
  // <br> becomes a paragraph break.
  s = s.replace(/<br\s*\/?>/gi, '</p><p>');
  // Tags: whitelisted ones keep whitelisted attributes and style properties; the rest are unwrapped.
  s = s.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g, (_m, close: string, name: string, attrs: string) => {
    const tag = name.toLowerCase();
    if (!KEEP_TAGS.has(tag)) return '';
    if (close) return `</${tag}>`;
    const kept: string[] = [];
    for (const a of attrs.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) {
      const key = a[1]!.toLowerCase();
      if (key === 'style') {
        const props = a[2]!
          .split(';')
          .map((d) => d.trim())
          .filter((d) => KEEP_STYLE.has(d.split(':')[0]!.trim().toLowerCase()))
          .filter((d) => !(damage.dropWidths && /^width\s*:/i.test(d)));
        if (props.length) kept.push(`style="${props.join(';')}"`);
      } else if (KEEP_ATTRS.has(key) && !(damage.dropWidths && key === 'width')) kept.push(`${key}="${a[2]}"`);
    }
    return `<${tag}${kept.length ? ` ${kept.join(' ')}` : ''}>`;
  });
  // Cells' &nbsp; removed.
  s = s.replace(/(<t[dh][^>]*>)((?:&nbsp;|\u00a0|\s)*)(<\/t[dh]>)/g, '$1$3');
  return s;
}

function readBack(html: string): { report: Report; uncertain: string[]; headings: string[] } {
  const r = importText(html);
  return { report: r.report, uncertain: r.uncertain, headings: r.headings };
}

const cases = [...sampleReports(), { name: 'money-0.9840', report: qingshiWithMoney() }];

describe.each(cases)('「复制到网站」 of $name through a CMS editor', ({ report }: { report: Report }) => {
  const page = buildHtml(report);

  it('every figure is a cell with one text node; every date and 文号 is one text node', () => {
    for (const c of layoutOf(report.format).cells) expect(page).toMatch(new RegExp(`<td[^>]*>${cellText(report, c).replace('.', '\\.')}</td>`));
    const texts = Object.values(report.text).join('\n');
    const dates = [...texts.matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)].map((m) => m[0]);
    const numbers = [...texts.matchAll(/〔\d{4}〕\d+号/g)].map((m) => m[0]);
    if (report.closing.date) dates.push(chineseDate(report.closing.date));
    for (const d of [...dates, ...numbers]) expect(page).toContain(d);
    expect(page).not.toMatch(/<(span|font|b|strong)\b[^>]*>\s*\d+\s*<\//);
    expect(page).not.toMatch(/<br/i);
    expect(page).not.toMatch(/<t[dh][^>]*>(&nbsp;|\u00a0)/);
  });

  it('reads back exactly after the paste filter, after widths are removed too', () => {
    // A 落款 without its 成文日期 (the empty template, figures-only fixtures) is not read as a 落款 even
    // from the unpasted page, and nothing is published without one: those go out dated.
    const published = report.closing.date ? report : { ...report, closing: { agency: report.closing.agency || report.agency, date: '2025-01-20' } };
    for (const damage of [{}, { dropWidths: true }]) {
      const pasted = cmsPaste(buildHtmlFragment(published), damage);
      const read = readBack(pasted);
      expect(read.uncertain).toEqual([]);
      expect(compareWithPublished(published, read), JSON.stringify(compareWithPublished(published, read).text)).toEqual({ same: true, cells: [], text: [], uncertain: [] });
    }
  });

  it('keeps the table borders and the column widths without classes or <col>', () => {
    const pasted = cmsPaste(page);
    expect(pasted).not.toMatch(/class=|<col/);
    const tables = pasted.match(/<table[^>]*>/g) ?? [];
    expect(tables).toHaveLength(3);
    for (const t of tables) expect(t).toMatch(/border="1"/);
    const cells = pasted.match(/<td[^>]*>/g) ?? [];
    for (const td of cells) {
      expect(td).toMatch(/border:1px solid #000/);
      expect(td).toMatch(/width="[\d.]+%"/);
    }
  });
});

describe('the sanitizer itself', () => {
  it('does lose digits wrapped in their own inline tag (the damage the export avoids)', () => {
    const word = '<p>统计期限自<span lang="EN-US">2021</span>年<span lang="EN-US">1</span>月<span>1</span>日起</p>';
    expect(cmsPaste(word)).toBe('<p>统计期限自年月日起</p>');
    expect(cmsPaste('<h1>甲<br>乙</h1>')).toBe('<h1>甲</p><p>乙</h1>');
  });
});

/**
 * The fonts of the Word file (format.md §10) and what a PC without them falls back to.
 * The GB fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are missing on many PCs; Word and WPS read
 * w:altName in word/fontTable.xml to pick a substitute, so each entry names the nearest stock face.
 */
import type { Report } from '../../report';
import { documentBlocks, type Block } from './blocks';

export interface OfficialFont {
  /** The name written in the document (w:rFonts). */
  name: string;
  /** The nearest face that ships with Windows, written as w:altName ('' for a stock font). */
  altName: string;
  /** What it is used for, in the words a clerk would read in a message. */
  usage: string;
  /** East Asian face (charset GB2312), or the Latin face for digits. */
  eastAsian: boolean;
}

export const FONTS = {
  title: { name: '方正小标宋简体', altName: '宋体', usage: '标题', eastAsian: true },
  body: { name: '仿宋_GB2312', altName: '仿宋', usage: '正文', eastAsian: true },
  heading1: { name: '黑体', altName: 'SimHei', usage: '一级标题（一、）', eastAsian: true },
  heading2: { name: '楷体_GB2312', altName: '楷体', usage: '二级标题（（一））', eastAsian: true },
  table: { name: '宋体', altName: 'SimSun', usage: '表格、页码', eastAsian: true },
  latin: { name: 'Times New Roman', altName: '', usage: '数字和西文', eastAsian: false },
} as const satisfies Record<string, OfficialFont>;

export type FontRole = keyof typeof FONTS;

/**
 * The fonts the .docx of this report uses, in order of first use. Pure: the app compares the names
 * with the fonts installed on the PC and tells the user which ones are missing (and what replaces them).
 */
export function fontsUsedBy(report: Report, blocks: readonly Block[] = documentBlocks(report)): OfficialFont[] {
  const roles = new Set<FontRole>();
  for (const b of blocks) {
    if (b.kind === 'title') roles.add('title');
    else if (b.kind === 'heading') roles.add('heading1');
    else if (b.kind === 'table') roles.add('table');
    else if (b.kind === 'closing') roles.add('body');
    else for (const r of b.runs) roles.add(r.heading ? 'heading2' : 'body');
  }
  roles.add('body'); // the document's default style, even for a report with figures only
  roles.add('table'); // page numbers
  roles.add('latin');
  const order: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'table', 'latin'];
  return order.filter((r) => roles.has(r)).map((r) => FONTS[r]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * word/fontTable.xml with an altName for every font the document names (docx writes a font table
 * only for embedded fonts, so the exporter supplies this file through Packer's overrides).
 * charset 86 = GB2312, so Word maps the entry to a Chinese face when substituting.
 */
export function fontTableXml(fonts: readonly OfficialFont[]): string {
  const entries = fonts
    .map(
      (f) =>
        `<w:font w:name="${esc(f.name)}">${f.altName ? `<w:altName w:val="${esc(f.altName)}"/>` : ''}` +
        `<w:charset w:val="${f.eastAsian ? '86' : '00'}"/><w:family w:val="${f.eastAsian ? 'modern' : 'roman'}"/>` +
        `<w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries +
    '</w:fonts>'
  );
}

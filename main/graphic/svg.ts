/**
 * The 图解 as SVG, from the model alone (no DOM, no fonts read): the same text on the desktop, in the
 * browser mode and from the CLI. Two sizes: an A4 portrait page for print, and a long image for the
 * website and 微信 (750 px wide, as tall as it needs). Sober 党政机关 styling: one deep red for
 * headings and figures, greys for the rest, no decoration over a figure. Every figure is its own
 * <text data-path="…">, so the test reads the drawn numbers back.
 */
import { FONTS } from '../export/fonts';
import type { Figure, FigureTable, GraphicModel } from './model';

export type { GraphicSize } from '../../report/api';
import type { GraphicSize } from '../../report/api';

/** A4 at 96 px per inch; the long image at the 750 px most 微信 articles use. */
export const PAGE = { a4: { width: 794, height: 1123 }, long: { width: 750 } } as const;

const RED = '#c00000';
const INK = '#262626';
const GREY = '#666666';
const RULE = '#d9d9d9';
const PANEL = '#f5f5f5';
const TINT = '#fbeeee';

/**
 * The fonts, in the order the Word export names them, then the faces the systems ship: Windows
 * (Microsoft YaHei, SimHei, SimSun), UOS/Kylin and other Linux (Noto/Source Han, WenQuanYi, Droid).
 */
const SANS = ['Microsoft YaHei', FONTS.heading1.name, FONTS.heading1.altName, 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Droid Sans Fallback', 'sans-serif'];
const SERIF = [FONTS.title.name, FONTS.title.altName, FONTS.table.altName, 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', ...SANS];
const family = (list: readonly string[]) => list.map((f) => (f.includes('-') || f === 'sans-serif' ? f : `'${f}'`)).join(', ');
export const GRAPHIC_FONT_FAMILIES = { sans: SANS, serif: SERIF } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Estimated advance of a string: ideographs and full-width punctuation 1 em, the rest about 0.55 em. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.56;
  return w * size;
}

/** Lines of at most `width`, broken between characters (Chinese prose has no spaces to break at). */
export function wrap(s: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line && textWidth(line + ch, size) > width && !/[，。；、）：”]/.test(ch)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

interface TextOpts {
  size: number;
  fill?: string;
  weight?: 'bold';
  anchor?: 'start' | 'middle' | 'end';
  serif?: boolean;
  path?: string;
}

function text(x: number, y: number, s: string, o: TextOpts): string {
  const attrs = [
    `x="${x.toFixed(1)}"`,
    `y="${y.toFixed(1)}"`,
    `font-size="${o.size}"`,
    `fill="${o.fill ?? INK}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.serif ? `font-family="${esc(family(SERIF))}"` : '',
    o.path ? `data-path="${esc(o.path)}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;

/** Draws top to bottom; `y` is where the next element starts. */
class Canvas {
  parts: string[] = [];
  y = 0;
  constructor(readonly width: number, readonly margin: number) {}
  get inner() {
    return this.width - 2 * this.margin;
  }
  add(...s: string[]) {
    this.parts.push(...s);
  }
}

function header(c: Canvas, m: GraphicModel) {
  const h = 150;
  c.add(rect(0, 0, c.width, h, RED));
  c.add(text(c.width / 2, 42, '一图读懂', { size: 20, fill: '#ffffff', anchor: 'middle' }));
  // A long agency name is set smaller rather than running off the band.
  const fit = (s: string) => Math.min(28, Math.floor(c.inner / textWidth(s, 1)));
  c.add(text(c.width / 2, 84, m.agency, { size: fit(m.agency), fill: '#ffffff', anchor: 'middle', weight: 'bold', serif: true }));
  c.add(text(c.width / 2, 124, m.title.slice(m.agency.length), { size: fit(m.title.slice(m.agency.length)), fill: '#ffffff', anchor: 'middle', weight: 'bold', serif: true }));
  c.add(text(c.width / 2, h + 30, m.period, { size: 14, fill: GREY, anchor: 'middle' }));
  c.y = h + 50;
}

function heading(c: Canvas, n: number, title: string) {
  c.y += 14;
  c.add(rect(c.margin, c.y, 34, 34, RED));
  c.add(text(c.margin + 17, c.y + 24, String(n).padStart(2, '0'), { size: 17, fill: '#ffffff', anchor: 'middle', weight: 'bold' }));
  c.add(text(c.margin + 46, c.y + 25, title, { size: 22, weight: 'bold', fill: RED }));
  c.add(rect(c.margin, c.y + 42, c.inner, 2, RED));
  c.y += 58;
}

/** The drafted sentences: what the figures say, in the words of 生成统计表述. */
function overview(c: Canvas, lines: readonly string[]) {
  const size = 15;
  const wrapped = lines.map((l) => wrap(l, size, c.inner - 36));
  const h = wrapped.reduce((s, w) => s + w.length * 25 + 8, 16);
  c.add(rect(c.margin, c.y, c.inner, h, TINT), rect(c.margin, c.y, 4, h, RED));
  let y = c.y + 28;
  for (const w of wrapped) {
    for (const line of w) {
      c.add(text(c.margin + 20, y, line, { size, fill: INK }));
      y += 25;
    }
    y += 8;
  }
  c.y += h + 10;
}

/**
 * Figure tiles in rows of `perRow`: the number large and red with its unit, the label below (and
 * what is counted, smaller). A long number is set smaller so it and its unit stay inside the tile.
 */
function tiles(c: Canvas, figures: readonly Figure[], perRow: number) {
  const gap = 12;
  const w = (c.inner - gap * (perRow - 1)) / perRow;
  const labelSize = 15;
  const rows = Math.ceil(figures.length / perRow);
  for (let r = 0; r < rows; r++) {
    const row = figures.slice(r * perRow, (r + 1) * perRow);
    const labelLines = row.map((f) => wrap(f.label, labelSize, w - 16));
    const noteLines = row.map((f) => (f.note ? wrap(f.note, 13, w - 16) : []));
    const h = 64 + Math.max(...labelLines.map((l, i) => l.length * 20 + noteLines[i]!.length * 17));
    row.forEach((f, i) => {
      const x = c.margin + i * (w + gap);
      c.add(rect(x, c.y, w, h, PANEL));
      let size = 34;
      while (size > 16 && textWidth(f.value, size) + textWidth(f.unit, 15) + 4 > w - 16) size -= 2;
      const vw = textWidth(f.value, size) + textWidth(f.unit, 15) + 4;
      const x0 = x + (w - vw) / 2;
      c.add(text(x0, c.y + 44, f.value, { size, fill: RED, weight: 'bold', path: f.path }));
      c.add(text(x0 + textWidth(f.value, size) + 4, c.y + 44, f.unit, { size: 15, fill: GREY }));
      let y = c.y + 68;
      for (const line of labelLines[i]!) (c.add(text(x + w / 2, y, line, { size: labelSize, fill: INK, anchor: 'middle' })), (y += 20));
      for (const line of noteLines[i]!) (c.add(text(x + w / 2, y - 2, line, { size: 13, fill: GREY, anchor: 'middle' })), (y += 17));
    });
    c.y += h + gap;
  }
}

/** 规章 / 规范性文件 × 制发·废止·现行有效 (or the 2019 format's three fields), as a ruled table. */
function figureTable(c: Canvas, t: FigureTable) {
  const first = 150;
  const colW = (c.inner - first) / t.columns.length;
  const rowH = 44;
  c.add(rect(c.margin, c.y, c.inner, 36, PANEL));
  t.columns.forEach((col, i) => c.add(text(c.margin + first + colW * (i + 0.5), c.y + 24, col, { size: 14, fill: GREY, anchor: 'middle' })));
  c.y += 36;
  for (const row of t.rows) {
    c.add(text(c.margin + 12, c.y + 28, row.label, { size: 16, weight: 'bold' }));
    row.cells.forEach((f, i) => {
      const cx = c.margin + first + colW * (i + 0.5);
      c.add(text(cx - 6, c.y + 30, f.value, { size: 24, fill: RED, weight: 'bold', anchor: 'middle', path: f.path }));
      c.add(text(cx + textWidth(f.value, 24) / 2 - 2, c.y + 30, f.unit, { size: 13, fill: GREY }));
    });
    c.add(rect(c.margin, c.y + rowH - 1, c.inner, 1, RULE));
    c.y += rowH;
  }
  c.y += 12;
}

/**
 * Horizontal bars, one per figure, scaled to the largest; the number is always written beside its
 * bar (a 0 has no bar but keeps its number), so no figure depends on reading a length.
 */
function bars(c: Canvas, title: string, figures: readonly Figure[]) {
  c.add(text(c.margin, c.y + 18, title, { size: 16, weight: 'bold', fill: INK }));
  c.y += 30;
  const labelW = Math.max(...figures.map((f) => textWidth(f.label, 14))) + 16;
  const numberW = 70;
  const barW = c.inner - labelW - numberW;
  const max = Math.max(1, ...figures.map((f) => Number(f.value)));
  for (const f of figures) {
    c.add(text(c.margin + labelW - 10, c.y + 17, f.label, { size: 14, fill: INK, anchor: 'end' }));
    c.add(rect(c.margin + labelW, c.y + 3, barW, 18, PANEL));
    const w = (Number(f.value) / max) * barW;
    if (w > 0) c.add(rect(c.margin + labelW, c.y + 3, w, 18, RED));
    c.add(text(c.margin + labelW + barW + 8, c.y + 18, f.value, { size: 16, fill: RED, weight: 'bold', path: f.path }));
    c.add(text(c.margin + labelW + barW + 10 + textWidth(f.value, 16), c.y + 18, f.unit, { size: 12, fill: GREY }));
    c.y += 28;
  }
  c.y += 8;
}

function appeals(c: Canvas, rows: GraphicModel['appeals']) {
  const gap = 12;
  const w = (c.inner - gap) / 2;
  const h = 40 + 48 + rows[0]!.parts.length * 26;
  rows.forEach((a, i) => {
    const x = c.margin + i * (w + gap);
    c.add(rect(x, c.y, w, h, PANEL), rect(x, c.y, w, 4, RED));
    c.add(text(x + 16, c.y + 34, a.label, { size: 18, weight: 'bold' }));
    c.add(text(x + w - 40, c.y + 38, a.total.value, { size: 32, fill: RED, weight: 'bold', anchor: 'end', path: a.total.path }));
    c.add(text(x + w - 36, c.y + 38, a.total.unit, { size: 15, fill: GREY }));
    c.add(text(x + 16, c.y + 62, a.total.label, { size: 13, fill: GREY }));
    c.add(rect(x + 16, c.y + 72, w - 32, 1, RULE));
    a.parts.forEach((p, k) => {
      const y = c.y + 96 + k * 26;
      c.add(text(x + 16, y, p.label, { size: 15 }));
      c.add(text(x + w - 40, y, p.value, { size: 17, fill: RED, weight: 'bold', anchor: 'end', path: p.path }));
      c.add(text(x + w - 36, y, p.unit, { size: 13, fill: GREY }));
    });
  });
  c.y += h + 12;
}

function footer(c: Canvas, m: GraphicModel) {
  c.y += 10;
  c.add(rect(c.margin, c.y, c.inner, 1, RULE));
  c.add(text(c.width / 2, c.y + 26, `数据来源：《${m.title}》`, { size: 13, fill: GREY, anchor: 'middle' }));
  c.y += 40;
}

/** Two bar charts side by side (the A4 page), each in its half of the width. */
function barsSideBySide(c: Canvas, charts: readonly [string, readonly Figure[]][]) {
  const gap = 24;
  const half = (c.inner - gap) / 2;
  const top = c.y;
  let bottom = top;
  charts.forEach(([title, figures], i) => {
    const sub = new Canvas(half + 2 * c.margin, c.margin);
    sub.y = top;
    bars(sub, title, figures);
    const dx = i * (half + gap);
    c.add(`<g transform="translate(${dx.toFixed(1)} 0)">`, ...sub.parts, '</g>');
    bottom = Math.max(bottom, sub.y);
  });
  c.y = bottom;
}

/** The drawing of the content, top to bottom, `width` wide; `compact` (A4) sets the two charts side by side. */
function content(m: GraphicModel, width: number, compact: boolean): Canvas {
  const c = new Canvas(width, 32);
  header(c, m);
  heading(c, 1, m.headings.overview);
  overview(c, m.lines);
  heading(c, 2, m.headings.active);
  for (const t of m.active.tables) figureTable(c, t);
  tiles(c, m.active.tiles, m.active.tiles.length === 4 ? 4 : 3);
  heading(c, 3, m.headings.requests);
  tiles(c, m.requests.headline, 4);
  const charts: [string, readonly Figure[]][] = [
    [m.requests.headline[0]!.label.replace(/数量$/, '') + '·申请人', m.requests.applicants],
    [m.requests.headline[2]!.label.replace(/（.*$/, ''), m.requests.outcomes],
  ];
  if (compact) barsSideBySide(c, charts);
  else for (const [title, figures] of charts) bars(c, title, figures);
  heading(c, 4, m.headings.appeals);
  appeals(c, m.appeals);
  footer(c, m);
  return c;
}

/**
 * The A4 page: the drawing is laid out wider than the page and scaled down so that it fills the
 * page's width and height together (a few rounds, as the width changes how the text wraps).
 */
function a4Drawing(m: GraphicModel): { c: Canvas; scale: number } {
  let width: number = PAGE.a4.width;
  let c = content(m, width, true);
  for (let i = 0; i < 3; i++) {
    const scale = Math.min(1, PAGE.a4.height / c.y);
    width = Math.max(PAGE.a4.width, PAGE.a4.width / scale);
    c = content(m, width, true);
  }
  return { c, scale: Math.min(PAGE.a4.width / c.width, PAGE.a4.height / c.y) };
}

/** The 图解 of a report as a standalone SVG document. */
export function graphicSvg(m: GraphicModel, size: GraphicSize): string {
  const { c, scale } = size === 'a4' ? a4Drawing(m) : { c: content(m, PAGE.long.width, false), scale: 1 };
  const width = size === 'a4' ? PAGE.a4.width : PAGE.long.width;
  const height = size === 'a4' ? PAGE.a4.height : Math.ceil(c.y);
  const dx = (width - c.width * scale) / 2;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(family(SANS))}">\n` +
    `<title>${esc(`${m.title}（图解）`)}</title>\n` +
    rect(0, 0, width, height, '#ffffff') +
    `\n<g transform="translate(${dx.toFixed(2)} 0) scale(${scale.toFixed(4)})">\n${c.parts.join('\n')}\n</g>\n</svg>\n`
  );
}

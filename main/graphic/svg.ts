/**
 * The 图解 as SVG, from the model alone (no DOM, no fonts read): the same text on the desktop, in the
 * browser mode and from the CLI. Two sizes: an A4 portrait page for print, and a long image for the
 * website and 微信 (750 px wide, as tall as it needs). Sober 党政机关 styling: one deep red for
 * headings and figures, greys for the rest, no decoration over a figure. Every figure is its own
 * <text data-path="…">, so the test reads the drawn numbers back.
 */
import type { GraphicSize } from '../../report/api';
import { Canvas, esc, family, GREY, INK, PANEL, RED, rect, RULE, SANS, text, textWidth, TINT, wrap } from './draw';
import type { Figure, FigureTable, GraphicModel } from './model';

export type { GraphicSize } from '../../report/api';
export { textWidth, wrap } from './draw';

/** A4 at 96 px per inch; the long image at the 750 px most 微信 articles use. */
export const PAGE = { a4: { width: 794, height: 1123 }, long: { width: 750 } } as const;

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
  if (figures.every((f) => Number(f.value) === 0)) return zeroRow(c, figures);
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

/**
 * A chart whose figures are all 0 (a township with no applications): rows of empty bars would read
 * as something missing, so the figures are written side by side, each with its 0 (up to three a row).
 */
function zeroRow(c: Canvas, figures: readonly Figure[]) {
  const cellW = Math.max(...figures.map((f) => textWidth(f.label, 14))) + 80;
  const perRow = Math.max(1, Math.min(3, Math.floor(c.inner / cellW)));
  const w = c.inner / perRow;
  figures.forEach((f, i) => {
    const x = c.margin + (i % perRow) * w;
    const y = c.y + Math.floor(i / perRow) * 26 + 17;
    c.add(text(x + 12, y, f.label, { size: 14, fill: INK }));
    c.add(text(x + w - 40, y, f.value, { size: 16, fill: RED, weight: 'bold', anchor: 'end', path: f.path }));
    c.add(text(x + w - 36, y, f.unit, { size: 12, fill: GREY }));
  });
  c.add(rect(c.margin, c.y - 4, 3, Math.ceil(figures.length / perRow) * 26 + 4, RULE));
  c.y += Math.ceil(figures.length / perRow) * 26 + 12;
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
    [m.requests.headline[2]!.label, m.requests.outcomes],
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

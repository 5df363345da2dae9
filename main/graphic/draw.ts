/**
 * The drawing primitives of the 图解: colours, the font-family chains, text measuring and wrapping,
 * and a canvas that stacks elements top to bottom. SVG text only: no DOM, no font files read.
 */
import { FONTS } from '../export/fonts';

export const RED = '#c00000';
export const INK = '#262626';
export const GREY = '#666666';
export const RULE = '#d9d9d9';
export const PANEL = '#f5f5f5';
export const TINT = '#fbeeee';

/**
 * The fonts, in the order the Word export names them, then the faces the systems ship: Windows
 * (Microsoft YaHei, SimHei, SimSun), UOS/Kylin and other Linux (Noto/Source Han, WenQuanYi, Droid).
 */
export const SANS = ['Microsoft YaHei', FONTS.heading1.name, FONTS.heading1.altName, 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Droid Sans Fallback', 'sans-serif'];
const SERIF = [FONTS.title.name, FONTS.title.altName, FONTS.table.altName, 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', ...SANS];
export const family = (list: readonly string[]) => list.map((f) => (f.includes('-') || f === 'sans-serif' ? f : `'${f}'`)).join(', ');
export const GRAPHIC_FONT_FAMILIES = { sans: SANS, serif: SERIF } as const;

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Estimated advance of a string: ideographs and full-width punctuation 1 em, the rest about 0.55 em. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.56;
  return w * size;
}

/**
 * Lines of at most `width`, broken between characters (Chinese prose has no spaces to break at) but
 * never inside a number or a Latin word: 「1.2560万元」 is not split into 「1」 and 「.2560」, and a
 * closing punctuation mark stays at the end of its line.
 */
export function wrap(s: string, size: number, width: number): string[] {
  const tokens = s.match(/[0-9A-Za-z.%+\-]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && textWidth(line + t, size) > width && !/^[，。；、）：”]$/.test(t)) {
      lines.push(line);
      line = '';
    }
    line += t;
  }
  if (line) lines.push(line);
  // No line of one lone character (「…申请数／量」): the line before gives it a companion.
  const n = lines.length;
  if (n > 1 && [...lines[n - 1]!].length === 1 && [...lines[n - 2]!].length > 2) {
    const prev = [...lines[n - 2]!];
    if (/^[\u4e00-\u9fff]$/.test(prev[prev.length - 1]!)) {
      lines[n - 1] = prev.pop()! + lines[n - 1]!;
      lines[n - 2] = prev.join('');
    }
  }
  return lines;
}

export interface TextOpts {
  size: number;
  fill?: string;
  weight?: 'bold';
  anchor?: 'start' | 'middle' | 'end';
  serif?: boolean;
  path?: string;
}

export function text(x: number, y: number, s: string, o: TextOpts): string {
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

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;

/** Draws top to bottom; `y` is where the next element starts. */
export class Canvas {
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


/**
 * SVG → PNG without a browser, so the desktop app, serve:web and the CLI make the same picture.
 * resvg (WebAssembly build: no native module to compile or package, MPL-2.0) draws the SVG; it is
 * given the Chinese faces this PC already has, read from the system's font folders — Windows
 * (Microsoft YaHei, SimHei, SimSun) or UOS/Kylin and other Linux (Noto/Source Han, WenQuanYi, Droid).
 * No font ships with the app and nothing is fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Resvg as ResvgType } from '@resvg/resvg-wasm';

/** Windows font files in the order the SVG's font-family list prefers them (regular and bold). */
const WINDOWS_FILES = ['msyh.ttc', 'msyhbd.ttc', 'simhei.ttf', 'simsun.ttc'];
/** Linux (and Windows with extra fonts): file names of the Chinese faces worth loading, best first. */
const CJK_NAME = [/notosanscjk|notosanssc|sourcehansans/i, /notoserifcjk|sourcehanserif/i, /wqy-?microhei|wqy-?zenhei/i, /droidsansfallback/i, /uming|ukai/i];
/** Bounds: a font folder is walked at most this deep and this many entries; at most this much font data is read. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;
const MAX_FONT_BYTES = 96 * 1024 * 1024;

export class GraphicRenderError extends Error {}

function fontDirs(): string[] {
  if (process.platform === 'win32') {
    const win = process.env.WINDIR ?? 'C:\\Windows';
    return [join(win, 'Fonts'), join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts')];
  }
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local', 'share', 'fonts'), join(homedir(), '.fonts')];
}

function walk(dir: string, depth: number, out: string[], budget: { left: number }): void {
  if (depth > MAX_DEPTH || budget.left <= 0) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (--budget.left <= 0) return;
    const p = join(dir, name);
    if (/\.(ttf|ttc|otf|otc)$/i.test(name)) out.push(p);
    else if (!name.includes('.')) {
      try {
        if (statSync(p).isDirectory()) walk(p, depth + 1, out, budget);
      } catch {
        /* unreadable: skip */
      }
    }
  }
}

/** The Chinese font files to load, best first: regular and bold of the first family found, then fallbacks. */
export function chineseFontFiles(dirs: readonly string[] = fontDirs()): string[] {
  const files: string[] = [];
  const budget = { left: MAX_ENTRIES };
  for (const d of dirs) if (existsSync(d)) walk(d, 0, files, budget);
  const byName = (f: string) => f.split(/[\\/]/).pop()!.toLowerCase();
  const chosen: string[] = [];
  for (const w of WINDOWS_FILES) {
    const f = files.find((x) => byName(x) === w);
    if (f) chosen.push(f);
  }
  for (const pattern of CJK_NAME) {
    // Regular and Bold of a family; the other weights (Light, Black…) add size, not legibility.
    const fam = files.filter((f) => pattern.test(byName(f)) && !/(light|thin|medium|black|demilight|semibold|extralight|mono)/i.test(byName(f)));
    chosen.push(...fam.sort().slice(0, 2));
  }
  return [...new Set(chosen)];
}

let ready: Promise<typeof import('@resvg/resvg-wasm')> | null = null;

async function resvg() {
  if (!ready) {
    ready = (async () => {
      const require = createRequire(import.meta.url);
      const mod = require('@resvg/resvg-wasm') as typeof import('@resvg/resvg-wasm');
      await mod.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
      return mod;
    })();
    ready.catch(() => (ready = null));
  }
  return ready;
}

/** Read for each picture and let go after it: tens of MB the app should not hold between exports. */
function loadFonts(): Uint8Array[] {
  const loaded: Uint8Array[] = [];
  let total = 0;
  for (const f of chineseFontFiles()) {
    try {
      const size = statSync(f).size;
      if (total + size > MAX_FONT_BYTES) continue;
      loaded.push(readFileSync(f));
      total += size;
    } catch {
      /* unreadable font file: try the next */
    }
  }
  if (!loaded.length) throw new GraphicRenderError('本机没有找到中文字体（如微软雅黑、黑体、Noto Sans CJK、文泉驿），无法生成图片；可以导出 SVG 格式的图解。');
  return loaded;
}

export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

/** Draws the SVG `width` pixels wide on white. */
export async function rasterise(svg: string, width: number): Promise<Raster> {
  const mod = await resvg();
  const r: InstanceType<typeof ResvgType> = new mod.Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: Math.round(width) },
    font: { fontBuffers: loadFonts(), defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
  });
  try {
    const img = r.render();
    try {
      return { png: img.asPng(), width: img.width, height: img.height, pixels: img.pixels };
    } finally {
      img.free();
    }
  } finally {
    r.free();
  }
}

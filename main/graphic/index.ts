/**
 * 图解 (一图读懂) of one report as .svg, .png or .pdf: the one entry point for the app's export, the
 * browser mode and the CLI. The SVG is the drawing; PNG and PDF are that SVG drawn by resvg with the
 * PC's own Chinese fonts (raster.ts).
 */
import { reportTitle, type Report } from '../../report';
import { safeFileStem } from '../export/file-name';
import { graphicModel } from './model';
import { pdfWithImage } from './pdf';
import { rasterise } from './raster';
import { graphicSvg, type GraphicSize } from './svg';

import type { GraphicKind } from '../../report/api';
export type { GraphicKind, GraphicSize } from '../../report/api';
export { GraphicRenderError } from './raster';

export const GRAPHIC_MIME: Record<GraphicKind, string> = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' };
export const GRAPHIC_FILTERS: Record<GraphicKind, { name: string; extensions: string[] }> = {
  svg: { name: 'SVG 图片', extensions: ['svg'] },
  png: { name: 'PNG 图片', extensions: ['png'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
};

/** Pixel widths: the long image at 1080 px (the top of the 750–1080 px websites and 微信 take); A4 at 200 dpi. */
const LONG_PNG_WIDTH = 1080;
const A4_DPI = 200;
const a4Pixels = Math.round((210 / 25.4) * A4_DPI);

/** A PDF is always the A4 page; SVG and PNG come in either size. */
export function graphicSize(kind: GraphicKind, size: GraphicSize | undefined): GraphicSize {
  return kind === 'pdf' ? 'a4' : (size ?? 'long');
}

/** 「示例县青石镇人民政府2024年政府信息公开工作年度报告（图解·长图）.png」 */
export function graphicFileName(report: Report, kind: GraphicKind, size: GraphicSize): string {
  return `${safeFileStem(reportTitle(report.agency, report.year))}（图解${size === 'a4' ? '·A4' : '·长图'}）.${kind}`;
}

export async function buildGraphic(report: Report, previous: Report | null, kind: GraphicKind, sizeWanted?: GraphicSize): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const size = graphicSize(kind, sizeWanted);
  const svg = graphicSvg(graphicModel(report, previous), size);
  const fileName = graphicFileName(report, kind, size);
  if (kind === 'svg') return { fileName, mime: GRAPHIC_MIME.svg, data: Buffer.from(svg, 'utf8') };
  const width = size === 'a4' ? a4Pixels : LONG_PNG_WIDTH;
  const r = await rasterise(svg, width);
  if (kind === 'png') return { fileName, mime: GRAPHIC_MIME.png, data: Buffer.from(r.png) };
  return { fileName, mime: GRAPHIC_MIME.pdf, data: pdfWithImage(r.pixels, r.width, r.height, `${reportTitle(report.agency, report.year)}（图解）`) };
}

export { graphicModel, allFigures } from './model';
export { graphicSvg, PAGE } from './svg';

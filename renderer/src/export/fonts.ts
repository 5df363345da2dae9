/**
 * Which official fonts this PC lacks. A page cannot list installed fonts, but it can measure:
 * text set in `"<font>", monospace` measures exactly like plain `monospace` (and likewise with
 * serif) only when the browser fell back, i.e. the font is not installed. Chinese ideographs are one
 * em wide in every CJK face, so the width alone says nothing: digits, Latin letters and the ink
 * bounds of the ideographs are compared as well.
 */
const SAMPLE = '政府信息公开工作年度报告 2024 WMil,.()';

export function fontMissing(name: string): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return false; // cannot tell: say nothing rather than something wrong
  const measure = (font: string) => {
    ctx.font = `40px ${font}`;
    const m = ctx.measureText(SAMPLE);
    return [m.width, m.actualBoundingBoxAscent, m.actualBoundingBoxDescent, m.actualBoundingBoxLeft, m.actualBoundingBoxRight].join(',');
  };
  return ['monospace', 'serif'].every((generic) => measure(`"${name}", ${generic}`) === measure(generic));
}

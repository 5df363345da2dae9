/** The SVG renderer, loaded only when a chart is saved as SVG: the same option, with its title, drawn into a string (no DOM). */
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './chartData';
import { optionOf, TITLE_HEIGHT } from './echarts';

use([SVGRenderer]);

export function svgOf(spec: ChartSpec, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height: height + TITLE_HEIGHT, locale: 'ZH' });
  chart.setOption(optionOf(spec, true));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

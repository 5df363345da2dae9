/** The SVG renderer, loaded only when a chart is saved as SVG: the same option drawn into a string (no DOM). */
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './chartData';
import { optionOf } from './echarts';

use([SVGRenderer]);

export function svgOf(spec: ChartSpec, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'ZH' });
  chart.setOption({ ...optionOf(spec), backgroundColor: '#fff' });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * ECharts, only what the four charts use (tree-shaken from echarts/core): bars, a grid, the legend,
 * the title (of a saved chart)
 * and the canvas renderer (on screen, and for PNG). The SVG renderer is in ./svg.ts, loaded only
 * when a chart is saved as SVG. No tooltip and no aria description: the data table beside each
 * chart carries the numbers (the canvas is aria-hidden), and nothing needs inline style markup
 * (the page's CSP forbids it). No animation: the chart is final at once.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, type GridComponentOption, type LegendComponentOption, type TitleComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartSpec } from './chartData';

use([BarChart, GridComponent, LegendComponent, TitleComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

/** A saved chart carries its title (on screen the heading above it does): this much taller. */
export const TITLE_HEIGHT = 34;

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
/** Calm, distinguishable colours, ordered so neighbours in a stack contrast. */
const COLORS = ['#1f4e79', '#d08700', '#4a8c5c', '#b8454b', '#6c5ba7', '#3f8fb5', '#8a6d3b', '#7f8c99'];

export function optionOf(spec: ChartSpec, titled = false): Option {
  const top = titled ? TITLE_HEIGHT : 0;
  return {
    ...(titled ? { title: { text: spec.title, left: 'center', top: 6, textStyle: { fontSize: 15, fontWeight: 'bold', fontFamily: FONT } }, backgroundColor: '#fff' } : {}),
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1d2733' },
    legend: { top, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    // Up to six legend entries fit one line; the eight of 复议/诉讼 take two.
    grid: { left: 48, right: 16, top: top + (spec.series.length > 6 ? 78 : 56), bottom: 28 },
    xAxis: { type: 'category', data: spec.categories, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      name: spec.unit === '%' ? '占比（%）' : `数量（${spec.unit}）`,
      nameTextStyle: { align: 'left', padding: [0, 0, 0, -40] },
      minInterval: spec.unit === '%' ? 0 : 1,
      ...(spec.percent ? { max: 100 } : {}),
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(s.stack ? { stack: s.stack } : {}),
      barMaxWidth: 36,
      emphasis: { disabled: true },
    })),
  };
}

export function drawChart(el: HTMLElement, spec: ChartSpec): ECharts {
  const chart = init(el, null, { renderer: 'canvas', locale: 'ZH' });
  chart.setOption(optionOf(spec));
  return chart;
}

/** PNG bytes (base64) of the chart with its title, on white, at twice the size drawn on screen. */
export function pngOf(spec: ChartSpec, width: number, height: number): string {
  const chart = init(document.createElement('div'), null, { renderer: 'canvas', width, height: height + TITLE_HEIGHT, locale: 'ZH' });
  chart.setOption(optionOf(spec, true));
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  chart.dispose();
  return url.replace(/^data:image\/png;base64,/, '');
}

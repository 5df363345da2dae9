/**
 * One chart of 历年对比 with its data table beside it (the same numbers: for screen readers, and
 * for reading exact figures), and 「保存为PNG」「保存为SVG」. The chart itself is hidden from
 * assistive technology in favour of the table.
 */
import { useEffect, useRef, useState } from 'react';
import type { ECharts } from 'echarts/core';
import type { ChartSpec } from './chartData';
import { loadCharts } from './prefetch';

export interface ChartPanelProps {
  spec: ChartSpec;
  onSave: (spec: ChartSpec, kind: 'png' | 'svg', base64: string) => void;
}

const utf8Base64 = (text: string) => btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));

export function ChartPanel({ spec, onSave }: ChartPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [charts, setCharts] = useState<Awaited<ReturnType<typeof loadCharts>> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCharts().then((m) => live && setCharts(m), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!charts) return;
    const el = box.current!;
    chart.current = charts.drawChart(el, spec);
    // The observer reports the size once at the start: redraw only when it really changes.
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const resize = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now !== size) (size = now), chart.current?.resize();
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [charts, spec]);

  const id = `chart-${spec.id}`;
  const cell = (s: number, k: number, i: number) => (spec.percent ? `${spec.counts![k]![i]}（${s}%）` : String(s));
  return (
    <section className="chart-panel" aria-labelledby={`${id}-h`} data-chart={spec.id}>
      <div className="section-head">
        <h3 id={`${id}-h`}>{spec.title}</h3>
        <span className="spacer" />
        <button type="button" disabled={!charts} onClick={() => charts && onSave(spec, 'png', charts.pngOf(spec, box.current!.clientWidth, box.current!.clientHeight))}>
          保存为PNG
        </button>
        <button
          type="button"
          disabled={!charts}
          onClick={() => {
            const el = box.current!;
            void import('./svg').then(({ svgOf }) => onSave(spec, 'svg', utf8Base64(svgOf(spec, el.clientWidth, el.clientHeight))));
          }}
        >
          保存为SVG
        </button>
      </div>
      <div className="chart-body">
        <div ref={box} className="chart" aria-hidden="true">
          {failed && <p className="notice error">图表未能加载，请重新打开本页；右侧数据表不受影响。</p>}
        </div>
        <table className="compare chart-data" aria-label={`${spec.title}（数据表）`}>
          <thead>
            <tr>
              <th scope="col">{spec.percent ? '件数（占比）' : `单位：${spec.unit}`}</th>
              {spec.categories.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.series.map((s, k) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {s.values.map((v, i) => (
                  <td key={i}>{cell(v, k, i)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

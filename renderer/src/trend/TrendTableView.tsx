/**
 * The comparison table: a row per figure, a column per year. Each cell shows the figure and its
 * change against the previous year; a swing and a break of the carry-over chain are marked
 * in the cell, in words as well as colour. Every cell of the layouts is shown on demand.
 */
import { useState } from 'react';
import type { TrendRow, TrendTable } from '../../../report/trend';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function changeText(row: TrendRow, i: number): string {
  const c = row.changes[i];
  if (c === null || c === undefined) return '';
  const p = row.percents[i];
  return p === null || p === undefined ? signed(c) : `${signed(c)}（${signed(p)}%）`;
}

function Cell({ t, row, i }: { t: TrendTable; row: TrendRow; i: number }) {
  const year = t.years[i]!;
  const value = row.values[i];
  const swing = row.group === 'key' ? t.swings.find((s) => s.path === row.path && s.year === year) : undefined;
  const broken = t.breaks.filter((b) => b.path === row.path && b.year === year);
  if (value === null || value === undefined)
    return (
      <td className="v none" title={`${year}年度的报告格式没有这一项`}>
        —
      </td>
    );
  const change = changeText(row, i);
  const cls = ['v', swing ? 'swing' : '', broken.length ? 'break' : ''].filter(Boolean).join(' ');
  const title = [
    swing ? `大幅变动：较上年由${swing.from}变为${swing.to}（超过200%，或由0增至20以上）${swing.explained ? '，正文已写到这个数字' : '，正文没有提到这个数字'}` : '',
    ...broken.map((b) => `结转衔接中断：${b.message}`),
  ].filter(Boolean).join('\n');
  return (
    <td className={cls} title={title || undefined}>
      <span className="num">{value}</span>
      {change && <span className={`chg ${row.changes[i]! > 0 ? 'up' : row.changes[i]! < 0 ? 'down' : ''}`}>{change}</span>}
      {swing && <span className="flag">大幅变动</span>}
      {broken.length > 0 && <span className="flag break">衔接中断</span>}
    </td>
  );
}

export function TrendTableView({ t }: { t: TrendTable }) {
  const [all, setAll] = useState(false);
  // A row no year of this agency has (the other format's own rows, when all its years share one format) says nothing.
  const shown = t.rows.filter((r) => r.values.some((v) => v !== null));
  const key = shown.filter((r) => r.group === 'key');
  const cells = shown.filter((r) => r.group === 'cell');
  const body = (rows: TrendRow[]) =>
    rows.map((row) => (
      <tr key={`${row.group}:${row.path}`}>
        <th scope="row">{row.label}</th>
        {t.years.map((y, i) => (
          <Cell key={y} t={t} row={row} i={i} />
        ))}
      </tr>
    ));
  return (
    <section className="trend-table" aria-labelledby="trend-table-h">
      <div className="section-head">
        <h2 id="trend-table-h">主要数字</h2>
        <span className="muted small">每格下方为较上年增减（幅度）；上年为0时不计幅度。</span>
        <span className="spacer" />
        <button type="button" aria-expanded={all} onClick={() => setAll((x) => !x)}>
          {all ? '只看主要数字' : `显示全部单元格（${cells.length}项）`}
        </button>
      </div>
      <div className="table-scroll">
        <table className="compare">
          <thead>
            <tr>
              <th scope="col">项目</th>
              {t.years.map((y, i) => (
                <th scope="col" key={y}>
                  {y}年
                  {t.formats[i] === 'gov-2019' && <span className="fmt">试行格式</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body(key)}</tbody>
          {all && (
            <tbody aria-label="全部单元格">
              <tr className="group">
                <th scope="rowgroup" colSpan={t.years.length + 1}>
                  全部单元格（表二、表三、表四；只有一种格式才有的项目，在另一种格式的年度显示“—”）
                </th>
              </tr>
              {body(cells)}
            </tbody>
          )}
        </table>
      </div>
    </section>
  );
}

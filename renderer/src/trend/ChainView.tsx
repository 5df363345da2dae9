/**
 * The carry-over chain across all years: per applicant column, last year's 结转下年度继续办理
 * against this year's 上年结转, and 现行有效件数 against last year's + 制发 − 废止 (the cross-year
 * rules Y-1…Y-4 of report/checks, applied to every pair of consecutive years). Breaks in words.
 */
import { getFormat } from '../../../report/formats';
import { REQUEST_COLUMNS } from '../../../report/formats/common';
import type { TrendTable } from '../../../report/trend';

/** The 2021 format's documents rows (规章, 行政规范性文件), whose 现行有效件数 chains year to year. */
const IN_FORCE_ROWS = getFormat('gov-2021').active.blocks[0]!.rows;
const valuesOf = (t: TrendTable, path: string) => t.rows.find((r) => r.group === 'cell' && r.path === path)?.values ?? [];

export function ChainView({ t }: { t: TrendTable }) {
  const pairs = t.years.slice(1).filter((y, i) => t.years[i] === y - 1);
  return (
    <section className="chain" aria-labelledby="chain-h">
      <div className="section-head">
        <h2 id="chain-h">结转衔接</h2>
        <span className={t.breaks.length ? 'chain-count bad' : 'chain-count ok'}>
          {t.breaks.length ? `${t.breaks.length}处中断` : pairs.length ? '各年度衔接一致' : '没有相邻的两个年度'}
        </span>
      </div>
      {t.missingYears.length > 0 && (
        <p className="notice warn-notice">档案中没有{t.missingYears.map((y) => `${y}年`).join('、')}的报告：与之相邻的年度不计算增减，也不检查衔接。</p>
      )}
      {pairs.length > 0 && (
        <div className="table-scroll">
          <table className="compare chain-grid">
            <caption className="muted small">申请人各列：上年“结转下年度继续办理” → 本年“上年结转”；现行有效件数：上年现行有效 + 本年制发 − 本年废止 → 本年现行有效</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                {pairs.map((y) => (
                  <th scope="col" key={y}>
                    {y - 1}→{y}年
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {REQUEST_COLUMNS.map((col, c) => {
                const forward = valuesOf(t, `requests.carriedForward.${c}`);
                const over = valuesOf(t, `requests.carriedOver.${c}`);
                return (
                  <tr key={col.label}>
                    <th scope="row">{col.label}</th>
                    {pairs.map((y) => {
                      const i = t.years.indexOf(y);
                      const broken = t.breaks.some((b) => b.year === y && b.path === `requests.carriedOver.${c}`);
                      return (
                        <td key={y} className={broken ? 'v break' : 'v'}>
                          {forward[i - 1]} → {over[i]}
                          {broken ? <span className="flag break">衔接中断</span> : <span className="ok-mark" aria-label="一致">✓</span>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {IN_FORCE_ROWS.map((row) => {
                const v = (f: string) => valuesOf(t, `active.${row.key}.${f}`);
                const [inForce, issued, repealed] = [v('inForce'), v('issued'), v('repealed')];
                return (
                  <tr key={row.key}>
                    <th scope="row">{row.label} 现行有效件数</th>
                    {pairs.map((y) => {
                      const i = t.years.indexOf(y);
                      if (inForce[i - 1] === null || inForce[i] === null || inForce[i - 1] === undefined)
                        return <td key={y} className="v none" title="两种格式之间没有对应关系（format.md §8），不检查">—</td>;
                      const broken = t.breaks.some((b) => b.year === y && b.path === `active.${row.key}.inForce`);
                      return (
                        <td key={y} className={broken ? 'v break' : 'v'} title="上年现行有效 + 本年制发 − 本年废止 → 本年现行有效">
                          {inForce[i - 1]}+{issued[i]}−{repealed[i]} → {inForce[i]}
                          {broken ? <span className="flag break">衔接中断</span> : <span className="ok-mark" aria-label="一致">✓</span>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {t.breaks.length > 0 && (
        <ul className="breaks">
          {t.breaks.map((b, i) => (
            <li key={i}>
              <span className="flag break">衔接中断</span>
              <b>{b.year - 1}→{b.year}年</b> {b.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The 汇总 on screen: the three tables in the standard layout (the grids of report/layout, the same
 * labels and merges as the editor), read-only. Clicking a figure shows which units contribute what.
 */
import { useState } from 'react';
import { getCell, layoutOf, type Report, type TableId } from '../../../report';
import type { Contribution } from '../../../report/rollup/sum';
import type { RollupView } from '../../../report/rollup/view';
import { collectionStatus, missingPhrase, scopePhrase } from '../../../report/rollup/status';
import { api } from '../api';
import { GRID_COLUMNS, GridLabel } from '../editor/GridLabel';

const TABLES: TableId[] = ['active', 'requests', 'appeals'];

function shown(report: Report, path: string, type: string): string {
  const v = getCell(report, path);
  if (type === 'amount') return `${v}${report.active.procurement?.unit ?? ''}`;
  return String(v ?? '');
}

export function RollupTables({ view }: { view: RollupView }) {
  const [picked, setPicked] = useState<{ path: string; name: string; list: Contribution[] | string } | null>(null);
  const report = view.report;
  if (!report) return <p className="empty">还没有收到可汇总的报告。</p>;
  const layout = layoutOf(report.format);
  const totals = new Set(layout.totals.map((t) => t.path));
  const pick = async (path: string) => {
    const name = layout.cellByPath.get(path)?.name ?? path;
    setPicked({ path, name, list: '正在读取…' });
    const r = await api.rollupContributions({ organ: view.organ, year: view.year, cell: path });
    setPicked({ path, name, list: r.ok ? r.value : r.error.message });
  };
  return (
    <div className="rollup-tables">
      <div className="doc">
        <p className="doc-title">{`${view.organ}${view.year}年政府信息公开工作年度报告数据汇总表`}</p>
        <p className="rollup-scope">
          {scopePhrase(view, view.units.filter((u) => u.included).length)}。
          {!view.complete && <strong className="incomplete">{[collectionStatus(view), missingPhrase(view)].filter(Boolean).join('，')}</strong>}
        </p>
        {TABLES.map((t) => {
          const grid = layout.grids[t];
          const widths = GRID_COLUMNS[t](grid.gridColumns);
          return (
            <section key={t} className="doc-section" aria-label={grid.heading}>
              <h2>{grid.heading}</h2>
              <table className={`sheet sheet-${t}`}>
                <colgroup>
                  {widths.map((w, i) => (
                    <col key={i} style={{ width: w }} />
                  ))}
                </colgroup>
                <tbody>
                  {grid.rows.map((row, r) => (
                    <tr key={r}>
                      {row.cells.map((c, i) =>
                        c.kind === 'label' ? (
                          <GridLabel key={i} label={c} />
                        ) : (
                          <td
                            key={i}
                            colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                            className={`cell${totals.has(c.path) ? ' total' : ''}${picked?.path === c.path ? ' sel' : ''}`}
                            tabIndex={0}
                            aria-label={`${c.cell.name}：${shown(report, c.path, c.cell.type)}，查看各单位数字`}
                            onClick={() => void pick(c.path)}
                            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), void pick(c.path))}
                          >
                            {shown(report, c.path, c.cell.type)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
      <aside className="contributions" aria-label="各单位数字" aria-live="polite">
        {picked ? (
          <>
            <h2>{picked.name}</h2>
            <p className="muted small">汇总：{shown(report, picked.path, layout.cellByPath.get(picked.path)?.type ?? 'count')}</p>
            {typeof picked.list === 'string' ? (
              <p>{picked.list}</p>
            ) : picked.list.length === 0 ? (
              <p className="muted">各单位均为0。</p>
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">数字</th>
                  </tr>
                </thead>
                <tbody>
                  {picked.list.map((c) => (
                    <tr key={c.agency}>
                      <td>{c.agency}</td>
                      <td className="num">{c.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {typeof picked.list !== 'string' && picked.list.length > 0 && picked.list.length < view.units.filter((u) => u.included).length && (
              <p className="muted small">其余{view.units.filter((u) => u.included).length - picked.list.length}个单位为0。</p>
            )}
          </>
        ) : (
          <p className="muted">点击表中的数字，查看由哪些单位的数字汇总而来。</p>
        )}
      </aside>
    </div>
  );
}

/**
 * 收齐情况: one row per unit — level, status (with the reason of 不纳入), received date and file,
 * errors and warnings, and the actions: open in the editor, 通过, 退回 (with the 退回意见), 不纳入.
 * Filters by who must act — 未交 (owes a report), 已退回 (owes a corrected file), 待审核 (the office
 * owes a review) — and 有错误 · 全部. A 退回 row says when and by when. 300 rows: one plain table.
 */
import type { BoardRow, RollupView } from '../../../report/rollup/view';
import type { UnitStatus } from '../../../report/rollup/types';
import { dateLabel, UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS } from './labels';

export type BoardFilter = 'all' | 'pending' | 'returned' | 'received' | 'errors';

export interface BoardActions {
  open: (row: BoardRow) => void;
  setStatus: (row: BoardRow, status: UnitStatus) => void;
  exclude: (row: BoardRow) => void;
  sendBack: (row: BoardRow) => void;
  remove: (row: BoardRow) => void;
  /** 核对已发布: the unit's published page against the report received (issue 23 #1). */
  verify?: (row: BoardRow) => void;
}

const FILTERS: { key: BoardFilter; label: (v: RollupView) => string }[] = [
  { key: 'pending', label: (v) => `未交（${v.units.filter((u) => u.status === 'pending').length}）` },
  { key: 'returned', label: (v) => `已退回待改正（${v.units.filter((u) => u.status === 'returned').length}）` },
  { key: 'received', label: (v) => `待审核（${v.units.filter((u) => u.status === 'received').length}）` },
  { key: 'errors', label: (v) => `有错误（${v.units.filter((u) => u.errors > 0).length}）` },
  { key: 'all', label: (v) => `全部（${v.units.length}）` },
];

const shown = (u: BoardRow, filter: BoardFilter): boolean => (filter === 'all' ? true : filter === 'errors' ? u.errors > 0 : u.status === filter);

export function Board({ view, actions, readonly, filter, onFilter }: { view: RollupView; actions: BoardActions; readonly: boolean; filter: BoardFilter; onFilter: (f: BoardFilter) => void }) {
  const rows = view.units.filter((u) => shown(u, filter));
  return (
    <section className="rollup-board" aria-label="收齐情况">
      <div className="rollup-filters" role="group" aria-label="筛选">
        {FILTERS.map((f) => (
          <button key={f.key} type="button" aria-pressed={filter === f.key} className={filter === f.key ? 'on' : ''} onClick={() => onFilter(f.key)}>
            {f.label(view)}
          </button>
        ))}
      </div>
      <table className="list board">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">级别</th>
            <th scope="col">状态</th>
            <th scope="col">收到日期</th>
            <th scope="col">文件</th>
            <th scope="col">错误</th>
            <th scope="col">提醒</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.agency} className={`st-${u.status}`}>
              <th scope="row">{u.agency}</th>
              <td>{UNIT_LEVEL_LABELS[u.level]}</td>
              <td>
                <span className={`badge st-${u.status}`}>{UNIT_STATUS_LABELS[u.status]}</span>
                {u.status === 'returned' && u.returnedAt && (
                  <span className="returned small">
                    {' '}
                    {dateLabel(u.returnedAt)}退回{u.deadline && `，限${u.deadline}前改正`}
                  </span>
                )}
                {u.reason && <span className="muted small"> {u.reason}</span>}
                {u.refused && <span className="error-text small" title={u.refused}> 未纳入汇总</span>}
              </td>
              <td>{dateLabel(u.receivedAt)}</td>
              <td className="file" title={u.fileName}>{u.fileName}</td>
              <td className={u.errors ? 'num bad' : 'num'}>{u.reportId === null ? '' : u.errors}</td>
              <td className={u.warnings ? 'num warn' : 'num'}>{u.reportId === null ? '' : u.warnings}</td>
              <td>
                <div className="row-actions">
                  {u.reportId !== null && (
                    <button type="button" onClick={() => actions.open(u)} aria-label={`打开${u.agency}的报告`}>
                      打开
                    </button>
                  )}
                  {u.reportId !== null && u.status !== 'accepted' && (
                    <button type="button" disabled={readonly || u.errors > 0} title={u.errors ? '还有错误，不能通过' : undefined} onClick={() => actions.setStatus(u, 'accepted')}>
                      通过
                    </button>
                  )}
                  {u.reportId !== null && actions.verify && (
                    <button type="button" disabled={readonly} onClick={() => actions.verify?.(u)} aria-label={`核对${u.agency}网站上发布的报告`} title="把单位网站上发布的版本与收到的报告逐格逐句对照">
                      核对已发布
                    </button>
                  )}
                  {u.reportId !== null && (
                    <button type="button" disabled={readonly} onClick={() => actions.sendBack(u)}>
                      退回
                    </button>
                  )}
                  {u.status !== 'excluded' ? (
                    <button type="button" className="link" disabled={readonly} onClick={() => actions.exclude(u)}>
                      不纳入
                    </button>
                  ) : (
                    <button type="button" className="link" disabled={readonly} onClick={() => actions.setStatus(u, u.reportId === null ? 'pending' : 'received')}>
                      恢复纳入
                    </button>
                  )}
                  {u.level !== 'self' && u.reportId === null && (
                    <button type="button" className="danger-link link" disabled={readonly} onClick={() => actions.remove(u)}>
                      移出名单
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">没有符合条件的单位。</p>}
    </section>
  );
}

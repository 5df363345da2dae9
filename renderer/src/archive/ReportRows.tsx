/** One agency's reports by year, with what can be done to each. */
import type { ReportSummary } from '../../../report/api';
import type { MenuKind } from '../export/ExportMenu';
import { ExportMenu } from '../export/ExportMenu';
import { countdown, deadlineLabel } from '../model/deadline';
import { formatLabel, publishedLabel, STATUS_LABEL, timeLabel } from '../ui/format';

export interface RowActions {
  open: (r: ReportSummary) => void;
  duplicate: (r: ReportSummary) => void;
  remove: (r: ReportSummary) => void;
  setStatus: (r: ReportSummary, status: 'draft' | 'final', confirmed?: boolean) => void;
  exportAs: (r: ReportSummary, kind: MenuKind) => void;
  /** 移到其他机关… (issue 15 #2). */
  move?: (r: ReportSummary) => void;
  /** 核对已发布: the published page against this 定稿 (issue 23 #1). */
  verify?: (r: ReportSummary) => void;
}


/** `readonly`: the archive cannot be written, so only 打开 and 导出 stay usable. */
export function ReportRows({ reports, currentId, today, actions, readonly }: { reports: ReportSummary[]; currentId: number | null; today: Date; actions: RowActions; readonly: boolean }) {
  return (
    <table className="list">
      <thead>
        <tr>
          <th scope="col">年度</th>
          <th scope="col">格式</th>
          <th scope="col">状态</th>
          <th scope="col">最后保存</th>
          <th scope="col">错误</th>
          <th scope="col">提醒</th>
          <th scope="col">公开截止</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => {
          const c = countdown(r.deadline, today, r.status === 'final');
          const name = `${r.year}年度报告`;
          // Row buttons say which row: 「打开2024年度报告（示例县青石镇人民政府）」.
          const whose = `${name}（${r.agency}）`;
          return (
            <tr key={r.id} className={r.id === currentId ? 'current' : undefined}>
              <th scope="row">
                <button type="button" className="link strong" onClick={() => actions.open(r)} aria-label={`打开${whose}`}>
                  {r.year}年度
                </button>
              </th>
              <td>{formatLabel(r.format)}</td>
              <td>
                {/* A published report is not a draft in the clerk's sense: it says 已发布 instead. */}
                {!(r.published && r.status === 'draft') && <span className={`badge ${r.status}`}>{STATUS_LABEL[r.status]}</span>}
                {r.published && <span className="badge published">{publishedLabel(r)}</span>}
              </td>
              <td>{timeLabel(r.updatedAt)}</td>
              <td className={r.errors ? 'num bad' : 'num'}>{r.errors}</td>
              <td className={r.warnings ? 'num warn' : 'num'}>{r.warnings}</td>
              <td>
                {r.published ? '—' : deadlineLabel(r.deadline)}
                {r.id === currentId && !r.published && <span className={`countdown ${c.tone}`}>{c.text}</span>}
              </td>
              <td>
                <div className="row-actions">
                <button type="button" onClick={() => actions.open(r)}>
                  打开
                </button>
                <ExportMenu label={`导出${whose}`} onPick={(kind) => actions.exportAs(r, kind)} />
                <button type="button" disabled={readonly} onClick={() => actions.duplicate(r)} aria-label={`复制${name}为其他年度（${r.agency}）`}>
                  复制为…
                </button>
                {r.status === 'draft' ? (
                  <button
                    type="button"
                    onClick={() => actions.setStatus(r, 'final')}
                    disabled={readonly || r.errors > 0}
                    aria-label={`将${name}标为已定稿（${r.agency}）`}
                    title={r.errors > 0 ? `还有${r.errors}处错误，改正后才能定稿` : '定稿后不能再修改，需要时可点“重新编辑”'}
                  >
                    定稿
                  </button>
                ) : (
                  <button type="button" disabled={readonly} onClick={() => actions.setStatus(r, 'draft')} aria-label={`重新编辑${whose}`}>
                    重新编辑
                  </button>
                )}
                {actions.verify && r.status === 'final' && (
                  <button type="button" disabled={readonly} onClick={() => actions.verify?.(r)} aria-label={`核对已发布：${whose}`} title="把网站上发布的版本与定稿逐格逐句对照">
                    核对已发布
                  </button>
                )}
                {actions.move && (
                  <button type="button" disabled={readonly} onClick={() => actions.move?.(r)} aria-label={`将${whose}移到其他机关`}>
                    移到…
                  </button>
                )}
                <button type="button" className="danger-link" disabled={readonly} onClick={() => actions.remove(r)} aria-label={`删除${name}（${r.agency}）`}>
                  删除
                </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 回收站: deleted reports, each restorable or deleted for good (asked first by the caller). */
import type { ReportSummary } from '../../../report/api';
import { timeLabel } from '../ui/format';

export function RecycleBin({ deleted, onUndelete, onPurge }: { deleted: ReportSummary[]; onUndelete: (r: ReportSummary) => void; onPurge: (r: ReportSummary) => void }) {
  return (
    <section className="bin" id="bin" aria-label="回收站">
      <h2>回收站</h2>
      {deleted.length === 0 ? (
        <p className="empty">回收站是空的。</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">年度</th>
              <th scope="col">删除时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {deleted.map((r) => (
              <tr key={r.id}>
                <td>{r.agency}</td>
                <td>{r.year}年度</td>
                <td>{r.deletedAt ? timeLabel(r.deletedAt) : ''}</td>
                <td>
                  <div className="row-actions">
                  <button type="button" onClick={() => onUndelete(r)}>
                    恢复
                  </button>
                  <button type="button" className="danger-link" onClick={() => onPurge(r)}>
                    彻底删除
                  </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The app's own backups, newest first, each restorable; the name stays the only handle. */
import type { BackupSummary } from '../../../report/api';
import { timeLabelSeconds as timeLabel } from '../ui/format';
import { sizeLabel } from './facts';

export function BackupList({ backups, disabled, onRestore }: { backups: BackupSummary[]; disabled: boolean; onRestore: (b: BackupSummary) => void }) {
  if (backups.length === 0) return <p className="empty">还没有备份。点上面的“立即备份”做第一份。</p>;
  return (
    <div className="backup-scroll">
      <table className="list backups">
        <thead>
          <tr>
            <th scope="col">备份时间</th>
            <th scope="col">原因</th>
            <th scope="col">大小</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name}>
              <td>{timeLabel(b.createdAt)}</td>
              <td>{b.reasonLabel}</td>
              <td className="num">{sizeLabel(b.size)}</td>
              <td>
                <button type="button" disabled={disabled} aria-label={`恢复 ${timeLabel(b.createdAt)} ${b.reasonLabel}`} onClick={() => onRestore(b)}>
                  恢复
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

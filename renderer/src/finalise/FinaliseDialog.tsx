/**
 * 定稿 with 提醒 still open: the reminders are listed and the clerk is asked once. Errors never get
 * here (定稿 is disabled with the reason shown); a report without reminders is finalised directly.
 */
import type { Finding } from '../../../report/types';
import { Dialog } from '../ui/Dialog';

const SHOWN = 12;

export function FinaliseDialog(props: { title: string; warnings: Finding[]; onYes: () => void; onNo: () => void }) {
  const { warnings } = props;
  return (
    <Dialog title={`还有${warnings.length}条提醒，仍要定稿吗？`} onClose={props.onNo}>
      <p>“{props.title}”定稿后不能再修改（需要时可点“重新编辑”）。以下提醒尚未处理，请确认都已核实：</p>
      <ol className="finalise-warnings">
        {warnings.slice(0, SHOWN).map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
      </ol>
      {warnings.length > SHOWN && <p className="muted">另有{warnings.length - SHOWN}条，见检查结果。</p>}
      <div className="actions">
        <button type="button" data-autofocus onClick={props.onNo}>
          取消，先处理
        </button>
        <button type="button" className="primary" onClick={props.onYes}>
          已核实，定稿
        </button>
      </div>
    </Dialog>
  );
}

/** Why 定稿 is not possible now, as visible text (null when it is). */
export function finaliseBlocked(errors: number, readonly: boolean): string | null {
  if (readonly) return '档案以只读方式打开，不能定稿';
  return errors > 0 ? `还有${errors}处错误，改正后才能定稿` : null;
}

/**
 * 恢复此版本 asks first and says what will happen (issue 15 #4): a 定稿 report becomes a draft, and
 * when next year's report carried figures from this one, those no longer match (重新结转 there).
 */
import { Dialog } from '../ui/Dialog';

export interface RestoreAsk {
  revisionId: number;
  /** 「版本 12（2026-01-12 10:31:05）」 */
  label: string;
  final: boolean;
  /** Next year's report whose carried figures would no longer match, or null. */
  nextYear: number | null;
  nextId: number | null;
}

export function RestoreConfirm(props: { ask: RestoreAsk; onYes: () => void; onNo: () => void }) {
  const { ask } = props;
  return (
    <Dialog title={`恢复${ask.label}？`} onClose={props.onNo}>
      <ul className="restore-effects">
        <li>报告内容将改为这个版本；当前内容保留在历史版本中，可以再恢复。</li>
        {ask.final && (
          <li>
            <strong>此报告已定稿，恢复后将变为草稿</strong>，需要重新定稿。
          </li>
        )}
        {ask.nextYear !== null && (
          <li>
            <strong>{ask.nextYear}年度报告自本报告结转了数字</strong>（如“上年结转”），恢复后将与本报告不一致；请随后打开{ask.nextYear}年度报告点“重新结转”。
          </li>
        )}
      </ul>
      <div className="actions">
        <button type="button" data-autofocus onClick={props.onNo}>
          取消
        </button>
        <button type="button" className="primary" onClick={props.onYes}>
          {ask.final ? '恢复并改为草稿' : '恢复此版本'}
        </button>
      </div>
    </Dialog>
  );
}

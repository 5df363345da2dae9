/**
 * Said when this editor's save found the report changed elsewhere (another tab, a restore): its
 * content went into the history instead of over the newer state. Stays under the bar, where it is
 * seen whichever section the clerk is in, until the report is reloaded.
 */
import { clockTime } from '../ui/format';

export function ConflictBanner(p: { changedAt: string; onReload: () => void; onCompare: () => void }) {
  return (
    <div className="conflict-banner" role="alert">
      <span>此报告已在其他窗口中修改（{clockTime(p.changedAt)}），您的修改已另存为历史版本。</span>
      <button type="button" className="primary" onClick={p.onReload}>
        重新载入
      </button>
      <button type="button" onClick={p.onCompare}>
        比较
      </button>
    </div>
  );
}

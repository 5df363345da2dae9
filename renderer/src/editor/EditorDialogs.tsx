/** The editor's dialogs: 撤销结转, 比较 after a conflict, 定稿 with open 提醒, 历史版本 and 恢复此版本. */
import type { Report } from '../../../report/types';
import { FinaliseDialog } from '../finalise/FinaliseDialog';
import { Confirm } from '../ui/Confirm';
import { RestoreConfirm } from './RestoreConfirm';
import { RevisionsDialog } from './RevisionsDialog';
import type { EditorActions } from './useEditorActions';

export function EditorDialogs({ id, report, title, carried, actions }: { id: number; report: Report; title: string; carried: number; actions: EditorActions }) {
  const d = actions.dialogs;
  return (
    <>
      {d.askUndoCarry && (
        <Confirm title="撤销结转" yes="撤销结转" onNo={() => d.setAskUndoCarry(false)} onYes={actions.undoCarry}
          text={`将自${report.year - 1}年度报告结转来的${carried}个数字改回0？撤销前的内容保留在历史版本中。`} />
      )}
      {d.compare && (
        <RevisionsDialog reportId={id} current={d.compare.current} initial={d.compare.revisionId} onClose={() => d.setCompare(null)} onRestore={actions.restoreCompared} />
      )}
      {d.askFinal && <FinaliseDialog title={title} warnings={d.askFinal} onNo={() => d.setAskFinal(null)} onYes={() => actions.finalise(true)} />}
      {d.showRevisions && (
        <RevisionsDialog reportId={id} current={report} onClose={() => d.setShowRevisions(false)} onRestore={(rid, label) => void actions.askToRestore(rid, label)} />
      )}
      {d.askRestore && <RestoreConfirm ask={d.askRestore} onNo={() => d.setAskRestore(null)} onYes={() => actions.restore(d.askRestore!)} />}
    </>
  );
}

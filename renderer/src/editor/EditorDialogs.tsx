/** The editor's dialogs: leaving with refused changes, 撤销结转, 比较 after a conflict, 定稿 with open 提醒, 历史版本 and 恢复此版本. */
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
      {d.askLeave !== null && (
        <Confirm title="修改未能保存" yes="放弃这些修改并返回档案" no="留在此页" onNo={() => d.setAskLeave(null)} onYes={actions.leaveUnsaved}
          text={`最近的修改未能保存：${d.askLeave}。档案中仍是上次保存的内容；返回档案将放弃这些修改。`} />
      )}
      {d.askRestore && <RestoreConfirm ask={d.askRestore} onNo={() => d.setAskRestore(null)} onYes={() => actions.restore(d.askRestore!)} />}
    </>
  );
}

/**
 * 更正名称 when the agency has 已定稿 or 已发布 reports (issue 21 #2): they were published under the old
 * name, so the clerk chooses — keep them under that name (the old name is kept in the agency's name
 * history) or re-issue them under the new one (已定稿 reports become drafts to finalise again).
 * Drafts always take the new name.
 */
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';

export type FinishedChoice = 'keep' | 'reissue';

export function RenameDialog(props: { from: string; to: string; finished: { year: number; state: string }[]; onYes: (choice: FinishedChoice) => void; onNo: () => void }) {
  const [choice, setChoice] = useState<FinishedChoice>('keep');
  const list = props.finished.map((f) => `${f.year}年度（${f.state}）`).join('、');
  return (
    <Dialog title="更正机关名称" onClose={props.onNo}>
      <p>
        将“{props.from}”更正为“{props.to}”。草稿报告改用新名称。
      </p>
      <p>已定稿或已发布的报告：{list}。它们是以原名称发布的，请选择：</p>
      <fieldset className="choices">
        <legend className="visually-hidden">已定稿、已发布的报告</legend>
        <label>
          <input type="radio" name="finished" checked={choice === 'keep'} onChange={() => setChoice('keep')} data-autofocus />
          保持原名称（推荐）：这些报告仍按发布时的名称“{props.from}”保存，原名称记入机关的名称沿革
        </label>
        <label>
          <input type="radio" name="finished" checked={choice === 'reissue'} onChange={() => setChoice('reissue')} />
          改用新名称，重新发布：标题和落款改为“{props.to}”，已定稿的报告改回草稿，需重新定稿后发布
        </label>
      </fieldset>
      <div className="actions">
        <button type="button" onClick={props.onNo}>
          取消
        </button>
        <button type="button" className="primary" onClick={() => props.onYes(choice)}>
          更正名称
        </button>
      </div>
    </Dialog>
  );
}

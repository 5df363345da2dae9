/**
 * 退回: the 备注 (remark) and the date by which the corrected file is due both go into the unit's
 * 退回意见 (Word), above the findings, and onto the board's row; then the letter is written.
 */
import { useState } from 'react';
import type { BoardRow } from '../../../report/rollup/view';
import { Dialog } from '../ui/Dialog';

export function SendBackDialog({ row, onSend, onClose }: { row: BoardRow; onSend: (remark: string, deadline: string) => void; onClose: () => void }) {
  const [remark, setRemark] = useState('');
  const [deadline, setDeadline] = useState('');
  return (
    <Dialog title={`退回：${row.agency}`} onClose={onClose}>
      <p>
        生成《退回意见》（Word），列出这份报告的{row.errors}个错误和{row.warnings}个提醒，并把状态改为“退回”。单位改正后重新报送的文件收取后状态变为“已收”。
      </p>
      <label className="field">
        <span>改正期限</span>
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-label="改正期限" />
      </label>
      <label className="field">
        <span>备注（写入退回意见）</span>
        <input value={remark} onChange={(e) => setRemark(e.target.value)} placeholder="可不填，如：请核对表三后重新报送" data-autofocus />
      </label>
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="button" className="primary" onClick={() => onSend(remark.trim(), deadline)}>
          生成退回意见
        </button>
      </div>
    </Dialog>
  );
}

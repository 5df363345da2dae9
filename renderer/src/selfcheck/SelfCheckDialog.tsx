/**
 * 发布前自查: one screen listing each check an assessor makes, with its source, its state and a
 * button to where it is fixed; 「打印」 prints just this list (a sheet to keep with the 定稿).
 * The items come from main (report/selfcheck.ts); this is UI only.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SelfCheckView } from '../../../report/api';
import { SELF_CHECK_STATE_LABELS, type SelfCheckFix, type SelfCheckItem } from '../../../report/checks/selfcheck';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import './selfcheck.css';

const FIX_LABEL: Record<string, string> = { graphic: '导出图解', verify: '核对已发布', finalise: '去定稿' };
const fixLabel = (fix: SelfCheckFix) => ('cells' in fix ? '去修改' : FIX_LABEL[fix.action] ?? '去处理');

/** 「2025年1月10日 10:02」 in the clerk's local time. */
function when(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function SelfCheckDialog({ id, onClose, onFix }: { id: number; onClose: () => void; onFix: (fix: SelfCheckFix) => void }) {
  const [view, setView] = useState<SelfCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    void api.selfCheck({ id }).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  };
  useEffect(load, [id]);

  const look = view?.items.filter((i) => i.state === 'look').length ?? 0;
  const row = (i: SelfCheckItem, paper: boolean) => (
    <tr key={i.id} className={`selfcheck-${i.state}`} data-item={i.id}>
      <td className="selfcheck-state">{SELF_CHECK_STATE_LABELS[i.state]}</td>
      <th scope="row">{i.title}</th>
      <td>
        {i.detail}
        <div className="selfcheck-source">依据：{i.source}</div>
      </td>
      {!paper && <td className="selfcheck-fix">
        {i.fix && i.state === 'look' && (
          <button type="button" onClick={() => onFix(i.fix!)}>
            {fixLabel(i.fix)}
          </button>
        )}
      </td>}
    </tr>
  );

  /** The list itself: on screen with its buttons, on paper with the signature line instead. */
  const sheet = (v: SelfCheckView, paper: boolean) => (
    <>
      <p className="selfcheck-title">
        <strong>《{v.title}》</strong>发布前自查
        <span className="muted small">　检查时间：{when(v.checkedAt)}</span>
      </p>
      <p className={look ? 'selfcheck-summary look' : 'selfcheck-summary'} role={paper ? undefined : 'status'}>
        {look ? `${look}项请查看，其余通过或不适用。` : '各项均已通过（或不适用）。'}
      </p>
      <table className="list selfcheck-list">
        <thead>
          <tr>
            <th scope="col">结果</th>
            <th scope="col">检查项</th>
            <th scope="col">情况和依据</th>
            {!paper && <th scope="col" className="selfcheck-fix">处理</th>}
          </tr>
        </thead>
        <tbody>{v.items.map((i) => row(i, paper))}</tbody>
      </table>
      {paper && <p className="selfcheck-sign">经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</p>}
    </>
  );

  return (
    <Dialog title="发布前自查" large onClose={onClose}>
      <div className="selfcheck-sheet">
        {view && sheet(view, false)}
        {!view && !error && <p role="status">正在检查…</p>}
        {error && <p role="alert" className="error">未能自查：{error}</p>}
      </div>
      {/* The printable page: a direct child of <body>, so printing shows it alone (selfcheck.css). */}
      {view && createPortal(<div className="selfcheck-print" aria-hidden="true">{sheet(view, true)}</div>, document.body)}
      <div className="actions">
        <button type="button" onClick={load}>
          重新检查
        </button>
        <button type="button" onClick={() => window.print()} disabled={!view}>
          打印
        </button>
        <button type="button" className="primary" data-autofocus onClick={onClose}>
          关闭
        </button>
      </div>
    </Dialog>
  );
}

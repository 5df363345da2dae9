/** 移到其他机关…: a report filed under the wrong agency goes to an archived one or a new one by name. */
import { useState } from 'react';
import type { AgencyInfo, ReportSummary } from '../../../report/api';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';

export function MoveDialog(props: { report: ReportSummary; agencies: AgencyInfo[]; onDone: (message: string) => void; onClose: () => void }) {
  const others = props.agencies.filter((a) => a.id !== props.report.agencyId);
  const [name, setName] = useState(others.find((a) => a.own)?.name ?? others[0]?.name ?? '');
  const [error, setError] = useState('');
  const move = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('请选择或填写机关名称。');
    const r = await api.moveReport({ id: props.report.id, agency: name.trim() });
    if (!r.ok) return setError(r.error.message);
    props.onDone(`已将${props.report.year}年度报告由“${props.report.agency}”移到“${r.value.agency}”`);
  };
  return (
    <Dialog title={`移动${props.report.year}年度报告`} onClose={props.onClose}>
      <form onSubmit={(e) => void move(e)}>
        <p>这份报告现在属于“{props.report.agency}”。移到：</p>
        <label className="field">
          <span>机关名称</span>
          <input data-autofocus list="move-agencies" value={name} maxLength={100} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          <datalist id="move-agencies">
            {others.map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
        </label>
        <p className="field-note">可选档案中已有的机关，也可填写新的机关名称。报告中的机关名称随之更正，原内容保留在历史版本中。</p>
        {error && <p role="alert" className="error-text">{error}</p>}
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" className="primary">
            移动
          </button>
        </div>
      </form>
    </Dialog>
  );
}

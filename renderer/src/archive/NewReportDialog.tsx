/** 新建年度报告: agency, year (default last year), the format that year uses shown as it is chosen. */
import { useState } from 'react';
import type { AgencyInfo, OpenedReport } from '../../../report/api';
import { formatForYear } from '../../../report/formats';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { formatLabel } from '../ui/format';

export function NewReportDialog(props: { agencies: AgencyInfo[]; defaultAgency?: string; onCreated: (o: OpenedReport) => void; onClose: () => void }) {
  const [agency, setAgency] = useState(props.defaultAgency ?? props.agencies[0]?.name ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const y = Number(year);
  const format = /^\d{4}$/.test(year) ? formatForYear(y) : null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!agency.trim()) return setError('请填写机关名称，如“青石镇人民政府”。');
    if (!format) return setError('年度应为2019年或以后的四位数年份（2019年度起才有统一格式）。');
    setBusy(true);
    const r = await api.createReport({ agency: agency.trim(), year: y });
    setBusy(false);
    if (r.ok) props.onCreated(r.value);
    else setError(r.error.message);
  };

  return (
    <Dialog title="新建年度报告" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>机关名称</span>
          <input data-autofocus list="agency-names" value={agency} onChange={(e) => setAgency(e.target.value)} maxLength={100} autoComplete="off" />
          <datalist id="agency-names">
            {props.agencies.map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>报告年度</span>
          <input value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value.trim())} maxLength={4} />
        </label>
        <p className="field-note" aria-live="polite">
          {format ? `表格格式：${formatLabel(format)}，按年度自动选定。` : '请输入2019年或以后的年度。'}
        </p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" className="primary" disabled={busy}>
            创建并打开
          </button>
        </div>
      </form>
    </Dialog>
  );
}

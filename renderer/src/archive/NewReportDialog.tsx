/**
 * 新建年度报告: agency, year (default last year), the format that year uses shown as it is chosen.
 * When the archive holds the agency's report of the year before, the figures that carry over
 * (format.md §8) are offered, checked by default; text never carries over.
 */
import { useState } from 'react';
import type { AgencyInfo, OpenedReport, ReportSummary } from '../../../report/api';
import { formatForYear } from '../../../report/formats';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { formatLabel } from '../ui/format';

export function NewReportDialog(props: { agencies: AgencyInfo[]; reports: ReportSummary[]; defaultAgency?: string | undefined; onCreated: (o: OpenedReport) => void; onClose: () => void; onShowBin?: () => void }) {
  const [agency, setAgency] = useState(props.defaultAgency ?? props.agencies[0]?.name ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const y = Number(year);
  const format = /^\d{4}$/.test(year) ? formatForYear(y) : null;
  const [carry, setCarry] = useState(true);
  const agencyId = props.agencies.find((a) => a.name === agency.trim())?.id;
  const previous = format && agencyId !== undefined ? props.reports.find((r) => r.agencyId === agencyId && r.year === y - 1) : undefined;
  // 现行有效件数 carries only between two 2021-format years; 2020's 对外公开总数量 is another concept.
  const what = previous && previous.format === 'gov-2021' && format === 'gov-2021' ? '“上年结转”和“现行有效件数”' : '“上年结转”';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!agency.trim()) return setError('请填写机关名称，如“青石镇人民政府”。');
    if (!format) return setError('年度应为2019年或以后的四位数年份（2019年度起才有统一格式）。');
    setBusy(true);
    const r = await api.createReport({ agency: agency.trim(), year: y, ...(previous && carry ? { carryOver: true } : {}) });
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
        {previous && (
          <div className="carry-option">
            <label>
              <input type="checkbox" checked={carry} onChange={(e) => setCarry(e.target.checked)} />
              自{y - 1}年度报告结转{what}
            </label>
            <p className="field-note">结转的数字在表中标出，可以撤销；文字部分不结转，请按本年情况撰写。</p>
          </div>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
            {/* A clash with a deleted report: the way to it is one click away. */}
            {error.startsWith('回收站里已有') && props.onShowBin && (
              <button type="button" className="link" onClick={props.onShowBin}>
                打开回收站
              </button>
            )}
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

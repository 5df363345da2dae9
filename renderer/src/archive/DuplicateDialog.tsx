/** 复制为另一年度: the same agency, another year of the same format; the server refuses a clash. */
import { useState } from 'react';
import type { OpenedReport, ReportSummary } from '../../../report/api';
import { formatForYear } from '../../../report/formats';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { formatLabel } from '../ui/format';

export function DuplicateDialog(props: { source: ReportSummary; taken: number[]; onDone: (o: OpenedReport) => void; onClose: () => void; onShowBin?: () => void }) {
  const { source } = props;
  let next = source.year + 1;
  while (props.taken.includes(next)) next++;
  const [year, setYear] = useState(String(next));
  const [error, setError] = useState('');
  const y = Number(year);
  const format = /^\d{4}$/.test(year) ? formatForYear(y) : null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!format) return setError('请输入2019年或以后的四位数年度。');
    if (format !== source.format)
      return setError(`${y}年度使用${formatLabel(format)}，与${source.year}年度的格式不同，不能复制，请新建报告。`);
    const r = await api.duplicateReport({ id: source.id, year: y });
    if (r.ok) props.onDone(r.value);
    else setError(r.error.message);
  };

  return (
    <Dialog title={`复制${source.agency}${source.year}年度报告`} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p>复制全部文字和数字作为另一年度报告的起点，原报告不变。复制后请逐项核对。</p>
        <label className="field">
          <span>新报告年度</span>
          <input data-autofocus value={year} inputMode="numeric" maxLength={4} onChange={(e) => setYear(e.target.value.trim())} />
        </label>
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
          <button type="submit" className="primary">
            复制并打开
          </button>
        </div>
      </form>
    </Dialog>
  );
}

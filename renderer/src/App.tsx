import { useCallback, useEffect, useState } from 'react';
import type { OpenedReport, ReportSummary } from '../../report/api';
import { api } from './api';
import { ReadOnlyReport } from './ReadOnlyReport';

const STATUS = { draft: '草稿', final: '已定稿' } as const;

export function App() {
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<OpenedReport | null>(null);

  const refresh = useCallback(async () => {
    const r = await api.listArchive({});
    if (r.ok) setReports(r.value.reports);
    else setError(r.error.message);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const show = async (id: number) => {
    const r = await api.openReport({ id });
    if (r.ok) setOpen(r.value);
    else setError(r.error.message);
  };

  if (open) return <ReadOnlyReport opened={open} onBack={() => setOpen(null)} />;
  return (
    <main className="archive">
      <h1>政府信息公开年报助手</h1>
      {error && <p role="alert">{error}</p>}
      <table className="list">
        <thead>
          <tr>
            <th>机关</th>
            <th>年度</th>
            <th>格式</th>
            <th>状态</th>
            <th>错误</th>
            <th>提醒</th>
            <th>最后保存</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <td>{r.agency}</td>
              <td>
                <button type="button" onClick={() => void show(r.id)}>
                  {r.year}年度
                </button>
              </td>
              <td>{r.format}</td>
              <td>{STATUS[r.status]}</td>
              <td>{r.errors}</td>
              <td>{r.warnings}</td>
              <td>{new Date(r.updatedAt).toLocaleString('zh-CN')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reports.length === 0 && <p>档案中还没有报告。</p>}
    </main>
  );
}

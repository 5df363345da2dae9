/**
 * 历年对比: one agency, one column per archived year (both formats side by side where the rows mean
 * the same), the changes, the swings, the carry-over chain, four charts and the .xlsx export.
 * Loaded on demand (a dynamic import in App), so the editor and the archive never pay for ECharts;
 * App starts the table and the ECharts chunk loading in parallel with this one (./prefetch.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExportOutcome } from '../../../report/api';
import type { TrendTable } from '../../../report/trend';
import { api } from '../api';
import { downloadFile } from '../export/files';
import { ChainView } from './ChainView';
import { ChartPanel } from './ChartPanel';
import { chartSpecs, type ChartSpec } from './chartData';
import { takeTrend } from './prefetch';
import { TrendTableView } from './TrendTableView';
import './trend.css';

export interface TrendScreenProps {
  agencyId: number;
  /** 「返回报告」 when opened from the editor, 「返回档案」 otherwise. */
  backLabel: string;
  onBack: () => void;
}

export default function TrendScreen({ agencyId, backLabel, onBack }: TrendScreenProps) {
  const [t, setT] = useState<TrendTable | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => {
    void takeTrend(agencyId).then((r) => (r.ok ? setT(r.value) : setError(r.error.message)));
  }, [agencyId]);
  useEffect(() => {
    if (t) document.title = `${t.agency}历年对比 — 政府信息公开年报助手`;
  }, [t]);
  const specs = useMemo(() => (t ? chartSpecs(t) : []), [t]);

  const delivered = (r: { ok: true; value: ExportOutcome } | { ok: false; error: { message: string } }) => {
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    if (!r.value.saved) return;
    if (r.value.download) downloadFile(r.value.download);
    setNotice({ text: r.value.location ? `已保存：${r.value.location}` : `已下载：${r.value.fileName}` });
  };
  const saveChart = (spec: ChartSpec, kind: 'png' | 'svg', dataBase64: string) =>
    void api.saveTrendChart({ agencyId, chart: spec.id, kind, dataBase64 }).then(delivered);

  if (error) return <p role="alert" className="notice error">{error} <button type="button" onClick={onBack}>{backLabel}</button></p>;
  if (!t) return <p className="loading">正在整理历年数据…</p>;
  const first = t.years[0]!;
  const last = t.years[t.years.length - 1]!;
  const unexplained = t.swings.filter((s) => !s.explained).length;
  return (
    <div className="screen trend">
      <header className="topbar">
        <button type="button" onClick={onBack}>
          ← {backLabel}
        </button>
        <h1>{t.agency} 历年对比</h1>
        <span className="crumb">{first === last ? `${first}年度` : `${first}—${last}年度，共${t.years.length}份报告`}</span>
        <div className="spacer" />
        <button type="button" onClick={() => void api.exportTrend({ agencyId }).then(delivered)}>
          导出Excel
        </button>
      </header>
      <main className="trend-body" id="main">
        {notice && (
          <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="link" onClick={() => setNotice(null)}>知道了</button>
          </div>
        )}
        <p className="muted small trend-note">
          2019、2020年度为试行格式（国办公开办函〔2019〕60号），2021年度起为国办公开办函〔2021〕30号格式：两种格式含义相同的项目并列比较，只有一种格式才有的项目在另一种格式的年度显示“—”。
        </p>
        {t.swings.length > 0 && (
          <p className="swing-summary">
            <span className="flag">大幅变动</span>
            {t.swings.length}处主要数字较上年变动超过200%（或由0增至20以上）
            {unexplained ? `，其中${unexplained}处正文没有提到变动后的数字，请核实或在正文中说明` : ''}。
          </p>
        )}
        <TrendTableView t={t} />
        <ChainView t={t} />
        <section className="charts" aria-label="图表">
          {specs.map((s) => (
            <ChartPanel key={s.id} spec={s} onSave={saveChart} />
          ))}
        </section>
      </main>
    </div>
  );
}

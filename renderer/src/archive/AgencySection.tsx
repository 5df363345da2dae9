/**
 * One agency on the archive page: its name and settings, 历年对比, the current report's deadline and
 * the reports by year. A reference agency (not 本机关) shows no countdown: not the clerk's deadline.
 */
import type { AgencyInfo, ReportSummary } from '../../../report/api';
import { countdown, deadlineLabel } from '../model/deadline';
import { AgencySettings } from './AgencySettings';
import { ReportRows, type RowActions } from './ReportRows';

export interface AgencySectionProps {
  agency: AgencyInfo;
  /** The agency's reports. */
  reports: ReportSummary[];
  /** Those the search left (all when nothing is searched): the rows shown. */
  shown: ReportSummary[];
  /** Whether the archive has a 本机关 (then the others are reference agencies). */
  hasOwn: boolean;
  today: Date;
  actions: RowActions;
  readonly: boolean;
  onMerge?: () => void;
  onChanged: (message: string) => void;
  onTrend: () => void;
}

export function AgencySection({ agency: a, reports: own, shown, hasOwn, today, actions, readonly, onMerge, onChanged, onTrend }: AgencySectionProps) {
  // 已定稿 and 已发布 reports: a corrected name asks what becomes of them (issue 21 #2).
  const finished = own.filter((r) => r.status === 'final' || r.published).map((r) => ({ year: r.year, state: r.status === 'final' ? '已定稿' : '已发布' })).sort((x, y) => x.year - y.year);
  const current = own.reduce<ReportSummary | null>((best, r) => (!best || r.year > best.year ? r : best), null);
  // No countdown for a published report, nor for a reference agency's (not the clerk's deadline).
  const reference = !a.own && hasOwn;
  const c = current && !current.published && !reference && countdown(current.deadline, today, current.status === 'final');
  return (
    <section className={a.own ? 'agency own' : 'agency'} aria-label={a.name}>
      <AgencySettings agency={a} finished={finished} readonly={readonly} onMerge={onMerge} onChanged={onChanged} />
      {own.length > 0 && (
        <div className="agency-tools">
          <button type="button" onClick={onTrend} title={`${a.name}各年度报告的主要数字、增减和结转衔接`}>
            历年对比（{own.length}个年度）
          </button>
        </div>
      )}
      {current && c && (
        <p className={`current-banner ${c.tone}`}>
          当前报告：{current.year}年度（{current.status === 'final' ? '已定稿' : '草稿'}），公开截止{deadlineLabel(current.deadline)}。
          <strong>{c.text}</strong>
        </p>
      )}
      {own.length ? (
        <ReportRows reports={shown} currentId={reference ? null : (current?.id ?? null)} today={today} actions={actions} readonly={readonly} />
      ) : (
        <p className="empty">这个机关的报告都在回收站中。</p>
      )}
    </section>
  );
}

/**
 * The archive: agencies and their reports by year; create, open, duplicate, delete (undoable),
 * finalise; 备份与恢复. While the archive is read-only the buttons that only write are disabled.
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { AgencyInfo, OpenedReport, ReportSummary } from '../../../report/api';
import type { Finding } from '../../../report/types';
import { FinaliseDialog } from '../finalise/FinaliseDialog';
import { useFade } from '../ui/fade';
import { MergeDialog } from './MergeDialog';
import { MoveDialog } from './MoveDialog';
import { api } from '../api';
import { BackupDialog } from '../backup/BackupDialog';
import { useExporter } from '../export/useExporter';
import { ImportDialog } from '../import/ImportDialog';
import { countdown, deadlineLabel } from '../model/deadline';
import { Confirm } from '../ui/Confirm';
import { timeLabel } from '../ui/format';
import { AgencySettings } from './AgencySettings';
import { DuplicateDialog } from './DuplicateDialog';
import { NewReportDialog } from './NewReportDialog';
import { ReportRows, type RowActions } from './ReportRows';
import { VerifyDialog } from '../verify/VerifyDialog';

type Modal =
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'backup' }
  | { kind: 'duplicate'; source: ReportSummary }
  | { kind: 'delete'; report: ReportSummary }
  | { kind: 'purge'; report: ReportSummary }
  | { kind: 'finalise'; report: ReportSummary; warnings: Finding[] }
  | { kind: 'merge'; agency: AgencyInfo }
  | { kind: 'move'; report: ReportSummary }
  | null;

interface Notice {
  text: string;
  undo?: () => void;
  error?: boolean;
}

export function ArchiveScreen({ onOpen, readonly, onArchiveReplaced, onTrend }: {
  onOpen: (id: number) => void;
  readonly: string | null;
  onArchiveReplaced: () => void;
  /** 历年对比 of one agency. */
  onTrend: (agencyId: number) => void;
}) {
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [deleted, setDeleted] = useState<ReportSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [showBin, setShowBin] = useState(false);
  const [modal, setModal] = useState<Modal>(null);
  /** 核对已发布 of a 定稿 report (issue 23 #1). */
  const [verifying, setVerifying] = useState<ReportSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const today = new Date();
  const exporter = useExporter();
  useFade(notice, () => setNotice(null), { keep: (n) => Boolean(n.undo), error: (n) => Boolean(n.error) });

  const refresh = useCallback(async () => {
    const [live, bin] = await Promise.all([api.listArchive({}), api.listArchive({ deleted: true })]);
    if (live.ok) {
      setAgencies(live.value.agencies);
      setReports(live.value.reports);
    } else setNotice({ text: live.error.message, error: true });
    if (bin.ok) setDeleted(bin.value.reports);
    // 「还没有报告」 only when the archive said so: a list that could not be read (damage) is not empty.
    setLoaded(live.ok);
  }, []);
  useEffect(() => {
    document.title = '档案 — 政府信息公开年报助手';
    void refresh();
  }, [refresh]);

  const fail = (message: string) => setNotice({ text: message, error: true });
  const opened = (o: OpenedReport) => {
    setModal(null);
    onOpen(o.summary.id);
  };

  const undelete = async (r: ReportSummary) => {
    const res = await api.undeleteReport({ id: r.id });
    if (!res.ok) return fail(res.error.message);
    setNotice({ text: `已恢复${r.agency}${r.year}年度报告` });
    void refresh();
  };
  const remove = async (r: ReportSummary) => {
    setModal(null);
    const res = await api.deleteReport({ id: r.id });
    if (!res.ok) return fail(res.error.message);
    setNotice({ text: `已删除${r.agency}${r.year}年度报告（可在回收站找回）`, undo: () => void undelete(r) });
    void refresh();
  };
  const purge = async (r: ReportSummary) => {
    setModal(null);
    const res = await api.purgeReport({ id: r.id });
    if (!res.ok) return fail(res.error.message);
    setNotice({ text: `已彻底删除${r.agency}${r.year}年度报告` });
    void refresh();
  };
  /** 「回收站里已有…」 links to the 回收站 (issue 15 #12). */
  const showBinFor = () => {
    setModal(null);
    setShowBin(true);
    requestAnimationFrame(() => document.getElementById('bin')?.scrollIntoView({ block: 'start' }));
  };
  const actions: RowActions = {
    open: (r) => onOpen(r.id),
    duplicate: (r) => setModal({ kind: 'duplicate', source: r }),
    remove: (r) => setModal({ kind: 'delete', report: r }),
    setStatus: async (r, status, confirmed = false) => {
      if (status === 'final' && !confirmed && r.warnings > 0) {
        // 提醒 still open: list them and ask once (issue 15 #1).
        const o = await api.openReport({ id: r.id });
        if (!o.ok) return fail(o.error.message);
        const warnings = o.value.findings.filter((f) => f.severity === 'warning');
        if (warnings.length) return setModal({ kind: 'finalise', report: r, warnings });
      }
      setModal(null);
      const res = await api.setStatus({ id: r.id, status });
      if (!res.ok) return fail(res.error.message);
      setNotice({ text: status === 'final' ? `${r.year}年度报告已定稿` : `${r.year}年度报告已恢复为草稿，可以修改` });
      void refresh();
    },
    move: (r) => setModal({ kind: 'move', report: r }),
    verify: (r) => setVerifying(r),
    exportAs: (r, kind) =>
      exporter.start(
        {
          id: r.id,
          // The row knows how many errors there are; the messages come with the opened report.
          errors: async () => {
            if (r.errors === 0) return [];
            const o = await api.openReport({ id: r.id });
            return o.ok ? o.value.findings.filter((f) => f.severity === 'error') : o.error.message;
          },
        },
        kind,
      ),
  };

  return (
    <div className="screen">
      <header className="topbar">
        <h1>政府信息公开年报助手</h1>
        <span className="crumb">档案</span>
        <div className="spacer" />
        <button type="button" className="primary" disabled={readonly !== null} title={readonly ?? undefined} onClick={() => setModal({ kind: 'new' })}>
          新建年度报告
        </button>
        <button type="button" disabled={readonly !== null} title={readonly ?? undefined} onClick={() => setModal({ kind: 'import' })}>
          导入报告
        </button>
        <button type="button" onClick={() => (location.hash = '#/rollup')}>
          汇总
        </button>
        <button type="button" onClick={() => setModal({ kind: 'backup' })}>
          备份与恢复
        </button>
        <button type="button" onClick={() => setShowBin((s) => !s)} aria-expanded={showBin}>
          回收站（{deleted.length}）
        </button>
      </header>
      <main className="archive" id="main">
        {notice && (
          <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" onClick={() => (notice.undo?.(), setNotice(null))}>
                撤销
              </button>
            )}
            <button type="button" className="link" onClick={() => setNotice(null)} aria-label="关闭提示">
              知道了
            </button>
          </div>
        )}
        {loaded && agencies.length === 0 && <p className="empty">档案中还没有报告。请点右上角“新建年度报告”开始填写。</p>}
        {agencies.map((a, i) => {
          const own = reports.filter((r) => r.agencyId === a.id);
          const current = own.reduce<ReportSummary | null>((best, r) => (!best || r.year > best.year ? r : best), null);
          // No countdown for a published report, nor for a reference agency's (not the clerk's deadline).
          const reference = !a.own && agencies.some((x) => x.own);
          const c = current && !current.published && !reference && countdown(current.deadline, today, current.status === 'final');
          // 本机关 come first; the reference agencies (other offices' reports, for comparison) are listed apart.
          const referenceStart = !a.own && agencies.some((x) => x.own) && (i === 0 || agencies[i - 1]!.own);
          return (
            <Fragment key={a.id}>
            {referenceStart && (
              <h2 className="reference-head" id="reference-agencies">
                参考机关<span className="muted small">（其他机关的报告，供对照；不是本机关）</span>
              </h2>
            )}
            <section className={a.own ? 'agency own' : 'agency'} aria-label={a.name}>
              <AgencySettings agency={a} readonly={readonly !== null} onMerge={agencies.length > 1 ? () => setModal({ kind: 'merge', agency: a }) : undefined} onChanged={(text) => (setNotice({ text }), void refresh())} />
              {own.length > 0 && (
                <div className="agency-tools">
                  <button type="button" onClick={() => onTrend(a.id)} title={`${a.name}各年度报告的主要数字、增减和结转衔接`}>
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
                <ReportRows reports={own} currentId={reference ? null : (current?.id ?? null)} today={today} actions={actions} readonly={readonly !== null} />
              ) : (
                <p className="empty">这个机关的报告都在回收站中。</p>
              )}
            </section>
            </Fragment>
          );
        })}
        {showBin && (
          <section className="bin" id="bin" aria-label="回收站">
            <h2>回收站</h2>
            {deleted.length === 0 ? (
              <p className="empty">回收站是空的。</p>
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">机关</th>
                    <th scope="col">年度</th>
                    <th scope="col">删除时间</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {deleted.map((r) => (
                    <tr key={r.id}>
                      <td>{r.agency}</td>
                      <td>{r.year}年度</td>
                      <td>{r.deletedAt ? timeLabel(r.deletedAt) : ''}</td>
                      <td>
                        <div className="row-actions">
                        <button type="button" onClick={() => void undelete(r)}>
                          恢复
                        </button>
                        <button type="button" className="danger-link" onClick={() => setModal({ kind: 'purge', report: r })}>
                          彻底删除
                        </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
      </main>
      {modal?.kind === 'new' && (
        <NewReportDialog agencies={agencies} reports={reports} defaultAgency={agencies.find((a) => a.own)?.name} onCreated={opened} onClose={() => setModal(null)} onShowBin={showBinFor} />
      )}
      {modal?.kind === 'import' && (
        <ImportDialog agencies={agencies} reports={reports} onImported={opened} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'backup' && (
        // The archive was replaced: a message about what was (「已彻底删除…」) is stale now.
        <BackupDialog readonly={readonly} onClose={() => setModal(null)} onArchiveReplaced={() => (setNotice(null), onArchiveReplaced(), void refresh())} />
      )}
      {modal?.kind === 'finalise' && (
        <FinaliseDialog
          title={`${modal.report.agency}${modal.report.year}年度报告`}
          warnings={modal.warnings}
          onNo={() => setModal(null)}
          onYes={() => void actions.setStatus(modal.report, 'final', true)}
        />
      )}
      {modal?.kind === 'merge' && (
        <MergeDialog from={modal.agency} agencies={agencies} onClose={() => setModal(null)} onDone={(text) => (setModal(null), setNotice({ text }), void refresh())} />
      )}
      {modal?.kind === 'move' && (
        <MoveDialog report={modal.report} agencies={agencies} onClose={() => setModal(null)} onDone={(text) => (setModal(null), setNotice({ text }), void refresh())} />
      )}
      {exporter.ui}
      {verifying && <VerifyDialog target={verifying} onClose={() => setVerifying(null)} onVerified={() => void refresh()} />}
      {modal?.kind === 'duplicate' && (
        <DuplicateDialog
          source={modal.source}
          taken={reports.filter((r) => r.agencyId === modal.source.agencyId).map((r) => r.year)}
          onDone={opened}
          onClose={() => setModal(null)}
          onShowBin={showBinFor}
        />
      )}
      {modal?.kind === 'delete' && (
        <Confirm
          title="删除报告"
          text={`删除“${modal.report.agency}${modal.report.year}年度报告”？删除后可以撤销，也可以在回收站中恢复。`}
          yes="删除"
          danger
          onYes={() => void remove(modal.report)}
          onNo={() => setModal(null)}
        />
      )}
      {modal?.kind === 'purge' && (
        <Confirm
          title="彻底删除"
          text={`彻底删除“${modal.report.agency}${modal.report.year}年度报告”及其全部历史版本？此操作不能撤销。`}
          yes="彻底删除"
          danger
          onYes={() => void purge(modal.report)}
          onNo={() => setModal(null)}
        />
      )}
    </div>
  );
}

/**
 * The archive: agencies and their reports by year; create, open, duplicate, delete (undoable),
 * finalise; 备份与恢复. While the archive is read-only the buttons that only write are disabled.
 */
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { AgencyInfo, OpenedReport, ReportSummary } from '../../../report/api';
import { useFade } from '../ui/fade';
import { api } from '../api';
import { useExporter } from '../export/useExporter';
import { AgencySection } from './AgencySection';
import { ArchiveDialogs, type Modal } from './ArchiveDialogs';
import { RecycleBin } from './RecycleBin';
import type { RowActions } from './ReportRows';
import { filterArchive } from './search';
import { VerifyDialog } from '../verify/VerifyDialog';

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
  const [query, setQuery] = useState('');
  const found = useMemo(() => filterArchive(agencies, reports, query), [agencies, reports, query]);
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
          // 发布前自查's 「去修改」 from the archive: the report opens in the editor.
          fix: () => onOpen(r.id),
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
        {agencies.length > 0 && (
          <div className="archive-search">
            <input type="search" aria-label="查找机关或报告" placeholder="查找机关或年度（如“青石”“2024”）" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
            {query.trim() && found.agencies.length === 0 && <span className="muted">没有找到与“{query.trim()}”相符的机关或报告。</span>}
          </div>
        )}
        {found.agencies.map((a, i) => {
          // 本机关 come first; the reference agencies (other offices' reports, for comparison) are listed apart.
          const referenceStart = !a.own && agencies.some((x) => x.own) && (i === 0 || found.agencies[i - 1]!.own);
          return (
            <Fragment key={a.id}>
              {referenceStart && (
                <h2 className="reference-head" id="reference-agencies">
                  参考机关<span className="muted small">（其他机关的报告，供对照；不是本机关）</span>
                </h2>
              )}
              <AgencySection agency={a} reports={reports.filter((r) => r.agencyId === a.id)} shown={found.reports.filter((r) => r.agencyId === a.id)} hasOwn={agencies.some((x) => x.own)}
                today={today} actions={actions} readonly={readonly !== null} onMerge={agencies.length > 1 ? () => setModal({ kind: 'merge', agency: a }) : undefined}
                onChanged={(text) => (setNotice({ text }), void refresh())} onTrend={() => onTrend(a.id)} />
            </Fragment>
          );
        })}
        {showBin && <RecycleBin deleted={deleted} onUndelete={(r) => void undelete(r)} onPurge={(r) => setModal({ kind: 'purge', report: r })} />}
      </main>
      {exporter.ui}
      <ArchiveDialogs modal={modal} agencies={agencies} reports={reports} readonly={readonly} close={() => setModal(null)} opened={opened} showBin={showBinFor}
        done={(text) => (setModal(null), setNotice({ text }), void refresh())}
        // The archive was replaced: a message about what was (「已彻底删除…」) is stale now.
        onArchiveReplaced={() => (setNotice(null), onArchiveReplaced(), void refresh())}
        finalise={(r) => void actions.setStatus(r, 'final', true)} remove={(r) => void remove(r)} purge={(r) => void purge(r)} />
      {verifying && <VerifyDialog target={verifying} onClose={() => setVerifying(null)} onVerified={() => void refresh()} />}
    </div>
  );
}

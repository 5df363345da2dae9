/**
 * 备份与恢复: where the archive is and when it was last backed up, backups made now or saved
 * elsewhere, restoring one (the current state is backed up first by main), and 换电脑 — the whole
 * archive exported as one file and merged into another PC's archive after a check of each report.
 * Every failure shows main's Chinese sentence in the footer, which stays visible while scrolling.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveImportPreview, ArchiveStatus, BackupSummary, Result, Upload } from '../../../report/api';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { describeSkipped } from '../../../report/skipped';
import { timeLabel, timeLabelSeconds } from '../ui/format';
import { BackupList } from './BackupList';
import { FileChoice } from './FileChoice';
import { ImportPlan } from './ImportPlan';
import { deliverSaved } from './saved';
import { backupIsStale, STALE_DAYS } from './facts';

/** What a restore replaces the archive with: a backup of the list, a picked file, or main's dialog. */
type RestoreSource = { backup: BackupSummary } | { upload: Upload } | { dialog: true };

interface Message {
  text: string;
  error?: boolean;
}

const sourceLabel = (s: RestoreSource) =>
  'backup' in s ? `${timeLabel(s.backup.createdAt)}的${s.backup.reasonLabel}` : 'upload' in s ? `文件“${s.upload.fileName}”` : '所选的备份文件';

export function BackupDialog(props: { readonly: string | null; onClose: () => void; onArchiveReplaced: () => void }) {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  // null until main has answered: an empty list before then would say 「还没有备份」 falsely.
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [ask, setAsk] = useState<RestoreSource | null>(null);
  const [preview, setPreview] = useState<ArchiveImportPreview | null>(null);

  const load = useCallback(async () => {
    const [s, list] = await Promise.all([api.archiveStatus({}), api.listBackups({})]);
    if (s.ok) setStatus(s.value);
    if (list.ok) setBackups(list.value);
    const failed = !s.ok ? s : !list.ok ? list : null;
    if (failed) setMessage({ text: failed.error.message, error: true });
  }, []);
  useEffect(() => void load(), [load]);

  /** One operation at a time: its result, or main's message, and the buttons wait meanwhile. */
  const run = async <T,>(doing: string, call: () => Promise<Result<T>>, done: (value: T) => void) => {
    setBusy(doing);
    setMessage(null);
    const r = await call();
    setBusy(null);
    if (r.ok) done(r.value);
    else setMessage({ text: r.error.message, error: true });
  };

  const backupNow = () =>
    run('正在备份…', () => api.backupNow({}), (b) => {
      setMessage({ text: `已备份（${timeLabel(b.createdAt)}，${b.reasonLabel}）。` });
      void load();
    });
  const backupTo = () => run('正在备份…', () => api.backupTo({}), (saved) => saved && setMessage({ text: deliverSaved(saved, '已备份到') }));
  const exportAll = () =>
    run('正在导出…', () => api.exportArchive({}), (saved) => saved && setMessage({ text: `${deliverSaved(saved, '已导出整个档案')}${saved.skipped.length ? `\n${describeSkipped(saved.skipped, timeLabelSeconds)}` : ''}`, error: saved.skipped.length > 0 }));

  const restore = (source: RestoreSource) => {
    setAsk(null);
    const input = 'backup' in source ? { name: source.backup.name } : 'upload' in source ? { upload: source.upload } : {};
    void run('正在恢复…', () => api.restoreBackup(input), (r) => {
      if (!r) return; // the open dialog was cancelled: nothing happened
      const safety = r.safety ? `恢复前的档案已自动备份（${timeLabel(r.safety.createdAt)}，${r.safety.reasonLabel}），需要时可以再恢复回去。` : '';
      setMessage({ text: `已恢复${sourceLabel(source)}，档案中现有${r.reports}份报告。${safety}` });
      void load();
      props.onArchiveReplaced();
    });
  };

  const previewImport = (upload?: Upload) => run('正在读取…', () => api.previewArchiveImport(upload ? { upload } : {}), (p) => p && setPreview(p));
  const applyImport = (token: string, decisions: Record<string, 'keep' | 'incoming'>) =>
    run('正在导入…', () => api.applyArchiveImport({ token, decisions }), (o) => {
      setPreview(null);
      setMessage({
        text: `导入完成：新增${o.added}、替换${o.replaced}、保留${o.kept}、相同${o.identical}${o.rosterUnits ? `；汇总名单中的${o.rosterUnits}个单位` : ''}。导入前已自动备份本机档案（${timeLabel(o.backup.createdAt)}）。`,
      });
      void load();
      props.onArchiveReplaced();
    });

  const fail = (text: string) => setMessage({ text, error: true });
  const last = status?.lastBackup ?? null;
  const stale = status !== null && backupIsStale(last, new Date());
  const footer = (message || busy) && (
    <p className={message?.error ? 'notice error action-error' : 'notice action-error'} role={message?.error ? 'alert' : 'status'}>
      {busy ?? message?.text}
    </p>
  );

  if (preview)
    return (
      <Dialog title="导入档案：核对每份报告" large onClose={() => !busy && setPreview(null)}>
        <ImportPlan preview={preview} busy={busy !== null} footer={footer} onBack={() => (setPreview(null), setMessage(null))} onApply={(d) => void applyImport(preview.token, d)} />
      </Dialog>
    );

  return (
    <>
      <Dialog title="备份与恢复" wide onClose={() => !busy && props.onClose()}>
        <section className="backup-section" aria-label="档案文件">
          <p className="archive-file">
            档案文件：<span className="path">{status?.file ?? '…'}</span>
          </p>
          <p className={stale ? 'last-backup error-text' : 'last-backup'}>
            上次备份：{status === null ? '…' : last ? `${timeLabel(last.createdAt)}（${last.reasonLabel}）` : '还没有备份'}
            {stale && `。已${last ? `超过${STALE_DAYS}天` : '很久'}没有备份，建议立即备份，并“备份到…”U盘。`}
          </p>
          <div className="row-actions">
            <button type="button" className="primary" data-autofocus disabled={busy !== null} onClick={() => void backupNow()}>
              立即备份
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void backupTo()}>
              备份到…
            </button>
            <span className="muted small">备份保存在这台电脑上，电脑损坏时会一起丢失；请定期“备份到…”U盘。</span>
          </div>
        </section>
        <section className="backup-section" aria-labelledby="h-backups">
          <h3 id="h-backups">本机的备份（每天第一次打开时自动备份一次）</h3>
          {backups === null ? (
            <p className="muted">正在读取…</p>
          ) : (
            <BackupList backups={backups} disabled={busy !== null} onRestore={(backup) => setAsk({ backup })} />
          )}
          <div className="row-actions">
            <FileChoice label="从其他备份文件恢复…" accept=".sqlite" disabled={busy !== null} onError={fail} onDesktop={() => setAsk({ dialog: true })} onUpload={(upload) => setAsk({ upload })} />
            <span className="muted small">例如U盘上“备份到…”保存的 .sqlite 文件</span>
          </div>
        </section>
        <section className="backup-section" aria-labelledby="h-move">
          <h3 id="h-move">换电脑</h3>
          <p className="muted small">把整个档案（所有机关、年度的报告及其历史版本）导出为一个文件；在另一台电脑上“导入档案”，逐份核对后合并进那里的档案。</p>
          <div className="row-actions">
            <button type="button" disabled={busy !== null} onClick={() => void exportAll()}>
              导出整个档案
            </button>
            <FileChoice label="导入档案…" accept=".json" disabled={busy !== null || props.readonly !== null} onError={fail} onDesktop={() => void previewImport()} onUpload={(u) => void previewImport(u)} />
            {props.readonly !== null && <span className="muted small">档案是只读的，不能导入。</span>}
          </div>
        </section>
        <div className="actions sticky-actions">
          {footer}
          <button type="button" disabled={busy !== null} onClick={props.onClose}>
            关闭
          </button>
        </div>
      </Dialog>
      {/* A sibling, not a child: the question keeps its own Tab loop and its Esc closes only itself. */}
      {ask && <RestoreConfirm source={ask} onYes={() => restore(ask)} onNo={() => setAsk(null)} />}
    </>
  );
}

/** The one step that replaces the whole archive: said plainly, with 取消 first in the Tab order. */
function RestoreConfirm(p: { source: RestoreSource; onYes: () => void; onNo: () => void }) {
  return (
    <Dialog title="恢复备份" onClose={p.onNo}>
      <p>
        <strong>将用所选备份替换当前档案；当前档案会先自动备份。</strong>
      </p>
      <p>所选备份：{sourceLabel(p.source)}。恢复后，档案回到这份备份时的内容；现在的内容保存在“恢复前的备份”中，需要时可以再恢复回来。</p>
      <div className="actions">
        <button type="button" data-autofocus onClick={p.onNo}>
          取消
        </button>
        <button type="button" className="danger" onClick={p.onYes}>
          恢复并替换当前档案
        </button>
      </div>
    </Dialog>
  );
}

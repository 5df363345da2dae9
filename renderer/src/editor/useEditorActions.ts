/**
 * What the editor asks of the archive: reload, restore, recompute, re-carry, undo the carry, 定稿 and
 * 重新编辑, the check report, export and going back. Each saves the open edits first; an action that
 * replaces the report loads what the archive returns and starts a fresh undo history. The dialogs
 * these actions ask through keep their state here (EditorDialogs shows them).
 */
import { useState, type MutableRefObject } from 'react';
import type { OpenedReport } from '../../../report/api';
import { getCell } from '../../../report/cells';
import type { Finding, Report } from '../../../report/types';
import { api } from '../api';
import { downloadFile } from '../export/files';
import type { useExporter } from '../export/useExporter';
import type { Autosaver } from '../model/autosave';
import type { RestoreAsk } from './RestoreConfirm';

type Opened = { ok: true; value: OpenedReport } | { ok: false; error: { message: string } };
export type Notify = (n: { text: string; error?: boolean }) => void;

export interface ActionDeps {
  id: number;
  saver: Autosaver<Report>;
  commitOpenEdits: () => void;
  reportRef: MutableRefObject<Report | null>;
  opened: OpenedReport | null;
  setOpened: (f: (o: OpenedReport | null) => OpenedReport | null) => void;
  status: 'draft' | 'final';
  setStatus: (s: 'draft' | 'final') => void;
  load: (o: OpenedReport) => void;
  clearHistory: () => void;
  check: (r: Report) => Finding[];
  exporter: ReturnType<typeof useExporter>;
  notify: Notify;
  onBack: () => void;
  /** Shows cells (the 发布前自查's 「去修改」). */
  pickCells: (cells: readonly string[]) => void;
  /** Opens 核对已发布 (the 发布前自查's item). */
  openVerify: () => void;
}

export function useEditorActions(d: ActionDeps) {
  const { id, saver, commitOpenEdits, notify } = d;
  const [showRevisions, setShowRevisions] = useState(false);
  const [askUndoCarry, setAskUndoCarry] = useState(false);
  /** 比较: the archive's newer content against the revision that kept this editor's. */
  const [compare, setCompare] = useState<{ current: Report; revisionId: number } | null>(null);
  const [askFinal, setAskFinal] = useState<Finding[] | null>(null);
  const [askRestore, setAskRestore] = useState<RestoreAsk | null>(null);
  /** 返回档案 while the archive refused the last changes: why, and leave without them? */
  const [askLeave, setAskLeave] = useState<string | null>(null);
  const year = d.reportRef.current?.year ?? 1;

  const saveFirst = async () => {
    commitOpenEdits();
    await saver.flush();
  };
  /** Saves everything first, then replaces the report with what the archive returns. */
  const replaceFrom = async (call: () => Promise<Opened>, done: string) => {
    await saveFirst();
    const r = await call();
    if (!r.ok) return notify({ text: r.error.message, error: true });
    saver.discard();
    d.clearHistory();
    d.load(r.value);
    notify({ text: done });
  };
  const reload = () => void replaceFrom(() => api.openReport({ id }), '已载入最新内容；您在此窗口中的修改保留在「历史版本」中。');
  const openCompare = async (revisionId: number) => {
    const r = await api.openReport({ id });
    if (!r.ok) return notify({ text: r.error.message, error: true });
    setCompare({ current: r.value.report, revisionId });
  };
  const recompute = () => void replaceFrom(() => api.recomputeTotals({ id }), '已按明细重算全部总计，重算前的内容保留在历史版本中。');
  const exportAs = (kind: Parameters<typeof d.exporter.start>[1]) =>
    d.exporter.start(
      {
        id,
        prepare: async () => {
          await saveFirst();
          // A refused change never becomes saved: export what the archive holds and say so (issue 21 #1).
          const refused = saver.refused;
          if (refused) notify({ text: `导出的是档案中已保存的内容；最近的修改未能保存（${refused.message}），不在导出的文件中。`, error: true });
          else if (saver.busy) return '还有修改没能保存，请稍后再导出。';
          return null;
        },
        // The checks of what was just saved, not of the last render: the open cell was committed above.
        errors: async () => d.check(d.reportRef.current!).filter((f) => f.severity === 'error'),
        fix: (fix) => {
          if ('cells' in fix) d.pickCells(fix.cells);
          else if (fix.action === 'finalise') void finalise(false);
          else if (fix.action === 'verify') d.openVerify();
        },
      },
      kind,
    );
  const undoCarry = () => {
    setAskUndoCarry(false);
    void replaceFrom(() => api.undoCarryOver({ id }), '已撤销结转：自上年结转的数字已改回0，原内容保留在历史版本中。');
  };
  const recarry = () =>
    void replaceFrom(() => api.recarry({ id }), `已按${year - 1}年度报告的现有数字重新结转；您改过的数字保持不变，原内容保留在历史版本中。`);
  const confirmVerified = async (cells: string[]) => {
    const r = await api.confirmVerified({ id, cells });
    if (!r.ok) return notify({ text: r.error.message, error: true });
    d.setOpened((o) => (o ? { ...o, summary: r.value } : o));
  };
  /** 恢复此版本: asked first — what becomes of a 定稿 report and of next year's carried figures (issue 15 #4). */
  const askToRestore = async (revisionId: number, label: string) => {
    const [rev, list] = await Promise.all([api.getRevision({ id, revisionId }), api.listArchive({})]);
    if (!rev.ok) return notify({ text: rev.error.message, error: true });
    const next = list.ok ? list.value.reports.find((r) => r.agencyId === d.opened?.summary.agencyId && r.year === year + 1) : undefined;
    const touched = next ? next.carried.filter((c) => getCell(rev.value, c.from) !== getCell(d.reportRef.current!, c.from)) : [];
    setAskRestore({ revisionId, label, final: d.status === 'final', nextYear: touched.length ? next!.year : null, nextId: next?.id ?? null });
  };
  const restore = (ask: RestoreAsk) => {
    setAskRestore(null);
    const more = ask.nextYear ? `${ask.nextYear}年度报告自本报告结转的数字已与本报告不一致，请打开${ask.nextYear}年度报告点“重新结转”。` : '';
    void replaceFrom(() => api.restoreRevision({ id, revisionId: ask.revisionId }), `已恢复${ask.label}。${more}`).then(() => setShowRevisions(false));
  };
  const restoreCompared = (revisionId: number, label: string) =>
    void replaceFrom(() => api.restoreRevision({ id, revisionId }), `已恢复到 ${label} 的版本。`).then(() => setCompare(null));

  /** 检查情况 for the leader (print / PDF, Word): of what is saved, so open edits are saved first. */
  const checkReport = async (kind: 'print' | 'docx') => {
    await saveFirst();
    const r = await api.exportChecks({ id, kind });
    if (!r.ok) return notify({ text: r.error.message, error: true });
    if (r.value.url) {
      window.open(r.value.url, '_blank', 'noopener');
      return notify({ text: '检查情况已在新标签页打开：按 Ctrl+P 打印，或在打印对话框中选择“另存为 PDF”。' });
    }
    const file = r.value.file;
    if (file?.download) downloadFile(file.download);
    if (file?.saved) notify({ text: `已导出：${file.fileName}` });
    else if (r.value.printed) notify({ text: '检查情况已交给打印机。' });
  };

  /** 定稿: everything saved first; with 提醒 open the clerk is asked once (FinaliseDialog). */
  const finalise = async (confirmed: boolean) => {
    setAskFinal(null);
    await saveFirst();
    if (saver.busy) return notify({ text: '还有修改没能保存，请稍后再定稿。', error: true });
    const open = d.check(d.reportRef.current!);
    if (open.some((f) => f.severity === 'error')) return;
    if (!confirmed && open.length) return setAskFinal(open);
    const r = await api.setStatus({ id, status: 'final' });
    if (!r.ok) return notify({ text: r.error.message, error: true });
    // 定稿 raises the report's version: this editor's next save must not look stale.
    saver.adopt(r.value.version);
    d.clearHistory();
    d.setStatus('final');
    notify({ text: '已定稿。需要修改时请点“重新编辑”。' });
  };
  const reopen = async () => {
    const r = await api.setStatus({ id, status: 'draft' });
    if (!r.ok) return notify({ text: r.error.message, error: true });
    saver.adopt(r.value.version);
    // 重新编辑 starts a fresh undo history: what came before 定稿 is not undone into the reopened report.
    d.clearHistory();
    d.setStatus('draft');
  };
  const back = async () => {
    await saveFirst();
    if (saver.refused) return setAskLeave(saver.refused.message);
    if (saver.busy) return notify({ text: '还有修改没能保存，请稍后再返回档案。', error: true });
    d.onBack();
  };
  const leaveUnsaved = () => {
    setAskLeave(null);
    saver.discard();
    d.onBack();
  };

  return {
    reload, openCompare, recompute, exportAs, undoCarry, recarry, confirmVerified, askToRestore, restore, restoreCompared, checkReport,
    finalise: (confirmed: boolean) => void finalise(confirmed), reopen: () => void reopen(), back: () => void back(), leaveUnsaved,
    dialogs: { showRevisions, setShowRevisions, askUndoCarry, setAskUndoCarry, compare, setCompare, askFinal, setAskFinal, askRestore, setAskRestore, askLeave, setAskLeave },
  };
}
export type EditorActions = ReturnType<typeof useEditorActions>;

/**
 * The report editor: the six sections in order, live checks, autosave, undo/redo, revisions.
 * The report lives here; tables and text sections change it only through onEdit / onText.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedReport } from '../../../report/api';
import { findingsInContext } from '../../../report/checks';
import { getCell } from '../../../report/cells';
import { formatForYear, getFormat } from '../../../report/formats';
import { layoutOf } from '../../../report/layout';
import { reportTitle } from '../../../report/text';
import { staleTotals } from '../../../report/totals';
import type { AgencyLevel, Finding, Report, TableId, TextPart } from '../../../report/types';
import { api } from '../api';
import { useExporter } from '../export/useExporter';
import { downloadFile } from '../export/files';
import { applyBatch, applyEdits, History, textChange, type CellEdit } from '../grid/edits';
import { followInForce } from '../model/follow';
import { carrySummary, staleCarry, verifyRows } from '../model/carry';
import { useFade } from '../ui/fade';
import { findingId, fixOf } from './ChecksPanel';
import { RestoreConfirm, type RestoreAsk } from './RestoreConfirm';
import { buildNav, posOf, type NavTable } from '../grid/nav';
import { Confirm } from '../ui/Confirm';
import { ConflictBanner } from './ConflictBanner';
import { publishedLabel } from '../ui/format';
import { FinaliseDialog, finaliseBlocked } from '../finalise/FinaliseDialog';
import { ChecksPanel } from './ChecksPanel';
import { DraftTools } from './DraftTools';
import { EditorBar } from './EditorBar';
import type { Selection } from './Grid';
import { RevisionsDialog } from './RevisionsDialog';
import { TableSection } from './TableSection';
import { TextSection } from './TextSection';
import { useAutosave } from './useAutosave';

const NONE: ReadonlySet<string> = new Set();
const LOCKED = '报告已定稿，不能修改。如需修改，请点上方“重新编辑”。';
const READONLY = '档案以只读方式打开，不能修改。';
const STALE = '此报告已在其他窗口中修改，请先点“重新载入”。';

export function Editor({ id, onBack, readonly }: { id: number; onBack: () => void; readonly: string | null }) {
  const [opened, setOpened] = useState<OpenedReport | null>(null);
  const [level, setLevel] = useState<AgencyLevel | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [status, setStatus] = useState<'draft' | 'final'>('draft');
  const [loadError, setLoadError] = useState('');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [highlight, setHighlight] = useState<ReadonlySet<string>>(NONE);
  const [focus, setFocus] = useState<{ table: TableId | null; n: number }>({ table: null, n: 0 });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [showRevisions, setShowRevisions] = useState(false);
  const [askUndoCarry, setAskUndoCarry] = useState(false);
  /** 比较: the archive's newer content against the revision that kept this editor's. */
  const [compare, setCompare] = useState<{ current: Report; revisionId: number } | null>(null);
  const [askFinal, setAskFinal] = useState<Finding[] | null>(null);
  const [askRestore, setAskRestore] = useState<RestoreAsk | null>(null);
  // 对照上年: last year's figure and text beside this year's.
  const [showLastYear, setShowLastYear] = useState(false);
  const lastText = useRef<{ part: TextPart; at: number } | null>(null);
  useFade(notice, () => setNotice(null), { error: (n) => Boolean(n.error) });
  const exporter = useExporter();
  const [, setHistoryTick] = useState(0);
  const reportRef = useRef<Report | null>(null);
  const history = useRef(new History());
  const commits = useRef(new Map<TableId, () => void>());
  const commitOpenEdits = useCallback(() => commits.current.forEach((fn) => fn()), []);
  const { saver, state: saveState } = useAutosave(id, commitOpenEdits, (r) => setStatus(r.summary.status));

  const focusedOnce = useRef(false);
  useEffect(() => {
    // After 创建并打开 focus goes to the report's title, not lost on the page body (issue 15 #11).
    if (!opened || focusedOnce.current) return;
    focusedOnce.current = true;
    document.querySelector<HTMLElement>('.editor-bar .report-title')?.focus();
  }, [opened]);
  const load = useCallback((o: OpenedReport) => {
    setOpened(o);
    reportRef.current = o.report;
    setReport(o.report);
    setStatus(o.summary.status);
    saver.adopt(o.summary.version);
  }, [saver]);
  useEffect(() => {
    void Promise.all([api.openReport({ id }), api.listArchive({})]).then(([r, list]) => {
      if (!r.ok) return setLoadError(r.error.message);
      if (list.ok) setLevel(list.value.agencies.find((a) => a.id === r.value.summary.agencyId)?.level ?? null);
      load(r.value);
    });
  }, [id, load]);

  const format = report?.format ?? 'gov-2021';
  const navs = useMemo(() => {
    const l = layoutOf(format);
    return { active: buildNav(l.grids.active), requests: buildNav(l.grids.requests), appeals: buildNav(l.grids.appeals) } as Record<TableId, NavTable>;
  }, [format]);
  const previous = opened?.previous ?? null;
  // A report kept as published is not asked for what a draft lacks (as main counts it).
  // The same context main/db/findings.ts reads from the archive: the editor's findings are the list's.
  const published = opened?.summary.published ?? false;
  const findings = useMemo(() => (report ? findingsInContext(report, { previous, level, published }) : []), [report, previous, level, published]);
  const errorCells = useMemo(() => new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells)), [findings]);
  const warnCells = useMemo(() => new Set(findings.filter((f) => f.severity === 'warning').flatMap((f) => f.cells)), [findings]);
  const stale = useMemo(() => new Set(report ? staleTotals(report) : []), [report]);
  // A carried cell is marked while it still holds last year's figure; the title names its source.
  const carried = useMemo(() => {
    const marks = new Map<string, string>();
    if (!opened || !report) return marks;
    const from = layoutOf(previous?.format ?? formatForYear(report.year - 1) ?? report.format);
    for (const c of opened.summary.carried)
      if (getCell(report, c.path) === c.value) marks.set(c.path, `自上年结转：${report.year - 1}年报告 ${from.cellByPath.get(c.from)?.name ?? c.from}`);
    return marks;
  }, [opened, report, previous]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const describedBy = useMemo(() => {
    const m = new Map<string, string>();
    findings.forEach((f, i) => f.cells.forEach((c) => m.has(c) || m.set(c, findingId(i))));
    return m;
  }, [findings]);
  const verifyCells = useMemo(() => new Set(opened?.summary.toVerify ?? []), [opened]);
  const stalePaths = useMemo(() => (opened && report && previous ? staleCarry(previous, report, opened.summary.carried) : []), [opened, report, previous]);

  useEffect(() => {
    if (!report) return;
    const counts = errors || warnings ? `错误${errors} 提醒${warnings} · ` : '';
    document.title = `${counts}${report.agency}${report.year}年度报告 — 政府信息公开年报助手`;
  }, [report, errors, warnings]);

  const update = useCallback(
    (next: Report) => {
      reportRef.current = next;
      setReport(next);
      saver.schedule(next);
    },
    [saver],
  );
  const selectPath = useCallback(
    (path: string) => {
      const table = path.split('.')[0] as TableId;
      const cell = navs[table]?.byPath.get(path);
      if (!cell) return;
      setSelection({ table, active: posOf(cell), anchor: posOf(cell) });
      setFocus((f) => ({ table, n: f.n + 1 }));
    },
    [navs],
  );
  const onEdit = useCallback(
    (edits: CellEdit[]): Report => {
      // 现行有效件数 moves with 制发/废止 while it still follows last year's figure (issue 15 #8).
      const { report: next, changes } = applyEdits(reportRef.current!, followInForce(reportRef.current!, opened?.previous ?? null, edits));
      if (changes.length) {
        history.current.push(changes);
        setHistoryTick((t) => t + 1);
        setHighlight(NONE);
        update(next);
      }
      return next;
    },
    [update, opened],
  );
  const step = useCallback(
    (undo: boolean) => {
      const batch = undo ? history.current.undo() : history.current.redo();
      if (!batch) return setNotice({ text: undo ? '没有可以撤销的修改。' : '没有可以重做的修改。' });
      update(applyBatch(reportRef.current!, batch, undo ? 'before' : 'after'));
      setHistoryTick((t) => t + 1);
      const text = batch.find((c) => c.path.startsWith('text.'));
      if (text) return document.getElementById(`text-${text.path.slice(5)}`)?.focus();
      const first = batch.find((c) => !layoutOf(reportRef.current!.format).cellByPath.get(c.path)?.totalOf) ?? batch[0]!;
      selectPath(first.path);
    },
    [update, selectPath],
  );
  const onUndo = useCallback(() => step(true), [step]);
  const onRedo = useCallback(() => step(false), [step]);
  const onText = useCallback((part: TextPart, text: string) => {
    const r = reportRef.current!;
    // Text edits are undoable too (issue 15 #10); a burst of typing in one box is one step.
    const t = Date.now();
    const merge = lastText.current?.part === part && t - lastText.current.at < 1500;
    lastText.current = { part, at: t };
    history.current.pushText(textChange(part, r.text[part], text)[0]!, merge);
    setHistoryTick((n) => n + 1);
    update({ ...r, text: { ...r.text, [part]: text } });
  }, [update]);
  const registerCommit = useCallback((table: TableId, fn: (() => void) | null) => {
    if (fn) commits.current.set(table, fn);
    else commits.current.delete(table);
  }, []);
  const onEscape = useCallback(() => setHighlight(NONE), []);

  const pick = useCallback((f: Finding) => {
    const own = f.cells.filter((p) => !p.startsWith('previous.'));
    setHighlight(new Set(own));
    const cell = own.find((p) => !p.startsWith('text.'));
    if (cell) return selectPath(cell);
    const text = own.find((p) => p.startsWith('text.') || p === 'closing.date');
    const el = text && document.getElementById(text === 'closing.date' ? 'closing-date' : `text-${text.slice(5)}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [selectPath]);

  /** Saves everything first, then replaces the report with what the archive returns. */
  const replaceFrom = async (call: () => Promise<{ ok: true; value: OpenedReport } | { ok: false; error: { message: string } }>, done: string) => {
    commitOpenEdits();
    await saver.flush();
    const r = await call();
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    saver.discard();
    history.current.clear();
    setHistoryTick((t) => t + 1);
    load(r.value);
    setNotice({ text: done });
  };
  const onReload = () => void replaceFrom(() => api.openReport({ id }), '已载入最新内容；您在此窗口中的修改保留在「历史版本」中。');
  const onCompare = async (revisionId: number) => {
    const r = await api.openReport({ id });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    setCompare({ current: r.value.report, revisionId });
  };
  const onRecompute = useCallback(() => void replaceFrom(() => api.recomputeTotals({ id }), '已按明细重算全部总计，重算前的内容保留在历史版本中。'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id]);
  const onExport = (kind: Parameters<typeof exporter.start>[1]) =>
    exporter.start(
      {
        id,
        prepare: async () => {
          commitOpenEdits();
          await saver.flush();
          return saver.busy ? '还有修改没能保存，请稍后再导出。' : null;
        },
        // The checks of what was just saved, not of the last render: the open cell was committed above.
        errors: async () => findingsInContext(reportRef.current!, { previous, level, published }).filter((f) => f.severity === 'error'),
      },
      kind,
    );
  const undoCarry = () => {
    setAskUndoCarry(false);
    void replaceFrom(() => api.undoCarryOver({ id }), '已撤销结转：自上年结转的数字已改回0，原内容保留在历史版本中。');
  };
  const onFix = useCallback((f: Finding) => {
    const fix = fixOf(f);
    if (!fix) return;
    onEdit([{ path: fix.path, value: fix.value }]);
    selectPath(fix.path);
  }, [onEdit, selectPath]);
  const recarry = () =>
    void replaceFrom(() => api.recarry({ id }), `已按${(report?.year ?? 1) - 1}年度报告的现有数字重新结转；您改过的数字保持不变，原内容保留在历史版本中。`);
  const onVerified = async (cells: string[]) => {
    const r = await api.confirmVerified({ id, cells });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    setOpened((o) => (o ? { ...o, summary: r.value } : o));
  };
  /** 恢复此版本: asked first — what becomes of a 定稿 report and of next year's carried figures (issue 15 #4). */
  const askToRestore = async (revisionId: number, label: string) => {
    const [rev, list] = await Promise.all([api.getRevision({ id, revisionId }), api.listArchive({})]);
    if (!rev.ok) return setNotice({ text: rev.error.message, error: true });
    const next = list.ok ? list.value.reports.find((r) => r.agencyId === opened?.summary.agencyId && r.year === (report?.year ?? 0) + 1) : undefined;
    const touched = next ? next.carried.filter((c) => getCell(rev.value, c.from) !== getCell(reportRef.current!, c.from)) : [];
    setAskRestore({ revisionId, label, final: status === 'final', nextYear: touched.length ? next!.year : null, nextId: next?.id ?? null });
  };
  const restore = (ask: RestoreAsk) => {
    setAskRestore(null);
    const more = ask.nextYear ? `${ask.nextYear}年度报告自本报告结转的数字已与本报告不一致，请打开${ask.nextYear}年度报告点“重新结转”。` : '';
    void replaceFrom(() => api.restoreRevision({ id, revisionId: ask.revisionId }), `已恢复${ask.label}。${more}`).then(() => setShowRevisions(false));
  };

  /** 检查情况 for the leader (print / PDF, Word): of what is saved, so open edits are saved first. */
  const checkReport = async (kind: 'print' | 'docx') => {
    commitOpenEdits();
    await saver.flush();
    const r = await api.exportChecks({ id, kind });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    if (r.value.url) {
      window.open(r.value.url, '_blank', 'noopener');
      return setNotice({ text: '检查情况已在新标签页打开：按 Ctrl+P 打印，或在打印对话框中选择“另存为 PDF”。' });
    }
    const file = r.value.file;
    if (file?.download) downloadFile(file.download);
    if (file?.saved) setNotice({ text: `已导出：${file.fileName}` });
    else if (r.value.printed) setNotice({ text: '检查情况已交给打印机。' });
  };

  /** 定稿: everything saved first; with 提醒 open the clerk is asked once (FinaliseDialog). */
  const finalise = async (confirmed: boolean) => {
    setAskFinal(null);
    commitOpenEdits();
    await saver.flush();
    if (saver.busy) return setNotice({ text: '还有修改没能保存，请稍后再定稿。', error: true });
    const open = findingsInContext(reportRef.current!, { previous, level, published });
    if (open.some((f) => f.severity === 'error')) return;
    if (!confirmed && open.length) return setAskFinal(open);
    const r = await api.setStatus({ id, status: 'final' });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    // 定稿 raises the report's version: this editor's next save must not look stale.
    saver.adopt(r.value.version);
    setStatus('final');
    setNotice({ text: '已定稿。需要修改时请点“重新编辑”。' });
  };
  const back = async () => {
    commitOpenEdits();
    await saver.flush();
    if (saver.busy) return setNotice({ text: '还有修改没能保存，请稍后再返回档案。', error: true });
    onBack();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        commitOpenEdits();
        void saver.flush();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [saver, commitOpenEdits]);

  if (loadError) return <p role="alert" className="notice error">{loadError} <button type="button" onClick={onBack}>返回档案</button></p>;
  if (!report || !opened) return <p className="loading">正在打开报告…</p>;

  const def = getFormat(report.format);
  // A read-only archive locks every report the way a final one is locked: typing would only fail to save.
  const locked = readonly !== null ? READONLY : saveState.kind === 'conflict' ? STALE : status === 'final' ? LOCKED : null;
  const title = reportTitle(report.agency, report.year);
  const gridProps = { report, locked, selection, highlight, errorCells, warnCells, stale, carried, onSelect: setSelection, onEdit, onUndo, onRedo, onEscape, registerCommit, onRecompute, describedBy, verify: verifyCells,
    compareWith: showLastYear && previous && previous.format === report.format ? previous : null };
  const layoutNow = layoutOf(report.format);
  const verifyItems = verifyRows(opened.summary.toVerify, layoutNow);
  const carryLine = opened.summary.carried.length ? carrySummary(report.year, opened.summary.carried, layoutNow) : null;
  const text = (part: TextPart, heading: string, hint: string) => (
    <TextSection key={part} part={part} heading={heading} hint={hint} text={report.text[part]} previousText={previous ? previous.text[part] : null}
      previousYear={previous?.year ?? null} locked={locked} highlighted={highlight.has(`text.${part}`)} onChange={onText} compare={showLastYear} />
  );
  const sections = [{ id: 'sec-preamble', label: '导语' }, ...def.sections.map((s) => ({ id: s.kind === 'text' ? `sec-${s.part}` : `sec-${s.table}`, label: s.heading.slice(0, 1) })), { id: 'sec-closing', label: '落款' }];

  return (
    <div className="screen editor">
      <EditorBar title={title} status={status} save={saveState} errors={errors} warnings={warnings} canUndo={history.current.canUndo} canRedo={history.current.canRedo}
        onBack={() => void back()} onUndo={onUndo} onRedo={onRedo} onHistory={() => setShowRevisions(true)} sections={sections}
        onExport={onExport} carried={opened.summary.carried.length} onUndoCarry={() => setAskUndoCarry(true)}
        onFinalise={() => void finalise(false)} finaliseBlocked={finaliseBlocked(errors, readonly !== null)} published={opened.summary.published ? publishedLabel(opened.summary) : null}
        compare={previous ? { on: showLastYear, toggle: () => setShowLastYear((c) => !c) } : null}
        onReopen={() => void api.setStatus({ id, status: 'draft' }).then((r) => (r.ok ? (saver.adopt(r.value.version), setStatus('draft')) : setNotice({ text: r.error.message, error: true })))} />
      {saveState.kind === 'conflict' && <ConflictBanner changedAt={saveState.changedAt} onReload={onReload} onCompare={() => void onCompare(saveState.revisionId)} />}
      <div className="editor-body">
        <main className="doc" id="main">
          {notice && (
            <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
              <span>{notice.text}</span>
              <button type="button" className="link" onClick={() => setNotice(null)}>知道了</button>
            </div>
          )}
          {carryLine && (
            <div className="carry-line" role="note">
              <span>{carryLine}</span>
              {stalePaths.length > 0 && (
                <>
                  <strong>{report.year - 1}年度报告的这些数字后来改过（{stalePaths.length}格不一致）。</strong>
                  <button type="button" onClick={recarry} disabled={locked !== null}>
                    重新结转
                  </button>
                </>
              )}
            </div>
          )}
          <p className="doc-title">{title}</p>
          {text('preamble', '导语', def.preambleHint)}
          {def.sections.map((s) =>
            s.kind === 'text' ? (
              s.part === 'overview' ? [
                <DraftTools key="draft" report={report} previous={previous} locked={locked} onText={onText}
                  onTrend={() => (location.hash = `#/trend/${opened.summary.agencyId}/from/${id}`)} />,
                text(s.part, s.heading, s.hint),
              ] : text(s.part, s.heading, s.hint)
            ) : (
              <TableSection key={s.table} grid={layoutOf(report.format).grids[s.table]} nav={navs[s.table]} focusSignal={focus.table === s.table ? focus.n : 0} {...gridProps} />
            ),
          )}
          <section className="doc-section closing" id="sec-closing" aria-labelledby="h-closing">
            <h2 id="h-closing">落款</h2>
            <label className="field">
              <span>发布机关</span>
              <input value={report.closing.agency} readOnly={locked !== null} maxLength={100} onChange={(e) => update({ ...report, closing: { ...report.closing, agency: e.target.value } })} />
            </label>
            <label className="field">
              <span>成文日期</span>
              <input id="closing-date" type="date" value={report.closing.date} readOnly={locked !== null} onChange={(e) => update({ ...report, closing: { ...report.closing, date: e.target.value } })} />
            </label>
          </section>
        </main>
        <ChecksPanel findings={findings} hasPrevious={previous !== null} onPick={pick} onFix={locked ? undefined : onFix}
          onRecarry={locked || !previous || stalePaths.length === 0 ? undefined : recarry}
          verify={verifyItems} onPickCell={selectPath} onCheckReport={(k) => void checkReport(k)} onVerified={readonly !== null ? undefined : (c) => void onVerified(c)} />
      </div>
      {exporter.ui}
      {askUndoCarry && (
        <Confirm title="撤销结转" yes="撤销结转" onNo={() => setAskUndoCarry(false)} onYes={undoCarry}
          text={`将自${report.year - 1}年度报告结转来的${opened.summary.carried.length}个数字改回0？撤销前的内容保留在历史版本中。`} />
      )}
      {compare && (
        <RevisionsDialog reportId={id} current={compare.current} initial={compare.revisionId} onClose={() => setCompare(null)}
          onRestore={(rid, label) => void replaceFrom(() => api.restoreRevision({ id, revisionId: rid }), `已恢复到 ${label} 的版本。`).then(() => setCompare(null))} />
      )}
      {askFinal && <FinaliseDialog title={title} warnings={askFinal} onNo={() => setAskFinal(null)} onYes={() => void finalise(true)} />}
      {showRevisions && (
        <RevisionsDialog reportId={id} current={report} onClose={() => setShowRevisions(false)}
          onRestore={(rid, label) => void askToRestore(rid, label)} />
      )}
      {askRestore && <RestoreConfirm ask={askRestore} onNo={() => setAskRestore(null)} onYes={() => restore(askRestore)} />}
    </div>
  );
}

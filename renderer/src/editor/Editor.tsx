/**
 * The report editor: the six sections in order, live checks, autosave, undo/redo, revisions.
 * The report lives here; tables and text sections change it only through onEdit / onText.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedReport } from '../../../report/api';
import { runChecks } from '../../../report/checks';
import { getCell } from '../../../report/cells';
import { formatForYear, getFormat } from '../../../report/formats';
import { layoutOf } from '../../../report/layout';
import { reportTitle } from '../../../report/text';
import { staleTotals } from '../../../report/totals';
import type { AgencyLevel, Finding, Report, TableId, TextPart } from '../../../report/types';
import { api } from '../api';
import { useExporter } from '../export/useExporter';
import { applyBatch, applyEdits, History, type CellEdit } from '../grid/edits';
import { buildNav, posOf, type NavTable } from '../grid/nav';
import { Confirm } from '../ui/Confirm';
import { FinaliseDialog, finaliseBlocked } from '../finalise/FinaliseDialog';
import { ChecksPanel } from './ChecksPanel';
import { EditorBar } from './EditorBar';
import type { Selection } from './Grid';
import { RevisionsDialog } from './RevisionsDialog';
import { TableSection } from './TableSection';
import { TextSection } from './TextSection';
import { useAutosave } from './useAutosave';

const NONE: ReadonlySet<string> = new Set();
const LOCKED = '报告已定稿，不能修改。如需修改，请点上方“重新编辑”。';
const READONLY = '档案以只读方式打开，不能修改。';

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
  const [askFinal, setAskFinal] = useState<Finding[] | null>(null);
  const exporter = useExporter();
  const [, setHistoryTick] = useState(0);
  const reportRef = useRef<Report | null>(null);
  const history = useRef(new History());
  const commits = useRef(new Map<TableId, () => void>());
  const commitOpenEdits = useCallback(() => commits.current.forEach((fn) => fn()), []);
  const { saver, state: saveState } = useAutosave(id, commitOpenEdits, (r) => setStatus(r.summary.status));

  const load = useCallback((o: OpenedReport) => {
    setOpened(o);
    reportRef.current = o.report;
    setReport(o.report);
    setStatus(o.summary.status);
  }, []);
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
  const findings = useMemo(() => (report ? runChecks(report, { previous, level }) : []), [report, previous, level]);
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
      const { report: next, changes } = applyEdits(reportRef.current!, edits);
      if (changes.length) {
        history.current.push(changes);
        setHistoryTick((t) => t + 1);
        setHighlight(NONE);
        update(next);
      }
      return next;
    },
    [update],
  );
  const step = useCallback(
    (undo: boolean) => {
      const batch = undo ? history.current.undo() : history.current.redo();
      if (!batch) return setNotice({ text: undo ? '没有可以撤销的修改。' : '没有可以重做的修改。' });
      update(applyBatch(reportRef.current!, batch, undo ? 'before' : 'after'));
      setHistoryTick((t) => t + 1);
      const first = batch.find((c) => !layoutOf(reportRef.current!.format).cellByPath.get(c.path)?.totalOf) ?? batch[0]!;
      selectPath(first.path);
    },
    [update, selectPath],
  );
  const onUndo = useCallback(() => step(true), [step]);
  const onRedo = useCallback(() => step(false), [step]);
  const onText = useCallback((part: TextPart, text: string) => {
    const r = reportRef.current!;
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
    const text = own.find((p) => p.startsWith('text.'));
    const el = text && document.getElementById(`text-${text.slice(5)}`);
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
        errors: async () => runChecks(reportRef.current!, { previous, level }).filter((f) => f.severity === 'error'),
      },
      kind,
    );
  const undoCarry = () => {
    setAskUndoCarry(false);
    void replaceFrom(() => api.undoCarryOver({ id }), '已撤销结转：自上年结转的数字已改回0，原内容保留在历史版本中。');
  };
  /** 定稿: everything saved first; with 提醒 open the clerk is asked once (FinaliseDialog). */
  const finalise = async (confirmed: boolean) => {
    setAskFinal(null);
    commitOpenEdits();
    await saver.flush();
    if (saver.busy) return setNotice({ text: '还有修改没能保存，请稍后再定稿。', error: true });
    const open = runChecks(reportRef.current!, { previous, level });
    if (open.some((f) => f.severity === 'error')) return;
    if (!confirmed && open.length) return setAskFinal(open);
    const r = await api.setStatus({ id, status: 'final' });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
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
  const locked = readonly !== null ? READONLY : status === 'final' ? LOCKED : null;
  const title = reportTitle(report.agency, report.year);
  const gridProps = { report, locked, selection, highlight, errorCells, warnCells, stale, carried, onSelect: setSelection, onEdit, onUndo, onRedo, onEscape, registerCommit, onRecompute };
  const text = (part: TextPart, heading: string, hint: string) => (
    <TextSection key={part} part={part} heading={heading} hint={hint} text={report.text[part]} previousText={previous ? previous.text[part] : null}
      previousYear={previous?.year ?? null} locked={locked} highlighted={highlight.has(`text.${part}`)} onChange={onText} />
  );
  const sections = [{ id: 'sec-preamble', label: '导语' }, ...def.sections.map((s) => ({ id: s.kind === 'text' ? `sec-${s.part}` : `sec-${s.table}`, label: s.heading.slice(0, 1) })), { id: 'sec-closing', label: '落款' }];

  return (
    <div className="screen editor">
      <EditorBar title={title} status={status} save={saveState} errors={errors} warnings={warnings} canUndo={history.current.canUndo} canRedo={history.current.canRedo}
        onBack={() => void back()} onUndo={onUndo} onRedo={onRedo} onHistory={() => setShowRevisions(true)} sections={sections}
        onExport={onExport} carried={opened.summary.carried.length} onUndoCarry={() => setAskUndoCarry(true)}
        onFinalise={() => void finalise(false)} finaliseBlocked={finaliseBlocked(errors, readonly !== null)}
        onReopen={() => void api.setStatus({ id, status: 'draft' }).then((r) => (r.ok ? setStatus('draft') : setNotice({ text: r.error.message, error: true })))} />
      <div className="editor-body">
        <main className="doc" id="main">
          {notice && (
            <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
              <span>{notice.text}</span>
              <button type="button" className="link" onClick={() => setNotice(null)}>知道了</button>
            </div>
          )}
          <p className="doc-title">{title}</p>
          {text('preamble', '导语', def.preambleHint)}
          {def.sections.map((s) =>
            s.kind === 'text' ? text(s.part, s.heading, s.hint) : (
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
              <input type="date" value={report.closing.date} readOnly={locked !== null} onChange={(e) => update({ ...report, closing: { ...report.closing, date: e.target.value } })} />
            </label>
          </section>
        </main>
        <ChecksPanel findings={findings} hasPrevious={previous !== null} onPick={pick} />
      </div>
      {exporter.ui}
      {askUndoCarry && (
        <Confirm title="撤销结转" yes="撤销结转" onNo={() => setAskUndoCarry(false)} onYes={undoCarry}
          text={`将自${report.year - 1}年度报告结转来的${opened.summary.carried.length}个数字改回0？撤销前的内容保留在历史版本中。`} />
      )}
      {askFinal && <FinaliseDialog title={title} warnings={askFinal} onNo={() => setAskFinal(null)} onYes={() => void finalise(true)} />}
      {showRevisions && (
        <RevisionsDialog reportId={id} current={report} onClose={() => setShowRevisions(false)}
          onRestore={(rid, label) => void replaceFrom(() => api.restoreRevision({ id, revisionId: rid }), `已恢复到 ${label} 的版本。`).then(() => setShowRevisions(false))} />
      )}
    </div>
  );
}

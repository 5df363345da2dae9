/**
 * The report editor: the six sections in order, live checks, autosave, undo/redo, revisions.
 * The report lives here; tables and text sections change it only through onEdit / onText.
 * Loading (useEditorReport), the checks (useFindings), the undo history (useUndoHistory), what is
 * asked of the archive (useEditorActions) and the dialogs (EditorDialogs) each live in their own file.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getCell } from '../../../report/cells';
import { formatForYear, getFormat } from '../../../report/formats';
import { layoutOf } from '../../../report/layout';
import { reportTitle } from '../../../report/text';
import { staleTotals } from '../../../report/totals';
import type { Finding, TableId, TextPart } from '../../../report/types';
import { useExporter } from '../export/useExporter';
import { carrySummary, staleCarry, verifyRows } from '../model/carry';
import { useFade } from '../ui/fade';
import { fixOf } from './ChecksPanel';
import { buildNav, posOf, type NavTable } from '../grid/nav';
import { ConflictBanner } from './ConflictBanner';
import { publishedLabel } from '../ui/format';
import { finaliseBlocked } from '../finalise/FinaliseDialog';
import { ChecksPanel } from './ChecksPanel';
import { ClosingSection } from './ClosingSection';
import { DraftTools } from './DraftTools';
import { EditorBar } from './EditorBar';
import { EditorDialogs } from './EditorDialogs';
import { VerifyDialog } from '../verify/VerifyDialog';
import type { Selection } from './Grid';
import { TableSection } from './TableSection';
import { TextSection } from './TextSection';
import { useAutosave } from './useAutosave';
import { useEditorActions } from './useEditorActions';
import { useEditorReport } from './useEditorReport';
import { useFindings } from './useFindings';
import { useUndoHistory } from './useUndoHistory';

const NONE: ReadonlySet<string> = new Set();
const LOCKED = '报告已定稿，不能修改。如需修改，请点上方“重新编辑”。';
const READONLY = '档案以只读方式打开，不能修改。';
const STALE = '此报告已在其他窗口中修改，请先点“重新载入”。';

export function Editor({ id, onBack, readonly, backLabel }: { id: number; onBack: () => void; readonly: string | null; backLabel?: string }) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [highlight, setHighlight] = useState<ReadonlySet<string>>(NONE);
  const [focus, setFocus] = useState<{ table: TableId | null; n: number }>({ table: null, n: 0 });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [verifying, setVerifying] = useState(false);
  // 对照上年: last year's figure and text beside this year's.
  const [showLastYear, setShowLastYear] = useState(false);
  useFade(notice, () => setNotice(null), { error: (n) => Boolean(n.error) });
  const exporter = useExporter();
  const commits = useRef(new Map<TableId, () => void>());
  const commitOpenEdits = useCallback(() => commits.current.forEach((fn) => fn()), []);
  const statusRef = useRef<(s: 'draft' | 'final') => void>(() => {});
  const { saver, state: saveState } = useAutosave(id, commitOpenEdits, (r) => statusRef.current(r.summary.status));
  const { opened, setOpened, level, agencyNames, report, reportRef, status, setStatus, loadError, load, update } = useEditorReport(id, saver);
  statusRef.current = setStatus;
  const { findings, check, errorCells, warnCells, errors, warnings, describedBy } = useFindings(report, opened, level, agencyNames);

  const focusedOnce = useRef(false);
  useEffect(() => {
    // After 创建并打开 focus goes to the report's title, not lost on the page body (issue 15 #11).
    if (!opened || focusedOnce.current) return;
    focusedOnce.current = true;
    document.querySelector<HTMLElement>('.editor-bar .report-title')?.focus();
  }, [opened]);

  const format = report?.format ?? 'gov-2021';
  const navs = useMemo(() => {
    const l = layoutOf(format);
    return { active: buildNav(l.grids.active), requests: buildNav(l.grids.requests), appeals: buildNav(l.grids.appeals) } as Record<TableId, NavTable>;
  }, [format]);
  const previous = opened?.previous ?? null;
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
  const verifyCells = useMemo(() => new Set(opened?.summary.toVerify ?? []), [opened]);
  const stalePaths = useMemo(() => (opened && report && previous ? staleCarry(previous, report, opened.summary.carried) : []), [opened, report, previous]);

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
  const clearHighlight = useCallback(() => setHighlight(NONE), []);
  const notifyText = useCallback((text: string) => setNotice({ text }), []);
  // A read-only archive locks every report the way a final one is locked: typing would only fail to save.
  const locked = readonly !== null ? READONLY : saveState.kind === 'conflict' ? STALE : status === 'final' ? LOCKED : null;
  const undo = useUndoHistory({ reportRef, previous, update, selectPath, onEdited: clearHighlight, notify: notifyText, locked });
  const { onEdit, onText, onUndo, onRedo } = undo;
  const pick = useCallback((f: Finding) => {
    const own = f.cells.filter((p) => !p.startsWith('previous.'));
    setHighlight(new Set(own));
    const cell = own.find((p) => !p.startsWith('text.') && !p.startsWith('closing.'));
    if (cell) return selectPath(cell);
    const text = own.find((p) => p.startsWith('text.') || p.startsWith('closing.'));
    const el = text && document.getElementById(text.startsWith('closing.') ? text.replace('.', '-') : `text-${text.slice(5)}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [selectPath]);
  const actions = useEditorActions({ id, saver, commitOpenEdits, reportRef, opened, setOpened, status, setStatus, load, clearHistory: undo.clear, check, exporter, notify: setNotice, onBack,
    pickCells: (cells) => pick({ rule: 'self-check', severity: 'warning', cells: [...cells], expected: null, actual: null, message: '' }),
    openVerify: () => setVerifying(true) });

  const registerCommit = useCallback((table: TableId, fn: (() => void) | null) => {
    if (fn) commits.current.set(table, fn);
    else commits.current.delete(table);
  }, []);
  const onFix = useCallback((f: Finding) => {
    const fix = fixOf(f);
    if (!fix) return;
    onEdit([{ path: fix.path, value: fix.value }]);
    selectPath(fix.path);
  }, [onEdit, selectPath]);
  const onRecompute = actions.recompute;

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
  const title = reportTitle(report.agency, report.year);
  const gridProps = { report, locked, selection, highlight, errorCells, warnCells, stale, carried, onSelect: setSelection, onEdit, onUndo, onRedo, onEscape: clearHighlight, registerCommit, onRecompute, describedBy, verify: verifyCells,
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
      <EditorBar title={title} status={status} save={saveState} errors={errors} warnings={warnings} canUndo={undo.canUndo} canRedo={undo.canRedo}
        onBack={actions.back} {...(backLabel ? { backLabel } : {})} onUndo={onUndo} onRedo={onRedo} onHistory={() => actions.dialogs.setShowRevisions(true)} sections={sections}
        onExport={actions.exportAs} carried={opened.summary.carried.length} onUndoCarry={() => actions.dialogs.setAskUndoCarry(true)}
        onFinalise={() => actions.finalise(false)} finaliseBlocked={finaliseBlocked(errors, readonly !== null)} published={opened.summary.published ? publishedLabel(opened.summary) : null}
        compare={previous ? { on: showLastYear, toggle: () => setShowLastYear((c) => !c) } : null} onVerify={() => setVerifying(true)}
        onReopen={actions.reopen} />
      {verifying && (
        <VerifyDialog target={{ id, agency: report.agency, year: report.year, format: report.format }} onClose={() => setVerifying(false)}
          onVerified={(summary) => (saver.adopt(summary.version), setOpened((o) => (o ? { ...o, summary } : o)))} />
      )}
      {saveState.kind === 'conflict' && <ConflictBanner changedAt={saveState.changedAt} onReload={actions.reload} onCompare={() => void actions.openCompare(saveState.revisionId)} />}
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
                  <button type="button" onClick={actions.recarry} disabled={locked !== null}>
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
              <TableSection key={s.table} grid={layoutNow.grids[s.table]} nav={navs[s.table]} focusSignal={focus.table === s.table ? focus.n : 0} {...gridProps} />
            ),
          )}
          <ClosingSection report={report} locked={locked !== null} update={update} />
        </main>
        <ChecksPanel findings={findings} hasPrevious={previous !== null} onPick={pick} onFix={locked ? undefined : onFix}
          onRecarry={locked || !previous || stalePaths.length === 0 ? undefined : actions.recarry}
          verify={verifyItems} onPickCell={selectPath} onCheckReport={(k) => void actions.checkReport(k)} onVerified={readonly !== null ? undefined : (c) => void actions.confirmVerified(c)} />
      </div>
      {exporter.ui}
      <EditorDialogs id={id} report={report} title={title} carried={opened.summary.carried.length} actions={actions} />
    </div>
  );
}

/**
 * A table of the report as a spreadsheet, drawn from the definition's grid with its official
 * merges. Keys: arrows, Tab/Shift+Tab, Enter/Shift+Enter, Home/End, typing replaces, F2 or
 * double-click edits, Delete/Backspace sets 0, Esc cancels, Ctrl+Z/Ctrl+Y, Ctrl+A, copy and paste
 * of blocks. The movement and clipboard rules live in ../grid (pure, unit-tested); copy and paste are
 * wired in useGridClipboard, the rows drawn by GridBody.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { getCell } from '../../../report/cells';
import { commitInput, displayValue, isTypingKey, zeroOf } from '../grid/input';
import { cellAt, cellsInRect, firstFillable, moveArrow, moveEnter, moveHomeEnd, moveTab, posOf, rectOf, wholeTable, type Pos } from '../grid/nav';
import { GridBody } from './GridBody';
import type { EditingState } from './GridCell';
import { GRID_COLUMNS } from './GridLabel';
import { useGridClipboard } from './useGridClipboard';

// The props and the selection are in grid-props.ts (GridBody reads them too).
export type { GridProps, Selection } from './grid-props';
import type { GridProps } from './grid-props';


const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function Grid(props: GridProps) {
  const { nav, report } = props;
  const table = props.grid.table;
  const tableRef = useRef<HTMLTableElement>(null);
  const [editing, setEditingState] = useState<EditingState | null>(null);
  const editingRef = useRef<EditingState | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const wantFocus = useRef(false);

  const sel = props.selection?.table === table ? props.selection : null;
  const active = sel?.active ?? firstFillable(nav);
  const activeCell = cellAt(nav, active)!;
  const rect = sel ? rectOf(nav, sel.anchor, sel.active) : null;

  const setEditing = (e: EditingState | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const say = (text: string, error = false) => setMessage({ text, error });
  const select = (to: Pos, anchor: Pos = to) => {
    wantFocus.current = true;
    props.onSelect({ table, active: to, anchor });
  };

  const startEdit = (mode: EditingState['mode'], text?: string) => {
    if (props.locked) return say(props.locked, true);
    if (activeCell.readOnly) return say(`“${activeCell.info.name}”由明细自动计算，不能直接填写。`, true);
    wantFocus.current = true;
    say('');
    setEditing({ path: activeCell.path, text: text ?? displayValue(getCell(report, activeCell.path)), mode, error: null });
  };

  /** Commits the open editor; a refused value stays in place with its reason and returns false. */
  const commit = (focus = true): boolean => {
    const ed = editingRef.current;
    if (!ed) return true;
    const cell = nav.byPath.get(ed.path)!;
    const r = commitInput(cell.info.type, ed.text);
    if (!r.ok) {
      setEditing({ ...ed, error: r.message });
      say(`“${cell.info.name}”：${r.message}。原值 ${displayValue(getCell(report, ed.path))} 未改动；按 Esc 放弃。`, true);
      return false;
    }
    setEditing(null);
    say('');
    wantFocus.current = focus;
    if (r.value !== getCell(report, ed.path)) props.onEdit([{ path: ed.path, value: r.value }]);
    return true;
  };
  const cancel = () => {
    setEditing(null);
    say('');
    wantFocus.current = true;
  };

  // The editor commits an open cell before saving on close; a refused value is left as it was.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    props.registerCommit(table, () => {
      if (editingRef.current && !commitRef.current(false)) setEditing(null);
    });
    return () => props.registerCommit(table, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table]);

  const clearRange = () => {
    if (props.locked) return say(props.locked, true);
    const cells = cellsInRect(nav, rect ?? rectOf(nav, active, active)).flat().filter((c) => !c.readOnly);
    if (!cells.length) return say('所选的是自动计算的总计，不能清除。', true);
    props.onEdit(cells.map((c) => ({ path: c.path, value: zeroOf(c.info.type) })));
    say(cells.length > 1 ? `已将${cells.length}个单元格设为0。` : '');
  };

  const onEditorKey = (e: React.KeyboardEvent) => {
    const dir = ARROWS[e.key];
    if (e.key === 'Enter') {
      e.preventDefault();
      if (commit()) select(moveEnter(nav, active, e.shiftKey));
    } else if (e.key === 'Tab') {
      e.preventDefault();
      if (commit()) select(moveTab(nav, active, e.shiftKey) ?? active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (dir && editingRef.current?.mode === 'enter') {
      e.preventDefault();
      if (commit()) select(moveArrow(nav, active, dir));
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editingRef.current) return onEditorKey(e);
    const ctrl = e.ctrlKey || e.metaKey;
    const dir = ARROWS[e.key];
    const k = e.key.toLowerCase();
    let handled = true;
    if (dir) {
      const to = moveArrow(nav, active, dir);
      select(to, e.shiftKey ? (sel?.anchor ?? active) : to);
    } else if (e.key === 'Tab') {
      // Tab leaves the table, as from any other control (arrows move inside it, as in a spreadsheet);
      // while typing into a cell Tab still commits and moves right (see onEditorKey).
      handled = false;
    } else if (e.key === 'Enter') select(moveEnter(nav, active, e.shiftKey));
    else if (e.key === 'Home' || e.key === 'End') select(moveHomeEnd(nav, active, e.key === 'End', ctrl));
    else if (e.key === 'F2') startEdit('edit');
    else if (e.key === 'Delete' || e.key === 'Backspace') clearRange();
    else if (e.key === 'Escape') {
      select(active);
      say('');
      props.onEscape();
    } else if ((ctrl && k === 'z') || (ctrl && k === 'y')) {
      // Said beside the table, where the clerk is looking: a locked report has nothing to undo.
      if (props.locked) say(props.locked, true);
      else (k === 'y' || e.shiftKey ? props.onRedo : props.onUndo)();
    }
    else if (ctrl && k === 'a') {
      const all = wholeTable(nav);
      props.onSelect({ table, anchor: { row: all.r0, col: all.c0 }, active: { row: all.r1, col: all.c1 } });
    } else if (isTypingKey(e)) startEdit('enter', e.key);
    else if (e.key === 'Process') {
      // An input method is composing: open the cell editor empty so the composed text lands in it.
      startEdit('enter', '');
      handled = false;
    } else handled = false;
    if (handled) e.preventDefault();
  };

  useGridClipboard({ nav, report, rect, active, tableRef, editingRef, locked: props.locked, say, onEdit: props.onEdit, select });

  // Keyboard and mouse moves bring focus (and the editor's caret) to the active cell.
  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    const t = tableRef.current;
    const input = t?.querySelector<HTMLInputElement>('input.cell-input');
    if (input) {
      if (document.activeElement !== input) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    } else t?.querySelector<HTMLElement>(`td[data-path="${activeCell.path}"]`)?.focus();
  });
  useLayoutEffect(() => {
    if (!props.focusSignal) return;
    const td = tableRef.current?.querySelector<HTMLElement>(`td[data-path="${activeCell.path}"]`);
    td?.focus({ preventScroll: true });
    td?.scrollIntoView({ block: 'center', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusSignal]);

  const cellFrom = (target: EventTarget) => {
    const td = (target as HTMLElement).closest?.('td[data-path]');
    return td ? nav.byPath.get(td.getAttribute('data-path')!) : undefined;
  };
  const onMouseDown = (e: React.MouseEvent) => {
    const c = cellFrom(e.target);
    if (!c || (editing && editing.path === c.path)) return;
    if (editingRef.current && !commit()) return e.preventDefault();
    const to = posOf(c);
    props.onSelect({ table, active: to, anchor: e.shiftKey ? (sel?.anchor ?? active) : to });
  };
  const onMouseOver = (e: React.MouseEvent) => {
    const c = cellFrom(e.target);
    if (c && e.buttons === 1 && !editingRef.current && sel) props.onSelect({ table, active: posOf(c), anchor: sel.anchor });
  };
  const onFocus = (e: React.FocusEvent) => {
    const c = cellFrom(e.target);
    if (c && c !== activeCell && !editingRef.current) props.onSelect({ table, active: posOf(c), anchor: posOf(c) });
  };
  const onBlur = (e: React.FocusEvent) => {
    // Leaving the table commits the open cell; a refused value is dropped with a message, never half-saved.
    if (!editingRef.current || !document.hasFocus() || tableRef.current?.contains(e.relatedTarget as Node | null)) return;
    const ed = editingRef.current;
    const cell = nav.byPath.get(ed.path)!;
    const r = commitInput(cell.info.type, ed.text);
    if (r.ok) commit(false);
    else {
      setEditing(null);
      say(`未接受“${ed.text}”（${cell.info.name}）：${r.message}。已保留原值。`, true);
    }
  };
  const onEditText = useCallback((text: string) => setEditing({ ...editingRef.current!, text, error: null }), []);

  return (
    <div className="grid-wrap">
      <p className={message.error ? 'grid-msg error' : 'grid-msg'} role="status" aria-live="polite">
        {message.text}
      </p>
      <table
        ref={tableRef}
        role="grid"
        aria-label={props.grid.heading}
        className={`sheet sheet-${table}`}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onDoubleClick={(e) => cellFrom(e.target) && startEdit('edit')}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <colgroup>
          {GRID_COLUMNS[table](props.grid.gridColumns).map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <GridBody grid={props.grid} nav={nav} report={report} activeCell={activeCell} selected={sel !== null} rect={rect} editing={editing} onEditText={onEditText} marks={props} />
      </table>
    </div>
  );
}

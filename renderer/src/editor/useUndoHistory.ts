/**
 * The editor's undo history: cell edits (with the totals they move) and text edits as undoable
 * batches, 撤销/重做, and clearing when the report is replaced from the archive.
 */
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import { layoutOf } from '../../../report/layout';
import type { Report, TextPart } from '../../../report/types';
import { applyBatch, applyEdits, History, textChange, type CellEdit } from '../grid/edits';
import { followInForce } from '../model/follow';

interface UndoDeps {
  reportRef: MutableRefObject<Report | null>;
  previous: Report | null;
  update: (next: Report) => void;
  /** After 撤销/重做 the changed cell is selected, or the text box focused. */
  selectPath: (path: string) => void;
  onEdited: () => void;
  notify: (text: string) => void;
  /** Why the report cannot change now (已定稿, read-only, stale), or null: no edit and no 撤销 then. */
  locked: string | null;
}

export function useUndoHistory({ reportRef, previous, update, selectPath, onEdited, notify, locked }: UndoDeps) {
  // Every edit path asks the report's state (issue 21 #1): a locked report's edit would only be refused by
  // main, and the refused state would then hold the editor.
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const [, setTick] = useState(0);
  const history = useRef(new History());
  const lastText = useRef<{ part: TextPart; at: number } | null>(null);
  const changed = () => setTick((t) => t + 1);

  const onEdit = useCallback(
    (edits: CellEdit[]): Report => {
      if (lockedRef.current) return reportRef.current!;
      // 现行有效件数 moves with 制发/废止 while it still follows last year's figure (issue 15 #8).
      const { report: next, changes } = applyEdits(reportRef.current!, followInForce(reportRef.current!, previous, edits));
      if (changes.length) {
        history.current.push(changes);
        changed();
        onEdited();
        update(next);
      }
      return next;
    },
    [reportRef, previous, update, onEdited],
  );
  const step = useCallback(
    (undo: boolean) => {
      if (lockedRef.current) return notify(lockedRef.current);
      const batch = undo ? history.current.undo() : history.current.redo();
      if (!batch) return notify(undo ? '没有可以撤销的修改。' : '没有可以重做的修改。');
      update(applyBatch(reportRef.current!, batch, undo ? 'before' : 'after'));
      changed();
      const text = batch.find((c) => c.path.startsWith('text.'));
      if (text) return document.getElementById(`text-${text.path.slice(5)}`)?.focus();
      const first = batch.find((c) => !layoutOf(reportRef.current!.format).cellByPath.get(c.path)?.totalOf) ?? batch[0]!;
      selectPath(first.path);
    },
    [reportRef, update, selectPath, notify],
  );
  const onUndo = useCallback(() => step(true), [step]);
  const onRedo = useCallback(() => step(false), [step]);
  const onText = useCallback((part: TextPart, text: string) => {
    if (lockedRef.current) return;
    const r = reportRef.current!;
    // Text edits are undoable too (issue 15 #10); a burst of typing in one box is one step.
    const t = Date.now();
    const merge = lastText.current?.part === part && t - lastText.current.at < 1500;
    lastText.current = { part, at: t };
    history.current.pushText(textChange(part, r.text[part], text)[0]!, merge);
    changed();
    update({ ...r, text: { ...r.text, [part]: text } });
  }, [reportRef, update]);
  /** The report was replaced from the archive (restore, reload, re-carry …) or 定稿/重新编辑: nothing to undo into. */
  const clear = useCallback(() => {
    history.current.clear();
    changed();
  }, []);

  return { onEdit, onText, onUndo, onRedo, clear, canUndo: !locked && history.current.canUndo, canRedo: !locked && history.current.canRedo };
}

/**
 * Copy and paste of blocks in a grid (Excel/WPS text): they arrive at the document when a cell (not
 * an input) has focus. One value onto a selection fills it; a block starts at the selection; totals
 * in a pasted block are recomputed from their cells and the difference said. Rules in ../grid/clipboard.
 */
import { useEffect, useRef, type MutableRefObject, type RefObject } from 'react';
import type { Report } from '../../../report/types';
import { copyBlock, parseClipboard, pasteEdits, planPaste, totalMismatches } from '../grid/clipboard';
import type { CellEdit } from '../grid/edits';
import { commitInput } from '../grid/input';
import { cellsInRect, posOf, rectOf, type NavTable, type Pos } from '../grid/nav';
import type { EditingState } from './GridCell';

interface ClipboardDeps {
  nav: NavTable;
  report: Report;
  rect: ReturnType<typeof rectOf> | null;
  active: Pos;
  tableRef: RefObject<HTMLTableElement | null>;
  editingRef: MutableRefObject<EditingState | null>;
  locked: string | null;
  say: (text: string, error?: boolean) => void;
  onEdit: (edits: CellEdit[]) => Report;
  select: (to: Pos, anchor?: Pos) => void;
}

export function useGridClipboard(d: ClipboardDeps): void {
  const { nav, report, rect, active, say } = d;
  const clip = useRef({ copy: (_e: ClipboardEvent) => {}, paste: (_e: ClipboardEvent) => {} });
  clip.current.copy = (e) => {
    const r = rect ?? rectOf(nav, active, active);
    e.clipboardData?.setData('text/plain', copyBlock(nav, report, r));
    e.preventDefault();
    const n = cellsInRect(nav, r).flat().length;
    say(`已复制${n}个单元格，可粘贴到 Excel 或 WPS。`);
  };
  clip.current.paste = (e) => {
    e.preventDefault();
    if (d.locked) return say(d.locked, true);
    const block = parseClipboard(e.clipboardData?.getData('text/plain') ?? '');
    if (!block.length) return say('剪贴板中没有可粘贴的数字。', true);
    const range = rect && (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) ? rect : null;
    if (range && block.length === 1 && block[0]!.length === 1) {
      // One value onto a selection fills every fillable cell of it, as in Excel.
      const cells = cellsInRect(nav, range).flat().filter((c) => !c.readOnly);
      const parsed = cells.map((c) => ({ c, r: commitInput(c.info.type, block[0]![0]!) }));
      const bad = parsed.find((x) => !x.r.ok);
      if (bad && !bad.r.ok) return say(`未粘贴：“${block[0]![0]}”${bad.r.message}。表格未改动。`, true);
      d.onEdit(parsed.map((x) => ({ path: x.c.path, value: (x.r as { value: CellEdit['value'] }).value })));
      return say(`已填入${cells.length}个单元格。`);
    }
    const start = range ? { row: range.r0, col: range.c0 } : active;
    const plan = planPaste(nav, start, block);
    const result = pasteEdits(plan);
    if (!result.ok) return say(result.message, true);
    const next = d.onEdit(result.edits);
    const mismatch = totalMismatches(next, plan);
    const parts = [`已粘贴${result.edits.length}个数。`, ...result.notes.map((n) => `${n}。`)];
    if (mismatch.length) parts.push(`粘贴内容中的总计与明细之和不同，已按明细计算：${mismatch.join('；')}。`);
    else if (plan.onTotals.length) parts.push('总计按明细自动计算。');
    say(parts.join(''), mismatch.length > 0);
    const last = result.edits.length ? nav.byPath.get(result.edits[result.edits.length - 1]!.path) : undefined;
    if (last) d.select(posOf(last), start);
  };
  const { tableRef, editingRef } = d;
  useEffect(() => {
    const inside = () => !editingRef.current && !!tableRef.current?.contains(document.activeElement);
    const onCopy = (e: ClipboardEvent) => inside() && clip.current.copy(e);
    const onPaste = (e: ClipboardEvent) => inside() && clip.current.paste(e);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [tableRef, editingRef]);
}

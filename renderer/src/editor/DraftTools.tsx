/**
 * 生成统计表述 in the editor, above 一、总体情况: drafts the standard sentences from the tables
 * (report/trend/draft.ts) and shows them first; the clerk inserts one at the cursor, or replaces the
 * paragraph drafted before, in the dialog. When a figure changed after drafting, the button reads
 * 「更新统计表述」. Also the way to 历年对比 of this agency.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { OVERVIEW_SCAFFOLD } from '../../../report/formats/common';
import { draftStatements, findDrafted, staleDrafts } from '../../../report/trend';
import type { Report, TextPart } from '../../../report/types';
import { DraftDialog, type Placement } from './DraftDialog';
import './draft.css';

export interface DraftToolsProps {
  report: Report;
  previous: Report | null;
  locked: string | null;
  onText: (part: TextPart, text: string) => void;
  onTrend: () => void;
}

const AREA = 'text-overview';

export function DraftTools({ report, previous, locked, onText, onTrend }: DraftToolsProps) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  /** The text before the last insertion, offered back while the text is still what the insertion left. */
  const [undo, setUndo] = useState<{ before: string; after: string } | null>(null);
  /** Where the clerk last left the cursor in 一、总体情况 (null: never placed). */
  const cursor = useRef<number | null>(null);
  useEffect(() => {
    const area = document.getElementById(AREA) as HTMLTextAreaElement | null;
    if (!area) return;
    const remember = () => (cursor.current = area.selectionStart);
    // Only what the clerk does: the selection this component makes after an insertion is not a cursor they placed.
    const events = ['keyup', 'mouseup', 'input'] as const;
    events.forEach((e) => area.addEventListener(e, remember));
    return () => events.forEach((e) => area.removeEventListener(e, remember));
  }, []);

  const drafts = useMemo(() => draftStatements(report, previous), [report, previous]);
  const stale = useMemo(() => staleDrafts(report, previous, drafts), [report, previous, drafts]);
  const drafted = findDrafted(report.text.overview).length;

  /** Where a paragraph goes when the clerk has not placed the cursor: under its sub-heading of 一. */
  const fallback = (kind: keyof typeof drafts, text: string): number => {
    const requests = findDrafted(text).find((s) => s.kind === 'requests');
    if (kind === 'appeals' && requests) return requests.end;
    const heading = OVERVIEW_SCAFFOLD[kind === 'active' ? 0 : 1]!;
    const at = text.indexOf(heading);
    if (at < 0) return text.length;
    const eol = text.indexOf('\n', at);
    return eol < 0 ? text.length : eol;
  };

  const apply = (placements: Placement[], message: string) => {
    let text = report.text.overview;
    let last: { start: number; end: number } | null = null;
    for (const p of placements) {
      const at = cursor.current ?? fallback(p.kind, text);
      const placed = p.place(text, at);
      text = placed.text;
      last = placed;
      // The next paragraph follows the one just placed.
      if (cursor.current !== null && !placed.replaced) cursor.current = placed.end;
    }
    setUndo({ before: report.text.overview, after: text });
    onText('overview', text);
    setOpen(false);
    setDone(message);
    requestAnimationFrame(() => {
      const area = document.getElementById(AREA) as HTMLTextAreaElement | null;
      if (!area || !last) return;
      area.focus({ preventScroll: true });
      area.setSelectionRange(last.start, last.end);
      area.scrollIntoView({ block: 'center' });
    });
  };

  return (
    <div className="draft-tools" role="group" aria-label="统计表述">
      <button
        type="button"
        className={stale.length ? 'primary' : undefined}
        disabled={locked !== null}
        title={locked ?? '按本年（及上年）表格生成一、总体情况中的统计表述，先预览再插入'}
        onClick={() => (setDone(''), setOpen(true))}
      >
        {stale.length ? '更新统计表述' : '生成统计表述'}
      </button>
      {stale.length > 0 && <span className="stale-note">正文中有{stale.length}段按表格生成的统计表述与表格不一致</span>}
      {!stale.length && drafted > 0 && <span className="muted">正文中按表格生成的统计表述与表格一致</span>}
      {done && !stale.length && <span className="done-note" role="status">{done}</span>}
      {undo && undo.after === report.text.overview && locked === null && (
        <button type="button" onClick={() => (onText('overview', undo.before), setUndo(null), (cursor.current = null), setDone('已撤销，正文恢复为插入前的文字'))}>
          撤销插入
        </button>
      )}
      <span className="spacer" />
      <button type="button" onClick={onTrend} title="本机关各年度报告的主要数字、增减、结转衔接和图表">
        历年对比
      </button>
      {open && (
        <DraftDialog
          text={report.text.overview}
          drafts={drafts}
          hasPrevious={!!previous && previous.year === report.year - 1}
          cursorPlaced={cursor.current !== null}
          onApply={apply}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}

/**
 * A drafted paragraph found again in 一、总体情况 (by its fixed opening), whether it still says what
 * the tables say, and how a fresh draft goes into the text: replacing the paragraph drafted before,
 * or inserted at the cursor. Nothing here overwrites other text: the caller shows the draft first.
 */
import type { Finding, Report } from '../types';
import { DRAFT_KINDS, DRAFT_OPENINGS, DRAFT_TITLES, draftStatements, type DraftKind, type Drafts } from './draft';

export interface DraftedSpan {
  kind: DraftKind;
  start: number;
  end: number;
  text: string;
}

/** The paragraphs of `text` that 生成统计表述 wrote (the first of each kind). */
export function findDrafted(text: string): DraftedSpan[] {
  const out: DraftedSpan[] = [];
  for (const kind of DRAFT_KINDS) {
    const m = DRAFT_OPENINGS[kind].exec(text);
    if (m) out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Without last year's report the 「较上年…」 clause cannot be redrafted, so it is not compared. */
const CHANGE_CLAUSE = /，(?:较上年(?:增加|减少)\d+件|与上年持平)/;

export interface StaleDraft extends DraftedSpan {
  fresh: string;
}

/** Drafted paragraphs whose figures no longer match the tables. */
export function staleDrafts(report: Report, previous: Report | null, drafts: Drafts = draftStatements(report, previous)): StaleDraft[] {
  const usable = previous && previous.year === report.year - 1 ? previous : null;
  return findDrafted(report.text.overview)
    .filter((s) => {
      // A paragraph drafted before last year was archived has no comparison: that alone is not stale.
      const strip = !usable || !CHANGE_CLAUSE.test(s.text);
      return strip ? s.text.replace(CHANGE_CLAUSE, '') !== drafts[s.kind].replace(CHANGE_CLAUSE, '') : s.text !== drafts[s.kind];
    })
    .map((s) => ({ ...s, fresh: drafts[s.kind] }));
}

/** a sentence drafted from the tables that a later change of a figure made wrong. */
export function checkDrafts(report: Report, previous: Report | null): Finding[] {
  return staleDrafts(report, previous).map((s) => ({
    rule: 'X-6',
    severity: 'warning' as const,
    cells: ['text.overview'],
    expected: s.fresh,
    actual: s.text,
    message: `一、总体情况中${DRAFT_TITLES[s.kind]}的统计表述与表格不一致（表格改动后未更新），可点「更新统计表述」按表格重写这一段`,
  }));
}

/**
 * The text with `draft` in place of the paragraph of that kind drafted before, or, when there is
 * none, inserted at `cursor` as a paragraph of its own (a line break is added where the cursor sits
 * inside a line, so a sub-heading never runs into the sentence).
 */
export function placeDraft(text: string, kind: DraftKind, draft: string, cursor: number): { text: string; start: number; end: number; replaced: boolean } {
  const old = findDrafted(text).find((s) => s.kind === kind);
  if (old) return { text: text.slice(0, old.start) + draft + text.slice(old.end), start: old.start, end: old.start + draft.length, replaced: true };
  const at = Math.max(0, Math.min(cursor, text.length));
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const after = at < text.length && text[at] !== '\n' ? '\n' : '';
  const start = at + before.length;
  return { text: text.slice(0, at) + before + draft + after + text.slice(at), start, end: start + draft.length, replaced: false };
}

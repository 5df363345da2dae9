/** 历年对比 and 生成统计表述: pure, shared by main, the CLI and the renderer. */
export { buildTrend, isSwing, SWING_FROM_ZERO, SWING_RATIO } from './table';
export type { ChainBreak, Swing, TrendRow, TrendTable } from './table';
export { APPLICANT_COLUMNS, KEY_FIGURES, OUTCOMES, litigationValue, outcomeValue, shortLabel } from './figures';
export { DRAFT_KINDS, DRAFT_TITLES, draftStatements } from './draft';
export type { DraftKind, Drafts } from './draft';
export { checkDrafts, findDrafted, placeDraft, staleDrafts } from './stale';
export type { DraftedSpan, StaleDraft } from './stale';

/** 核对已发布: the 定稿 report against the published page (pure; main reads the page with the importer). */
export { compareWithPublished, publishedSentences } from './compare';
export type { CellDifference, PublishedReading, TextDifference, VerifyResult } from './compare';
export { markDifference } from './marks';
export type { Marked, Segment } from './marks';
export { verifySummary } from './summary';

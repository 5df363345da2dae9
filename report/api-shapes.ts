/**
 * The shapes of the reports, agencies and previews the channels carry (report/api.ts names the channels).
 */
import type { AgencyLevel, CellPath, Finding, FormatId, Report } from './types';
import type { SelfCheckItem } from './checks/selfcheck';

export interface AgencyInfo {
  id: number;
  name: string;
  /** The level set by the user, or null to infer it from the name. */
  level: AgencyLevel | null;
  inferredLevel: AgencyLevel | null;
  /** MM-DD of the year after the report year. */
  deadline: string;
  /** 本机关 (marked by the user): listed first and the default in dialogs; the others are reference agencies. */
  own: boolean;
  /** Names the agency had before 更正名称 (or of agencies merged into it), newest first. */
  formerNames: string[];
}

/** A cell filled from last year: `from` is the cell of last year's report it came from. */
export interface CarriedCellInfo {
  path: CellPath;
  from: CellPath;
  value: number | string;
}

export interface ReportSummary {
  id: number;
  agencyId: number;
  agency: string;
  year: number;
  format: FormatId;
  status: 'draft' | 'final';
  errors: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Publication deadline, YYYY-MM-DD. */
  deadline: string;
  carried: CarriedCellInfo[];
  /** Raised by every change of the report; an editor saves with the version it last loaded or saved. */
  version: number;
  /** Imported from a published source: 已发布, no countdown. */
  published: boolean;
  /** YYYY-MM-DD, when the source gave it. */
  publishedOn: string | null;
  /** Cells an import split by rule, listed as 待核对 until the clerk confirms them. */
  toVerify: CellPath[];
  /** YYYY-MM-DD when 核对已发布 found the published page the same as this report (已核对，与定稿一致); null before, or since a change. */
  verifiedOn: string | null;
}

/** 图解: the file kinds, and the two sizes (an A4 page for print, a long image for the website and 微信). */
export type GraphicKind = 'svg' | 'png' | 'pdf';
export type GraphicSize = 'a4' | 'long';

/** 发布前自查 of one report, as the screen and its printable page show it. */
export interface SelfCheckView {
  /** 「某某镇人民政府2024年政府信息公开工作年度报告」 */
  title: string;
  /** When the checks ran (ISO). */
  checkedAt: string;
  items: SelfCheckItem[];
}

export interface OpenedReport {
  summary: ReportSummary;
  report: Report;
  /** Last year's report of the same agency, when the archive has it (cross-year checks, 引用上年文字). */
  previous: Report | null;
  findings: Finding[];
  /** Totals whose stored figure differs from their cells (an imported report kept as published). */
  staleTotals: CellPath[];
}

export interface SaveResult {
  /** The report as archived now: after a conflict, the newer state that was kept. */
  summary: ReportSummary;
  findings: Finding[];
  savedAt: string;
  /**
   * Set when the save was based on an older version than the archive's (another window, a
   * restore): the archive kept its newer state and the sent content became revision `revisionId`.
   * `changedAt` is when the report was last changed elsewhere.
   */
  conflict: { revisionId: number; changedAt: string } | null;
}

/** Who is saving: one editor (a tab, a window) and the order of its saves, newest highest. */
export interface SaveOrigin {
  editor: string;
  seq: number;
}

export interface RevisionInfo {
  id: number;
  /** 版本 N: the revision's place in this report's history, 1 = the first; the notes use it (「恢复自版本 2」). */
  number: number;
  reason: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

// Files in and out, backups and the 换电脑 bundle: report/api-files.ts (the contract split by domain).

export interface ImportPreview {
  source: 'text' | 'html' | 'docx' | 'xlsx' | 'json' | 'pdf';
  /** The report read; a cell with no reading holds 0 and is listed in `nulls`. */
  report: Report;
  nulls: CellPath[];
  uncertain: CellPath[];
  /** The importer's notes (IMPORT-…) and the checks of the report as published. */
  findings: Finding[];
  headings: string[];
  /** The report already archived for that agency and year, if any, and how the import differs from it. */
  existing: ReportSummary | null;
  differences: { path: string; name: string; archived: string; incoming: string }[];
  /** The agency named by the file itself ('' when it names none). */
  agencyRead: string;
  /** The archived agency the report should go to by default (the chosen one when the names are close), or null for a new agency. */
  suggestedAgency: string | null;
  /** Cells whose figures ran together in the source and were split by the 勾稽 rules (请核对). */
  split: CellPath[];
}

/** One year of an agency merge: only the merged agency has it (move), or both do (conflict, decided by the user). */
export interface MergePlanItem {
  year: number;
  action: 'move' | 'conflict';
  fromStatus: 'draft' | 'final';
  intoStatus: 'draft' | 'final' | null;
  fromUpdatedAt: string;
  intoUpdatedAt: string | null;
  fromDeleted: boolean;
  intoDeleted: boolean;
}

/** The four charts of 历年对比, for the file name of a saved chart. */
export type TrendChartId = 'applicants' | 'outcomes' | 'appeals' | 'decisions';

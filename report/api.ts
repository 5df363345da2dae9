/**
 * The contract between the renderer and main: every channel, its input and its output. The
 * preload builds `window.api` from API_METHODS, main registers one validated handler per channel,
 * and the browser bridge of `serve:web` speaks the same channels. Types only, plus the name map.
 */
import type { TrendTable } from './trend/table';
import type { VerifyResult } from './verify/compare';
import type { AgencyLevel, CellPath, Finding, FormatId, Report } from './types';
import type { CollectOutcome, Contribution, RollupExportKind, RollupView, RosterInfo, UnitLevel, UnitStatus } from './rollup';
import type { SelfCheckItem } from './checks/selfcheck';

export interface ApiError {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

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
export type { ExportKind, ExportOutcome, OfficialFontInfo, NoticeKey, BackupSummary, Upload, SavedFile, SkippedRecord, ArchiveExportOutcome, ArchiveStatus, RestoreSummary, ImportPlanItem, ArchiveImportPreview, ArchiveImportOutcome } from './api-files';
import type { ExportKind, ExportOutcome, OfficialFontInfo, NoticeKey, BackupSummary, Upload, SavedFile, SkippedRecord, ArchiveExportOutcome, ArchiveStatus, RestoreSummary, ImportPlanItem, ArchiveImportPreview, ArchiveImportOutcome } from './api-files';

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

export interface ApiSpec {
  'archive:list': { input: { deleted?: boolean }; output: { agencies: AgencyInfo[]; reports: ReportSummary[] } };
  'report:open': { input: { id: number }; output: OpenedReport };
  'report:create': { input: { agency: string; year: number; carryOver?: boolean }; output: OpenedReport };
  /** Sets the cells carried from last year back to 0 (undo of the carry-over), as a revision. */
  'report:undoCarryOver': { input: { id: number }; output: OpenedReport };
  /** `baseVersion`: the report's version the content was based on (see SaveResult.conflict). */
  'report:save': { input: { id: number; report: Report; baseVersion: number; origin?: SaveOrigin }; output: SaveResult };
  'report:check': { input: { report: Report; previousId?: number }; output: Finding[] };
  'report:setStatus': { input: { id: number; status: 'draft' | 'final' }; output: ReportSummary };
  'report:duplicate': { input: { id: number; year: number }; output: OpenedReport };
  'report:recompute': { input: { id: number }; output: OpenedReport };
  'report:delete': { input: { id: number }; output: null };
  'report:undelete': { input: { id: number }; output: ReportSummary };
  'report:purge': { input: { id: number }; output: null };
  'report:revisions': { input: { id: number }; output: RevisionInfo[] };
  'report:revision': { input: { id: number; revisionId: number }; output: Report };
  'report:restore': { input: { id: number; revisionId: number }; output: OpenedReport };
  'export:save': { input: { id: number; kind: ExportKind }; output: ExportOutcome };
  'export:reveal': { input: Record<string, never>; output: null };
  /** Desktop: Electron's print dialog (A4; 「另存为PDF」 there). Browser mode: a printable page's address. */
  'export:print': { input: { id: number }; output: { printed: boolean; url: string | null } };
  'export:fonts': { input: Record<string, never>; output: OfficialFontInfo[] };
  'notice:seen': { input: { key: NoticeKey }; output: boolean };
  'notice:mark': { input: { key: NoticeKey }; output: null };
  /** Reads a file (bytes chosen by the user in the page) or pasted text; writes nothing. */
  'import:preview': {
    input: { file?: Upload; text?: string; agency?: string; year?: number };
    output: ImportPreview;
  };
  /** Saves a previewed import: a new report, or with `replace` a new revision of the archived one. */
  /**
   * `agency`: the archived or new agency to store under (the report's own name when absent);
   * `published`: read from a published source (已发布); `verify`: cells split by rule, listed as 待核对.
   */
  'import:confirm': {
    input: { report: Report; replace: boolean; uncertain: CellPath[]; agency?: string; published?: boolean; verify?: CellPath[]; fileName?: string };
    output: OpenedReport;
  };
  'agency:update': {
    /** `finished`: on a new name, keep 已定稿/已发布 reports under their published name ('keep', default) or re-issue them. */
    input: { id: number; name?: string; level?: AgencyLevel | null; deadline?: string; own?: boolean; finished?: 'keep' | 'reissue' };
    output: AgencyInfo;
  };
  /** What merging agency `from` into `into` would do, year by year. */
  'agency:mergePlan': { input: { from: number; into: number }; output: MergePlanItem[] };
  /** Merges `from` into `into`; each year both have is decided ('keep' the one under `into`, or 'incoming'); nothing is lost. */
  'agency:merge': { input: { from: number; into: number; decisions: Record<string, 'keep' | 'incoming'> }; output: { moved: number; merged: number } };
  /** Moves a report to another agency (archived or new by name). */
  'report:move': { input: { id: number; agency: string }; output: ReportSummary };
  /**
   * The check report for the leader who signs (findings with their cells named): `docx` is delivered
   * like an export; `print` prints it (desktop) or hands back the printable page's address (browser).
   */
  /** 图解 (一图读懂) of one report: .svg, .png (A4 page or long image) or .pdf (A4), delivered like an export. */
  'export:graphic': { input: { id: number; kind: GraphicKind; size?: GraphicSize }; output: ExportOutcome };
  /** 发布前自查: the assessor's checks of one report (report/selfcheck.ts). */
  'report:selfCheck': { input: { id: number }; output: SelfCheckView };
  'export:checks': { input: { id: number; kind: 'docx' | 'print' }; output: { file: ExportOutcome | null; printed: boolean; url: string | null } };
  /** The clerk confirmed these 待核对 cells. */
  'report:verify': { input: { id: number; cells: CellPath[] }; output: ReportSummary };
  /** 重新结转: the carried cells the clerk has not changed take last year's current figures again. */
  'report:recarry': { input: { id: number }; output: OpenedReport };
  'archive:status': { input: Record<string, never>; output: ArchiveStatus };
  'backup:list': { input: Record<string, never>; output: BackupSummary[] };
  'backup:create': { input: Record<string, never>; output: BackupSummary };
  /** 「备份到…」: main asks where with a save dialog; null when the user cancelled. */
  'backup:saveAs': { input: Record<string, never>; output: SavedFile | null };
  /** 「从备份恢复」: a backup of the list by name, an uploaded file, or (neither) main's open dialog. */
  'backup:restore': { input: { name?: string; upload?: Upload }; output: RestoreSummary | null };
  'archive:export': { input: Record<string, never>; output: ArchiveExportOutcome | null };
  'archive:previewImport': { input: { upload?: Upload }; output: ArchiveImportPreview | null };
  'archive:applyImport': { input: { token: string; decisions: Record<string, 'keep' | 'incoming'> }; output: ArchiveImportOutcome };
  /** 历年对比: every archived year of one agency (report/trend). */
  'trend:get': { input: { agencyId: number }; output: TrendTable };
  /** 历年对比 as .xlsx, delivered like an export (save dialog / browser download). */
  'trend:export': { input: { agencyId: number }; output: ExportOutcome };
  /** A chart of 历年对比 drawn in the page (PNG or SVG bytes), saved like an export. */
  'trend:saveChart': { input: { agencyId: number; chart: TrendChartId; kind: 'png' | 'svg'; dataBase64: string }; output: ExportOutcome };
  /** 汇总 (rollup.md): the rosters in the archive (organ and year). */
  'rollup:rosters': { input: Record<string, never>; output: RosterInfo[] };
  /** The board, the checks and the 汇总 of one organ and year. */
  'rollup:view': { input: { organ: string; year: number }; output: RollupView };
  'rollup:addUnits': { input: { organ: string; year: number; names: string[]; level: UnitLevel }; output: RollupView };
  /** `deadline` (YYYY-MM-DD): by when a unit sent back (退回) is to send its corrected file. */
  'rollup:updateUnit': { input: { organ: string; year: number; agency: string; level?: UnitLevel; status?: UnitStatus; reason?: string; deadline?: string }; output: RollupView };
  /** 「全部通过」: every unit 已收 whose report has no error becomes 已通过, in one step. */
  'rollup:acceptAll': { input: { organ: string; year: number }; output: RollupView };
  'rollup:removeUnit': { input: { organ: string; year: number; agency: string }; output: RollupView };
  /** One received file: read, matched (or `agency` chosen / added with `addLevel`), stored as a new report or revision. */
  'rollup:collect': {
    input: { organ: string; year: number; file: Upload; agency?: string; addLevel?: UnitLevel; acceptUncertain?: boolean };
    output: CollectOutcome;
  };
  /** Which units contribute what to one cell of the 汇总. */
  'rollup:contributions': { input: { organ: string; year: number; cell: CellPath }; output: Contribution[] };
  /** 汇总表 .docx/.xlsx, 分单位明细, 问题清单, or one unit's 退回意见 (`agency`). */
  'rollup:export': { input: { organ: string; year: number; kind: RollupExportKind; agency?: string }; output: ExportOutcome };
  /**
   * 核对已发布: the report against its published page (a file, or text copied from the page). All the
   * same → the report is 已发布 with today's date (summary.verifiedOn); otherwise nothing is written.
   */
  'verify:published': { input: { id: number; file?: Upload; text?: string }; output: { result: VerifyResult; summary: ReportSummary } };
  /** The differences as a Word file for the website's editor, delivered like an export. */
  'verify:export': { input: { id: number; result: VerifyResult }; output: ExportOutcome };
}

export type Channel = keyof ApiSpec;
export type ApiInput<C extends Channel> = ApiSpec[C]['input'];
export type ApiOutput<C extends Channel> = ApiSpec[C]['output'];

/** Method names of `window.api` and the channel each one calls. */
export const API_METHODS = {
  listArchive: 'archive:list',
  openReport: 'report:open',
  createReport: 'report:create',
  undoCarryOver: 'report:undoCarryOver',
  saveReport: 'report:save',
  checkReport: 'report:check',
  setStatus: 'report:setStatus',
  duplicateReport: 'report:duplicate',
  recomputeTotals: 'report:recompute',
  deleteReport: 'report:delete',
  undeleteReport: 'report:undelete',
  purgeReport: 'report:purge',
  listRevisions: 'report:revisions',
  getRevision: 'report:revision',
  restoreRevision: 'report:restore',
  updateAgency: 'agency:update',
  previewImport: 'import:preview',
  confirmImport: 'import:confirm',
  exportReport: 'export:save',
  revealExport: 'export:reveal',
  printReport: 'export:print',
  officialFonts: 'export:fonts',
  noticeSeen: 'notice:seen',
  markNotice: 'notice:mark',
  archiveStatus: 'archive:status',
  listBackups: 'backup:list',
  backupNow: 'backup:create',
  backupTo: 'backup:saveAs',
  restoreBackup: 'backup:restore',
  exportArchive: 'archive:export',
  previewArchiveImport: 'archive:previewImport',
  applyArchiveImport: 'archive:applyImport',
  getTrend: 'trend:get',
  exportTrend: 'trend:export',
  saveTrendChart: 'trend:saveChart',
  rollupRosters: 'rollup:rosters',
  rollupView: 'rollup:view',
  rollupAddUnits: 'rollup:addUnits',
  rollupUpdateUnit: 'rollup:updateUnit',
  rollupRemoveUnit: 'rollup:removeUnit',
  rollupAcceptAll: 'rollup:acceptAll',
  rollupCollect: 'rollup:collect',
  rollupContributions: 'rollup:contributions',
  rollupExport: 'rollup:export',
  planAgencyMerge: 'agency:mergePlan',
  mergeAgency: 'agency:merge',
  moveReport: 'report:move',
  confirmVerified: 'report:verify',
  recarry: 'report:recarry',
  exportChecks: 'export:checks',
  exportGraphic: 'export:graphic',
  selfCheck: 'report:selfCheck',
  verifyPublished: 'verify:published',
  exportVerify: 'verify:export',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

/** The shape of `window.api`. */
export type Api = {
  [M in ApiMethod]: (input: ApiInput<(typeof API_METHODS)[M]>) => Promise<Result<ApiOutput<(typeof API_METHODS)[M]>>>;
};

/** Every channel, for handler registration and tests that no channel is missing. */
export const CHANNELS = Object.values(API_METHODS) as Channel[];

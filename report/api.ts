/**
 * The contract between the renderer and main: every channel, its input and its output. The
 * preload builds `window.api` from API_METHODS, main registers one validated handler per channel,
 * and the browser bridge of `serve:web` speaks the same channels. Types only, plus the name map.
 */

import type { TrendTable } from './trend/table';
import type { VerifyResult } from './verify/compare';
import type { AgencyLevel, CellPath, Finding, Report } from './types';
import type { CollectOutcome, Contribution, RollupExportKind, RollupView, RosterInfo, UnitLevel, UnitStatus } from './rollup';
export type { AgencyInfo, CarriedCellInfo, ReportSummary, GraphicKind, GraphicSize, SelfCheckView, OpenedReport, SaveResult, SaveOrigin, RevisionInfo, ImportPreview, MergePlanItem, TrendChartId } from './api-shapes';
import type { AgencyInfo, ReportSummary, GraphicKind, GraphicSize, SelfCheckView, OpenedReport, SaveResult, SaveOrigin, RevisionInfo, ImportPreview, MergePlanItem, TrendChartId } from './api-shapes';
export type { ExportKind, ExportOutcome, OfficialFontInfo, NoticeKey, BackupSummary, Upload, SavedFile, SkippedRecord, ArchiveExportOutcome, ArchiveStatus, RestoreSummary, ImportPlanItem, ArchiveImportPreview, ArchiveImportOutcome } from './api-files';
import type { ExportKind, ExportOutcome, OfficialFontInfo, NoticeKey, BackupSummary, Upload, SavedFile, ArchiveExportOutcome, ArchiveStatus, RestoreSummary, ArchiveImportPreview, ArchiveImportOutcome } from './api-files';

export interface ApiError {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };


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

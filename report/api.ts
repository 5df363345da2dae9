/**
 * The contract between the renderer and main: every channel, its input and its output. The
 * preload builds `window.api` from API_METHODS, main registers one validated handler per channel,
 * and the browser bridge of `serve:web` speaks the same channels. Types only, plus the name map.
 */
import type { AgencyLevel, CellPath, Finding, FormatId, Report } from './types';

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
  summary: ReportSummary;
  findings: Finding[];
  savedAt: string;
}

export interface RevisionInfo {
  id: number;
  reason: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export type ExportKind = 'docx' | 'xlsx' | 'html' | 'json';

export interface ExportOutcome {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  fileName: string;
  /** Where the desktop app wrote the file (for 「打开所在文件夹」); null in the browser mode. */
  location: string | null;
  /** In the browser mode the file is handed to the page to download instead of written by the server. */
  download: { fileName: string; mime: string; base64: string } | null;
}

export interface OfficialFontInfo {
  name: string;
  altName: string;
  usage: string;
}

/** Notices shown to the user once (stored in the archive's settings). */
export type NoticeKey = 'missing-fonts';
/** A backup in the app's backups folder; the name is the only handle the page ever gets. */
export interface BackupSummary {
  name: string;
  reason: string;
  /** 「每日自动备份」「恢复前的备份」… */
  reasonLabel: string;
  /** Local time, YYYY-MM-DDTHH:mm:ss. */
  createdAt: string;
  size: number;
}

/**
 * A file the user picked in the browser (serve:web has no native dialog). In the desktop app the
 * page leaves it out and main asks with its own dialog: the page never names a path main opens
 * or writes.
 */
export interface Upload {
  fileName: string;
  dataBase64: string;
}

/** A file main wrote where the user chose (desktop), or handed to the page to download (browser mode). */
export interface SavedFile {
  path: string | null;
  download: { fileName: string; mime: string; base64: string } | null;
}

export interface ArchiveStatus {
  readonly: boolean;
  /** Why the archive is read-only, in Chinese (empty when writable). */
  readonlyReason: string;
  file: string;
  lastBackup: BackupSummary | null;
}

export interface RestoreSummary {
  /** Reports in the restored archive. */
  reports: number;
  /** The backup of the state that was replaced. */
  safety: BackupSummary | null;
}

export interface ImportPlanItem {
  key: string;
  agency: string;
  year: number;
  /** add: new here; identical: already the same here; conflict: differs, kept unless chosen. */
  action: 'add' | 'identical' | 'conflict';
  incomingUpdatedAt: string;
  existingUpdatedAt: string | null;
  incomingDeleted: boolean;
  existingDeleted: boolean;
  revisions: number;
}

export interface ArchiveImportPreview {
  /** Names the parsed file held in main until applied or replaced by another preview. */
  token: string;
  fileName: string;
  exportedAt: string;
  items: ImportPlanItem[];
}

export interface ArchiveImportOutcome {
  added: number;
  replaced: number;
  kept: number;
  identical: number;
  backup: BackupSummary;
}

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
}

export interface ApiSpec {
  'archive:list': { input: { deleted?: boolean }; output: { agencies: AgencyInfo[]; reports: ReportSummary[] } };
  'report:open': { input: { id: number }; output: OpenedReport };
  'report:create': { input: { agency: string; year: number; carryOver?: boolean }; output: OpenedReport };
  /** Sets the cells carried from last year back to 0 (undo of the carry-over), as a revision. */
  'report:undoCarryOver': { input: { id: number }; output: OpenedReport };
  'report:save': { input: { id: number; report: Report }; output: SaveResult };
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
  'import:confirm': { input: { report: Report; replace: boolean; uncertain: CellPath[] }; output: OpenedReport };
  'agency:update': {
    input: { id: number; name?: string; level?: AgencyLevel | null; deadline?: string };
    output: AgencyInfo;
  };
  'archive:status': { input: Record<string, never>; output: ArchiveStatus };
  'backup:list': { input: Record<string, never>; output: BackupSummary[] };
  'backup:create': { input: Record<string, never>; output: BackupSummary };
  /** 「备份到…」: main asks where with a save dialog; null when the user cancelled. */
  'backup:saveAs': { input: Record<string, never>; output: SavedFile | null };
  /** 「从备份恢复」: a backup of the list by name, an uploaded file, or (neither) main's open dialog. */
  'backup:restore': { input: { name?: string; upload?: Upload }; output: RestoreSummary | null };
  'archive:export': { input: Record<string, never>; output: SavedFile | null };
  'archive:previewImport': { input: { upload?: Upload }; output: ArchiveImportPreview | null };
  'archive:applyImport': { input: { token: string; decisions: Record<string, 'keep' | 'incoming'> }; output: ArchiveImportOutcome };
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
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

/** The shape of `window.api`. */
export type Api = {
  [M in ApiMethod]: (input: ApiInput<(typeof API_METHODS)[M]>) => Promise<Result<ApiOutput<(typeof API_METHODS)[M]>>>;
};

/** Every channel, for handler registration and tests that no channel is missing. */
export const CHANNELS = Object.values(API_METHODS) as Channel[];

/**
 * The API contract (report/api.ts), its part for files going in and out: exports, backups, uploads
 * in the browser mode and the 换电脑 bundle. Types only; report/api.ts re-exports every one.
 */

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

/** Something 「导出整个档案」 could not read and left out (a damaged stored body). */
export interface SkippedRecord {
  agency: string;
  year: number;
  /** When the left-out revision was saved; null when it is the report's own content. */
  revisionAt: string | null;
}

export interface ArchiveExportOutcome extends SavedFile {
  /** What was left out (report/skipped.ts says it in one sentence); empty when nothing was. */
  skipped: SkippedRecord[];
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
  /** 汇总 roster units taken over (this PC's own roster places win). */
  rosterUnits?: number;
  backup: BackupSummary;
}


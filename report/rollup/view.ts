/** What the 汇总 screen, the CLI's --json and the exports see of one organ's collection for a year. */
import type { FormatId, Report } from '../types';
import type { Contribution } from './sum';
import type { UnitFinding, UnitLevel, UnitStatus } from './types';

export interface BoardRow {
  agency: string;
  level: UnitLevel;
  status: UnitStatus;
  /** Why 不纳入 (merged, abolished…), or the note of a 退回. */
  reason: string;
  /** YYYY-MM-DD… (ISO) of the last file received, or null. */
  receivedAt: string | null;
  fileName: string;
  /** When the unit was sent back (退回, ISO), and the YYYY-MM-DD its corrected file is due by, or null. */
  returnedAt: string | null;
  deadline: string | null;
  /** The unit's report of the year in the archive (open it in the editor), or null. */
  reportId: number | null;
  errors: number;
  warnings: number;
  /** Whether its figures are in the 汇总 (a report in, not 不纳入, right format). */
  included: boolean;
  /** Why it is left out although its report is in, or ''. */
  refused: string;
}

export interface RollupView {
  organ: string;
  year: number;
  format: FormatId;
  units: BoardRow[];
  /** Units still 未交 (names). */
  missing: string[];
  /** Every unit 已通过 or 不纳入. */
  complete: boolean;
  /** 「已收 n / 共 m」: units with a report in / units not 不纳入. */
  received: number;
  total: number;
  /** The 汇总 (agency = the organ), or null before any report is in. */
  report: Report | null;
  /** Units' findings (own checks + R-1…R-10), then the 汇总's own checks under agency 「汇总」. */
  findings: UnitFinding[];
}

/** A roster known to the archive: organ and year, with its size. */
export interface RosterInfo {
  organ: string;
  year: number;
  units: number;
}

/** The outcome of one file taken in by 「收取报告」 or `collect`. */
export interface CollectOutcome {
  fileName: string;
  /**
   * stored: in the archive; duplicate: the same content as the unit's report already in (not saved
   * again); held: figures without a reading, awaiting confirmation; refused: unreadable, wrong year
   * or not a regular file; unmatched: a close or unknown name, waiting for the office to choose the unit.
   */
  status: 'stored' | 'duplicate' | 'held' | 'refused' | 'unmatched';
  /** The agency named in the file. */
  read: string;
  /** The roster unit it was stored under (or proposed for). */
  unit: string;
  /** A close roster name to confirm (unmatched only). */
  proposal: string;
  /** A new revision of a report already in the archive. */
  replaced: boolean;
  /** Whether the unit was added to the roster by this file. */
  added: boolean;
  uncertain: number;
  errors: number;
  warnings: number;
  message: string;
}

/** 汇总表 .docx/.xlsx, 分单位明细, 问题清单, 收齐情况 (.xlsx), one unit's 退回意见. */
export type RollupExportKind = 'docx' | 'xlsx' | 'detail' | 'issues' | 'board' | 'sendback';

export type { Contribution };

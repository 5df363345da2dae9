/**
 * The shapes of the 换电脑 bundle (see ./bundle.ts for why it is JSON), apart from the code that
 * writes (bundle.ts) and checks (bundle-check.ts) it, so that neither imports the other.
 */
import type { Report } from '../../report';
import type { RosterEntry } from '../rollup/roster';

export const BUNDLE_FORMAT = 'nianbao-archive';
export const BUNDLE_VERSION = 1;
/** A bundle bigger than this is not an archive of township reports. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

export interface BundleRevision {
  reason: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  report: Report;
}

export interface BundleReport {
  agency: string;
  year: number;
  status: 'draft' | 'final';
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  carried: unknown[];
  report: Report;
  revisions: BundleRevision[];
  /** 已发布 / 待核对 (issue 15); absent in exports of older versions. */
  published?: boolean;
  publishedOn?: string | null;
  toVerify?: string[];
  /** 核对已发布 found the page the same on this day (issue 23); absent in exports of older versions. */
  verifiedOn?: string | null;
}

export interface BundleAgency {
  name: string;
  level: string | null;
  deadline: string;
  /** 本机关 (issue 15); absent in exports of older versions. */
  own?: boolean;
  /** Names before 更正名称, newest first (issue 21 #2); absent in exports of older versions. */
  formerNames?: string[];
}

export interface BundlePayload {
  exportedAt: string;
  agencies: BundleAgency[];
  reports: BundleReport[];
  /** 汇总 rosters (统计范围 and collection status); absent in exports of older versions. */
  rosters?: RosterEntry[];
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  sha256: string;
  payload: BundlePayload;
}


/** The collection of one organ and year, as the roll-up rules see it (rollup.md §3, §4). */
import type { Finding, Report } from '../types';

/** Roster level: 本级 (the collecting organ itself), 乡镇/街道, 部门, 其他. */
export const UNIT_LEVELS = ['self', 'township', 'department', 'other'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Readonly<Record<UnitLevel, string>> = {
  self: '本级',
  township: '乡镇/街道',
  department: '部门',
  other: '其他',
};

/** 未交 · 已收 · 退回 · 已通过 · 不纳入. */
export const UNIT_STATUSES = ['pending', 'received', 'returned', 'accepted', 'excluded'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_STATUS_LABELS: Readonly<Record<UnitStatus, string>> = {
  pending: '未交',
  received: '已收',
  returned: '退回',
  accepted: '已通过',
  excluded: '不纳入',
};

/** A unit whose report is in, with last year's report of the same unit when the archive has it. */
export interface CollectedUnit {
  agency: string;
  level: UnitLevel;
  report: Report;
  previous: Report | null;
}

/** A finding of one unit (its own checks or R-1…R-10), naming the unit. */
export interface UnitFinding extends Finding {
  agency: string;
}

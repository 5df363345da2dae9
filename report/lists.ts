/**
 * The closed lists of values that cross the API, the archive and the archive bundle, each written
 * once (`as const`): the types, the zod schemas (main/api/schemas.ts), the bundle checks
 * (main/lifecycle/bundle-check.ts), the merge and the renderer's labels are built from them.
 * The roll-up's unit levels and statuses live with the roll-up (report/rollup/types.ts).
 */

/** Organ level, for the rules that depend on it (T2-5, T2-6). */
export const AGENCY_LEVELS = ['township', 'county', 'city', 'province'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const isAgencyLevel = (v: unknown): v is AgencyLevel => (AGENCY_LEVELS as readonly unknown[]).includes(v);

/** Why a revision was recorded, with the words the history list shows. */
export const REVISION_REASON_LABELS = {
  create: '新建',
  edit: '编辑',
  import: '导入',
  restore: '恢复',
  finalise: '定稿',
  recompute: '按明细重算总计',
  'carry-over': '结转上年数字',
  duplicate: '复制',
  rename: '更正机关名称',
  conflict: '另存的修改（保存时报告已在其他窗口中修改）',
} as const;
export type RevisionReason = keyof typeof REVISION_REASON_LABELS;
export const REVISION_REASONS = Object.keys(REVISION_REASON_LABELS) as RevisionReason[];

export const isRevisionReason = (v: unknown): v is RevisionReason => typeof v === 'string' && Object.hasOwn(REVISION_REASON_LABELS, v);

/** The units an amount (gov-2019 采购总金额, the procurement row) is written in; 万元 first, so a pattern built from it takes the longer one. */
export const AMOUNT_UNITS = ['万元', '元'] as const;
export const AMOUNT_UNIT_PATTERN = AMOUNT_UNITS.join('|');

/** The files an import reads (the file picker's accept list, the CLI, the 汇总 intake). */
export const IMPORT_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'xlsx', 'json', 'pdf', 'csv'] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];
/** Whether a file's name has one of the importer's extensions (any case): what the intake sends to main. */
export const isImportableName = (name: string): boolean => IMPORT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(`.${e}`));

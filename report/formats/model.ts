/**
 * The shape of a format definition. A definition is declarative data: every label, merge,
 * cell type and total of one official layout, written once. The grid builders in
 * ../layout.ts, the checks, both exporters and every importer read it.
 */
import type { FormatId, TableId, TextPart } from '../types';

/** How a value cell is typed (format.md §6). */
export type CellType =
  /** integer ≥ 0 */
  | 'count'
  /** integer, may be negative (V2019 本年增/减) */
  | 'signedCount'
  /** decimal string in 万元, up to 4 decimals (V2021 本年收费金额) */
  | 'money'
  /** decimal string whose unit (元/万元) is a property of the row (V2019 采购总金额) */
  | 'amount';

/** One value column of a Table 二 block. `span` = grid columns the cell covers. */
export interface ActiveField {
  key: string;
  label: string;
  type: CellType;
  span: number;
}

export interface ActiveRow {
  key: string;
  label: string;
  /** Label forms seen in published copies (format.md §11/§12); accepted on import, never generated. */
  aliases?: readonly string[];
  /** A row property that is not a cell (V2019 procurement unit). */
  unitProperty?: boolean;
}

/** A block of Table 二: the 第二十条第（X）项 section row, its 信息内容 header row, its data rows. */
export interface ActiveBlock {
  title: string;
  fields: readonly ActiveField[];
  rows: readonly ActiveRow[];
}

export interface ActiveTableDef {
  /** Label of the first column in every 信息内容 header row. */
  contentLabel: string;
  gridColumns: number;
  /** Relative widths of the grid columns (format.md §10.3 proportions). */
  widths: readonly number[];
  blocks: readonly ActiveBlock[];
}

export interface RequestColumn {
  label: string;
  /** Label of the header cell above it (法人或其他组织), if any. */
  parent?: string;
  aliases?: readonly string[];
  /** The 总计 column: sum of the six applicant columns. */
  total?: boolean;
}

export interface RequestRow {
  key: string;
  label: string;
  /** Level-1 group spanning several rows (三、本年度办理结果). */
  group?: string;
  /** Level-2 group inside the group ((三)不予公开 …). */
  subgroup?: string;
  aliases?: readonly string[];
  /** The （七）总计 row: sum of every result row of the group. */
  total?: boolean;
}

export interface RequestsTableDef {
  /** The printed 勾稽 note in the top-left header cell. */
  note: string;
  applicantHeader: string;
  columns: readonly RequestColumn[];
  rows: readonly RequestRow[];
  /** Relative widths: 3 label columns then 7 numeric columns. */
  widths: readonly number[];
}

export interface AppealGroup {
  key: string;
  label: string;
  /** 行政诉讼 above the two litigation groups. */
  parent?: string;
}

export interface AppealsTableDef {
  groups: readonly AppealGroup[];
  /** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 (the last is the total). */
  outcomes: readonly string[];
  widths: readonly number[];
}

/** Heading variants seen in published reports (format.md §2.1); accepted on import, never generated. */
interface SectionHeading {
  heading: string;
  aliases?: readonly string[];
}

export type SectionDef =
  | (SectionHeading & { kind: 'text'; part: TextPart; hint: string; scaffold: readonly string[] })
  /** `sheetName`: the short name of the table, e.g. 表二 主动公开 (an .xlsx sheet, a tab). */
  | (SectionHeading & { kind: 'table'; table: TableId; sheetName: string });

export interface FormatDef {
  id: FormatId;
  /** The issuing notice, e.g. 国办公开办函〔2021〕30号. */
  notice: string;
  noticeTitle: string;
  firstYear: number;
  lastYear: number | null;
  /** The six sections in order, with their exact headings. */
  sections: readonly SectionDef[];
  preambleHint: string;
  active: ActiveTableDef;
  requests: RequestsTableDef;
  appeals: AppealsTableDef;
}

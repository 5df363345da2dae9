/** The options of `export` (the report, or with --graphic its 图解: export-graphic.ts). */
export interface ExportOpts {
  db?: string;
  agency?: string;
  year?: string;
  out?: string;
  from?: string;
  /** The 图解 instead of the report (export-graphic.ts). */
  graphic?: boolean;
  size?: string;
}

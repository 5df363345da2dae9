/** The report domain, shared by main and renderer: pure TypeScript, no Node, no DOM. */
export * from './types';
export { FORMATS, FORMAT_IDS, FIRST_YEAR, formatForYear, formatLabel, getFormat, isFormatId } from './formats';
export type { FormatDef } from './formats';
export { layoutOf } from './layout';
export type { CellInfo, FormatLayout, GridItem, GridLabel, GridRow, GridValue, TableGrid, TotalDef } from './layout';
export { getCell, setCell, cloneReport, countOf } from './cells';
export { computeTotals, staleTotals } from './totals';
export { emptyReport } from './empty';
export { validateJson, formatValidationErrors } from './validate';
export type { ValidationError, ValidationResult } from './validate';
export { runChecks, hasErrors, inferLevel } from './checks';
export type { CheckOptions } from './checks';
export { reportTitle } from './text';
export { parseCellInput, normalizeNumberText } from './numbers';

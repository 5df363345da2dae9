/**
 * The outcome of any import, and its assembly from what the readers found: cells read, blanks,
 * cells with no reading (null), uncertain cells, the importer's notes and the §7 checks.
 */
import { getCell, setCell } from '../../report/cells';
import { runChecks } from '../../report/checks';
import { finding } from '../../report/checks/helpers';
import { emptyReport } from '../../report/empty';
import { layoutOf } from '../../report/layout';
import type { CellPath, Finding, FormatId, Report, TextPart } from '../../report/types';
import { safetyNet } from './safety-net';
import { groupNoFigureNotes } from './text/notes';

export type ImportSource = 'text' | 'html' | 'docx' | 'xlsx' | 'json' | 'pdf';

export interface ImportOptions {
  /** The organ the clerk is importing for: used when the document names none. */
  agency?: string;
  /** The year asked for: a report of another year is refused (ImportError YEAR_MISMATCH). */
  year?: number;
}

export interface ImportResult {
  source: ImportSource;
  /** The report read. A cell with no reading holds 0 here (what --accept-uncertain stores) and is listed in `nulls`. */
  report: Report;
  /** Cells with no reading at all (a table cut short, figures that cannot be split). */
  nulls: CellPath[];
  /** Cells not read with certainty, `nulls` included; each holds its best reading. */
  uncertain: CellPath[];
  /** The importer's notes (rule IMPORT-…) first, then the checks of format.md §7 (X-5 with the headings found). */
  findings: Finding[];
  /** Section headings as printed, in order (for X-5 and the preview). */
  headings: string[];
}

/** What `import --dry-run --json` prints for one file (report-json.md): the report, null for cells with no reading, findings, uncertain. */
export function toDryRunJson(result: ImportResult): Record<string, unknown> {
  const out = structuredClone(result.report) as unknown as Record<string, unknown>;
  for (const path of result.nulls) {
    const [table, row, field] = path.split('.') as [string, string, string];
    const rows = out[table] as Record<string, Record<string, unknown> | unknown[]>;
    const r = rows[row]!;
    if (Array.isArray(r)) r[Number(field)] = null;
    else r[field] = null;
  }
  return { ...out, findings: result.findings, uncertain: result.uncertain };
}

/** What the readers found, before assembly. Values: string as printed, null = blank cell, absent/undefined = no reading. */
/** Cells whose figures were split or joined by rule (the importer's IMPORT-GLUED / IMPORT-EVIDENCE / IMPORT-WRAPPED notes). */
export const splitCells = (result: ImportResult): string[] => [
  ...new Set(result.findings.filter((f) => f.rule === 'IMPORT-GLUED' || f.rule === 'IMPORT-EVIDENCE' || f.rule === 'IMPORT-WRAPPED').flatMap((f) => f.cells)),
];

export interface Readings {
  source: ImportSource;
  format: FormatId;
  year: number;
  agency: string;
  text: Partial<Record<TextPart, string>>;
  closing?: { agency: string; date: string };
  values: Map<CellPath, string | null | undefined>;
  units: Map<CellPath, string>;
  uncertain: Set<CellPath>;
  notes: Finding[];
  /** Total cells written as formulas without a cached result (Excel files): computed, not a blank in the source. */
  formulas?: Set<CellPath>;
  /** Headings found in a document (text, HTML, Word); absent for sources without sections (Excel). */
  headings?: string[];
}

const MAX_TEXT = 200_000;

const isIsoDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

export function assemble(r: Readings): ImportResult {
  const layout = layoutOf(r.format);
  const report = emptyReport(r.format, r.agency, r.year);
  for (const part of ['preamble', 'overview', 'problems', 'other'] as const) report.text[part] = (r.text[part] ?? '').slice(0, MAX_TEXT);
  const closingDate = r.closing && isIsoDate(r.closing.date) ? r.closing.date : '';
  report.closing = { agency: (r.closing?.agency ?? '').slice(0, 100), date: closingDate };

  const nulls = new Set<CellPath>();
  const blanks = new Set<CellPath>();
  for (const cell of layout.cells) {
    const v = r.values.get(cell.path);
    const money = cell.type === 'money' || cell.type === 'amount';
    if (v === undefined) {
      nulls.add(cell.path);
      setCell(report, cell.path, money ? '0' : 0);
    } else if (v === null) {
      blanks.add(cell.path);
      setCell(report, cell.path, money ? '0' : 0);
    } else setCell(report, cell.path, money ? v.replace(/^0+(?=\d)/, '') : Number(v));
  }
  for (const [path, unit] of r.units) {
    const [, row] = path.split('.');
    const fields = report.active[row!];
    if (fields && 'unit' in fields && (unit === '元' || unit === '万元')) fields.unit = unit;
  }

  // A blank total is not a zero: it is computed from its cells (report-json.md), in evaluation order.
  const computed: CellPath[] = [];
  // A total computed from an unsure cell is as unsure as it.
  const unsureTotals = new Set<CellPath>();
  for (const t of layout.totals) {
    if (!t.computes || !blanks.has(t.path)) continue;
    if (t.of.some((p) => nulls.has(p))) {
      nulls.add(t.path);
      continue;
    }
    setCell(report, t.path, t.of.reduce((s, p) => s + Number(getCell(report, p) ?? 0), 0));
    computed.push(t.path);
    if (t.of.some((p) => r.uncertain.has(p) || unsureTotals.has(p))) unsureTotals.add(t.path);
  }
  const notes = [...r.notes];
  const blankInSource = computed.filter((p) => !r.formulas?.has(p));
  if (blankInSource.length)
    notes.push(finding('IMPORT-BLANK-TOTAL', 'warning', blankInSource, null, null,
      `原表有${blankInSource.length}个总计格为空，已按其明细计算填入：${blankInSource.map((p) => `${layout.cellByPath.get(p)?.name ?? p}（${getCell(report, p)}）`).slice(0, 8).join('、')}${blankInSource.length > 8 ? '等' : ''}`));

  // Every reader's tables meet here: the rules decide whether the reading can be trusted (safety-net.ts).
  const net = safetyNet(report, nulls);
  notes.push(...net.notes);
  const uncertain = new Set([...r.uncertain, ...nulls, ...unsureTotals, ...net.flagged]);
  // A rule about a cell with no reading says nothing the IMPORT notes have not said already.
  // Checked as published: the completeness warnings of a draft (no 成文日期, …) are not the importer's business.
  const checks = runChecks(report, { completeness: false, ...(r.headings && r.source !== 'xlsx' ? { headings: r.headings } : {}) }).filter((f) => !f.cells.some((c) => nulls.has(c)));
  return {
    source: r.source,
    report,
    nulls: layout.cells.map((c) => c.path).filter((p) => nulls.has(p)),
    uncertain: layout.cells.map((c) => c.path).filter((p) => uncertain.has(p)),
    findings: [...groupNoFigureNotes(notes), ...checks],
    headings: r.headings ?? [],
  };
}

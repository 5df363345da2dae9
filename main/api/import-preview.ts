/**
 * The preview of an import: what was read, what is uncertain, the checks, and how it differs from
 * the report already archived for that agency and year. Nothing is written here.
 */
import { getCell, layoutOf, TEXT_PARTS, type Report } from '../../report';
import type { ImportPreview, ReportSummary, Upload } from '../../report/api';
import type { Db } from '../db/open';
import { listAgencies } from '../db/agencies';
import { findReport, getReportBody } from '../db/reports';
import { sameAgency } from '../import/text';
import { samePlace } from '../../report/agency';
import { importFile, importText, splitCells, type ImportResult } from '../import';
import { partTitle } from '../../report/checks/text';

export async function readImport(input: { file?: Upload; text?: string; agency?: string; year?: number }): Promise<ImportResult> {
  const opts = { ...(input.agency ? { agency: input.agency } : {}), ...(input.year ? { year: input.year } : {}) };
  if (input.file) return importFile(input.file.fileName, Buffer.from(input.file.dataBase64, 'base64'), opts);
  return importText(input.text ?? '', opts);
}

/** Cell by cell (and text part by part), where the incoming report differs from the archived one. */
export function differences(archived: Report, incoming: Report): ImportPreview['differences'] {
  const out: ImportPreview['differences'] = [];
  if (archived.format !== incoming.format) return [{ path: 'format', name: '格式', archived: archived.format, incoming: incoming.format }];
  for (const c of layoutOf(incoming.format).cells) {
    const a = String(getCell(archived, c.path) ?? '');
    const b = String(getCell(incoming, c.path) ?? '');
    if (a !== b) out.push({ path: c.path, name: c.name, archived: a, incoming: b });
  }
  for (const p of TEXT_PARTS)
    if (archived.text[p] !== incoming.text[p]) out.push({ path: `text.${p}`, name: partTitle(incoming, p), archived: `${archived.text[p].length}字`, incoming: `${incoming.text[p].length}字` });
  return out;
}

/**
 * The archived agency a read report belongs to by default: the one the user chose when the file's
 * name is close to it (「青石镇人民政府」 for 「示例县青石镇人民政府」), else an agency of exactly the
 * file's name, else one close to it, else the government of the same place named in another form
 * (issue 21 #7), the 本机关 first; null means a new agency under the file's name.
 */
export function suggestAgency(db: Db, read: string, chosen: string | undefined): string | null {
  const agencies = listAgencies(db);
  const names = agencies.map((a) => a.name);
  const pick = chosen?.trim();
  if (pick && (!read || read === pick || sameAgency(read, pick) || samePlace(read, pick))) return pick;
  if (!read) return null;
  if (names.includes(read)) return read;
  // The 本机关 first, so that it wins among equals.
  const ordered = [...agencies].sort((a, b) => Number(b.own) - Number(a.own)).map((a) => a.name);
  const near = ordered.filter((n) => sameAgency(read, n));
  if (near.length === 1) return near[0]!;
  if (near.length > 1) {
    // 「勐溪镇」 (a title without 人民政府) is close to the town's government and to its offices
    // (勐溪镇财政所): the government when there is exactly one, else the clerk decides.
    const governments = near.filter((n) => /(人民政府|政府)$/.test(n));
    return governments.length === 1 ? governments[0]! : null;
  }
  // The same place's government in another form (「洪泽县人民政府」 for 「淮安市洪泽区人民政府」).
  return ordered.find((n) => samePlace(read, n)) ?? null;
}

export function previewOf(db: Db, result: ImportResult, toSummary: (id: number) => ReportSummary, chosen?: string): ImportPreview {
  const agencyRead = result.report.agency;
  const suggestedAgency = suggestAgency(db, agencyRead, chosen);
  const existingRow = findReport(db, suggestedAgency ?? agencyRead, result.report.year);
  return {
    source: result.source,
    report: result.report,
    nulls: result.nulls,
    uncertain: result.uncertain,
    findings: result.findings,
    headings: result.headings,
    existing: existingRow ? toSummary(existingRow.id) : null,
    differences: existingRow ? differences(getReportBody(db, existingRow.id), result.report) : [],
    agencyRead,
    suggestedAgency,
    split: splitCells(result),
  };
}

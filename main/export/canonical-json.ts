/**
 * The report in its canonical JSON form (report-json.md): keys in the order of the spec and of the
 * format definition (rows, fields, table order), 2-space indent, so two exports of equal reports are
 * byte-identical and diff cleanly.
 */
import { getFormat, TEXT_PARTS, type ActiveValue, type Report } from '../../report';

export function canonicalReport(report: Report): Report {
  const def = getFormat(report.format);
  const active: Report['active'] = {};
  for (const block of def.active.blocks)
    for (const row of block.rows) {
      const src = report.active[row.key] ?? {};
      const out: Record<string, ActiveValue> = {};
      for (const f of block.fields) if (src[f.key] !== undefined) out[f.key] = src[f.key]!;
      if (row.unitProperty && src.unit !== undefined) out.unit = src.unit;
      active[row.key] = out;
    }
  const requests: Report['requests'] = {};
  for (const row of def.requests.rows) if (report.requests[row.key]) requests[row.key] = [...report.requests[row.key]!];
  const appeals: Report['appeals'] = {};
  for (const g of def.appeals.groups) if (report.appeals[g.key]) appeals[g.key] = [...report.appeals[g.key]!];
  const text = Object.fromEntries(TEXT_PARTS.map((p) => [p, report.text[p] ?? ''])) as Report['text'];
  return {
    format: report.format,
    year: report.year,
    agency: report.agency,
    text,
    active,
    requests,
    appeals,
    closing: { agency: report.closing.agency, date: report.closing.date },
  };
}

export function canonicalJson(report: Report): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}

/** A new year as the official template: every cell 0, the text scaffolded. */
import { getFormat } from './formats';
import { scaffoldPreamble, scaffoldSection } from './text';
import type { ActiveValue, FormatId, Report } from './types';

export function emptyReport(format: FormatId, agency: string, year: number): Report {
  const def = getFormat(format);
  const active: Report['active'] = {};
  for (const block of def.active.blocks) {
    for (const row of block.rows) {
      const fields: Record<string, ActiveValue> = {};
      for (const f of block.fields) fields[f.key] = f.type === 'money' || f.type === 'amount' ? '0' : 0;
      if (row.unitProperty) fields.unit = '万元';
      active[row.key] = fields;
    }
  }
  const requests: Report['requests'] = {};
  for (const row of def.requests.rows) requests[row.key] = def.requests.columns.map(() => 0);
  const appeals: Report['appeals'] = {};
  for (const g of def.appeals.groups) appeals[g.key] = def.appeals.outcomes.map(() => 0);
  const name = agency.trim();
  return {
    format,
    year,
    agency: name,
    text: {
      preamble: scaffoldPreamble(format, name, year),
      overview: scaffoldSection(format, 'overview', year),
      problems: scaffoldSection(format, 'problems', year),
      other: scaffoldSection(format, 'other', year),
    },
    active,
    requests,
    appeals,
    closing: { agency: name, date: '' },
  };
}

/**
 * Test helpers: fixtures, and a report written out as a published copy in the layouts real copies
 * come in (markdown, pipe-separated, one cell per line, tab-separated, PDF text with glued figures),
 * generated from the format definition's grids so the tests do not depend on hand-typed labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import { layoutOf, type GridItem } from '../../report/layout';
import { reportTitle } from '../../report/text';
import type { Report } from '../../report/types';
import { validateJson } from '../../report/validate';

export const SHARED = join(import.meta.dirname, '../../../shared/fixtures');
export const PUBLISHED = join(SHARED, 'published');

export function loadReport(path: string): Report {
  const v = validateJson(JSON.parse(readFileSync(path, 'utf8')));
  if (!v.ok) throw new Error(`${path}: ${JSON.stringify(v.errors)}`);
  return v.report;
}

/** Expected figures of a published fixture (its .json has no text, which validateJson allows). */
export const expected = (name: string): Report => loadReport(join(PUBLISHED, `${name}.json`));

/** Cells that differ, as "path: got ≠ want". */
export function cellDiffs(got: Report, want: Report): string[] {
  return layoutOf(want.format).cells
    .filter((c) => getCell(got, c.path) !== getCell(want, c.path))
    .map((c) => `${c.path}: ${String(getCell(got, c.path))} ≠ ${String(getCell(want, c.path))}`);
}

/** Cells that differ from the expected figures and are not flagged: the one outcome never allowed. */
export function unflaggedWrong(r: { report: Report; uncertain: readonly string[] }, want: Report): string[] {
  return cellDiffs(r.report, want).filter((d) => !r.uncertain.includes(d.split(':')[0]!));
}

export type Style = 'markdown' | 'pipe' | 'lines' | 'tabs' | 'glued';

export interface RenderOptions {
  /** Leave zero applicant/outcome cells blank (many sites do). */
  blankZeros?: boolean;
  /** Leave every total cell blank (a blank 总计 column). */
  blankTotals?: boolean;
  /** Stop the copy right after this row label (a table cut short). */
  cutAfter?: string;
}

function cellsOf(report: Report, items: GridItem[], o: RenderOptions): string[] {
  return items.map((it) => {
    if (it.kind === 'label') return it.text;
    const v = getCell(report, it.path);
    if (o.blankTotals && it.cell.totalOf) return '';
    if (o.blankZeros && (v === 0 || v === '0') && !it.cell.totalOf) return '';
    return String(v);
  });
}

function row(cells: string[], style: Style): string {
  switch (style) {
    case 'markdown':
      return `| ${cells.join(' | ')} |`;
    case 'pipe':
      return `${cells.join(' | ')} |`;
    case 'lines':
      return cells.map((c) => `${c} |`).join('\n');
    case 'tabs':
      return cells.join('\t');
    case 'glued':
      return cells.join('');
  }
}

/** The report as a published copy: title, preamble, six headings with text or tables, closing. */
export function renderReport(report: Report, style: Style, o: RenderOptions = {}): string {
  const def = getFormat(report.format);
  const layout = layoutOf(report.format);
  const out: string[] = [reportTitle(report.agency, report.year), report.text.preamble];
  let cut = false;
  for (const s of def.sections) {
    if (cut) break;
    out.push(s.heading);
    if (s.kind === 'text') {
      out.push(report.text[s.part]);
      continue;
    }
    const lines: string[] = [];
    for (const r of layout.grids[s.table].rows) {
      const cells = cellsOf(report, r.cells, o);
      lines.push(row(cells, style));
      if (o.cutAfter && r.cells.some((c) => c.kind === 'label' && c.text === o.cutAfter)) {
        cut = true;
        break;
      }
    }
    out.push(lines.join(style === 'glued' ? ' ' : '\n'));
  }
  if (!cut && report.closing.agency) out.push(report.closing.agency);
  return out.join('\n');
}

/**
 * Builds, from a format definition, everything the grid, the checks, the exporters and the
 * importers need: the table grids with their merges, every value cell with its path, type and
 * accessible name, and which cells are totals of which. Nothing here adds a label of its own.
 */
import { getFormat } from './formats';
import type { FormatDef } from './formats/model';
import type { CellPath, FormatId, TableId } from './types';

// The grid's types (what every table is drawn, exported and read from): ./layout-types.ts.
export type { CellInfo, GridLabel, GridValue, GridItem, GridRow, TableGrid, TotalRule, TotalDef, FormatLayout } from './layout-types';
import type { CellInfo, GridLabel, GridValue, GridItem, GridRow, TableGrid, TotalDef, FormatLayout } from './layout-types';

const label = (text: string, role: GridLabel['role'], rowSpan = 1, colSpan = 1, vertical = false): GridLabel =>
  vertical ? { kind: 'label', text, rowSpan, colSpan, role, vertical } : { kind: 'label', text, rowSpan, colSpan, role };

function requestTotals(def: FormatDef): TotalDef[] {
  const { rows, columns } = def.requests;
  const totalCol = columns.findIndex((c) => c.total);
  const applicantCols = columns.map((_, i) => i).filter((i) => i !== totalCol);
  const resultRows = rows.filter((r) => r.group && !r.total);
  const totalRow = rows.find((r) => r.total);
  if (!totalRow || totalCol < 0) throw new Error(`${def.id}: Table 三 has no total row or column`);
  const rowTotal = (key: string): TotalDef => ({
    path: `requests.${key}.${totalCol}`,
    of: applicantCols.map((c) => `requests.${key}.${c}`),
    rule: 'T3-3',
    computes: true,
  });
  return [
    ...rows.filter((r) => !r.total).map((r) => rowTotal(r.key)),
    ...columns.map((_, c) => ({
      path: `requests.${totalRow.key}.${c}`,
      of: resultRows.map((r) => `requests.${r.key}.${c}`),
      rule: 'T3-2' as const,
      computes: c !== totalCol,
    })),
    rowTotal(totalRow.key),
  ];
}

function appealTotals(def: FormatDef): TotalDef[] {
  const last = def.appeals.outcomes.length - 1;
  return def.appeals.groups.map((g) => ({
    path: `appeals.${g.key}.${last}`,
    of: Array.from({ length: last }, (_, i) => `appeals.${g.key}.${i}`),
    rule: 'T4-1' as const,
    computes: true,
  }));
}

function activeGrid(def: FormatDef, cells: CellInfo[]): TableGrid {
  const t = def.active;
  const rows: GridRow[] = [];
  for (const block of t.blocks) {
    rows.push({ role: 'section', cells: [label(block.title, 'section', 1, t.gridColumns)] });
    rows.push({
      role: 'content',
      cells: [label(t.contentLabel, 'content'), ...block.fields.map((f) => label(f.label, 'content', 1, f.span))],
    });
    for (const row of block.rows) {
      const values: GridValue[] = block.fields.map((f) => {
        const cell: CellInfo = {
          path: `active.${row.key}.${f.key}`,
          table: 'active',
          type: f.type,
          rowLabel: row.label,
          colLabel: f.label,
          name: `${row.label} ${f.label}`,
        };
        cells.push(cell);
        return { kind: 'value', path: cell.path, rowSpan: 1, colSpan: f.span, cell };
      });
      rows.push({ role: 'data', cells: [label(row.label, 'rowLabel'), ...values] });
    }
  }
  return { table: 'active', ...tableSection(def, 'active'), gridColumns: t.gridColumns, widths: t.widths, headerRows: 0, rows };
}

function requestsGrid(def: FormatDef, cells: CellInfo[], totals: TotalDef[]): TableGrid {
  const t = def.requests;
  const labelCols = 3;
  const parent = t.columns.find((c) => c.parent)?.parent;
  const parentCount = t.columns.filter((c) => c.parent).length;
  const header: GridRow[] = [
    { role: 'header', cells: [label(t.note, 'header', 3, labelCols), label(t.applicantHeader, 'header', 1, t.columns.length)] },
    { role: 'header', cells: [] },
    { role: 'header', cells: [] },
  ];
  let parentPlaced = false;
  for (const col of t.columns) {
    if (col.parent) {
      if (!parentPlaced && parent) header[1]!.cells.push(label(parent, 'header', 1, parentCount));
      parentPlaced = true;
      header[2]!.cells.push(label(col.label, 'header'));
    } else {
      header[1]!.cells.push(label(col.label, 'header', 2, 1));
    }
  }
  const totalsByPath = new Map(totals.filter((d) => d.computes).map((d) => [d.path, d.of]));
  const body: GridRow[] = t.rows.map((row, i) => {
    const prev = t.rows[i - 1];
    const labels: GridLabel[] = [];
    if (!row.group) labels.push(label(row.label, 'rowLabel', 1, labelCols));
    else {
      if (prev?.group !== row.group) {
        const span = t.rows.filter((r) => r.group === row.group).length;
        labels.push(label(row.group, 'rowLabel', span, 1, true));
      }
      if (!row.subgroup) labels.push(label(row.label, 'rowLabel', 1, labelCols - 1));
      else {
        if (prev?.subgroup !== row.subgroup) {
          const span = t.rows.filter((r) => r.subgroup === row.subgroup).length;
          labels.push(label(row.subgroup, 'rowLabel', span, 1, true));
        }
        labels.push(label(row.label, 'rowLabel'));
      }
    }
    const rowLabel = row.subgroup ? `${row.subgroup} ${row.label}` : row.label;
    const values: GridValue[] = t.columns.map((col, c) => {
      const path = `requests.${row.key}.${c}`;
      const of = totalsByPath.get(path);
      const cell: CellInfo = {
        path,
        table: 'requests',
        type: 'count',
        rowLabel,
        colLabel: col.label,
        name: `${rowLabel} ${col.label}`,
        ...(of ? { totalOf: of } : {}),
      };
      cells.push(cell);
      return { kind: 'value', path, rowSpan: 1, colSpan: 1, cell };
    });
    return { role: 'data', cells: [...labels, ...values] };
  });
  return {
    table: 'requests',
    ...tableSection(def, 'requests'),
    gridColumns: labelCols + t.columns.length,
    widths: t.widths,
    headerRows: 3,
    rows: [...header, ...body],
  };
}

function appealsGrid(def: FormatDef, cells: CellInfo[], totals: TotalDef[]): TableGrid {
  const t = def.appeals;
  const n = t.outcomes.length;
  const row1: GridItem[] = [];
  const row2: GridItem[] = [];
  const row3: GridItem[] = [];
  const data: GridItem[] = [];
  const totalsByPath = new Map(totals.map((d) => [d.path, d.of]));
  const parentsDone = new Set<string>();
  for (const g of t.groups) {
    if (!g.parent) {
      row1.push(label(g.label, 'header', 1, n));
      t.outcomes.forEach((o) => row2.push(label(o, 'header', 2, 1)));
    } else {
      if (!parentsDone.has(g.parent)) {
        const span = t.groups.filter((x) => x.parent === g.parent).length * n;
        row1.push(label(g.parent, 'header', 1, span));
        parentsDone.add(g.parent);
      }
      row2.push(label(g.label, 'header', 1, n));
      t.outcomes.forEach((o) => row3.push(label(o, 'header')));
    }
    const rowLabel = g.parent ? `${g.parent} ${g.label}` : g.label;
    t.outcomes.forEach((o, i) => {
      const path = `appeals.${g.key}.${i}`;
      const of = totalsByPath.get(path);
      const cell: CellInfo = {
        path,
        table: 'appeals',
        type: 'count',
        rowLabel,
        colLabel: o,
        name: `${rowLabel} ${o}`,
        ...(of ? { totalOf: of } : {}),
      };
      cells.push(cell);
      data.push({ kind: 'value', path, rowSpan: 1, colSpan: 1, cell });
    });
  }
  return {
    table: 'appeals',
    ...tableSection(def, 'appeals'),
    gridColumns: t.groups.length * n,
    widths: t.widths,
    headerRows: 3,
    rows: [
      { role: 'header', cells: row1 },
      { role: 'header', cells: row2 },
      { role: 'header', cells: row3 },
      { role: 'data', cells: data },
    ],
  };
}

function tableSection(def: FormatDef, table: TableId): { heading: string; sheetName: string } {
  const s = def.sections.find((x) => x.kind === 'table' && x.table === table);
  if (!s || s.kind !== 'table') throw new Error(`${def.id}: no section for ${table}`);
  return { heading: s.heading, sheetName: s.sheetName };
}

function build(id: FormatId): FormatLayout {
  const format = getFormat(id);
  const cells: CellInfo[] = [];
  const totals = [...requestTotals(format), ...appealTotals(format)];
  const grids = {
    active: activeGrid(format, cells),
    requests: requestsGrid(format, cells, totals),
    appeals: appealsGrid(format, cells, totals),
  };
  return { format, grids, cells, cellByPath: new Map(cells.map((c) => [c.path, c])), totals };
}

const cache = new Map<FormatId, FormatLayout>();

/** The layout of a format, built once. */
export function layoutOf(id: FormatId): FormatLayout {
  let l = cache.get(id);
  if (!l) {
    l = build(id);
    cache.set(id, l);
  }
  return l;
}

/** Totals a cell takes part in, and whether the cell is itself computed. */
export function isTotalCell(id: FormatId, path: CellPath): boolean {
  return layoutOf(id).cellByPath.get(path)?.totalOf !== undefined;
}

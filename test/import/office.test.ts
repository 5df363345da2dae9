/**
 * .docx and .xlsx in the standard layout, built here from the definition's grids (with the docx and
 * exceljs packages), imported back to the same figures.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import { layoutOf, type TableGrid } from '../../report/layout';
import { reportTitle } from '../../report/text';
import type { Report } from '../../report/types';
import { cellDiffs, expected, loadReport, SHARED } from './helpers';

const qingshi = loadReport(`${SHARED}/reports/qingshi-2024.json`);

const valueText = (r: Report, path: string) => String(getCell(r, path));

/** The grid as Word rows: vertical merges written as restart + continue cells, as Word does. */
function docxTable(r: Report, grid: TableGrid): Table {
  const pending = new Map<number, number>(); // grid column → rows still covered from above
  const rows = grid.rows.map((row) => {
    const cells: TableCell[] = [];
    let col = 0;
    const items = [...row.cells];
    while (items.length || [...pending.keys()].some((c) => c >= col)) {
      const left = pending.get(col);
      if (left) {
        cells.push(new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }));
        if (left > 1) pending.set(col, left - 1);
        else pending.delete(col);
        col++;
        continue;
      }
      const it = items.shift();
      if (!it) break;
      const text = it.kind === 'label' ? it.text : valueText(r, it.path);
      const rowSpan = it.kind === 'label' ? it.rowSpan : 1;
      if (rowSpan > 1) pending.set(col, rowSpan - 1);
      cells.push(new TableCell({
        children: [new Paragraph({ children: [new TextRun(text)], alignment: AlignmentType.CENTER })],
        columnSpan: it.colSpan,
        ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
      }));
      col += it.colSpan;
    }
    return new TableRow({ children: cells });
  });
  return new Table({ rows });
}

async function buildDocx(r: Report): Promise<Buffer> {
  const def = getFormat(r.format);
  const layout = layoutOf(r.format);
  const children: (Paragraph | Table)[] = [new Paragraph(reportTitle(r.agency, r.year)), new Paragraph(r.text.preamble)];
  for (const s of def.sections) {
    children.push(new Paragraph(s.heading));
    if (s.kind === 'text') for (const p of r.text[s.part].split('\n')) children.push(new Paragraph(p));
    else children.push(docxTable(r, layout.grids[s.table]));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A county office's sheet: a merged title row, the three tables one under another from column B, money as a number with its format. */
async function buildXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年报');
  ws.getCell('B1').value = reportTitle(r.agency, r.year);
  ws.mergeCells('B1:K1');
  let top = 3;
  const layout = layoutOf(r.format);
  for (const table of ['active', 'requests', 'appeals'] as const) {
    const grid = layout.grids[table];
    ws.getCell(top, 2).value = grid.heading;
    top++;
    const taken = new Set<string>();
    grid.rows.forEach((row, i) => {
      let col = 2;
      for (const it of row.cells) {
        while (taken.has(`${top + i}:${col}`)) col++;
        const cell = ws.getCell(top + i, col);
        if (it.kind === 'label') cell.value = it.text;
        else {
          const v = getCell(r, it.path);
          cell.value = typeof v === 'string' ? Number(v) : v!;
          if (typeof v === 'string') cell.numFmt = v.includes('.') ? `0.${'0'.repeat(v.split('.')[1]!.length)}` : '0';
        }
        const rs = it.kind === 'label' ? it.rowSpan : 1;
        if (rs > 1 || it.colSpan > 1) ws.mergeCells(top + i, col, top + i + rs - 1, col + it.colSpan - 1);
        for (let a = 0; a < rs; a++) for (let b = 0; b < it.colSpan; b++) taken.add(`${top + i + a}:${col + b}`);
        col += it.colSpan;
      }
    });
    top += grid.rows.length + 1;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.docx in the standard layout', () => {
  it('qingshi 2024: every cell, text, headings', async () => {
    const r = await importFile('青石镇2024年报.docx', await buildDocx(qingshi));
    expect(r.source).toBe('docx');
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.report.agency).toBe(qingshi.agency);
    expect(r.report.text.overview).toBe(qingshi.text.overview);
    expect(r.headings).toEqual(getFormat('gov-2021').sections.map((s) => s.heading));
  });

  it('a 2019-format report (wenquan figures, vertical merges in Table 三)', async () => {
    const w = expected('wenquan-2020');
    w.requests.newReceived = [3, 1, 0, 0, 0, 0, 4];
    w.requests.granted = [3, 1, 0, 0, 0, 0, 4];
    w.requests.resultTotal = [3, 1, 0, 0, 0, 0, 4];
    w.active.licensing = { previousItems: 12, change: -2, decisions: 30 };
    const r = await importFile('wenquan.docx', await buildDocx(w));
    expect(cellDiffs(r.report, w)).toEqual([]);
    expect(r.report.format).toBe('gov-2019');
  });
});

describe('.xlsx in the standard layout', () => {
  it('a county sheet: tables found by their labels, not their addresses; money from value + number format', async () => {
    const r = await importFile('青石镇.xlsx', await buildXlsx(qingshi));
    expect(r.source).toBe('xlsx');
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    expect(r.report.active.fees!.amount).toBe(qingshi.active.fees!.amount);
    expect(r.uncertain).toEqual([]);
  });

  it('a year other than the one asked is refused', async () => {
    await expect(importFile('青石镇.xlsx', await buildXlsx(qingshi), { year: 2023 })).rejects.toMatchObject({ code: 'YEAR_MISMATCH' });
  });
});

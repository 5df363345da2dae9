/**
 * A table grid of the definition as a real Word table: gridSpan / vMerge merges exactly as the grid
 * says, a border on every cell, fixed layout with the definition's relative widths scaled to the text
 * width, header rows repeated on each page, no row split across pages. Every cell paragraph, the
 * continuation cells of a vertical merge included, states its spacing, size and fonts, as WPS writes
 * the official template: Word and LibreOffice fill missing properties differently.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Report, TableGrid } from '../../report';
import { FONTS } from './fonts';
import { placeGrid, scaleWidths, type PlacedCell } from './grid';
import { cellText } from './values';
import { labelLines } from './labels';

/** Table text in half-points: 五号 (10.5 pt) where the grid has room, 小五 (9 pt) for Table 三's ten columns. */
const TABLE_SIZE: Record<TableGrid['table'], number> = { active: 21, requests: 18, appeals: 21 };

/** Side padding in twips: narrow for Tables 三 and 四 so Table 四's 15 columns hold two characters per line. */
const PAD_X: Record<TableGrid['table'], number> = { active: 60, requests: 45, appeals: 45 };
const PAD_Y = 20;
/**
 * Rows under a merged label stay on one page with it: a merged cell cut by a page break shows its
 * text only in the part above the break (LibreOffice printed 「三、本年」 and lost the rest), so
 * （五）不予处理 and the 22 rows of 三、本年度办理结果 are never split. Word ignores a chain longer than a page.
 */
const KEEP_ROWS = 30;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
/**
 * Line height of table text: an exact 12 pt line for 五号 and 小五. Stated with its lineRule on every cell
 * paragraph: without it Word reads `auto` (ECMA-376 §17.3.1.33) while LibreOffice inherits the body's exact
 * 28 pt rule, and the two would size every row differently.
 */
const CELL_LINE = 240;
/** Minimum row height (atLeast): one line of text and the cell's top and bottom padding, as WPS writes it. */
const ROW_HEIGHT = CELL_LINE + 2 * PAD_Y;

export const tableRunFont = {
  eastAsia: FONTS.table.name,
  ascii: FONTS.latin.name,
  hAnsi: FONTS.latin.name,
  cs: FONTS.latin.name,
  // CJK punctuation (“ ” …) in the East Asian face, not Times New Roman (ECMA-376 §17.3.2.26).
  hint: 'eastAsia',
} as const;

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * A cell paragraph with nothing left to the reader's defaults: spacing with its rule, no indent, the
 * paragraph mark in the table text size (else Word sizes the row for a 16 pt mark of the document
 * default), runs off the character grid so their width is the font's own, and keep-with-next for the
 * row chains that hold a block together. Empty `lines` = the paragraph of a vMerge continuation cell.
 */
function cellParagraph(lines: string[], size: number, alignment: Alignment, keepNext: boolean): Paragraph {
  const props = { size, font: tableRunFont, language: LANGUAGE, snapToGrid: false } as const;
  return new Paragraph({
    alignment,
    keepNext,
    keepLines: true,
    spacing: { before: 0, after: 0, line: CELL_LINE, lineRule: 'exact' },
    indent: { left: 0, right: 0, firstLine: 0 },
    run: props,
    children: lines.map((text, i) => new TextRun({ text, ...props, ...(i ? { break: 1 } : {}) })),
  });
}

/**
 * Whether row `r` is kept on the page of the row under it. Table 三 and Table 四 travel whole (Table 三
 * with its heading fits one A4 page; cut, it leaves a repeated header over one or two rows); Table 二
 * keeps each 第二十条第（X）项 block with its 信息内容 header and may break only between blocks. A label
 * merged down several rows keeps them together in any table (a merged cell cut by a page break shows its
 * text only above the break). Word ignores a chain longer than a page.
 */
export function keepsWithNext(grid: TableGrid, r: number, mergedChain: ReadonlySet<number>): boolean {
  if (r >= grid.rows.length - 1) return false;
  if (mergedChain.has(r)) return true;
  if (grid.table === 'active') return grid.rows[r + 1]!.role !== 'section';
  return true;
}

/** `widthTwips`: the text width the table fills. */
export function docxTable(report: Report, grid: TableGrid, widthTwips: number): Table {
  const size = TABLE_SIZE[grid.table];
  const padX = PAD_X[grid.table];
  const charTwips = size * 10; // half-points → twips
  const columns = scaleWidths(grid, widthTwips);
  const placedRows = placeGrid(grid);
  const mergedChain = new Set<number>();
  const starts = new Map<string, PlacedCell>();
  for (const placed of placedRows)
    for (const p of placed) {
      starts.set(`${p.row}:${p.col}`, p);
      if (p.item.rowSpan > 1 && p.item.rowSpan <= KEEP_ROWS) for (let k = p.row; k < p.row + p.item.rowSpan - 1; k++) mergedChain.add(k);
    }
  const widthOf = (p: PlacedCell) => columns.slice(p.col, p.col + p.item.colSpan).reduce((a, b) => a + b, 0);
  const common = (p: PlacedCell) => ({
    columnSpan: p.item.colSpan,
    width: { size: widthOf(p), type: WidthType.DXA },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: PAD_Y, bottom: PAD_Y, left: padX, right: padX },
  });

  function startCell(p: PlacedCell, keepNext: boolean): TableCell {
    const { item } = p;
    let paragraph: Paragraph;
    let textDirection: (typeof TextDirection)[keyof typeof TextDirection] | undefined;
    const capacity = Math.floor((widthOf(p) - 2 * padX) / charTwips);
    if (item.kind === 'value') {
      paragraph = cellParagraph([cellText(report, item.cell)], size, AlignmentType.CENTER, keepNext);
    } else if (item.vertical && capacity < 2) {
      // A label merged down a column too narrow for two characters reads top to bottom; tbRl keeps
      // CJK upright in Word, WPS and LibreOffice (三、本年度办理结果).
      textDirection = TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT;
      paragraph = cellParagraph([item.text], size, AlignmentType.CENTER, keepNext);
    } else if (item.role === 'rowLabel' && !item.vertical) {
      // Long row labels read left-aligned and wrap where Word breaks them.
      paragraph = cellParagraph([item.text], size, AlignmentType.LEFT, keepNext);
    } else {
      // Headers, section rows and wider group labels are centred, never bold.
      paragraph = cellParagraph(labelLines(item.text, capacity, item.vertical === true), size, AlignmentType.CENTER, keepNext);
    }
    return new TableCell({
      ...common(p),
      children: [paragraph],
      // The continuation cells are written here, not by docx (rowSpan), so their paragraphs are ours too.
      ...(item.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
      ...(textDirection ? { textDirection } : {}),
    });
  }

  const rows = placedRows.map((_, r) => {
    const keepNext = keepsWithNext(grid, r, mergedChain);
    const cells: TableCell[] = [];
    for (let c = 0; c < grid.gridColumns; ) {
      const here = starts.get(`${r}:${c}`);
      if (here) {
        cells.push(startCell(here, keepNext));
        c += here.item.colSpan;
        continue;
      }
      // A position covered from above: an empty vMerge continuation cell, its paragraph as explicit as any.
      const above = [...starts.values()].find((p) => p.col === c && p.row < r && p.row + p.item.rowSpan > r)!;
      cells.push(new TableCell({ ...common(above), verticalMerge: VerticalMergeType.CONTINUE, children: [cellParagraph([], size, AlignmentType.CENTER, keepNext)] }));
      c += above.item.colSpan;
    }
    return new TableRow({
      children: cells,
      cantSplit: true,
      height: { value: ROW_HEIGHT, rule: HeightRule.ATLEAST },
      // docx writes tblHeader w:val="false" when given false; leave it out instead.
      ...(r < grid.headerRows ? { tableHeader: true } : {}),
    });
  });
  return new Table({
    rows,
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    alignment: AlignmentType.CENTER,
  });
}

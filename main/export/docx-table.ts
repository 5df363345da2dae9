/**
 * A table grid of the definition as a real Word table: gridSpan / vMerge merges exactly as the grid
 * says, a border on every cell, fixed layout with the definition's relative widths scaled to the text
 * width, header rows repeated on each page, no row split across pages.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Report, TableGrid } from '../../report';
import { FONTS } from './fonts';
import { placeGrid, scaleWidths } from './grid';
import { cellText, textWidth } from './values';

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
/** Header labels up to this length are broken into lines of equal length rather than left with a widow. */
const BALANCE_MAX = 8;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

export const tableRunFont = {
  eastAsia: FONTS.table.name,
  ascii: FONTS.latin.name,
  hAnsi: FONTS.latin.name,
  cs: FONTS.latin.name,
} as const;

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

function cellParagraph(lines: string[], size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { before: 0, after: 0, line: 240 },
    indent: { firstLine: 0 },
    children: lines.map((text, i) => new TextRun({ text, size, font: tableRunFont, language: LANGUAGE, ...(i ? { break: 1 } : {}) })),
  });
}

/**
 * Where a label breaks inside its cell. `capacity`: characters that fit on one line. A short header
 * that must wrap is split into equal lines (商业/企业, not 商业企/业); a narrow group label such as
 * （三）不予公开 breaks after its number. Everything else wraps where Word puts it.
 */
export function labelLines(text: string, capacity: number, group: boolean): string[] {
  const chars = [...text];
  if (textWidth(text) <= capacity) return [text];
  const numbered = /^([（(][一二三四五六七八九十]+[）)])(.+)$/.exec(text);
  if (group && numbered && textWidth(numbered[1]!) <= capacity) return [numbered[1]!, ...labelLines(numbered[2]!, capacity, false)];
  if (chars.length > BALANCE_MAX || capacity < 1) return [text];
  const lines = Math.ceil(textWidth(text) / capacity);
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out;
}

/** `widthTwips`: the text width the table fills. */
export function docxTable(report: Report, grid: TableGrid, widthTwips: number): Table {
  const size = TABLE_SIZE[grid.table];
  const padX = PAD_X[grid.table];
  const charTwips = size * 10; // half-points → twips
  const columns = scaleWidths(grid, widthTwips);
  const placedRows = placeGrid(grid);
  const keepWithNext = new Set<number>();
  for (const placed of placedRows)
    for (const { item, row } of placed)
      if (item.rowSpan > 1 && item.rowSpan <= KEEP_ROWS) for (let k = row; k < row + item.rowSpan - 1; k++) keepWithNext.add(k);
  const rows = placedRows.map((placed, r) => {
    const cells = placed.map(({ item, col }) => {
      const width = columns.slice(col, col + item.colSpan).reduce((a, b) => a + b, 0);
      let paragraph: Paragraph;
      let textDirection: (typeof TextDirection)[keyof typeof TextDirection] | undefined;
      const capacity = Math.floor((width - 2 * padX) / charTwips);
      if (item.kind === 'value') {
        paragraph = cellParagraph([cellText(report, item.cell)], size, AlignmentType.CENTER);
      } else if (item.vertical && capacity < 2) {
        // A label merged down a column too narrow for two characters reads top to bottom; tbRl keeps
        // CJK upright in Word, WPS and LibreOffice (三、本年度办理结果).
        textDirection = TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT;
        paragraph = cellParagraph([item.text], size, AlignmentType.CENTER);
      } else if (item.role === 'rowLabel' && !item.vertical) {
        // Long row labels read left-aligned and wrap where Word breaks them.
        paragraph = cellParagraph([item.text], size, AlignmentType.LEFT);
      } else {
        // Headers, section rows and wider group labels are centred, never bold.
        paragraph = cellParagraph(labelLines(item.text, capacity, item.vertical === true), size, AlignmentType.CENTER);
      }
      return new TableCell({
        children: [paragraph],
        columnSpan: item.colSpan,
        rowSpan: item.rowSpan,
        width: { size: width, type: WidthType.DXA },
        borders: CELL_BORDERS,
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { top: PAD_Y, bottom: PAD_Y, left: padX, right: padX },
        ...(textDirection ? { textDirection } : {}),
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      // docx writes tblHeader w:val="false" when given false; leave it out instead.
      ...(r < grid.headerRows ? { tableHeader: true } : {}),
      keepNext: keepWithNext.has(r),
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

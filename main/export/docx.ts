/**
 * The report as a Word file in the official layout (format.md §10): A4 with GB/T 9704 margins, title
 * in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line, 一、 headings in 黑体, （一）
 * headings in 楷体_GB2312, the three tables as real Word tables, the closing per 7.3.5.2 and page
 * numbers 「— 1 —」. Pure: report in, bytes out; nothing is stamped on the document, whatever the checks say.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type IRunOptions,
} from 'docx';
import { reportTitle, type Report } from '../../report';
import { documentBlocks, type Block } from './blocks';
import { textWidth } from './values';
import { FONTS, fontTableXml, fontsUsedBy, type FontRole } from './fonts';
import { docxTable } from './docx-table';
import { finishDocx } from './docx-finish';

const mm = (v: number) => Math.round(convertMillimetersToTwip(v));

/** A4 and the GB/T 9704 margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt (page numbers). */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const PAGE_NUMBER_SIZE = 28;
/** One character of 三号 in twips: the unit of the first-line indent (首行缩进二字). */
const CHAR = 320;
/**
 * Tracking of 三号 runs in twentieths of a point: 0.4 pt tighter, so 28 characters fill the 156 mm line
 * (GB/T 9704: 28 × 22) in Word, WPS and LibreOffice alike, off the character grid (see docx-finish.ts).
 * 28 × 15.6 pt = 436.8 pt of 442.25: enough slack for LibreOffice, too little for a 29th character.
 */
export const BODY_TRACKING = -8;
/** The pitch of a tracked 三号 character in twips: the unit of the 落款's right indents (右空二字). */
const PITCH = CHAR + BODY_TRACKING;
/** Fixed line spacing of the body, 28 pt. */
const LINE = 560;
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

/**
 * The document grid of GB/T 9704 (7.1): 22 lines of 28 三号 characters in the 版心, as Word's 「文档网格」
 * computes it: lines = ⌊height / linePitch⌋, characters = ⌊width / (16 pt + charSpace/4096 pt)⌋. It is
 * what Word and WPS show in the page setup and what a paragraph the clerk adds later snaps to. The
 * exporter's own paragraphs are off the grid and tracked to 28 characters instead (docx-finish.ts says
 * why), with exact line heights the line grid does not change.
 */
export const DOC_GRID = {
  type: DocumentGridType.LINES_AND_CHARS,
  linePitch: Math.floor(TEXT_HEIGHT / 22),
  charSpace: Math.floor(((TEXT_WIDTH / 20 / 28 - BODY_SIZE / 2) * 4096)) - 1,
};

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** East Asian face per role, digits and Latin letters in Times New Roman, on every run. */
function run(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    size,
    // hint: CJK punctuation (“ ” … —) in the East Asian face; Word would otherwise pick Times New Roman.
    font: { eastAsia: FONTS[role].name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, cs: FONTS.latin.name, hint: 'eastAsia' },
    language: LANGUAGE,
    ...(size === BODY_SIZE ? { characterSpacing: BODY_TRACKING } : {}),
    ...extra,
  });
}

const bodySpacing = { line: LINE, lineRule: 'exact', before: 0, after: 0 } as const;
/** Widow control stated on every body paragraph: Word's Normal style sets it, a bare docDefaults does not. */
const WIDOW = { widowControl: true } as const;
const firstLineIndent = { firstLine: 2 * CHAR, firstLineChars: 200 } as const;

function titleParagraph(lines: string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // Exact 36 pt lines leave room for the 22 pt face; one blank body line follows the title.
    spacing: { line: 720, lineRule: 'exact', before: 0, after: LINE },
    keepNext: true,
    children: lines.map((l, i) => run(l, 'title', TITLE_SIZE, i > 0 ? { break: 1 } : {})),
  });
}

/** Body lines a text paragraph takes: its width plus the two-character indent, 28 characters a line. */
function bodyLines(block: Block): number {
  if (block.kind !== 'paragraph') return 1;
  return Math.ceil((textWidth(block.runs.map((r) => r.text).join('')) + 2) / 28);
}

/**
 * Whether block `i` travels with the 落款: the 落款 never stands alone on a page, so the text above it
 * keeps with it until two lines are covered (the last paragraph, and the one before it when the last
 * takes one line; widow control brings at least two lines of a longer paragraph).
 */
export function keepsWithClosing(blocks: readonly Block[], i: number): boolean {
  let lines = 0;
  for (let j = blocks.length - 1; j > i; j--) {
    const b = blocks[j]!;
    if (b.kind === 'closing') continue;
    if (b.kind !== 'paragraph' && b.kind !== 'heading') return false;
    lines += bodyLines(b);
  }
  return blocks.at(-1)?.kind === 'closing' && lines < 2 && i < blocks.length - 1;
}

/**
 * `afterTable`: the block follows a table. `beforeClosing`: the block keeps with the 落款 (keepsWithClosing).
 */
function blockParagraphs(report: Report, block: Block, afterTable: boolean, beforeClosing: boolean): (Paragraph | ReturnType<typeof docxTable>)[] {
  switch (block.kind) {
    case 'title':
      return [titleParagraph(block.lines)];
    case 'heading':
      return [
        new Paragraph({
          ...WIDOW,
          // Half a line of air between a table and the heading under it.
          spacing: afterTable ? { ...bodySpacing, before: LINE / 2 } : bodySpacing,
          indent: firstLineIndent,
          keepNext: true,
          children: [run(block.text, 'heading1', BODY_SIZE)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          ...WIDOW,
          alignment: AlignmentType.JUSTIFIED,
          spacing: bodySpacing,
          indent: firstLineIndent,
          keepNext: beforeClosing || (block.runs.length === 1 && block.runs[0]!.heading),
          children: block.runs.map((r) => run(r.text, r.heading ? 'heading2' : 'body', BODY_SIZE)),
        }),
      ];
    case 'table':
      return [docxTable(report, block.grid, TEXT_WIDTH)];
    case 'closing': {
      const right = (chars: number, text: string, keepNext: boolean) =>
        new Paragraph({
          ...WIDOW,
          alignment: AlignmentType.RIGHT,
          spacing: bodySpacing,
          indent: { right: Math.round(chars * PITCH) },
          // Word and LibreOffice would widen the gaps between 年/月/日 and the digits, shifting the date off its place.
          autoSpaceEastAsianText: false,
          keepNext,
          keepLines: true,
          children: [run(text, 'body', BODY_SIZE)],
        });
      // 正文下空一行, then the signature and the date under it. The spacer is kept with the 落款 and the
      // text above keeps with it, so it never starts a page.
      const out = [new Paragraph({ ...WIDOW, spacing: bodySpacing, keepNext: true, run: { size: BODY_SIZE }, children: [] })];
      if (block.agency) out.push(right(block.agencyRight, block.agency, true));
      if (block.date) out.push(right(block.dateRight, block.date, false));
      return out;
    }
  }
}

/** Height of the page-number line: exactly one 四号 character, so the number sits where the footer distance puts it. */
const PAGE_NUMBER_LINE = PAGE_NUMBER_SIZE * 10;
/** 版心 bottom edge to the 一字线 of 「— 1 —」 (GB/T 9704 7.5: 一字线上距版心下边缘 7 mm). */
const PAGE_NUMBER_GAP = mm(7);
/**
 * Footer distance (page bottom to the footer line's bottom): the dashes sit mid-line, so the middle of the
 * one-line footer is 7 mm under the 版心. Measured in the LibreOffice PDF: 7.0 mm (was 8.6 mm).
 */
export const FOOTER_DISTANCE = MARGIN.bottom - PAGE_NUMBER_GAP - PAGE_NUMBER_LINE / 2;

/** 「— 1 —」 in 四号宋体, odd pages right and even pages left, one character in (GB/T 9704 7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = { eastAsia: FONTS.table.name, ascii: FONTS.table.name, hAnsi: FONTS.table.name, cs: FONTS.table.name, hint: 'eastAsia' };
  const props = { size: PAGE_NUMBER_SIZE, font, language: LANGUAGE, snapToGrid: false } as const;
  const inset = PAGE_NUMBER_SIZE * 10; // one 四号 character in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        // Its own exact line: inheriting the body's 28 pt line put the number 8.6 mm below the 版心.
        spacing: { before: 0, after: 0, line: PAGE_NUMBER_LINE, lineRule: 'exact' },
        run: props,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...props })],
      }),
    ],
  });
}

/** `blocks`: another document over the same report (the 汇总表 has tables only); the report's own by default. */
export function buildDocxDocument(report: Report, blocks: readonly Block[] = documentBlocks(report), title = reportTitle(report.agency, report.year)): Document {
  return new Document({
    title,
    creator: report.agency,
    // docx writes 「Un-named」 when this is missing; the file is the agency's.
    lastModifiedBy: report.agency,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: BODY_SIZE,
            font: { eastAsia: FONTS.body.name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, cs: FONTS.latin.name, hint: 'eastAsia' },
            language: LANGUAGE,
          },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE },
          },
          grid: DOC_GRID,
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: blocks.flatMap((b, i, all) =>
          blockParagraphs(report, b, all[i - 1]?.kind === 'table', keepsWithClosing(all, i)),
        ),
      },
    ],
  });
}

export async function buildDocx(report: Report, blocks?: readonly Block[], title?: string): Promise<Buffer> {
  const doc = buildDocxDocument(report, blocks, title);
  // docx writes a font table only for embedded fonts; ours names every face with its stock substitute.
  const packed = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml(fontsUsedBy(report, blocks)) }]);
  return finishDocx(packed, BODY_SIZE);
}

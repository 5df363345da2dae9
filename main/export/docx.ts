/**
 * The report as a Word file in the official layout (format.md §10): A4 with GB/T 9704 margins, title
 * in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line, 一、 headings in 黑体, （一）
 * headings in 楷体_GB2312, the three tables as real Word tables, the closing per 7.3.5.2 and page
 * numbers 「— 1 —」. Pure: report in, bytes out; nothing is stamped on the document, whatever the checks say.
 */
import {
  AlignmentType,
  Document,
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
import { FONTS, fontTableXml, fontsUsedBy, type FontRole } from './fonts';
import { docxTable } from './docx-table';

const mm = (v: number) => Math.round(convertMillimetersToTwip(v));

/** A4 and the GB/T 9704 margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt (page numbers). */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const PAGE_NUMBER_SIZE = 28;
/** One character of 三号 in twips: the unit of indents (首行缩进二字, 右空二字). */
const CHAR = 320;
/** Fixed line spacing of the body, 28 pt. */
const LINE = 560;

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** East Asian face per role, digits and Latin letters in Times New Roman, on every run. */
function run(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    size,
    font: { eastAsia: FONTS[role].name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, cs: FONTS.latin.name },
    language: LANGUAGE,
    ...extra,
  });
}

const bodySpacing = { line: LINE, lineRule: 'exact', before: 0, after: 0 } as const;
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

function blockParagraphs(report: Report, block: Block, afterTable: boolean): (Paragraph | ReturnType<typeof docxTable>)[] {
  switch (block.kind) {
    case 'title':
      return [titleParagraph(block.lines)];
    case 'heading':
      return [
        new Paragraph({
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
          alignment: AlignmentType.JUSTIFIED,
          spacing: bodySpacing,
          indent: firstLineIndent,
          keepNext: block.runs.length === 1 && block.runs[0]!.heading,
          children: block.runs.map((r) => run(r.text, r.heading ? 'heading2' : 'body', BODY_SIZE)),
        }),
      ];
    case 'table':
      return [docxTable(report, block.grid, TEXT_WIDTH)];
    case 'closing': {
      const right = (chars: number, text: string, keepNext: boolean) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: bodySpacing,
          indent: { right: Math.round(chars * CHAR) },
          // Word and LibreOffice would widen the gaps between 年/月/日 and the digits, shifting the date off its place.
          autoSpaceEastAsianText: false,
          keepNext,
          keepLines: true,
          children: [run(text, 'body', BODY_SIZE)],
        });
      // 正文下空一行, then the signature and the date under it.
      const out = [new Paragraph({ spacing: bodySpacing, keepNext: true, children: [run('', 'body', BODY_SIZE)] })];
      if (block.agency) out.push(right(block.agencyRight, block.agency, true));
      if (block.date) out.push(right(block.dateRight, block.date, false));
      return out;
    }
  }
}

/** 「— 1 —」 in 四号宋体, odd pages right and even pages left, one character in (GB/T 9704 7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = { eastAsia: FONTS.table.name, ascii: FONTS.table.name, hAnsi: FONTS.table.name, cs: FONTS.table.name };
  const inset = PAGE_NUMBER_SIZE * 10; // one 四号 character in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: PAGE_NUMBER_SIZE, font, language: LANGUAGE }),
        ],
      }),
    ],
  });
}

/** `blocks`: another document over the same report (the 汇总表 has tables only); the report's own by default. */
export function buildDocxDocument(report: Report, blocks: readonly Block[] = documentBlocks(report), title = reportTitle(report.agency, report.year)): Document {
  return new Document({
    title,
    creator: report.agency,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: BODY_SIZE, font: { eastAsia: FONTS.body.name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name }, language: LANGUAGE },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            // The page number sits about 7 mm below the 版心 (GB/T 9704 7.5).
            margin: { ...MARGIN, header: mm(15), footer: mm(23) },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: blocks.flatMap((b, i, all) => blockParagraphs(report, b, all[i - 1]?.kind === 'table')),
      },
    ],
  });
}

export async function buildDocx(report: Report, blocks?: readonly Block[], title?: string): Promise<Buffer> {
  const doc = buildDocxDocument(report, blocks, title);
  // docx writes a font table only for embedded fonts; ours names every face with its stock substitute.
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml(fontsUsedBy(report, blocks)) }]);
}

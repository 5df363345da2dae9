/**
 * The differences found by 核对已发布 as a Word file for the website's editor: what the 定稿 says and
 * what the page shows, side by side, the changed characters in bold red and underlined (so a
 * black-and-white print still shows them), figures the importer could not read with certainty
 * listed as 「无法核对」. A4, the faces of the check report.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, convertMillimetersToTwip } from 'docx';
import { reportTitle, type Report } from '../../report';
import { cellTitle } from '../../report/rollup/tables';
import { markDifference, verifySummary, type Segment, type VerifyResult } from '../../report/verify';
import { safeFileStem } from '../export/file-name';

export const verifyTitle = (report: Pick<Report, 'agency' | 'year'>) => `《${reportTitle(report.agency, report.year)}》网站发布版本与定稿的差异`;
export const verifyFileName = (report: Pick<Report, 'agency' | 'year'>) => `${safeFileStem(`${report.agency}${report.year}年度报告 网站发布版本与定稿的差异`)}.docx`;

const FANGSONG = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
const run = (t: string, o: { bold?: boolean; size?: number; mark?: boolean; font?: typeof FANGSONG } = {}) =>
  new TextRun({
    text: t,
    size: o.size ?? 21,
    bold: (o.bold ?? false) || (o.mark ?? false),
    ...(o.mark ? { color: 'C00000', underline: { type: UnderlineType.SINGLE } } : {}),
    font: o.font ?? FANGSONG,
    language: LANGUAGE,
  });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: line, bottom: line, left: line, right: line };

function cell(children: TextRun[], width: number, o: { center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    children: [new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: children.length ? children : [run('（无）')] })],
  });
}
const plain = (t: string, o: { bold?: boolean } = {}) => [run(t, o)];
const marked = (segs: Segment[]) => segs.map((s) => run(s.text, { mark: s.changed }));

function table(widths: number[], head: string[], rows: TextRun[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(plain(h, { bold: true }), widths[i]!, { center: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!, { center: i === 0 })) })),
    ],
  });
}

const heading = (t: string) => new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [run(t, { bold: true, size: 24, font: { ...FANGSONG, eastAsia: '黑体' } })] });

export async function buildVerifyDocx(report: Report, result: VerifyResult, checkedAt: string): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(verifyTitle(report), { bold: true, size: 32, font: { ...FANGSONG, eastAsia: '黑体' } })] }),
    new Paragraph({ spacing: { after: 200 }, children: [run(`${verifySummary(result)}核对时间：${checkedAt}。请网站编辑按“定稿”一栏改正“网站”一栏中标红的文字和数字。`, { size: 24 })] }),
  ];
  if (result.cells.length) {
    body.push(heading(`一、数字不同（${result.cells.length}处）`));
    body.push(table([700, 4900, 1800, 1800], ['序号', '项目', '定稿', '网站'], result.cells.map((c, i) => [plain(String(i + 1)), plain(c.label), plain(c.archived), [run(c.published, { mark: true })]])));
  }
  if (result.text.length) {
    body.push(heading(`${result.cells.length ? '二' : '一'}、文字不同（${result.text.length}处）`));
    body.push(
      table([700, 1700, 3500, 3500], ['序号', '位置', '定稿', '网站'], result.text.map((t, i) => {
        const m = markDifference(t.archived, t.published);
        return [plain(String(i + 1)), plain(t.part), marked(m.archived), marked(m.published)];
      })),
    );
  }
  if (result.uncertain.length) {
    const n = ['一', '二', '三'][(result.cells.length ? 1 : 0) + (result.text.length ? 1 : 0)]!;
    body.push(heading(`${n}、无法核对（${result.uncertain.length}个数字读不准，请人工对照）`));
    body.push(table([700, 8500], ['序号', '项目'], result.uncertain.map((p, i) => [plain(String(i + 1)), plain(cellTitle(report, p))])));
  }
  const mm = (v: number) => Math.round(convertMillimetersToTwip(v));
  const doc = new Document({
    title: verifyTitle(report),
    creator: report.agency,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: mm(25), bottom: mm(25), left: mm(20), right: mm(20) } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

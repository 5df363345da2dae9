/**
 * The check report for the leader who signs the annual report (issue 15, also wanted): every
 * finding in plain Chinese with the cells it concerns named by their labels, the counts, and lines
 * to sign. As a printable A4 page (print / PDF) and as a Word file. Pure: report and findings in.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';
import { reportTitle, type Finding, type Report } from '../../report';
import { cellName } from '../../report/checks/helpers';
import { partTitle } from '../../report/checks/text';
import type { TextPart } from '../../report/types';
import { PRINT_PAGE_CSP } from './print-page';

export interface CheckRow {
  n: number;
  kind: '错误' | '提醒';
  message: string;
  /** The cells by their labels, 「三、（一）予以公开 自然人」, 「2024年报告 …」, 「一、总体情况」. */
  where: string;
}

/** A cell path in the words of the report. */
export function cellLabel(report: Report, path: string): string {
  if (path === 'closing.date') return '落款 成文日期';
  if (path === 'closing.agency') return '落款 发布机关';
  if (path.startsWith('text.')) return partTitle(report, path.slice(5) as TextPart);
  const previous = path.startsWith('previous.');
  const own = previous ? path.slice('previous.'.length) : path;
  const name = cellName(report, own);
  return previous ? `${report.year - 1}年报告 ${name}` : name;
}

export function checkRows(report: Report, findings: readonly Finding[]): CheckRow[] {
  return findings.map((f, i) => ({
    n: i + 1,
    kind: f.severity === 'error' ? '错误' : '提醒',
    message: f.message,
    where: [...new Set(f.cells.map((c) => cellLabel(report, c)))].join('；'),
  }));
}

export const checkReportTitle = (report: Report): string => `${reportTitle(report.agency, report.year)}检查情况`;
/** Printed in two lines, 「检查情况」 on its own: in one line it overran by a character and left 「况」 alone (issue 21 #6). */
const TITLE_TAIL = '检查情况';

const summaryOf = (rows: readonly CheckRow[]): string => {
  const errors = rows.filter((r) => r.kind === '错误').length;
  const warnings = rows.length - errors;
  if (!rows.length) return '按《中华人民共和国政府信息公开工作年度报告格式》的勾稽关系和填写要求检查，未发现问题。';
  return `按《中华人民共和国政府信息公开工作年度报告格式》的勾稽关系和填写要求检查：错误${errors}处（须改正）、提醒${warnings}条（请核实）。`;
};

const p2 = (n: number) => String(n).padStart(2, '0');
/** 「2026年1月20日 10:31」 in local time. */
export const checkedAtLabel = (d: Date): string => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p2(d.getHours())}:${p2(d.getMinutes())}`;

const SIGN = '经办人：__________　　审核人：__________　　日期：______年____月____日';
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A4, no script (the print page's CSP). `checkedAt` is shown as given (local time). */
export function buildCheckReportPage(report: Report, findings: readonly Finding[], checkedAt: string): string {
  const rows = checkRows(report, findings);
  const body = rows.length
    ? `<table><thead><tr><th>序号</th><th>类别</th><th>问题</th><th>涉及的项目</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td class="n">${r.n}</td><td class="k ${r.kind === '错误' ? 'e' : 'w'}">${r.kind}</td><td>${esc(r.message)}</td><td>${esc(r.where)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}">\n<title>${esc(checkReportTitle(report))}</title>\n<style>\n` +
    '@page { size: A4; margin: 25mm 20mm; }\nbody { font: 15px/1.7 "FangSong", "仿宋", serif; max-width: 170mm; margin: 0 auto; }\n' +
    'h1 { font: bold 22px "SimHei", "黑体", sans-serif; text-align: center; margin: 0 0 12px; text-wrap: balance; }\n' +
    'table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; font-size: 14px; }\n' +
    'th { background: #eee; white-space: nowrap; } td.n, td.k { text-align: center; white-space: nowrap; } td.k.e { font-weight: bold; }\ntr { page-break-inside: avoid; }\n' +
    '.sign { margin-top: 28px; } .screen-only { font: 14px sans-serif; color: #555; border: 1px solid #ccc; padding: 8px 12px; margin: 12px 0; }\n' +
    '@media print { .screen-only { display: none; } }\n</style>\n</head>\n<body>\n' +
    '<p class="screen-only">按 Ctrl+P 打印；在打印对话框中选择“另存为 PDF”可得到 PDF 文件。</p>\n' +
    `<h1>${esc(reportTitle(report.agency, report.year))}<br>${TITLE_TAIL}</h1>\n<p>${esc(summaryOf(rows))}检查时间：${esc(checkedAt)}。</p>\n${body}\n<p class="sign">${SIGN}</p>\n</body>\n</html>\n`
  );
}

const FANGSONG = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const text = (t: string, o: { bold?: boolean; size?: number; font?: typeof FANGSONG } = {}) =>
  new TextRun({ text: t, size: o.size ?? 24, bold: o.bold ?? false, font: o.font ?? FANGSONG, language: { value: 'en-US', eastAsia: 'zh-CN' } });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: line, bottom: line, left: line, right: line };

function cell(t: string, width: number, o: { bold?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    children: [new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [text(t, { bold: o.bold ?? false, size: 21 })] })],
  });
}

/** The same content as a Word file (A4, 仿宋 小四, a bordered table). */
export async function buildCheckReportDocx(report: Report, findings: readonly Finding[], checkedAt: string): Promise<Buffer> {
  const rows = checkRows(report, findings);
  const widths = [700, 800, 4300, 3300];
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: ['序号', '类别', '问题', '涉及的项目'].map((h, i) => cell(h, widths[i]!, { bold: true, center: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: [cell(String(r.n), widths[0]!, { center: true }), cell(r.kind, widths[1]!, { center: true, bold: r.kind === '错误' }), cell(r.message, widths[2]!), cell(r.where, widths[3]!)] })),
    ],
  });
  const mm = (v: number) => Math.round(convertMillimetersToTwip(v));
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: mm(25), bottom: mm(25), left: mm(20), right: mm(20) } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [
            text(reportTitle(report.agency, report.year), { bold: true, size: 32, font: { ...FANGSONG, eastAsia: '黑体' } }),
            new TextRun({ break: 1, text: TITLE_TAIL, size: 32, bold: true, font: { ...FANGSONG, eastAsia: '黑体' }, language: { value: 'en-US', eastAsia: 'zh-CN' } }),
          ] }),
          new Paragraph({ spacing: { after: 200 }, children: [text(`${summaryOf(rows)}检查时间：${checkedAt}。`)] }),
          ...(rows.length ? [table] : []),
          new Paragraph({ spacing: { before: 480 }, children: [text(SIGN)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

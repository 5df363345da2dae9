/**
 * 退回意见 (rollup.md §5): one .docx per unit listing its findings in plain Chinese, with the unit's
 * name, the year and the date — ready to e-mail. Same page and faces as a report (format.md §10):
 * A4, GB/T 9704 margins, title 方正小标宋简体 二号, body 仿宋_GB2312 三号 on 28 pt lines.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import type { Report } from '../../report';
import { cellTitle, type UnitFinding } from '../../report/rollup';
import { chineseDate } from '../export/blocks';
import { FONTS, fontTableXml, type FontRole } from '../export/fonts';
import { safeFileStem } from '../export/file-name';

const mm = (v: number) => Math.round(convertMillimetersToTwip(v));
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
const CHAR = 320;
const LINE = 560;

const run = (text: string, role: FontRole, size: number) =>
  new TextRun({ text, size, font: { eastAsia: FONTS[role].name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, cs: FONTS.latin.name }, language: LANGUAGE });

const body = (text: string, o: { indent?: boolean; right?: number; role?: FontRole; keepNext?: boolean } = {}) =>
  new Paragraph({
    keepNext: o.keepNext ?? false,
    keepLines: true,
    alignment: o.right !== undefined ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: 'exact', before: 0, after: 0 },
    indent: o.right !== undefined ? { right: o.right * CHAR } : o.indent === false ? {} : { firstLine: 2 * CHAR, firstLineChars: 200 },
    children: [run(text, o.role ?? 'body', 32)],
  });

export const sendBackTitle = (agency: string, year: number) => `关于${agency}${year}年政府信息公开工作年度报告的退回意见`;
export const sendBackFileName = (agency: string, year: number) => `${safeFileStem(sendBackTitle(agency, year))}.docx`;

/** One finding as a line: the message, what kind, and the cells by label when the message does not name them. */
export function findingLine(f: UnitFinding, report: Report | null, i: number): string {
  const kind = f.severity === 'error' ? '（错误，须改正）' : '（提醒，请核实）';
  // Only table cells are named (a path without a label, like closing.date, would print as code).
  const cells = report ? [...new Set(f.cells.filter((c) => !c.startsWith('text.')).map((c) => cellTitle(report, c)).filter((t) => !/^[a-z][\w.]*$/i.test(t)))] : [];
  const where = cells.length && !cells.some((c) => f.message.includes(c.split(' ').pop()!)) ? `涉及：${cells.slice(0, 4).join('；')}。` : '';
  return `${i + 1}. ${tableNamed(f)}${kind}${where}`;
}

/**
 * The checks name a table by its section number (「三、自然人列：…」), which reads as the editor's
 * heading; in a letter to another office the table is named outright (「表三 自然人列：…」).
 */
function tableNamed(f: UnitFinding): string {
  const m = /^([二三四])、/.exec(f.message);
  return m && f.cells.some((c) => !c.startsWith('text.')) ? `表${m[1]} ${f.message.slice(2)}` : f.message;
}

export interface SendBack {
  organ: string;
  agency: string;
  year: number;
  /** YYYY-MM-DD. */
  date: string;
  findings: readonly UnitFinding[];
  report: Report | null;
  /** The office's remark typed in the 退回 dialog, printed above the findings ('' for none). */
  remark?: string;
  /** YYYY-MM-DD by which the corrected file is due ('' for none). */
  deadline?: string;
}

export async function sendBackDocx(s: SendBack): Promise<Buffer> {
  const errors = s.findings.filter((f) => f.severity === 'error');
  const warnings = s.findings.filter((f) => f.severity === 'warning');
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 720, lineRule: 'exact', before: 0, after: LINE },
      children: [run(sendBackTitle(s.agency, s.year), 'title', 44)],
    }),
    body(`${s.agency}：`, { indent: false }),
    body(
      `经审核，你单位报送的《${s.agency}${s.year}年政府信息公开工作年度报告》存在以下问题${errors.length ? `（错误${errors.length}处${warnings.length ? `、提醒${warnings.length}处` : ''}）` : `（提醒${warnings.length}处）`}，请逐项核实修改后${s.deadline ? `于${chineseDate(s.deadline)}前` : ''}重新报送。`,
    ),
  ];
  if (s.remark?.trim()) paragraphs.push(body(`备注：${s.remark.trim()}`));
  // The signature never stands alone on a page: the last item goes over with it (keepNext).
  const items: { text: string; heading: boolean }[] = [];
  if (errors.length) items.push({ text: '一、须改正的错误', heading: true }, ...errors.map((f, i) => ({ text: findingLine(f, s.report, i), heading: false })));
  if (warnings.length)
    items.push({ text: `${errors.length ? '二' : '一'}、请核实的提醒`, heading: true }, ...warnings.map((f, i) => ({ text: findingLine(f, s.report, i), heading: false })));
  if (!items.length) items.push({ text: '未发现问题。', heading: false });
  items.forEach((it, i) => paragraphs.push(body(it.text, { ...(it.heading ? { role: 'heading1' as const, keepNext: true } : {}), ...(i === items.length - 1 ? { keepNext: true } : {}) })));
  paragraphs.push(body('', { indent: false, keepNext: true }), body(s.organ, { right: 2, keepNext: true }), body(chineseDate(s.date), { right: 2 }));
  const doc = new Document({
    title: sendBackTitle(s.agency, s.year),
    creator: s.organ,
    styles: { default: { document: { run: { size: 32, font: { eastAsia: FONTS.body.name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name }, language: LANGUAGE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } }, children: paragraphs }],
  });
  const fonts = [FONTS.title, FONTS.body, FONTS.heading1, FONTS.latin];
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml(fonts) }]);
}

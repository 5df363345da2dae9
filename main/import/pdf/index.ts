/** A published report as a PDF: its text layer rebuilt into lines and table rows, then read like any copy. */
import { finding } from '../../../report/checks/helpers';
import type { ImportOptions, ImportResult } from '../result';
import { readPublished } from '../text';
import { pdfToText } from './assemble';
import { blankActiveRows } from './blank-active-rows';
import { extractPdf } from './extract';

export async function readPdf(data: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  const { text, orphans, misprints } = pdfToText(await extractPdf(data));
  const read = readPublished(blankActiveRows(text), 'pdf', opts);
  const notes = [
    ...misprints.map((m) => finding('IMPORT-ALIAS', 'warning', [], m.official, m.printed, `表三的行名原文印作“${m.printed}”，按“${m.official}”读取，请核对`)),
    // Every cell blank: an all-zero report printed so, or figures drawn without text (outlined, or a font
    // the text cannot be had from). The text cannot tell them apart; the clerk can, at a glance.
    ...(noTableFigure(text) ? [finding('IMPORT-PDF-NO-FIGURES', 'warning', [], null, null,
      'PDF 的统计表中没有一个数字，空白格都按0读取。若原报告的表格里印有数字，说明这份 PDF 的数字无法提取为文字，请对照原文逐格核对')] : []),
  ];
  const result = notes.length ? { ...read, findings: [...notes, ...read.findings] } : read;
  if (!orphans) return result;
  // A row of figures whose label could not be put together: some row of Table 三 holds figures
  // the reader did not see, and which one is a guess. Every cell of the table is flagged.
  const cells = [...new Set([...result.uncertain, ...Object.keys(result.report.requests).flatMap((k) => result.report.requests[k]!.map((_, c) => `requests.${k}.${c}`))])];
  return {
    ...result,
    uncertain: cells as ImportResult['uncertain'],
    findings: [finding('IMPORT-PDF-ROWS', 'error', cells.filter((c) => c.startsWith('requests.')) as ImportResult['uncertain'], null, orphans,
      `PDF 表三中有${orphans}行数字找不到对应的行名（行名可能折行或印错），不能确定属于哪一行；整张表三已标出，请对照原文逐行核对`), ...result.findings],
  };
}

/** Whether no table row of the rebuilt text (「| 行名 | 格 | 格 |」) has a figure in any cell. */
function noTableFigure(text: string): boolean {
  const rows = text.split('\n').filter((l) => l.startsWith('|'));
  return rows.length > 0 && rows.every((l) => !l.split('|').slice(2).some((cell) => /\d/.test(cell)));
}

/** The text the reader gets from a PDF (for diagnostics and tests). */
export async function pdfText(data: Uint8Array): Promise<string> {
  return pdfToText(await extractPdf(data)).text;
}

/** Default file name of an export: {机关}{年}年政府信息公开工作年度报告.{ext}, safe on Windows. */
import { reportTitle, type Report } from '../../report';

export type ExportKind = 'docx' | 'xlsx' | 'html' | 'json';

/** Characters Windows refuses in a file name, and control characters. */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Room for the extension within the 255 UTF-16 units most file systems allow. */
const MAX_STEM = 200;

export function safeFileStem(text: string): string {
  const stem = text
    .replace(ILLEGAL, '')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces, which would change the name the user saw.
    .replace(/[. ]+$/, '')
    .slice(0, MAX_STEM);
  return stem || '政府信息公开工作年度报告';
}

export function defaultFileName(report: Report, kind: ExportKind): string {
  return `${safeFileStem(reportTitle(report.agency, report.year))}.${kind}`;
}

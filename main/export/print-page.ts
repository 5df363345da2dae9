/**
 * The report as a page to print or save as PDF (A4, GB/T 9704 margins): the same document blocks
 * as the HTML export, with print rules. The desktop app prints it through Electron; the browser
 * mode opens it in a tab and the clerk presses Ctrl+P.
 */
import { reportTitle, type Report } from '../../report';
import { buildHtmlFragment } from './html';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** No scripts; the only style is this sheet and the fragment's inline styles. */
export const PRINT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function buildPrintPage(report: Report): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}">\n` +
    `<title>${esc(reportTitle(report.agency, report.year))}</title>\n` +
    '<style>\n@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n' +
    'body { margin: 0 auto; max-width: 156mm; }\n' +
    // Header rows repeat on each page a table runs onto; a row is never cut.
    'table { page-break-inside: auto; } thead { display: table-header-group; } tr { page-break-inside: avoid; break-inside: avoid; }\n' +
    '.screen-only { font: 14px sans-serif; color: #555; border: 1px solid #ccc; padding: 8px 12px; margin: 12px 0; }\n' +
    '@media print { .screen-only { display: none; } }\n</style>\n</head>\n<body>\n' +
    '<p class="screen-only">按 Ctrl+P 打印；在打印对话框中选择“另存为 PDF”可得到 PDF 文件。纸张请选 A4。</p>\n' +
    `${buildHtmlFragment(report)}\n</body>\n</html>\n`
  );
}

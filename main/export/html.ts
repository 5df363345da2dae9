/**
 * 「复制到网站」: the whole report as one standalone HTML page that a government CMS accepts when pasted
 * (format.md §9.4): inline styles only, no classes, no scripts, no mso- styles; tables with the
 * official rowspan/colspan and labels verbatim, each figure in its own <td>, so the text/HTML importer
 * reads it back cell for cell.
 *
 * It also survives what CMS editors (UEditor, KindEditor …) do to pasted HTML (issue 23 #2): every
 * date, 文号 and figure is one text node with no markup inside (an editor that drops an inline tag
 * around a run of digits drops nothing here); no <br> (an editor turns it into a paragraph break, so
 * each title line is its own paragraph already); the table's borders are on the table as an
 * attribute and on each cell, and its column widths are on each cell (editors drop <colgroup>);
 * no &nbsp; in a cell.
 */
import { reportTitle, type Report, type TableGrid } from '../../report';
import { documentBlocks, type Block } from './blocks';
import { FONTS } from './fonts';
import { placeGrid, spanWidth } from './grid';
import { cellText } from './values';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** CSS font stacks: the official face first, then what a browser without it has. */
const family = (name: string, ...fallbacks: string[]) => [name, ...fallbacks].map((f) => `'${f}'`).join(',');
const BODY_FONT = family(FONTS.body.name, FONTS.body.altName, 'FangSong', 'STFangsong', 'serif');
const TITLE_FONT = family(FONTS.title.name, FONTS.title.altName, 'SimSun', 'serif');
const HEADING_FONT = family(FONTS.heading1.name, FONTS.heading1.altName, 'sans-serif');
const KAI_FONT = family(FONTS.heading2.name, FONTS.heading2.altName, 'KaiTi', 'STKaiti', 'serif');
const TABLE_FONT = family(FONTS.table.name, FONTS.table.altName, 'serif');

const P = `margin:0;font-size:16pt;line-height:28pt;text-indent:2em;font-family:${BODY_FONT}`;
const TD = 'border:1px solid #000;padding:2px 4px;vertical-align:middle';

function tableHtml(report: Report, grid: TableGrid): string {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const pct = (w: number) => `${((w / sum) * 100).toFixed(2)}%`;
  const cols = grid.widths.map((w) => `<col style="width:${pct(w)}">`).join('');
  const rows = placeGrid(grid).map((placed) => {
    const tds = placed.map(({ item, col }) => {
      const span = (item.rowSpan > 1 ? ` rowspan="${item.rowSpan}"` : '') + (item.colSpan > 1 ? ` colspan="${item.colSpan}"` : '');
      // The width on every cell too, as an attribute and a style: an editor that drops <col> keeps one of them.
      const width = pct(spanWidth(grid, col, item.colSpan));
      const open = (align: string) => `<td${span} width="${width}" style="${TD};width:${width};text-align:${align}">`;
      if (item.kind === 'value') return `${open('center')}${esc(cellText(report, item.cell))}</td>`;
      const align = item.role === 'rowLabel' && !item.vertical ? 'left' : 'center';
      return `${open(align)}${esc(item.text)}</td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  // The header rows in <thead>: a browser repeats them on every printed page the table runs onto (打印 /
  // 另存为PDF), as Word repeats tblHeader rows; a CMS and the importer read them as any other rows.
  const head = grid.headerRows > 0 ? `<thead>${rows.slice(0, grid.headerRows).join('')}</thead>` : '';
  return (
    `<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse;table-layout:fixed;width:100%;margin:0 auto;font-size:10.5pt;line-height:1.4;font-family:${TABLE_FONT}">` +
    `<colgroup>${cols}</colgroup>${head}<tbody>${rows.slice(grid.headerRows).join('')}</tbody></table>`
  );
}

function blockHtml(report: Report, block: Block): string {
  switch (block.kind) {
    case 'title': {
      // One paragraph per line, not <br>: the same lines whether or not the editor splits at <br>.
      const style = `margin:0;text-align:center;font-size:22pt;line-height:36pt;font-weight:normal;font-family:${TITLE_FONT}`;
      return block.lines.map((l, i) => `<h1 style="${style}${i === block.lines.length - 1 ? ';margin-bottom:28pt' : ''}">${esc(l)}</h1>`).join('');
    }
    case 'heading':
      return `<h2 style="${P};margin-top:6pt;font-weight:normal;font-family:${HEADING_FONT}">${esc(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="${P}">${block.runs.map((r) => (r.heading ? `<span style="font-family:${KAI_FONT}">${esc(r.text)}</span>` : esc(r.text))).join('')}</p>`;
    case 'table':
      return tableHtml(report, block.grid);
    case 'closing': {
      const line = (text: string, right: number) => `<p style="${P};text-indent:0;text-align:right;padding-right:${right}em">${esc(text)}</p>`;
      return [
        `<p style="${P}">&nbsp;</p>`,
        block.agency ? line(block.agency, block.agencyRight) : '',
        block.date ? line(block.date, block.dateRight) : '',
      ].join('');
    }
  }
}

/** The body content only (what is pasted into the CMS editor). */
export function buildHtmlFragment(report: Report): string {
  return documentBlocks(report)
    .map((b) => blockHtml(report, b))
    .join('\n');
}

/** A standalone page: the fragment in a minimal document with its title and charset. */
export function buildHtml(report: Report): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${esc(reportTitle(report.agency, report.year))}</title>\n</head>\n` +
    `<body style="margin:0 auto;max-width:794px;padding:24px">\n${buildHtmlFragment(report)}\n</body>\n</html>\n`
  );
}

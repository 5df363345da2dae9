/**
 * Government sites do not publish our 「复制到网站」 page as it is: their CMS or the clerk's editor
 * writes the same tables in other shapes. Each shape here rewrites our page (main/export/html.ts) the way
 * a published page was seen to differ (../shared/fixtures/published, crawled sites): blank cells as
 * empty `<td></td>`, 「-」「/」「——」 for zero, 「1,288」, full-width 「１２８８」, 「3件」, header rows in
 * `<th>`, Table 三 cut into two `<table>`s at a page break, Table 三 published as a picture.
 * Pure string work on our own export; make-widen.ts feeds the results to Chromium and pdftotext.
 */

/** Where each `<table>…</table>` of the page is: [start, end) offsets, in page order (二, 三, 四). */
function tableSpans(html: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = html.indexOf('<table'); at >= 0; at = html.indexOf('<table', at + 1)) spans.push([at, html.indexOf('</table>', at) + '</table>'.length]);
  return spans;
}

const FIGURE = /^[+-]?\d+(?:\.\d+)?$/;

/** Rewrites every figure cell of the chosen tables (0 = Table 二, 1 = 三, 2 = 四) with `rewrite`. */
function rewriteFigures(html: string, tables: number[], rewrite: (figure: string) => string): string {
  const spans = tableSpans(html);
  let out = '';
  let last = 0;
  for (const i of tables) {
    const [from, to] = spans[i]!;
    out += html.slice(last, from) + html.slice(from, to).replace(/(<td[^>]*>)([^<]*)(<\/td>)/g, (all, open: string, text: string, close: string) =>
      FIGURE.test(text) ? open + rewrite(text) + close : all);
    last = to;
  }
  return out + html.slice(last);
}

const ALL = [0, 1, 2];
const REQUESTS_APPEALS = [1, 2];
const zeroAs = (mark: string) => (f: string) => (f === '0' ? mark : f);
const thousands = (f: string) => (/^\d{4,}$/.test(f) ? Number(f).toLocaleString('en-US') : f);
const fullWidth = (f: string) => f.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Header rows as `<th>` (many CMS tables), the rest unchanged. */
function headerCellsAsTh(html: string): string {
  return html.replace(/<thead>([\s\S]*?)<\/thead>/g, (_all, head: string) =>
    `<thead>${head.replace(/<td(\s|>)/g, '<th$1').replace(/<\/td>/g, '</th>')}</thead>`);
}

/**
 * Table 三 cut before the row of 「（三）不予公开」: the first part ends, a line of text, the rest is a
 * second table (as a page break in Word becomes two tables in a converted page). The vertical group
 * cell 「三、本年度办理结果」 spans into the cut and is lost from the second part, as in such pages.
 */
function splitRequestsTable(html: string): string {
  const [from, to] = tableSpans(html)[1]!;
  const table = html.slice(from, to);
  const cut = table.lastIndexOf('<tr', table.indexOf('不予公开'));
  const open = table.slice(0, table.indexOf('>') + 1);
  return html.slice(0, from) + table.slice(0, cut) + '</tbody></table>\n<p>（续表）</p>\n' + open + '<tbody>' + table.slice(cut) + html.slice(to);
}

/** Table 三 published as a picture: no figure of it is in the page's text. */
function requestsAsImage(html: string): string {
  const [from, to] = tableSpans(html)[1]!;
  return html.slice(0, from) + '<p style="text-align:center"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="600" height="400" alt="图片"></p>' + html.slice(to);
}

/** name → [rewrite, whether every figure is still printed (a `web` page) or zeros are blank or marks (`copy`)]. */
export const SITE_SHAPES: Record<string, [(html: string) => string, 'web' | 'copy']> = {
  'empty-td': [(h) => rewriteFigures(h, ALL, zeroAs('')), 'copy'],
  dash: [(h) => rewriteFigures(h, REQUESTS_APPEALS, zeroAs('-')), 'copy'],
  slash: [(h) => rewriteFigures(h, REQUESTS_APPEALS, zeroAs('/')), 'copy'],
  emdash: [(h) => rewriteFigures(h, REQUESTS_APPEALS, zeroAs('——')), 'copy'],
  thousands: [(h) => rewriteFigures(h, ALL, thousands), 'web'],
  'full-width': [(h) => rewriteFigures(h, ALL, fullWidth), 'web'],
  jian: [(h) => rewriteFigures(h, REQUESTS_APPEALS, (f) => `${f}件`), 'web'],
  th: [headerCellsAsTh, 'web'],
  'th-empty-td': [(h) => headerCellsAsTh(rewriteFigures(h, ALL, zeroAs(''))), 'copy'],
  split: [splitRequestsTable, 'web'],
  image: [requestsAsImage, 'web'],
};

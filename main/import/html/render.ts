/**
 * An HTML page as the text the reader takes: paragraphs on their own lines, each data table as
 * markdown rows (see ../grid.ts). A table whose cells hold other tables is page layout, not data:
 * its cells are read as ordinary content.
 */
import { expandSpans, gridToLines, type SpanCell } from '../grid';
import { buildTree, textOf, walk, type El } from './tree';
import { tokenize } from './tokenize';

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'blockquote',
  'pre', 'dl', 'dt', 'dd', 'center', 'form', 'hr', 'address', 'figure', 'figcaption', 'caption', 'main', 'aside', 'nav', 'tr', 'td', 'th',
]);
const SKIP = new Set(['head', 'script', 'style', 'title', 'noscript', 'template', 'select', 'option', 'svg', 'button']);

const span = (v: string | undefined): number => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};

function rowsOf(table: El): El[] {
  const rows: El[] = [];
  const visit = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name !== 'table') visit(c);
    }
  };
  visit(table);
  return rows;
}

const cellsOf = (tr: El): El[] => tr.children.filter((c): c is El => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'));

function hasNestedTable(table: El): boolean {
  for (const tr of rowsOf(table)) for (const td of cellsOf(tr)) for (const el of walk(td)) if (el !== td && el.name === 'table') return true;
  return false;
}

/** Text of a cell for the grid: line breaks inside a cell are wrapping, not structure. */
const cellText = (td: El): string => textOf(td).replace(/\s+/g, ' ').trim();

function render(node: El | string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(node.replace(/[\r\n\t ]+/g, ' '));
    return;
  }
  if (SKIP.has(node.name)) return;
  if (node.name === 'br') {
    out.push('\n');
    return;
  }
  if (node.name === 'table' && !hasNestedTable(node)) {
    const rows: SpanCell[][] = rowsOf(node).map((tr) =>
      cellsOf(tr).map((td) => ({ text: cellText(td), rowSpan: span(td.attrs.rowspan), colSpan: span(td.attrs.colspan) })),
    );
    out.push('\n', ...gridToLines(expandSpans(rows), { blankRows: true }).map((l) => `${l}\n`), '\n');
    return;
  }
  const block = BLOCK.has(node.name) || node.name === 'table';
  if (block) out.push('\n');
  for (const c of node.children) render(c, out);
  if (block) out.push('\n');
}

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const SPACE_BETWEEN_CJK = new RegExp(`(${CJK})[ \\u00a0]+(?=${CJK})`, 'g');

/** The page's <title> without the site's name after it (「…年度报告_某某县人民政府网」). */
function pageTitle(root: El): string {
  for (const el of walk(root)) if (el.name === 'title') return textOf(el).split(/[_｜|]| - | — /)[0]!.replace(/\s+/g, ' ').trim();
  return '';
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  const root = buildTree(tokenize(html));
  // The title goes first as a 标题 field: read for agency and year only when the body has no title.
  const title = pageTitle(root);
  if (title) out.push(`标题：${title}\n`);
  render(root, out);
  return out
    .join('')
    .split('\n')
    .map((l) => (l.trimStart().startsWith('|') ? l.trim() : l.replace(/\u00a0/g, ' ').replace(SPACE_BETWEEN_CJK, '$1').trim()))
    .filter((l, i, all) => l || (i > 0 && all[i - 1]))
    .join('\n')
    .trim();
}

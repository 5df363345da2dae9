/**
 * A .docx report: paragraphs of word/document.xml as lines, each w:tbl as a grid (w:gridSpan for
 * merged columns, w:vMerge for merged rows, w:gridBefore for rows starting later), written as
 * markdown rows and read by the same label-anchored reader as published text.
 */
import { gridToLines, type Grid } from './grid';
import { buildTree, type El } from './html/tree';
import { tokenize } from './html/tokenize';
import { readPublished } from './text';
import type { ImportOptions, ImportResult } from './result';
import { openZip, readEntry, type ZipArchive } from './zip';

const kids = (el: El, name: string): El[] => el.children.filter((c): c is El => typeof c !== 'string' && c.name === name);
const first = (el: El | undefined, name: string): El | undefined => (el ? kids(el, name)[0] : undefined);
const val = (el: El | undefined): string | undefined => el?.attrs['w:val'];

/** Visible text of a paragraph-like element: w:t runs, tabs and breaks; deleted text and field codes left out. */
function runText(el: El): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:t') s += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab') s += ' ';
    else if (c.name === 'w:br' || c.name === 'w:cr') s += '\n';
    else if (c.name === 'w:del' || c.name === 'w:instrText' || c.name === 'w:delText') continue;
    else s += runText(c);
  }
  return s;
}

function tableLines(tbl: El): string[] {
  const grid: Grid = { origins: [], texts: [] };
  kids(tbl, 'w:tr').forEach((tr, r) => {
    const row: number[] = [];
    let col = Number(val(first(first(tr, 'w:trPr'), 'w:gridBefore')) ?? 0) || 0;
    for (let i = 0; i < col; i++) row.push(-1);
    for (const tc of kids(tr, 'w:tc')) {
      const pr = first(tc, 'w:tcPr');
      const span = Math.min(64, Math.max(1, Number(val(first(pr, 'w:gridSpan')) ?? 1) || 1));
      const vm = first(pr, 'w:vMerge');
      const continues = vm !== undefined && val(vm) !== 'restart';
      const above = grid.origins[r - 1]?.[col];
      const text = blocks(tc).join(' ');
      const id = continues && above !== undefined && above >= 0 ? above : grid.texts.push(text) - 1;
      for (let j = 0; j < span && col < 256; j++) row[col++] = id;
    }
    grid.origins.push(row);
  });
  return gridToLines(grid, { blankRows: true });
}

/** Body content in order: paragraphs as lines, tables as markdown rows; content controls and the like are looked into. */
function blocks(el: El): string[] {
  const out: string[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:p') out.push(runText(c));
    else if (c.name === 'w:tbl') out.push('', ...tableLines(c), '');
    else if (c.name !== 'w:tcPr' && c.name !== 'w:trPr' && c.name !== 'w:sectPr' && c.name !== 'w:tblPr') out.push(...blocks(c));
  }
  return out;
}

export function docxXmlToText(xml: string): string {
  const root = buildTree(tokenize(xml, { html: false }), { html: false });
  const doc = root.children.find((c): c is El => typeof c !== 'string' && c.name === 'w:document');
  const body = doc ? first(doc, 'w:body') : undefined;
  return blocks(body ?? root).join('\n');
}

export async function readDocx(data: Uint8Array, opts: ImportOptions, opened?: ZipArchive): Promise<ImportResult> {
  const zip = opened ?? (await openZip(data, 'docx'));
  return readPublished(docxXmlToText(await readEntry(zip, 'word/document.xml', 'docx')), 'docx', opts);
}

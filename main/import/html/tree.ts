/**
 * Tokens to a tree, the forgiving way browsers do it for the cases government pages need: a new
 * <td> closes the open cell, a new <tr> the open row, <p> closes an open <p>, an end tag with no
 * open element is ignored, and nothing leaks out of a table cell. XML mode (docx) trusts the nesting.
 */
import type { Token } from './tokenize';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'area', 'base', 'param', 'source', 'embed', 'track', 'basefont', 'frame']);
const CELL = new Set(['td', 'th']);
const SECTION = new Set(['tbody', 'thead', 'tfoot']);
const BLOCK_CLOSES_P = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'hr', 'center', 'dl']);
/** Deeper nesting than this is flattened (a hostile or broken page cannot exhaust the stack). */
const MAX_DEPTH = 400;

export function buildTree(tokens: readonly Token[], opts: { html: boolean } = { html: true }): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const top = () => stack[stack.length - 1]!;
  const indexOf = (name: string, boundary: (n: string) => boolean): number => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i]!.name === name) return i;
      if (boundary(stack[i]!.name)) return -1;
    }
    return -1;
  };
  const popTo = (i: number) => {
    if (i > 0) stack.length = i;
  };
  const push = (el: El) => {
    top().children.push(el);
    if (stack.length < MAX_DEPTH) stack.push(el);
  };
  const isTable = (n: string) => n === 'table';

  for (const t of tokens) {
    if (t.type === 'text') {
      if (t.text) top().children.push(t.text);
      continue;
    }
    if (t.type === 'start') {
      const el: El = { name: t.name, attrs: t.attrs, children: [] };
      if (!opts.html) {
        if (t.selfClosing) top().children.push(el);
        else push(el);
        continue;
      }
      if (BLOCK_CLOSES_P.has(t.name)) popTo(indexOf('p', (n) => CELL.has(n) || isTable(n)));
      if (CELL.has(t.name)) {
        const cell = Math.max(indexOf('td', isTable), indexOf('th', isTable));
        popTo(cell);
        if (top().name !== 'tr') {
          const tr = indexOf('tr', isTable);
          if (tr > 0) popTo(tr + 1);
          else push({ name: 'tr', attrs: {}, children: [] });
        }
      } else if (t.name === 'tr') {
        const tr = indexOf('tr', isTable);
        popTo(tr);
      } else if (SECTION.has(t.name)) {
        for (const s of [...SECTION, 'tr']) popTo(indexOf(s, isTable));
      } else if (t.name === 'li') popTo(indexOf('li', (n) => n === 'ul' || n === 'ol' || CELL.has(n)));
      if (VOID.has(t.name) || t.selfClosing) top().children.push(el);
      else push(el);
      continue;
    }
    if (!opts.html) {
      const i = indexOf(t.name, () => false);
      popTo(i);
      continue;
    }
    // An end tag closes its element only within the current table cell (or table, for table parts).
    const tableTag = t.name === 'table' || CELL.has(t.name) || t.name === 'tr' || SECTION.has(t.name);
    const i = indexOf(t.name, tableTag ? (n) => (t.name === 'table' ? false : isTable(n)) : (n) => CELL.has(n) || isTable(n));
    popTo(i);
  }
  return root;
}

/** Text of an element (no layout): <br> as a line break. */
export function textOf(node: El | string): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}

export function* walk(node: El): Generator<El> {
  const todo: El[] = [node];
  while (todo.length) {
    const el = todo.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') todo.push(c);
    }
  }
}

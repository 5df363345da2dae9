/**
 * Section text as the writer wrote it, not as a page laid it out (issue 18 §5): spaces a PDF's
 * layout put between Chinese and figures (「2024 年」) or between the characters of a justified line, page numbers (「— 3 —」, 「第 3 页 共 7 页」)
 * and running headers (the report's title repeated at the top of every page) removed. Joining lines
 * broken inside sentences is done by paragraphs() (sections.ts), which calls these.
 */
import { compactLabel } from './normalize';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕';
const SPACE = '[ \\u00a0\\u3000\\t]+';
const BETWEEN = [
  new RegExp(`([${CJK}${CJK_PUNCT}])${SPACE}(?=[0-9０-９])`, 'g'),
  new RegExp(`([0-9０-９%％])${SPACE}(?=[${CJK}${CJK_PUNCT}])`, 'g'),
  new RegExp(`([${CJK_PUNCT}])${SPACE}(?=[${CJK}${CJK_PUNCT}])`, 'g'),
  new RegExp(`([${CJK}])${SPACE}(?=[${CJK_PUNCT}])`, 'g'),
  // A justified line spreads its characters (「政府 信 息 公 开 工 作」): Chinese is written without spaces.
  new RegExp(`([${CJK}])${SPACE}(?=[${CJK}])`, 'g'),
];

/** Spaces between Chinese (or its punctuation) and figures are layout, never the writer's. */
export function closeCjkSpaces(line: string): string {
  let out = line;
  for (const re of BETWEEN) out = out.replace(re, '$1');
  return out;
}

/** A printed page number on a line of its own. */
export function isPageNumber(line: string): boolean {
  const t = line.replace(/[\s\u00a0\u3000]+/g, '');
  return /^[-—–－‒]*\d{1,3}[-—–－‒]*$/.test(t) || /^第\d{1,3}页(?:[,，/]?共\d{1,3}页)?$/.test(t) || /^\d{1,3}\/\d{1,3}$/.test(t);
}

/** Short lines printed three times or more (a page's running header or footer), compact. */
export function runningLines(text: string): Set<string> {
  const count = new Map<string, number>();
  for (const l of text.split('\n')) {
    const t = compactLabel(l);
    if (t.length < 4 || t.length > 40 || /^[\d.,，。|]+$/.test(t) || /[。；;]/.test(t)) continue;
    count.set(t, (count.get(t) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 3).map(([t]) => t));
}

/**
 * The margins a browser prints on every page (「file:///C:/…/report.html 1/3」, 「12/6/26, 8:31 AM
 * 标题」, their page count): in a PDF viewer's copy of such a print they sit inside the tables, and
 * their digits are no figures.
 */
const PRINT_MARGIN = [
  /^\s*(?:file:\/\/|https?:\/\/)\S*(?:\s+\d{1,3}\/\d{1,3})?\s*$/,
  /^\s*\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s.*)?$/,
  /^\s*\d{1,3}\/\d{1,3}\s*$/,
];

export function dropPrintMargins(text: string): string {
  const lines = text.split('\n');
  // Only a browser's print has them: the address line must be there.
  if (!lines.some((l) => PRINT_MARGIN[0]!.test(l) && /\S/.test(l))) return text;
  const margin = lines.map((l) => PRINT_MARGIN.some((re) => re.test(l)));
  // The page's title printed beside the date, or on the next line when a copy breaks it there.
  const seen = new Map<string, number>();
  for (const l of lines) seen.set(compactLabel(l), (seen.get(compactLabel(l)) ?? 0) + 1);
  lines.forEach((l, i) => {
    if (!margin[i] || !/[AaPp][Mm]\s*$|:\d{2}\s*$/.test(l)) return;
    const next = lines.findIndex((x, j) => j > i && /\S/.test(x));
    if (next > 0 && (seen.get(compactLabel(lines[next]!)) ?? 0) >= 2) margin[next] = true;
  });
  return lines.filter((_, i) => !margin[i]).join('\n');
}

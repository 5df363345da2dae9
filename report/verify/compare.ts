/**
 * 核对已发布 (issue 23 #1): the 定稿 report against what the website shows, as the importer read it.
 * Cell by cell (the labels of report/formats), sentence by sentence (every part of the text), the six
 * section headings, and the title's agency and year, the 落款 and its date. A figure the importer
 * was not sure of is 「无法核对」 — listed apart and never counted as equal — so `same` is only true
 * when every figure was read with certainty and nothing differs.
 */
import { getCell } from '../cells';
import { cellTitle } from '../rollup/tables';
import { partTitle } from '../checks/text';
import { formatLabel, getFormat } from '../formats';
import { layoutOf } from '../layout';
import { parseDecimal } from '../rollup/decimal';
import { TEXT_PARTS, type CellPath, type Report } from '../types';
import { foldGlyphs } from './fold';

/** What the importer read from the published page. */
export interface PublishedReading {
  report: Report;
  /** Cells read without certainty (no reading at all included). */
  uncertain: readonly CellPath[];
  /** Section headings as printed, in order. */
  headings: readonly string[];
}

export interface CellDifference {
  path: CellPath;
  label: string;
  archived: string;
  published: string;
}

/** A sentence, a heading or a title field that differs; '' on the side that lacks it. */
export interface TextDifference {
  part: string;
  archived: string;
  published: string;
}

export interface VerifyResult {
  same: boolean;
  cells: CellDifference[];
  text: TextDifference[];
  /** Cells the importer was unsure of: 无法核对. */
  uncertain: CellPath[];
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Money is compared as a decimal: 「0.9840」 printed as 「0.984」 is the same amount. */
function sameValue(money: boolean, a: string, b: string): boolean {
  if (a === b) return true;
  if (!money) return false;
  try {
    return parseDecimal(a).units === parseDecimal(b).units;
  } catch {
    return false;
  }
}

function compareCells(archived: Report, published: PublishedReading): { cells: CellDifference[]; uncertain: CellPath[] } {
  const unsure = new Set(published.uncertain);
  const cells: CellDifference[] = [];
  const uncertain: CellPath[] = [];
  for (const c of layoutOf(archived.format).cells) {
    if (unsure.has(c.path)) {
      uncertain.push(c.path);
      continue;
    }
    const a = show(getCell(archived, c.path));
    const b = show(getCell(published.report, c.path));
    if (!sameValue(c.type === 'money' || c.type === 'amount', a, b)) cells.push({ path: c.path, label: cellTitle(archived, c.path), archived: a, published: b });
  }
  return { cells, uncertain };
}

/**
 * Sentences as printed, each with its closing mark, whitespace removed (a website re-wraps lines,
 * turns <br> into paragraphs and pads with spaces; none of that changes what the report says).
 * Unlike the repetition check's sentences, sub-headings stay: a changed sub-heading is a change.
 */
export function publishedSentences(text: string): string[] {
  const flat = text.replace(/[\s\u00a0\u3000]+/g, '');
  return flat.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/g) ?? [];
}

/** Pairs of sentences in order: equal ones matched by their longest common run, the rest paired up within each gap. */
function alignSentences(a: string[], b: string[]): [string, string][] {
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const out: [string, string][] = [];
  const gapA: string[] = [];
  const gapB: string[] = [];
  const flush = () => {
    const n = Math.max(gapA.length, gapB.length);
    for (let k = 0; k < n; k++) out.push([gapA[k] ?? '', gapB[k] ?? '']);
    gapA.length = 0;
    gapB.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) gapA.push(a[i++]!);
    else gapB.push(b[j++]!);
  }
  flush();
  return out;
}

/** Sentences past this many per part are compared as one block (a bounded table, whatever a page holds). */
const MAX_SENTENCES = 2000;

function compareText(archived: Report, published: Report): TextDifference[] {
  const out: TextDifference[] = [];
  for (const part of TEXT_PARTS) {
    let a = publishedSentences(archived.text[part]);
    let b = publishedSentences(published.text[part]);
    if (a.length > MAX_SENTENCES || b.length > MAX_SENTENCES) [a, b] = [[a.join('')], [b.join('')]];
    for (const [x, y] of alignSentences(a, b)) out.push({ part: partTitle(archived, part), archived: x, published: y });
  }
  return out;
}

const normHeading = (h: string) => h.replace(/[(]/g, '（').replace(/[)]/g, '）').replace(/[:：\s\u3000]+/g, '');

function compareHeadings(archived: Report, found: readonly string[]): TextDifference[] {
  const sections = getFormat(archived.format).sections;
  // Each printed heading as the section it names (the variants format.md §2.1 accepts included), in printed order.
  const named = (h: string) => sections.findIndex((s) => [s.heading, ...(s.aliases ?? [])].some((x) => normHeading(x) === normHeading(h)));
  const present = found.map(named).filter((i) => i >= 0);
  const out: TextDifference[] = sections.filter((_, i) => !present.includes(i)).map((s) => ({ part: '缺少的部分', archived: s.heading, published: '' }));
  const inOrder = [...new Set(present)].sort((x, y) => x - y);
  if (present.join('|') !== inOrder.join('|'))
    out.push({ part: '各部分顺序', archived: inOrder.map((i) => sections[i]!.heading).join('、'), published: present.map((i) => sections[i]!.heading).join('、') });
  return out;
}

function compareTitle(archived: Report, published: Report): TextDifference[] {
  const fields: [string, string, string][] = [
    ['标题中的机关', archived.agency, published.agency],
    ['标题中的年度', String(archived.year), String(published.year)],
    ['落款机关', archived.closing.agency, published.closing.agency],
    ['成文日期', archived.closing.date, published.closing.date],
  ];
  return fields.filter(([, a, b]) => a.replace(/\s+/g, '') !== b.replace(/\s+/g, '')).map(([part, a, b]) => ({ part, archived: a, published: b }));
}

/** The published reading with the glyphs of a PDF's text layer folded (./fold.ts): what is shown and compared. */
function folded(r: Report): Report {
  const text = Object.fromEntries(TEXT_PARTS.map((p) => [p, foldGlyphs(r.text[p])])) as Report['text'];
  return { ...r, agency: foldGlyphs(r.agency), text, closing: { ...r.closing, agency: foldGlyphs(r.closing.agency) } };
}

export function compareWithPublished(archived: Report, reading: PublishedReading): VerifyResult {
  const published = { ...reading, report: folded(reading.report), headings: reading.headings.map(foldGlyphs) };
  const text = [...compareTitle(archived, published.report), ...compareHeadings(archived, published.headings)];
  if (archived.format !== published.report.format) {
    // Another layout (another year's format): the tables cannot be compared cell by cell.
    text.push({ part: '表格格式', archived: formatLabel(archived.format), published: formatLabel(published.report.format) });
    return { same: false, cells: [], text: [...text, ...compareText(archived, published.report)], uncertain: [] };
  }
  const { cells, uncertain } = compareCells(archived, published);
  text.push(...compareText(archived, published.report));
  return { same: !cells.length && !text.length && !uncertain.length, cells, text, uncertain };
}

/**
 * The report as a sequence of document blocks: title, preamble, the six sections in the definition's
 * order (text split at \n, tables from the layout), closing. The .docx and HTML exporters walk the
 * same sequence, and the font helper reads it, so all three agree on what the document contains.
 */
import { getFormat, layoutOf, reportTitle, type Report, type TableGrid } from '../../report';
import { textWidth } from './values';

/** A run of a paragraph: `heading` = the （一） heading part, set in 楷体 (GB/T 9704 7.3.3). */
export interface Run {
  text: string;
  heading: boolean;
}

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'table'; grid: TableGrid }
  | { kind: 'closing'; agency: string; date: string; agencyRight: number; dateRight: number };

/** Characters per title line: the 156 mm text width at 二号 (22 pt). */
export const TITLE_LINE_CHARS = 20;

/**
 * A level-2 heading opening a paragraph: （一） followed by its words up to the first full stop.
 * Both bracket widths are accepted (format.md §3); the text is printed as the clerk typed it.
 */
const LEVEL2 = /^[（(][一二三四五六七八九十]{1,3}[）)][^。]*?(。|$)/;

export function paragraphRuns(line: string): Run[] {
  const text = line.trim();
  const m = LEVEL2.exec(text);
  if (!m) return [{ text, heading: false }];
  const head = m[0];
  const rest = text.slice(head.length).trim();
  // "（一）主动公开" alone, or "（一）主要问题。一是……": only the heading words are 楷体.
  return rest ? [{ text: head, heading: true }, { text: rest, heading: false }] : [{ text: head, heading: true }];
}

/** Text paragraphs of one text part: split at \n, blank lines dropped. */
export function paragraphsOf(text: string): Run[][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(paragraphRuns);
}

/** The title, broken after the agency when it does not fit one line (format.md §9.1, sample 004). */
export function titleLines(report: Report): string[] {
  const title = reportTitle(report.agency, report.year);
  if (textWidth(title) <= TITLE_LINE_CHARS) return [title];
  const agency = report.agency.trim();
  return [agency, title.slice(agency.length)];
}

/** 2025-01-20 → 2025年1月20日 (GB/T 9704 7.3.5.2: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Closing per GB/T 9704 7.3.5.2 (format.md §10.1), as right indents in character widths: the
 * signature 右空二字; the date on the next line with its first character two characters right of the
 * signature's first; when the date is longer than the signature, the date 右空二字 and the signature
 * moved left by as much.
 */
export function closingBlock(report: Report): Extract<Block, { kind: 'closing' }> | null {
  const agency = report.closing.agency.trim();
  const date = chineseDate(report.closing.date);
  if (!agency && !date) return null;
  const a = textWidth(agency);
  const d = textWidth(date);
  if (!agency) return { kind: 'closing', agency, date, agencyRight: 0, dateRight: 2 };
  if (d > a) return { kind: 'closing', agency, date, agencyRight: 2 + (d - a) + 2, dateRight: 2 };
  return { kind: 'closing', agency, date, agencyRight: 2, dateRight: 2 + a - 2 - d };
}

export function documentBlocks(report: Report): Block[] {
  const layout = layoutOf(report.format);
  const blocks: Block[] = [{ kind: 'title', lines: titleLines(report) }];
  for (const runs of paragraphsOf(report.text.preamble)) blocks.push({ kind: 'paragraph', runs });
  for (const section of getFormat(report.format).sections) {
    blocks.push({ kind: 'heading', text: section.heading });
    if (section.kind === 'table') blocks.push({ kind: 'table', grid: layout.grids[section.table] });
    else for (const runs of paragraphsOf(report.text[section.part])) blocks.push({ kind: 'paragraph', runs });
  }
  const closing = closingBlock(report);
  if (closing) blocks.push(closing);
  return blocks;
}

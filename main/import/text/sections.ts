/**
 * The frame of a published report read from text: the six section headings (format.md §2.1), the
 * title with agency and year (§9.1), the free-text parts and the closing signature (§9.3).
 * Table 三's row labels reuse 一、…四、, so a heading is only accepted where the words after the
 * numeral resemble that section's heading (or a variant the definition lists).
 */
import { FORMATS } from '../../../report/formats';
import { closeCjkSpaces, isPageNumber } from './clean';
import { metadataFields, startsWithField } from './metadata';
import { compact, compactLabel, originalEnd, originalStart, similarity, type Compact } from './normalize';

export interface HeadingHit {
  /** 0…5: which of the six sections. */
  section: number;
  /** The heading as printed (whitespace removed), e.g. 「一、总体概况」. */
  text: string;
  /** Original positions of the heading. */
  start: number;
  end: number;
  /** Compact positions of the heading. */
  cStart: number;
  cEnd: number;
}

const NUMERALS = '一二三四五六';
/** Below this the words after 「四、」 are a table row (四、结转下年度继续办理), not the heading. */
const HEADING_SIMILARITY = 0.74;

/** Heading words (after 「N、」) of section k in either format, with their variants. */
function headingCores(k: number): string[] {
  const out = new Set<string>();
  for (const def of Object.values(FORMATS)) {
    const s = def.sections[k];
    if (!s) continue;
    for (const h of [s.heading, ...(s.aliases ?? [])]) out.add(compactLabel(h).replace(/^[一二三四五六][、.]/, ''));
  }
  return [...out];
}
const CORES = Array.from({ length: 6 }, (_, k) => headingCores(k));

function bestWindow(text: string, at: number, cores: string[]): { score: number; length: number } {
  let best = { score: 0, length: 0 };
  for (const core of cores) {
    for (let len = Math.max(2, core.length - 3); len <= core.length + 3; len++) {
      const w = text.slice(at, at + len);
      if (w.length < len) break;
      const score = similarity(w, core);
      if (score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && Math.abs(len - core.length) < Math.abs(best.length - core.length)))
        best = { score, length: len };
    }
  }
  return best;
}

/** Whether nothing but spaces stands before `at` on its line. */
export function startsLine(original: string, at: number): boolean {
  return /^[ \t\u3000\u00a0]*$/.test(original.slice(original.lastIndexOf('\n', at - 1) + 1, at));
}

/**
 * The six headings in order; a missing heading is skipped, the search goes on after the last found.
 * `firstOnOwnLine`: 一、 only where it begins a line — for text whose first mention of 「一、总体情况」
 * stands inside a line above the title (a check list printed with the report, 「C-1 提醒 一、总体情况」).
 */
export function findHeadings(original: string, c: Compact = compact(original), firstOnOwnLine = false): HeadingHit[] {
  const hits: HeadingHit[] = [];
  let cursor = 0;
  for (let k = 0; k < 6; k++) {
    const numeral = NUMERALS[k]!;
    for (let i = c.text.indexOf(numeral, cursor); i >= 0; i = c.text.indexOf(numeral, i + 1)) {
      const sep = c.text[i + 1];
      if (sep !== '、' && sep !== '.') continue;
      const w = bestWindow(c.text, i + 2, CORES[k]!);
      if (w.score < HEADING_SIMILARITY) continue;
      const start = originalStart(c, i);
      if (k === 0 && firstOnOwnLine && !startsLine(original, start)) continue;
      let end = originalEnd(c, i + 2 + w.length);
      // A heading alone on its line keeps what follows it there (a trailing colon, a variant word).
      const lineEnd = original.indexOf('\n', end);
      const rest = original.slice(end, lineEnd < 0 ? original.length : lineEnd);
      if (rest.trim().length <= 3 && !/\d/.test(rest)) end += rest.length;
      hits.push({ section: k, text: original.slice(start, end).replace(/\s+/g, ''), start, end, cStart: i, cEnd: i + 2 + w.length });
      cursor = i + 2 + w.length;
      break;
    }
  }
  return hits;
}

/** Page metadata (metadata.ts) and rules of dashes or equals signs: not part of the report. */
export function isMetadataLine(line: string): boolean {
  const t = compactLabel(line);
  return startsWithField(line) || /^[=\-_*#]{3,}/.test(t) || /^[=\-_]{3,}.*[=\-_]{3,}$/.test(t);
}

export interface TitleInfo {
  agency: string | null;
  year: number | null;
  /** Original lines (indices into the pre-heading lines) that make up the title, to leave out of the preamble. */
  titleLines: number[];
}

/** 「…政府信息公开工作年度报告」, also without 工作 (「…政府信息公开年度报告」). */
const TITLE_TAIL = '政府信息公开(?:工作)?(?:年度)?报告';
/** Pattern A {机关}{YYYY}年… and B {YYYY}年{机关}… (format.md §9.1) on a compact line. */
const TITLE_A = new RegExp(`^(.{0,40}?)((?:19|20)\\d{2})年度?${TITLE_TAIL}$`);
const TITLE_B = new RegExp(`^((?:19|20)\\d{2})年度?(.{2,40}?)${TITLE_TAIL}$`);
/** The same inside a sentence: 《…2024年政府信息公开工作年度报告》, 现将2020年温泉镇政府信息公开工作报告如下. */
const IN_TEXT_A = new RegExp(`([^\\d，。,；;:：()《》|\\[\\]]{2,30}?)((?:19|20)\\d{2})年度?${TITLE_TAIL}`);
const IN_TEXT_B = new RegExp(`((?:19|20)\\d{2})年度?([^\\d，。,；;:：()《》|\\[\\]]{2,30}?)${TITLE_TAIL}`);
const PERIOD_YEAR = /统计(?:期限|时限|时间|期间|区间)?[^。]{0,12}?((?:19|20)\d{2})年1月1日/;

const cleanAgency = (s: string): string | null => {
  const t = s.replace(/^[#\s]+/, '').replace(/^(现将|现发布|关于|本机关|我镇|我单位)/, '').replace(/^[|《(\s]+|[|》)\s]+$/g, '').trim();
  return t.length >= 2 ? t : null;
};

/** Title, agency and year from the text before 一、总体情况 (the title line, or the preamble when there is none). */
export function readTitle(preLines: readonly string[]): TitleInfo {
  const info = findTitle(preLines);
  if (!info.titleLines.length || !info.year) return info;
  // Pages often repeat the title, once whole and once broken over two centred lines: all of it is title.
  const whole = `${info.agency ?? ''}${info.year}年`;
  const lines = preLines.map((l, i) => ({ t: compactLabel(l).replace(/^\|+|\|+$/g, ''), i })).filter(({ t, i }) =>
    info.titleLines.includes(i) || (t.length >= 4 && (whole.includes(t) || TITLE_A.test(t) || TITLE_B.test(t))));
  return { ...info, titleLines: lines.map((l) => l.i) };
}

/** A title without its year (「某某镇政府信息公开工作年度报告」), the year on a line of its own next to it. */
const TITLE_NO_YEAR = new RegExp(`^(.{2,40}?)${TITLE_TAIL}$`);
const YEAR_LINE = /^((?:19|20)\d{2})年度?$/;
/** Portal fields naming the publisher: the agency when the title does not. */
const PUBLISHER_FIELDS = ['发布机构', '发文机关', '发文单位'] as const;
/** Portal fields holding the report's title. */
const TITLE_FIELDS = new Set(['名称', '标题', '主题词']);

/** A line as a title candidate: a metadata line only through its title field (名称, 标题). */
function titleLine(l: string): string {
  if (startsWithField(l)) {
    const fields = metadataFields([l]);
    const key = [...fields.keys()].find((k) => TITLE_FIELDS.has(k));
    return key ? fields.get(key)! : '';
  }
  return compactLabel(l).replace(/^\|+|\|+$/g, '').replace(/^#+/, '');
}

function findTitle(preLines: readonly string[]): TitleInfo {
  const info = findTitleLine(preLines);
  if (info.agency) return info;
  // The page's 发布机构 field names the agency the title leaves out.
  const fields = metadataFields(preLines);
  const publisher = PUBLISHER_FIELDS.map((k) => fields.get(k)).find((v) => v && v.length >= 2 && v.length <= 40);
  return publisher ? { ...info, agency: cleanAgency(publisher) } : info;
}

function findTitleLine(preLines: readonly string[]): TitleInfo {
  // The page's own title field (an HTML <title>) only counts when the body has no title line.
  const field = (l: string) => startsWithField(l);
  const order = [...preLines.keys()].sort((a, b) => Number(field(preLines[a]!)) - Number(field(preLines[b]!)) || a - b);
  for (const i of order) {
    const line = titleLine(preLines[i]!);
    const bare = TITLE_NO_YEAR.exec(line);
    if (bare && !/(?:19|20)\d{2}年/.test(line)) {
      const near = [i - 2, i - 1, i + 1, i + 2].find((j) => j >= 0 && j < preLines.length && YEAR_LINE.test(titleLine(preLines[j]!)));
      if (near !== undefined) return { agency: cleanAgency(bare[1]!), year: Number(YEAR_LINE.exec(titleLine(preLines[near]!))![1]), titleLines: [i, near] };
    }
    const a = TITLE_A.exec(line);
    if (a) {
      let agency = cleanAgency(a[1]!);
      const lines = [i];
      // Two-line title: 「重庆市开州区大进镇人民政府」 / 「2024年政府信息公开工作年度报告」.
      if (!agency) {
        const prev = preLines.slice(0, i).map((l, j) => ({ l: l.trim(), j })).filter((x) => x.l).pop();
        if (prev && prev.l.length <= 40 && !/[。，,]/.test(prev.l) && !startsWithField(prev.l)) {
          agency = cleanAgency(compactLabel(prev.l));
          lines.push(prev.j);
        }
      }
      return { agency, year: Number(a[2]), titleLines: lines };
    }
    const b = TITLE_B.exec(line);
    if (b) return { agency: cleanAgency(b[2]!), year: Number(b[1]), titleLines: [i] };
  }
  const pre = compactLabel(preLines.join('\n'));
  const b = IN_TEXT_B.exec(pre);
  const a = IN_TEXT_A.exec(pre);
  const hit = [a && { at: a.index, agency: a[1]!, year: a[2]! }, b && { at: b.index, agency: b[2]!, year: b[1]! }]
    .filter((x): x is { at: number; agency: string; year: string } => !!x)
    .sort((x, y) => x.at - y.at)[0];
  if (hit) return { agency: cleanAgency(hit.agency), year: Number(hit.year), titleLines: [] };
  const p = PERIOD_YEAR.exec(pre);
  return { agency: null, year: p ? Number(p[1]) : null, titleLines: [] };
}

/**
 * Lines to paragraphs: blank lines and page metadata dropped; with `rejoin` (plain text, where PDF
 * extraction breaks lines inside sentences), a long line that stops mid-sentence is joined to the next.
 */
export function paragraphs(text: string, rejoin = true, running: ReadonlySet<string> = new Set()): string {
  const lines = text.split(/\r?\n/).map((l) => closeCjkSpaces(l.replace(/[\s\u3000]+$/g, '').replace(/^[\s\u3000]+/g, '')));
  const out: string[] = [];
  for (const line of lines) {
    if (!line || isMetadataLine(line) || isPageNumber(line) || running.has(compactLabel(line))) continue;
    const prev = out[out.length - 1];
    // A long line that stops mid-sentence was wrapped by the page, not ended by the writer.
    if (rejoin && prev !== undefined && prev.length >= 24 && !/[。！？!?：:；;）)」”]$/.test(prev) && !/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/.test(line))
      out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out.join('\n');
}

const DATE_LINE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;

/** The signature block at the end of 六: 机关名称 / 成文日期 (format.md §9.3), taken off the text. */
export function splitClosing(text: string): { text: string; agency: string; date: string } {
  const lines = text.split('\n');
  const last = compactLabel(lines[lines.length - 1] ?? '');
  const m = DATE_LINE.exec(last);
  if (!m) return { text, agency: '', date: '' };
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const prev = lines[lines.length - 2]?.trim() ?? '';
  const isName = prev.length > 0 && prev.length <= 40 && !/[。，,；;：:]/.test(prev);
  const keep = lines.slice(0, lines.length - (isName ? 2 : 1));
  return { text: keep.join('\n'), agency: isName ? prev : '', date: iso };
}

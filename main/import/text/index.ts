/**
 * A published report as text — pasted from a web page, extracted from a PDF, or rendered from an
 * HTML/Word/Excel table as markdown rows — read into the canonical report. Label-anchored: the
 * format definition's labels (and aliases) are looked for in order; nothing here names a label.
 */
import { finding } from '../../../report/checks/helpers';
import { formatForYear, getFormat } from '../../../report/formats';
import type { FormatDef } from '../../../report/formats/model';
import type { Finding, FormatId, TextPart } from '../../../report/types';
import { ImportError } from '../errors';
import { assemble, type ImportOptions, type ImportResult, type ImportSource, type Readings } from '../result';
import { readActive } from './active';
import { activeFit, activeTokens, applyActiveFit, blockByBlock } from './active-fit';
import { figuresUnderHeaders } from './active-headers';
import { noteTableNotInText, readBlankTable, readStatedNoAppeals } from './blank-table';
import { readAppeals } from './appeals';
import { dropPrintMargins, runningLines } from './clean';
import { applyCountFit, cellsInOrder, cellTokens, countFit, pageTailFigures } from './count-fit';
import { clausesOf, requestEvidence } from './evidence';
import { compact, compactLabel, originalStart, splitItem } from './normalize';
import { readRequests } from './requests';
import { emptyRead, type TableRead } from './rows';
import { splitSecondReport } from './second-report';
import { splitColumnsFit, strayFiguresFit, type SplitFit } from './split-columns';
import { detachedTotalsFit } from './detached-totals';
import { reattachTotals } from './reattach-totals';
import { joinTabLines } from './shapes';
import { mergeSecondReading, squeezeLayout } from './layout-second';
import { joinWrappedLayout } from './wrapped-layout';
import { findHeadings, paragraphs as toParagraphs, readTitle, splitClosing, startsLine, type HeadingHit } from './sections';

/** Column headers that only one format has (format.md §12: 本年新制作数量 ⇒ gov-2019, 本年制发件数 ⇒ gov-2021). */
function formatSignature(text: string): FormatId | null {
  const score = (def: FormatDef, other: FormatDef) => {
    const own = new Set(def.active.blocks.flatMap((b) => b.fields.map((f) => compactLabel(f.label))));
    for (const b of other.active.blocks) for (const f of b.fields) own.delete(compactLabel(f.label));
    return [...own].filter((l) => text.includes(l)).length;
  };
  const a = score(getFormat('gov-2021'), getFormat('gov-2019'));
  const b = score(getFormat('gov-2019'), getFormat('gov-2021'));
  return a > b ? 'gov-2021' : b > a ? 'gov-2019' : null;
}

/** Enough of a report's skeleton to be one: section headings, Table 三's row labels, or a title. */
function looksLikeReport(ctext: string, headings: number, titled: boolean): boolean {
  const rows = getFormat('gov-2021').requests.rows.filter((r) => ctext.includes(splitItem(compactLabel(r.label)).core)).length;
  return headings >= 3 || rows >= 5 || (titled && headings >= 1);
}

export function readPublished(text: string, source: ImportSource, opts: ImportOptions = {}): ImportResult {
  // pdftotext -layout text: figures wrapped in their cells joined where that has one answer (wrapped-layout.ts) …
  const laidOut = source === 'text' && squeezeLayout(text) !== null;
  if (laidOut) text = joinWrappedLayout(text);
  // Table 三's 总计 column cut off into blocks of its own, zeros blank: each total put back after its row (reattach-totals.ts).
  const reattached = source === 'text' && !laidOut ? reattachTotals(text) : null;
  if (reattached) text = reattached.text;
  const read = readText(text, source, opts);
  if (reattached) {
    // Before Table 三's own notes, which it explains.
    const at = read.notes.findIndex((n) => n.message.startsWith('表三'));
    read.notes.splice(at < 0 ? read.notes.length : at, 0, finding('IMPORT-TOTALS-BACK', 'warning', [], null, null,
      `表三的“总计”列在原文中与各行分开（PDF 转出的文字），已按各行数字之和把${reattached.totals}个不为0的总计放回各行，请核对`));
  }
  // … and the text read again without the figures' places, as a second opinion (layout-second.ts).
  const squeezed = laidOut ? squeezeLayout(text) : null;
  if (squeezed !== null) {
    let second: Readings | null = null;
    try {
      second = readText(squeezed, source, opts);
    } catch {
      // The first reading stands alone; what refused the second would have refused the first.
    }
    if (second) mergeSecondReading(read, second);
  }
  return assemble(read);
}

function readText(text: string, source: ImportSource, opts: ImportOptions): Readings {
  if (source === 'text') text = joinTabLines(dropPrintMargins(text));
  let c = compact(text);
  let headings = findHeadings(text, c);
  // Full-width figures (「１２８８」, a CMS's or an editor's choice) read as the figures they are, in the
  // tables only: sections keep the text as printed. Same length, so positions and headings stand.
  const tablesFrom = headings.find((x) => x.section === 1)?.end;
  if (tablesFrom !== undefined) {
    const tablesTo = headings.find((x) => x.section > 3)?.start ?? text.length;
    text = text.slice(0, tablesFrom) + text.slice(tablesFrom, tablesTo).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) + text.slice(tablesTo);
  }
  const second = splitSecondReport(text, headings);
  if (second) {
    text = second.first;
    c = compact(text);
    headings = findHeadings(text, c);
  }
  // Only plain text has lines broken inside sentences; HTML, Word and Excel keep real paragraphs.
  const running = runningLines(text);
  const paragraphs = (s: string) => toParagraphs(s, source === 'text' || source === 'pdf', running);
  const h = (k: number): HeadingHit | undefined => headings.find((x) => x.section === k);
  const titleBefore = (hs: HeadingHit[]) => {
    const pre = hs[0] ? text.slice(0, hs[0].start) : text.split('\n').slice(0, 12).join('\n');
    return { preText: pre, preLines: pre.split('\n'), title: readTitle(pre.split('\n')) };
  };
  let { preText, preLines, title } = titleBefore(headings);
  // No title above a 「一、总体情况」 that stands inside a line: a mention (a check list printed above the
  // report), not the heading. The heading is the one that begins a line, if the title stands above that.
  if (title.year === null && headings[0]?.section === 0 && !startsLine(text, headings[0].start)) {
    const again = findHeadings(text, c, true);
    const retitled = titleBefore(again);
    if (again[0]?.section === 0 && retitled.title.year !== null) ({ headings, preText, preLines, title } = { headings: again, ...retitled });
  }
  if (!looksLikeReport(c.text, headings.length, title.year !== null))
    throw new ImportError('NOT_A_REPORT', '没有在文件中找到政府信息公开工作年度报告（既没有年报的标题、章节，也没有年报的统计表）');

  const year = title.year ?? opts.year ?? null;
  if (year === null) throw new ImportError('NO_YEAR', '没有从标题或正文中识别出报告年度，请指定要导入的年度');
  if (opts.year !== undefined && title.year !== null && title.year !== opts.year)
    throw new ImportError('YEAR_MISMATCH', `这是${title.year}年度的报告，不是所选的${opts.year}年度，未导入`);
  const format = formatForYear(year);
  if (!format) throw new ImportError('UNSUPPORTED_YEAR', `${year}年度没有统一的年度报告格式（自2019年度起），无法导入`);
  const def = getFormat(format);
  const notes: Finding[] = second ? [second.note] : [];
  const signature = formatSignature(c.text);
  const mismatch = signature !== null && signature !== format;
  if (mismatch)
    notes.push(finding('IMPORT-FORMAT', 'error', [], format, signature,
      `${year}年度应使用${def.notice}的格式，但表二是${getFormat(signature).notice}的格式，表二未导入，需按现行格式补填`));

  // Each table is read between its heading and the next; a missing heading leaves the previous table's end as the bound.
  const len = c.text.length;
  const startOf = (...ks: number[]) => ks.map((k) => h(k)?.cStart).find((x) => x !== undefined) ?? len;
  const src = { text, c };
  const activeFrom = h(1)?.cEnd ?? h(0)?.cEnd ?? 0;
  const active: TableRead = mismatch ? emptyRead(activeFrom) : readActive(src, def, activeFrom, startOf(2, 3, 4, 5), clausesOf(preText + text.slice(h(0)?.end ?? 0, h(1)?.start ?? 0)), source === 'text' && text.includes('\f'));
  const overviewEnd = Math.min(h(1)?.start ?? text.length, originalStart(c, active.found ? active.start : len));
  const overview = h(0) ? paragraphs(text.slice(h(0)!.end, overviewEnd)) : '';
  const requests = readRequests(src, def, h(2)?.cEnd ?? (active.found ? active.end : activeFrom), startOf(3, 4, 5), requestEvidence(overview));
  const appeals = readAppeals(src, def, h(3)?.cEnd ?? requests.end, startOf(4, 5));
  // The second opinion: the figures between a table's heading and the next, read in order (count-fit.ts).
  let appealsAfterSplit: string[] | null = null;
  for (const [k, table, read, name] of [[2, 'requests', requests, '表三'], [3, 'appeals', appeals, '表四']] as const) {
    const at = h(k);
    const spanEnd = headings.find((x) => x.section > k)?.start ?? text.length;
    const inSpan = at ? cellTokens(text.slice(at.end, spanEnd)) : [];
    // Too few: the rows below a page break may come out at the end of that page, after the next sections.
    const tail = at && source === 'text' && inSpan.length < cellsInOrder(format, table).length ? pageTailFigures(text, spanEnd) : [];
    // Table 三 from its first row: Table 二's last figure may come out after Table 三's heading (Chromium's PDF).
    const from = at && table === 'requests' && read.found ? Math.max(at.end, originalStart(c, read.start)) : at?.end ?? 0;
    // Table 三's figures may come out partly under Table 四's heading, before its own figures.
    const cut = at && table === 'requests' && source === 'text' && h(3) && headings.find((x) => x.section > k)?.section === 3
      ? partlyUnderTable4(text, from, h(3)!, headings.find((x) => x.section > 3)?.start ?? text.length, format)
      : null;
    if (cut) appealsAfterSplit = cut.rest;
    const own = table === 'appeals' && appealsAfterSplit ? appealsAfterSplit : inSpan;
    let fit = at && (countFit(own, format, table) ?? (tail.length ? countFit([...inSpan, ...tail], format, table) : null) ?? cut?.fit ?? null);
    // Table 三's figures, or its last rows, may come out after Table 四's heading (pdftotext plain of a
    // Word table whose labels fill the page: the labels first, then the figures). Read in order, when
    // the two spans hold exactly Table 三's cells, or Table 三's and Table 四's, and Table 三's keep its rules.
    if (!fit && at && table === 'requests' && source === 'text' && h(3) && headings.find((x) => x.section > k)?.section === 3) {
      const after = cellTokens(text.slice(h(3)!.end, headings.find((x) => x.section > 3)?.start ?? text.length));
      const both = [...cellTokens(text.slice(from, spanEnd)), ...after];
      const n3 = cellsInOrder(format, 'requests').length;
      if (after.length && (both.length === n3 || both.length === n3 + cellsInOrder(format, 'appeals').length)) {
        fit = countFit(both.slice(0, n3), format, table);
        if (fit) appealsAfterSplit = both.slice(n3);
      }
    }
    if (fit) applyCountFit(read, fit, name);
    // A table printed without any figure (blank cells dropped by a PDF): every cell 0 (blank-table.ts).
    if (at) {
      const region = text.slice(from, headings.find((x) => x.section > k)?.start ?? text.length);
      // With no figure anywhere in the span, a few labels wrapped around group words past finding do not matter.
      const labels = table === 'requests' ? read.found >= def.requests.rows.length - 3
        : def.appeals.groups.every((g) => compact(region).text.includes(compactLabel(g.label)));
      // Not on the PDF reader's own text: it may place a table's figures outside the table's span.
      if (source !== 'pdf') readBlankTable(read, def, table, region, labels, name);
      // Figures under Table 四's heading that were all Table 三's (split-columns.ts) are not Table 四's.
      if (table === 'appeals') readStatedNoAppeals(read, def, appealsAfterSplit?.length === 0 ? withoutTable3(region, def) : region, name);
      noteTableNotInText(read, def, table, name);
    }
  }

  // Table 二 with its figures after all its labels (PDF-viewer text): read in order (active-fit.ts).
  const activeAt = h(1);
  // Its last figure may come out after Table 三's heading (Chromium's PDF): the span ends at Table 三's first row.
  const activeEnd = requests.found ? originalStart(c, requests.start) : headings.find((x) => x.section > 1)?.start ?? text.length;
  const activeSpan = activeAt ? text.slice(activeAt.end, activeEnd) : '';
  // Or column by column, each header followed by its figures (Chromium's PDF through pdftotext: active-headers.ts).
  const byHeaders = activeAt && !mismatch && !blockByBlock(activeSpan, format) ? figuresUnderHeaders(activeSpan, format) : null;
  const inOrder = activeAt && !mismatch && (byHeaders ? activeFit(byHeaders, format, true) : blockByBlock(activeSpan, format) && activeFit(activeTokens(activeSpan), format));
  if (inOrder) applyActiveFit(active, inOrder, def.active.blocks.reduce((s, b) => s + b.rows.length, 0));

  const part = (k: number, stop?: number): string => {
    const hit = h(k);
    if (!hit) return '';
    const next = headings.find((x) => x.section > k);
    return paragraphs(text.slice(hit.end, Math.min(next?.start ?? text.length, stop ?? text.length)));
  };
  const preamble = paragraphs(preLines.filter((_, i) => !title.titleLines.includes(i)).join('\n').replace(/^[\s|]+$/gm, ''));
  const closing = splitClosing(part(5));
  const textParts: Record<TextPart, string> = { preamble: headings[0] ? preamble : '', overview, problems: part(4), other: closing.text };

  let agency = title.agency ?? opts.agency?.trim() ?? '';
  if (!title.agency)
    notes.push(finding('IMPORT-AGENCY', 'warning', [], null, agency || null,
      agency ? `原文没有写明机关名称，已使用“${agency}”` : '原文没有写明机关名称，请补填'));
  else if (opts.agency && !sameAgency(title.agency, opts.agency))
    notes.push(finding('IMPORT-AGENCY', 'warning', [], opts.agency, title.agency, `原文的机关名称“${title.agency}”与所选机关“${opts.agency}”不同，请核实`));
  agency = agency.slice(0, 100);

  const values = new Map([...active.values, ...requests.values, ...appeals.values]);
  return {
    source,
    format,
    year,
    agency,
    text: textParts,
    closing: { agency: closing.agency, date: closing.date },
    values,
    units: active.units,
    uncertain: new Set([...active.uncertain, ...requests.uncertain, ...appeals.uncertain]),
    notes: [...notes, ...active.notes, ...requests.notes, ...appeals.notes],
    headings: headings.map((x) => x.text),
  };
}

/**
 * Table 三's figures with some of them printed under Table 四's heading: its last columns
 * (split-columns.ts), its 总计 column cut off in blocks (detached-totals.ts), or a figure that went
 * with a wrapped column header (split-columns.ts strayFiguresFit). Each is read only where the counts
 * and the rules leave one answer; what is left under Table 四's heading is Table 四's.
 */
function partlyUnderTable4(text: string, from: number, heading: HeadingHit, to: number, format: FormatId): SplitFit | null {
  const left = cellTokens(text.slice(from, heading.start));
  const after = cellTokens(text.slice(heading.end, to));
  return splitColumnsFit(left, after, format) ?? detachedTotalsFit(text, from, [heading.start, heading.end], to, format) ?? strayFiguresFit(left, after, format);
}

/**
 * What Table 三 left under Table 四's heading taken out of it: the figures, and the column headers
 * that came with them (「法律 / 服务 / 机构 … 其他 总计」), so that a sentence in Table 四's place can be read.
 */
function withoutTable3(text: string, def: FormatDef): string {
  let rest = compact(text.split(/([\s\u00a0\u3000|]+)/).filter((t) => !cellTokens(t).length).join('')).text;
  for (const col of def.requests.columns) rest = rest.replace(compactLabel(col.label), '');
  return rest;
}

/** 阿勒玛勒镇 ≈ 阿勒玛勒镇人民政府: one name contains the other once the 人民政府 suffix is set aside. */
export function sameAgency(a: string, b: string): boolean {
  const n = (s: string) => compactLabel(s).replace(/(人民政府|政府)$/, '');
  const x = n(a);
  const y = n(b);
  return x === y || (x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x)));
}

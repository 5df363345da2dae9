/**
 * Table 四 read from text (format.md §4.3): it has no row label, so its one data row is what follows
 * the last header label. Copies truncate the headers (「结果」「尚未」), so the first two characters
 * of each outcome also count as header. A row whose blank cells left no trace is read as far as
 * the group sums allow (appeal-groups.ts).
 */
import type { FormatDef } from '../../../report/formats/model';
import { appealsByLayout } from './appeals-layout';
import type { Candidate, Vals } from './candidates';
import { rowReadings, TooManyReadings } from './candidates';
import { classify, isMarkdownRow, segmentCells, tabCells, type Cell } from './cells';
import { finding } from '../../../report/checks/helpers';
import { agreedCells } from './appeal-groups';
import { ownWordsOnly, tableChars } from './blank-table';
import { figureTokens } from './count-fit';
import { describeReads } from './notes';
import { compactLabel, originalEnd, originalStart } from './normalize';
import { emptyRead, isCount, type RowRead, type RowSpec, type Source, type TableRead, valueAt } from './rows';
import { resolve } from './solve';

function groupsOk(v: Vals, size: number): boolean {
  for (let g = 0; g + size <= v.length; g += size) {
    const total = v[g + size - 1];
    if (total === null || total === undefined) continue;
    let s = 0;
    for (let i = g; i < g + size - 1; i++) s += v[i] === null ? 0 : Number(v[i]);
    if (s !== Number(total)) return false;
  }
  return true;
}

export function readAppeals(src: Source, def: FormatDef, from: number, to: number): TableRead {
  const t = def.appeals;
  const size = t.outcomes.length;
  const header = [...t.groups.flatMap((g) => [g.label, g.parent ?? g.label]), ...t.outcomes, ...t.outcomes.map((o) => o.slice(0, 2))].map(compactLabel);
  const region = src.c.text.slice(from, to);
  let headerEnd = -1;
  let groupsSeen = 0;
  for (const h of new Set(header)) {
    const i = region.lastIndexOf(h);
    if (i >= 0) headerEnd = Math.max(headerEnd, from + i + h.length);
  }
  for (const g of t.groups) if (region.includes(compactLabel(g.label))) groupsSeen++;
  const out = emptyRead(from);
  if (headerEnd < 0 || groupsSeen === 0) return out;
  out.found = 1;
  out.end = to;

  const a = originalEnd(src.c, headerEnd);
  const b = to >= src.c.text.length ? src.c.length : originalStart(src.c, to);
  const segment = src.text.slice(a, Math.max(a, b));
  // A grid row (HTML, Word, Excel, markdown) gives every cell, blanks included; a row of the table's
  // width with every cell blank is a row of zeros printed blank.
  const gridParts = (l: string) => l.trim().slice(1, -1).split('|');
  const gridLines = segment.split('\n').filter(isMarkdownRow);
  const gridRow = gridLines.find((l) => gridParts(l).some((p) => classify(p, true)[0]?.kind === 'num')) ??
    gridLines.find((l) => gridParts(l).length === t.groups.length * size && gridParts(l).every((p) => classify(p, true)[0]?.kind === 'blank'));
  const cells: Cell[] = gridRow
    ? gridRow.trim().slice(1, -1).split('|').flatMap((p) => classify(p, true))
    : segmentCells(segment, '').cells;
  const spec: RowSpec = {
    id: 'appeals',
    labels: [],
    width: t.groups.length * size,
    typeOk: (v) => v.every(isCount),
    check: (v) => groupsOk(v, size),
  };
  let read: RowRead;
  const raw = segment.replace(/\s+/g, ' ').trim().slice(0, 60);
  // pdftotext -layout with blank cells as spaces: the figures' places under the header (appeals-layout.ts).
  const placed = gridRow ? null : appealsByLayout(src.text.slice(src.c.map[from] ?? src.text.length, b), size, t.groups.length);
  try {
    const tabbed = gridRow || placed ? null : tabRowReadings(segment, spec.width);
    const candidates = placed ? placed.map((vals): Candidate => ({ vals, how: 'placed' }))
      : tabbed ? sumsChoose(tabbed.flatMap((row) => rowReadings(row, { ...spec, exact: true })), spec) : rowReadings(cells, { ...spec, exact: !!gridRow });
    read = { spec, hit: { start: headerEnd, end: headerEnd, form: 0, partial: false }, candidates, raw, tooMany: false };
  } catch (e) {
    if (!(e instanceof TooManyReadings)) throw e;
    read = { spec, hit: null, candidates: [], raw, tooMany: true };
  }
  const res = resolve([{ id: 'appeals', candidates: read.candidates }], () => 0);
  const pick = res.picks.get('appeals') ?? null;
  const unsure = res.uncertain.get('appeals') ?? [];
  const pathOf = (_: string, i: number) => `appeals.${t.groups[Math.floor(i / size)]!.key}.${i % size}`;
  for (let i = 0; i < spec.width; i++) {
    out.values.set(pathOf('', i), valueAt(pick, i));
    if (!pick || unsure.includes(i)) out.uncertain.add(pathOf('', i));
  }
  // PDF-viewer text that dropped the blank cells: what every cut into groups agrees on (appeal-groups.ts).
  const figures = figureTokens(segment).map(Number);
  const agreed = !gridRow && !pick && figures.length > 0 && figures.length < spec.width && !/[|\t]/.test(segment) &&
    ownWordsOnly(segment, tableChars(def, 'appeals')) ? agreedCells(figures, t.groups.length, size) : null;
  if (!agreed?.some((v) => v !== null)) {
    out.notes.push(...describeReads('表四', [read], res, pathOf, () => '数据行'));
    return out;
  }
  agreed!.forEach((v, i) => {
    if (v === null) return;
    out.values.set(pathOf('', i), String(v));
    out.uncertain.delete(pathOf('', i));
  });
  const open = [...out.uncertain];
  out.notes.push(finding('IMPORT-BLANK-CELLS', open.length ? 'error' : 'warning', open, null, null,
    `表四原文的空白格没有留下位置（PDF 转出的文字只有数字），按各组“总计等于各项之和”读出${spec.width - open.length}格${open.length
      ? `；其余${open.length}格的数字在哪一列无法确定，已标出，请对照原文填写` : ''}`));
  return out;
}

/**
 * The data row of a browser's copy, one TAB between cells: read cell for cell. Chromium's selection
 * text leaves out a row's leading blank cells (「6\t6\t\t\t\t4\t4」 for eight blanks and then those),
 * so a row short of cells is read with the missing blanks first, and last, and the group sums choose
 * (neither: flagged); null when the line is not such a row.
 */
function tabRowReadings(segment: string, width: number): Cell[][] | null {
  const line = segment.split('\n').find((l) => l.includes('\t') && /\d/.test(l));
  if (!line) return null;
  const cells = tabCells(line);
  if (!cells) return null;
  if (cells.length === width) return [cells];
  if (cells.length > width || !cells.some((c) => c.kind === 'num')) return null;
  const missing: Cell[] = Array.from({ length: width - cells.length }, () => ({ kind: 'blank' }));
  return [[...missing, ...cells], [...cells, ...missing]];
}

/** Of two ways to read a row short of cells, those the group sums keep (both when neither does: flagged). */
function sumsChoose(readings: Candidate[], spec: RowSpec): Candidate[] {
  if (readings.length < 2) return readings;
  const kept = readings.filter((c) => spec.check(c.vals));
  return kept.length ? kept : readings;
}

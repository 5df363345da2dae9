/**
 * Two rows' figures after the first row's label and none after the second's (Chromium's PDF
 * through pdftotext plain: a group label printed between two rows, 「（三）不予公开」, pushes the
 * second row's label below both rows' figures), the first row's figures right after its label.
 * The figures are then both rows', in one of the orders a PDF viewer gives (row-blocks.ts): row
 * by row, column by column, or runs of columns in between (interleavings). The readings that keep
 * both rows' totals become the rows' candidates (compared by their figures); the table's rules
 * choose among them with the other rows (solve.ts), what they leave open is flagged, and the
 * count-fit still judges the whole afterwards. No reading that keeps both totals: nothing is placed.
 */
import { finding } from '../../../report/checks/helpers';
import type { Finding } from '../../../report/types';
import type { Vals } from './candidates';
import { figureTokens } from './count-fit';
import type { RowRead } from './rows';

/**
 * Two rows' figures as a PDF viewer may give them: the columns cut into runs of neighbours, each
 * run given for the first row and then for the second. One run of all the columns is row by row;
 * runs of one column are column by column; pdftotext -layout gives runs in between when two rows'
 * figures stand level with each other's labels (「459 0 / 0 1068 / 1057 / 0 / … / 0 1516 / 0 1240」).
 */
export function interleavings(figures: readonly string[], width: number): string[][][] {
  const out: string[][][] = [];
  for (let cuts = 0; cuts < 1 << (width - 1); cuts++) {
    const a: string[] = [];
    const b: string[] = [];
    let at = 0;
    let start = 0;
    for (let c = 0; c < width; c++) {
      if (c < width - 1 && !(cuts & (1 << c))) continue;
      const n = c - start + 1;
      a.push(...figures.slice(at, at + n));
      b.push(...figures.slice(at + n, at + 2 * n));
      at += 2 * n;
      start = c + 1;
    }
    out.push([a, b]);
  }
  return out;
}

/** Readings of a pair of rows at most: more, and the figures say too little to choose from. */
const MAX_READINGS = 8;

export function splitSharedRuns(rows: RowRead[], keeps: (v: Vals) => boolean, rowLabel: (id: string) => string): Finding[] {
  const notes: Finding[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const [a, b] = [rows[i]!, rows[i + 1]!];
    const width = a.spec.width;
    if (!a.hit || !b.hit || a.candidates.length || b.candidates.length) continue;
    // The rows on either side read with figures of their own: else the run may be the row above's
    // and this one's, or the next pair's (LibreOffice PDF text with figures drifting off their labels).
    const own = (r: RowRead | undefined) => !r || (r.hit !== null && r.candidates.length > 0);
    if (!own(rows[i - 1]) || !own(rows[i + 2])) continue;
    const [inA, inB] = [figureTokens(a.segment ?? a.raw), figureTokens(b.segment ?? b.raw)];
    // After the first label (a group label between the rows), after the second (both labels
    // printed above both rows' figures, pdftotext -layout), or the second row's first cells after
    // its label and the rest before it, after the first row's (a group label's first character
    // printed between them, pdftotext plain: 「… 2327 1938 6857 三、 0 0 1187 1501 0 3671 本 （四）无 1.本机关… 983」).
    const shape = !inA.length && inB.length === 2 * width ? 'second'
      : inA.length === 2 * width && !inB.length ? 'first'
      : inA.length > width && inB.length && inA.length + inB.length === 2 * width ? 'spill' : null;
    if (!shape) continue;
    const [holder, figures] = shape === 'second' ? [b, inB] : [a, inA];
    // The figures right after that label (the group label's words may come after them): where
    // words come first (PDF-viewer text with every label before every figure) the figures may be
    // any rows' and are not this shape.
    const words = (holder.segment ?? holder.raw).split(/[\s\u00a0\u3000]+/).filter(Boolean);
    const lead = shape === 'second' ? 2 * width : width;
    if (words.slice(0, lead).join(' ') !== figures.slice(0, lead).join(' ')) continue;
    const byRow = [figures.slice(0, width), figures.slice(width)];
    const byColumn = [figures.filter((_, k) => k % 2 === 0), figures.filter((_, k) => k % 2 === 1)];
    const kept = (pairs: string[][][]) => {
      const readings = new Map<string, string[][]>();
      for (const pair of pairs) if (pair.every((v) => keeps(v))) readings.set(pair.map((v) => v.join(',')).join(';'), pair);
      return readings;
    };
    const spilt = inA.slice(width);
    // Row by row or column by column first; runs of columns in between only where neither keeps both totals.
    let readings = shape === 'second' ? kept(interleavings(figures, width))
      : shape === 'spill' ? kept([[byRow[0]!, [...inB, ...spilt]], [byRow[0]!, [...spilt, ...inB]]])
      : kept([byRow, byColumn]);
    if (shape === 'first' && !readings.size) readings = kept(interleavings(figures, width));
    if (!readings.size || readings.size > MAX_READINGS) continue;
    // Each row's distinct readings: the table's rules choose among them (solve.ts), and cells they
    // leave open are flagged. Every pairing of the two rows' readings is tried, the true one among them.
    const distinct = (k: 0 | 1) => [...new Set([...readings.values()].map((pair) => pair[k]!.map((x) => String(Number(x))).join(',')))]
      .map((v) => ({ vals: v.split(','), how: 'as-printed' as const }));
    a.candidates = distinct(0);
    b.candidates = distinct(1);
    const how = readings.size === 1 ? '只有一种分法使两行的总计都成立，已按此读取' : `有${readings.size}种分法使两行的总计都成立，按全表的勾稽关系选择`;
    const where = shape === 'second' ? `“${rowLabel(a.spec.id)}”和“${rowLabel(b.spec.id)}”两行的${2 * width}个数字都在后一行名之后`
      : shape === 'first' ? `“${rowLabel(a.spec.id)}”后面有两行的${2 * width}个数字、“${rowLabel(b.spec.id)}”后面没有数字`
      : `“${rowLabel(b.spec.id)}”的数字一部分印在“${rowLabel(a.spec.id)}”的数字之后、本行名之前`;
    notes.push(finding('IMPORT-SHARED-RUN', 'warning', [], null, null, `表三${where}（PDF 转出的文字），${how}，请核对`));
    i++;
  }
  return notes;
}

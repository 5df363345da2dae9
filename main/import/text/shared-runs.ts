/**
 * Two rows' figures after the first row's label and none after the second's (Chromium's PDF
 * through pdftotext plain: a group label printed between two rows, 「（三）不予公开」, pushes the
 * second row's label below both rows' figures), the first row's figures right after its label.
 * The figures are then both rows', in one of the two orders a PDF viewer gives (row-blocks.ts):
 * row by row, or column by column. The order that keeps both rows' totals is taken when it is the
 * only one (readings compared by their figures); the table's rules and the count-fit still judge
 * the whole afterwards. Otherwise nothing is placed.
 */
import { finding } from '../../../report/checks/helpers';
import type { Finding } from '../../../report/types';
import type { Vals } from './candidates';
import { figureTokens } from './count-fit';
import type { RowRead } from './rows';

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
    const figures = figureTokens(a.segment ?? a.raw);
    if (figures.length !== 2 * width || figureTokens(b.segment ?? b.raw).length) continue;
    // A row's worth of figures right after the first label (the group label's words may come
    // before the second row's): where words come first (PDF-viewer text with every label before
    // every figure) the figures may be any rows' and are not this shape.
    const words = (a.segment ?? a.raw).split(/[\s\u00a0\u3000]+/).filter(Boolean);
    if (words.slice(0, width).join(' ') !== figures.slice(0, width).join(' ')) continue;
    const byRow = [figures.slice(0, width), figures.slice(width)];
    const byColumn = [figures.filter((_, k) => k % 2 === 0), figures.filter((_, k) => k % 2 === 1)];
    const readings = new Map<string, string[][]>();
    for (const pair of [byRow, byColumn])
      if (pair.every((v) => keeps(v))) readings.set(pair.map((v) => v.join(',')).join(';'), pair);
    if (readings.size !== 1) continue;
    const [first, second] = [...readings.values()][0]!.map((v) => v.map((x) => String(Number(x))));
    a.candidates = [{ vals: first!, how: 'as-printed' }];
    b.candidates = [{ vals: second!, how: 'as-printed' }];
    notes.push(finding('IMPORT-SHARED-RUN', 'warning', [], null, null,
      `表三“${rowLabel(a.spec.id)}”后面有两行的${2 * width}个数字、“${rowLabel(b.spec.id)}”后面没有数字（PDF 转出的文字），只有一种分法使两行的总计都成立，已按此读取，请核对`));
    i++;
  }
  return notes;
}

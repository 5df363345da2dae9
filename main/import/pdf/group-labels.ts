/**
 * 「（六）其他处理」 is a row of the 2019 table and a group label of the 2021 one (format.md §4/§5),
 * printed in its own column beside the rows it groups. Wrapped (「（六）/其他/处理」) in a narrow
 * column, its lines fall between the lines of a neighbouring row's wrapped label; taken for a blank
 * 2019 row, it would cut that row's label in two. Words of another label beside it tell the group.
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel } from '../text/normalize';
import type { PdfItem } from './extract';
import { isNumber, type Line } from './lines';

const SUBGROUPS = new Set(Object.values(FORMATS).flatMap((f) => f.requests.rows.map((r) => r.subgroup ?? '')).filter(Boolean).map(compactLabel));

export const isSubgroup = (text: string): boolean => SUBGROUPS.has(compactLabel(text));

interface Piece {
  line: Line;
  items: PdfItem[];
  x: number;
}

/** Words (not figures) right of a chain of label pieces, on its lines or between them: the chain spans other rows. */
export function besideOther(chain: readonly Piece[], lines: readonly Line[], pieces: ReadonlyMap<Line, readonly Piece[]>): boolean {
  const [top, bottom] = [chain[0]!.line, chain[chain.length - 1]!.line];
  const right = Math.max(...chain.flatMap((p) => p.items.map((i) => i.x + i.width)));
  return lines.some((l) => l.page === top.page && l.y <= top.y && l.y >= bottom.y &&
    (pieces.get(l) ?? []).some((p) => !chain.includes(p) && p.x > right && !p.items.every((i) => isNumber(i.str))));
}

/**
 * Table 二 printed with its zeros as empty cells (sites writing <td></td>): in the PDF its rows are
 * their labels alone, with nothing to set them apart from running text, and every cell was reported
 * unread. A line that is exactly one Table 二 row label, under that table's 信息内容 header, with no
 * other line of the text naming that row, is the row with every cell blank: it is given its cells as
 * a grid row, blank — read as the browser copy of the same page is (blank cells are 0).
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel } from '../text/normalize';

/** Per row label (and alias): its block's header as printed (fields joined, compact) → the number of cells. */
const BLOCKS = new Map<string, Map<string, number>>();
for (const f of Object.values(FORMATS))
  for (const b of f.active.blocks)
    for (const r of b.rows)
      for (const l of [r.label, ...(r.aliases ?? [])]) {
        const byHeader = BLOCKS.get(compactLabel(l)) ?? new Map<string, number>();
        byHeader.set(compactLabel(f.active.contentLabel + b.fields.map((x) => x.label).join('')), b.fields.length);
        BLOCKS.set(compactLabel(l), byHeader);
      }

const CONTENT_LABELS = new Set(Object.values(FORMATS).map((f) => compactLabel(f.active.contentLabel)));
/** The header at most this many lines above the row (the block's other blank rows between). */
const HEADER_REACH = 4;

export function blankActiveRows(text: string): string {
  const lines = text.split('\n');
  const compact = lines.map(compactLabel);
  return lines.map((line, i) => {
    const byHeader = BLOCKS.get(compact[i]!);
    if (!byHeader || /\d/.test(line)) return line;
    // No row elsewhere (the label with figures or cells) that this one would shadow.
    if (lines.some((l, k) => k !== i && compact[k]!.includes(compact[i]!) && /[\d|]/.test(l))) return line;
    // Its block's header right above (the block's other blank rows between): the fields it prints tell the cells.
    const above = compact.slice(Math.max(0, i - HEADER_REACH), i);
    const header = above.findLastIndex((c) => [...CONTENT_LABELS].some((h) => c.startsWith(h)));
    if (header < 0 || above.slice(header + 1).some((c) => !BLOCKS.has(c))) return line;
    const cells = byHeader.get(above[header]!);
    return cells === undefined ? line : `| ${line.trim()} |${'  |'.repeat(cells)}`;
  }).join('\n');
}

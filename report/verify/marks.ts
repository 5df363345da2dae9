/**
 * Where two sentences differ, character by character: what a website's editor lost or changed is
 * shown in both versions with the difference marked (「2021年1月1日」 → 「202111日」 marks 年, 月, 日).
 * A plain longest-common-subsequence; sentences are short, and longer ones are bounded so that
 * memory stays small whatever a page holds.
 */

export interface Segment {
  text: string;
  /** True where this side has characters the other side does not. */
  changed: boolean;
}

export interface Marked {
  archived: Segment[];
  published: Segment[];
}

/** Above this many characters per side the sentence is marked as a whole (a table of 4 M cells at most). */
const MAX_CHARS = 2000;

function push(out: Segment[], ch: string, changed: boolean): void {
  const last = out[out.length - 1];
  if (last && last.changed === changed) last.text += ch;
  else out.push({ text: ch, changed });
}

/** The two texts split into runs kept by both and runs only one of them has. */
export function markDifference(archived: string, published: string): Marked {
  const a = [...archived];
  const b = [...published];
  if (a.length > MAX_CHARS || b.length > MAX_CHARS)
    return {
      archived: archived ? [{ text: archived, changed: archived !== published }] : [],
      published: published ? [{ text: published, changed: archived !== published }] : [],
    };
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const out: Marked = { archived: [], published: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(out.archived, a[i]!, false);
      push(out.published, b[j]!, false);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) push(out.archived, a[i++]!, true);
    else push(out.published, b[j++]!, true);
  }
  return out;
}

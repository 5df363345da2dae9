/**
 * Drift as pdftotext -layout gives it (issue 18): a figure printed one to six characters left or
 * right of where its column puts it, or a whole row of figures moved. Each shifted text differs
 * from the fixture in one line only; the figure's digits move into spaces, never over other text,
 * and keep a space from their neighbours (else the shift glues two tokens, a different input).
 */

export interface Shifted {
  text: string;
  what: string;
}

/** Lines of Tables 三 and 四: from the heading of 三 to the heading of 五. */
function tableLines(lines: readonly string[]): [number, number] {
  const from = lines.findIndex((l) => /三、\s*收到和处理政府信息公开申请/.test(l));
  const to = lines.findIndex((l, i) => i > from && /^\s*五、/.test(l));
  return [from, to < 0 ? lines.length : to];
}

const FIGURE = /^\d{1,9}$/;

/** `line` with the tokens at `moved` (indexes into its \S+ matches) moved by `d`, or null when they would touch other text. */
function move(line: string, tokens: RegExpExecArray[], moved: number[], d: number): string | null {
  const chars = [...line.padEnd(line.length + Math.max(0, d) + 1)];
  const keep = chars.slice();
  for (const i of moved) for (let k = 0; k < tokens[i]!.length; k++) keep[tokens[i]!.index + k] = ' ';
  for (const i of moved) {
    const t = tokens[i]!;
    const at = t.index + d;
    if (at < 0) return null;
    // The new place and one character either side must be blank after the move, and the figure
    // passes no other text (drift moves a figure within its gap; figures do not change order).
    const lo = Math.min(at - 1, t.index), hi = Math.max(at + t[0].length, t.index + t[0].length - 1);
    for (let k = lo; k <= hi; k++) if (k >= 0 && keep[k] !== ' ') return null;
    for (let k = 0; k < t[0].length; k++) keep[at + k] = t[0][k]!;
  }
  return keep.join('').trimEnd();
}

/** Every single-figure shift by ±1…±`max` and every whole-row shift (all figures of a line) by the same. */
export function* drifts(text: string, max = 6): Generator<Shifted> {
  const lines = text.split('\n');
  const [from, to] = tableLines(lines);
  for (let i = from; i >= 0 && i < to; i++) {
    const line = lines[i]!;
    const tokens = [...line.matchAll(/\S+/g)] as RegExpExecArray[];
    const figs = tokens.flatMap((t, k) => (FIGURE.test(t[0]) ? [k] : []));
    if (!figs.length) continue;
    const variants: [number[], string][] = figs.map((k) => [[k], `figure ${tokens[k]![0]}@${tokens[k]!.index}`]);
    if (figs.length > 1) variants.push([figs, 'row']);
    for (const [moved, name] of variants)
      for (let d = -max; d <= max; d++) {
        if (!d) continue;
        const shifted = move(line, tokens, moved, d);
        if (shifted === null) continue;
        const out = lines.slice();
        out[i] = shifted;
        yield { text: out.join('\n'), what: `line ${i + 1} ${name} ${d > 0 ? '+' : ''}${d}: ${shifted.trim().slice(0, 60)}` };
      }
  }
}

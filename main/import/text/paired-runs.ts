/**
 * Two rows' figures after one label, none after its neighbour's (pdftotext plain of a page printing
 * 0 as a blank cell: 「3.危及“三安全一稳定” 608 6 2 616 10 75 268 353 （三）不 4.保护第三方合法权益」,
 * the next label printed after both rows' figures because it shares a line with a group label).
 * A viewer's text gives a row's figures together, its 总计 last, so the run is the upper row's
 * figures then the lower row's: where exactly one cut leaves two runs that each keep T3-3, and
 * exactly one neighbour printed nothing, the upper of the two rows takes the first run and the lower
 * the second (two cuts cannot both keep the totals: the figures between them would sum to 0).
 * Anything else (no such cut, both neighbours empty or neither) is left as printed.
 */

/** Whether a row's figures keep T3-3: two to `width` of them, the last the sum of the others. */
export const keepsRowTotal = (f: readonly number[], width: number): boolean =>
  f.length >= 2 && f.length <= width && f.slice(0, -1).reduce((s, x) => s + x, 0) === f[f.length - 1];

/**
 * `figures` with each such run shared out; `moved` the rows whose figures came from a run (theirs or a
 * neighbour's). `found[k]`: row k's label was found — a row whose label was not is never given figures
 * (its text may be anywhere: wrapped round group words, its figures in another row's place).
 */
export function sharePairedRuns(figures: readonly number[][], width: number, found: readonly boolean[] = figures.map(() => true)): { figures: number[][]; moved: Set<number> } {
  const out = figures.map((f) => [...f]);
  const moved = new Set<number>();
  out.forEach((f, i) => {
    if (moved.has(i) || f.length < 4 || keepsRowTotal(f, width)) return;
    const cuts = [];
    for (let j = 2; j <= f.length - 2; j++) if (keepsRowTotal(f.slice(0, j), width) && keepsRowTotal(f.slice(j), width)) cuts.push(j);
    if (cuts.length !== 1) return;
    const empty = (k: number) => k >= 0 && k < out.length && !out[k]!.length && !moved.has(k) && found[k] === true;
    const [up, down] = [empty(i - 1), empty(i + 1)];
    if (up === down) return;
    const [a, b] = down ? [i, i + 1] : [i - 1, i];
    out[a] = f.slice(0, cuts[0]);
    out[b] = f.slice(cuts[0]);
    moved.add(a).add(b);
  });
  return { figures: out, moved };
}

/**
 * Rows of Table 三 left unread (a label wrapped around its figures) leave T3-2 unchecked, and with
 * it every row placed by position (requests.ts `unchecked`). The column sums still name what the
 * unread rows hold together in each column: （七）总计 less the rows read. When the figures printed
 * after the unread rows' labels can be put into their columns — in order, each row keeping its own
 * total — in exactly one way that gives those sums, the print of those rows vouches for every
 * placement in the table: a figure one column over in a read row moves two of the named sums, and
 * the unread rows' own figures would have to move with it. Pure arithmetic over small counts: each
 * row's order-keeping placements are at most C(7, k), and the search stops at a second answer.
 */

/** Order-keeping placements of `figures` into `width` columns, the last the row's total (T3-3). */
function placements(figures: readonly number[], width: number, printsZeros: boolean): number[][] {
  const out: number[][] = [];
  const row = new Array<number>(width).fill(0);
  const go = (f: number, c: number) => {
    if (f === figures.length) {
      const total = row[width - 1]!;
      if (row.slice(0, -1).reduce((s, v) => s + v, 0) === total) out.push([...row]);
      return;
    }
    for (let k = c; k <= width - (figures.length - f); k++) {
      row[k] = figures[f]!;
      go(f + 1, k + 1);
      row[k] = 0;
    }
  };
  if (printsZeros) {
    if (figures.length === width) go(0, 0);
  } else if (figures.length <= width) go(0, 0);
  return out;
}

/**
 * `named[c]`: what the unread rows hold together in column c (≥ 0). `printed`: each unread row's
 * figures in reading order. True when exactly one choice of placements sums to `named`.
 */
export function unreadRowsVouch(named: readonly number[], printed: readonly (readonly number[])[]): boolean {
  if (!printed.length || named.some((v) => v < 0) || printed.some((p) => !p.length)) return false;
  const width = named.length;
  const options = printed.map((p) => placements(p, width, false));
  if (options.some((o) => !o.length) || options.reduce((n, o) => n * o.length, 1) > 200_000) return false;
  let answers = 0;
  const sums = new Array<number>(width).fill(0);
  const go = (i: number): void => {
    if (answers > 1) return;
    if (i === options.length) {
      if (sums.every((s, c) => s === named[c])) answers++;
      return;
    }
    for (const o of options[i]!) {
      if (o.some((v, c) => sums[c]! + v > named[c]!)) continue;
      o.forEach((v, c) => (sums[c]! += v));
      go(i + 1);
      o.forEach((v, c) => (sums[c]! -= v));
    }
  };
  go(0);
  return answers === 1;
}

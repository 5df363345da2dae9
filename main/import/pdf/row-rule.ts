/**
 * A row's own rule on its figures, the one check a PDF line can make before the table is read:
 * T3-3 (the six applicant columns add up to 总计) for a Table 三 row, T4-1 per group of five for
 * Table 四's row. glued.ts cuts run-together digits and wrapped-figures.ts joins wrapped halves
 * only where it holds.
 */
/** The row's own rule on placed figures (blank cells 0): T3-3 for Table 三, T4-1 per group for Table 四. */
export function rowAddsUp(values: number[]): boolean {
  const group = values.length === 7 ? 7 : values.length === 15 ? 5 : 0;
  if (!group) return false;
  for (let g = 0; g < values.length; g += group) {
    const cells = values.slice(g, g + group);
    if (cells.slice(0, -1).reduce((a, b) => a + b, 0) !== cells[cells.length - 1]) return false;
  }
  return true;
}


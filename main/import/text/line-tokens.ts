/**
 * The printed things of one line of `pdftotext -layout` text with their places. pdftotext prints
 * every character in one column, a CJK character too, so a token's place is its character index.
 */
export interface LineToken {
  text: string;
  start: number;
  center: number;
}

/** A count as a table cell prints it. */
export const FIGURE = /^\d{1,9}$/;

export const lineTokens = (line: string): LineToken[] =>
  [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, center: m.index + m[0].length / 2 }));

export const lineFigures = (line: string): LineToken[] => lineTokens(line).filter((t) => FIGURE.test(t.text));

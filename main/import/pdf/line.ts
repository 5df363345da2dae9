/** One printed line of a PDF page (lines.ts builds them); its own file so the readers that take lines need not import the builder. */
import type { PdfItem } from './extract';

export interface Line {
  page: number;
  /** Baseline (points from the page bottom): larger is higher. */
  y: number;
  size: number;
  /** Left to right. */
  items: PdfItem[];
  /** A vertical group label re-assembled: never a row label's fragment. */
  group?: boolean;
}

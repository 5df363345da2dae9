/** What differs between two states of a report, in the words of the table (for revision history). */
import { getCell } from '../../../report/cells';
import { layoutOf } from '../../../report/layout';
import { TEXT_PARTS, type Report, type TextPart } from '../../../report/types';
import { displayValue } from '../grid/input';

export interface CellDiff {
  path: string;
  name: string;
  before: string;
  after: string;
}

export function diffReports(before: Report, after: Report): { cells: CellDiff[]; texts: TextPart[] } {
  const cells: CellDiff[] = [];
  for (const c of layoutOf(after.format).cells) {
    const a = displayValue(getCell(before, c.path));
    const b = displayValue(getCell(after, c.path));
    if (a !== b) cells.push({ path: c.path, name: c.name, before: a, after: b });
  }
  const texts = TEXT_PARTS.filter((p) => before.text[p] !== after.text[p]);
  return { cells, texts };
}

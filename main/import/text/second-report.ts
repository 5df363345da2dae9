/**
 * Two reports pasted one after the other (a clerk copying two years from a portal in one go): the
 * second one's 一、总体情况 and tables would otherwise land in the first one's 六. The first report
 * is read and the clerk is told a second follows, to import it on its own.
 */
import { finding } from '../../../report/checks/helpers';
import type { Finding } from '../../../report/types';
import { compact, compactLabel } from './normalize';
import { findHeadings, readTitle, type HeadingHit } from './sections';

export interface Split {
  first: string;
  note: Finding;
}

/** Where a second report starts after the first one's 六: its own heading run, and its title above it when there is one. */
export function splitSecondReport(text: string, headings: readonly HeadingHit[]): Split | null {
  const last = headings[headings.length - 1];
  if (!last || last.section !== 5 || headings.length < 4) return null;
  const rest = text.slice(last.end);
  const again = findHeadings(rest, compact(rest));
  if (again.length < 3 || again[0]!.section !== 0) return null;
  // The second report begins at its title when one stands within a few lines above its 一、.
  const before = rest.slice(0, again[0]!.start).split('\n');
  const starts: number[] = [];
  before.reduce((at, line) => (starts.push(at), at + line.length + 1), 0);
  let cut = again[0]!.start;
  let title: string | null = null;
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < 12; i--) {
    if (!before[i]!.trim()) continue;
    seen++;
    const t = readTitle([before[i]!]);
    if (t.year !== null && t.titleLines.length) {
      cut = starts[i]!;
      title = compactLabel(before[i]!);
      break;
    }
  }
  const first = text.slice(0, last.end + cut);
  const name = title ? `“${title}”` : `从“${again[0]!.text}”开始`;
  return {
    first,
    note: finding('IMPORT-SECOND-REPORT', 'warning', [], null, title,
      `粘贴的内容里还有第二份年度报告（${name}），这次只读取了第一份；需要时请把第二份单独粘贴或保存为文件再导入`),
  };
}

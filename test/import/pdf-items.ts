/**
 * A report's TAB-separated copy (test helpers' renderReport) laid out as the positioned text items
 * pdfjs returns, so PDF shapes are tested without a PDF program: Table 三's header words over their
 * columns, Table 四's 15 outcome headers, labels left-aligned (optionally wrapped over three lines
 * with the figures on the middle one), blank cells as no item, a page number at each page's foot.
 */
import type { PdfItem, PdfPage } from '../../main/import/pdf/extract';

const T3 = { 自然人: 260, 商业企业: 300, 科研机构: 340, 社会公益组织: 380, 法律服务机构: 420, 其他: 460, 总计: 500, 法人或其他组织: 380 } as Record<string, number>;
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const SIZE = 9;
const item = (str: string, cx: number, y: number): PdfItem => {
  const width = /^[\d.+-]+$/.test(str) ? str.length * SIZE * 0.5 : str.length * SIZE;
  return { str, x: cx - width / 2, y, width, size: SIZE };
};
/** Label text left-aligned in its column (as narrow as the column: a real PDF wraps long labels). */
const left = (str: string, x: number, y: number): PdfItem => ({ ...item(str, 0, y), x, width: Math.min(str.length * SIZE, 120) });

/** A TAB-separated copy (test helpers) as pages of positioned items; `wrap` breaks a label over three lines. */
export function asPdf(text: string, wrap: Record<string, [string, string, string]> = {}): PdfPage[] {
  const pages: PdfPage[] = [];
  let items: PdfItem[] = [];
  let y = 800;
  let appealLine = 0;
  const newPage = () => {
    items.push(item(`-${pages.length + 1}-`, 300, 30));
    pages.push({ width: 595, height: 842, items });
    items = [];
    y = 800;
  };
  for (const line of text.split('\n')) {
    if (y < 80) newPage();
    const cells = line.split('\t');
    const figures = cells.filter((c) => /^[\d.+-]*$/.test(c));
    const words = cells.filter((c) => !/^[\d.+-]*$/.test(c));
    // Header words as narrow as their columns (a real header wraps 「社会公/益组织」).
    if (cells.every((c) => c in T3)) for (const c of cells) items.push({ ...item(c, T3[c]!, y), x: T3[c]! - 15, width: 30 });
    else if (cells[0] === '结果维持') {
      const start = appealLine++ === 0 ? 0 : 5;
      cells.filter((c) => OUTCOMES.includes(c)).forEach((c, i) => items.push({ ...item(c, 60 + (start + i) * 35, y), x: 60 + (start + i) * 35 - 14, width: 28 }));
    } else if (figures.length >= 1 && cells.length > words.length) {
      const nums = cells.slice(words.length);
      const centers = nums.length === 7 ? Object.values(T3).slice(0, 7) : nums.length === 15 ? nums.map((_, i) => 60 + i * 35) : nums.map((_, i) => 300 + i * 100);
      const label = words[words.length - 1] ?? '';
      const w = wrap[label];
      // A cell three lines high: its middle line (the figures) sits a line lower than a one-line row's.
      if (w) y -= 12;
      if (words.length > 1) items.push(left(words[0]!, 40, y));
      if (w) {
        items.push(left(w[0], 110, y + 12), left(w[1], 110, y), left(w[2], 110, y - 12));
      } else if (label) items.push(left(label, words.length > 1 ? 110 : 60, y));
      nums.forEach((n, i) => n && items.push(item(n, centers[i]!, y)));
      if (w) y -= 12;
    } else if (line.trim()) items.push(left(line.replace(/\t/g, ' '), 60, y));
    y -= 16;
  }
  newPage();
  return pages;
}

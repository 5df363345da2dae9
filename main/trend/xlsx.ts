/**
 * 历年对比 as one .xlsx sheet: a row per figure, per year its value, then (from the second year on)
 * 较上年增减 and 增减幅度. Every figure is a number cell (percentages as numbers with a % format), an
 * empty cell where the figure does not exist in that year's format or there is no change to show.
 * Below the table: the swings and the breaks of the carry-over chain, in words.
 */
import ExcelJS from 'exceljs';
import type { TrendChartId } from '../../report/api';
import type { TrendTable } from '../../report/trend';
import type { FileToDeliver } from '../export/host';
import { ArchiveError } from '../db/errors';
import { safeFileStem } from '../export/file-name';

const FONT = { name: '宋体', size: 10 };
const BOLD = { ...FONT, bold: true };
const SWING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE2B8' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F5F7' } };
const THIN = { style: 'thin' as const, color: { argb: 'FF9AA6B2' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BREAK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8C9C4' } };

export function trendFileName(t: TrendTable): string {
  const [first, last] = [t.years[0], t.years[t.years.length - 1]];
  const span = first === last ? `${first}年` : `${first}—${last}年`; // one year: 「（2024年）」, not 「2024—2024年」
  return `${safeFileStem(`${t.agency}政府信息公开年度报告历年对比（${span}）`)}.xlsx`;
}

export async function trendXlsx(t: TrendTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政府信息公开年报助手';
  const ws = wb.addWorksheet('历年对比', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    // Printed on A4 landscape, one page wide, the header row and the labels repeated on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', printTitlesColumn: 'A:A', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  ws.getCell(1, 1).value = `${t.agency}政府信息公开工作年度报告历年对比`;
  ws.getCell(1, 1).font = { name: '黑体', size: 14 };

  // Column of each year's value, change and percentage.
  const head: string[] = ['项目'];
  const cols = t.years.map((y, i) => {
    const value = head.push(`${y}年`);
    const change = i > 0 ? head.push(`${y}年较上年增减`) : 0;
    const percent = i > 0 ? head.push(`${y}年增减幅度`) : 0;
    return { value, change, percent };
  });
  const headRow = ws.getRow(2);
  head.forEach((h, i) => {
    const c = headRow.getCell(i + 1);
    c.value = h;
    c.font = BOLD;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
  });
  headRow.height = 30;
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= head.length; i++) ws.getColumn(i).width = 10;

  const swing = new Set(t.swings.map((s) => `${s.path}@${s.year}`));
  const broken = new Set(t.breaks.map((b) => `${b.path}@${b.year}`));
  let r = 3;
  for (const group of ['key', 'cell'] as const) {
    const sub = ws.getRow(r++).getCell(1);
    sub.value = group === 'key' ? '主要数字' : '全部单元格';
    sub.font = BOLD;
    // Rows that no year of this agency has (the other format's own rows) are left out, as on screen.
    for (const row of t.rows.filter((x) => x.group === group && x.values.some((v) => v !== null))) {
      const line = ws.getRow(r++);
      line.getCell(1).value = row.label;
      line.getCell(1).font = FONT;
      for (let c = 1; c <= head.length; c++) line.getCell(c).border = BORDER;
      t.years.forEach((y, i) => {
        const at = cols[i]!;
        const v = line.getCell(at.value);
        v.value = row.values[i] ?? null;
        v.font = FONT;
        if (row.path.endsWith('.amount')) v.numFmt = '0.####';
        if (group === 'key' && swing.has(`${row.path}@${y}`)) v.fill = SWING_FILL;
        if (broken.has(`${row.path}@${y}`)) v.fill = BREAK_FILL;
        if (at.change) {
          const c = line.getCell(at.change);
          c.value = row.changes[i] ?? null;
          c.font = FONT;
          c.numFmt = '+0.####;-0.####;0';
        }
        if (at.percent) {
          const p = line.getCell(at.percent);
          const pct = row.percents[i];
          p.value = pct === null || pct === undefined ? null : pct / 100;
          p.font = FONT;
          p.numFmt = '+0.0%;-0.0%;0.0%';
        }
      });
    }
  }

  r++;
  const note = (text: string, bold = false) => {
    const c = ws.getRow(r++).getCell(1);
    c.value = text;
    c.font = bold ? BOLD : FONT;
  };
  note('大幅变动（较上年变动超过200%，或由0增至20以上）', true);
  if (!t.swings.length) note('无');
  for (const s of t.swings) note(`${s.year}年 ${s.label}：${s.from} → ${s.to}${s.explained ? '（正文已说明该数字）' : '（正文未提及该数字）'}`);
  note('结转衔接中断', true);
  if (!t.breaks.length) note('无');
  for (const b of t.breaks) note(`${b.year}年 ${b.message}`);
  if (t.missingYears.length) note(`档案中缺少：${t.missingYears.map((y) => `${y}年`).join('、')}的报告（相邻年度之间不计算增减）`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CHART_NAMES: Record<TrendChartId, string> = {
  applicants: '申请数量',
  outcomes: '办理结果',
  appeals: '复议诉讼',
  decisions: '许可处罚强制',
};

/**
 * A chart drawn in the page, checked to be what it says (PNG signature, or an SVG document) before
 * it is handed to the save dialog: the page cannot make main write arbitrary bytes under a chart's name.
 */
export function chartFile(t: TrendTable, chart: TrendChartId, kind: 'png' | 'svg', data: Buffer): FileToDeliver {
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const svg = /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data.subarray(0, 400).toString('utf8'));
  if (kind === 'png' ? !png : !svg) throw new ArchiveError('INVALID', `图表内容不是${kind === 'png' ? 'PNG 图片' : 'SVG 图形'}`);
  const stem = safeFileStem(`${t.agency}历年对比-${CHART_NAMES[chart]}（${t.years[0]}—${t.years[t.years.length - 1]}年）`);
  return kind === 'png'
    ? { fileName: `${stem}.png`, mime: 'image/png', data, filter: { name: 'PNG 图片', extensions: ['png'] } }
    : { fileName: `${stem}.svg`, mime: 'image/svg+xml', data, filter: { name: 'SVG 图形', extensions: ['svg'] } };
}

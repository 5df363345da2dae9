/**
 * Rows by the labels they sit beside (issue 18 Wanted 2), on PDFs laid out like real published ones
 * (test/fixtures/pdf/README.md): a Word-style Table 三 (make.py) printed by LibreOffice — the group
 * label 「三、本年度办理结果」 one character per line down the left, labels wrapped in a narrow column
 * with their figures on the line between, a row cut by the page break, figures in the thousands.
 * Read by order, from 「1.本机关不掌握相关政府信息」 down every row took the figures of the row above
 * (9 wrong cells, none flagged); and a numbering 「7.」 was taken for part of a vertical label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { pdfText } from '../../main/import/pdf';
import { pdfToText } from '../../main/import/pdf/assemble';
import type { PdfPage } from '../../main/import/pdf/extract';
import type { Report } from '../../report/types';

const PDFS = join(import.meta.dirname, '../fixtures/pdf');
const truth = (name: string) => JSON.parse(readFileSync(join(PDFS, name), 'utf8')) as Report;

/** Table 三 cell by cell: right, flagged (uncertain) or wrong. */
function score(read: Awaited<ReturnType<typeof importFile>>, want: Report) {
  const out = { right: 0, flagged: 0, wrong: [] as string[] };
  for (const [key, row] of Object.entries(want.requests))
    row.forEach((v, c) => {
      const path = `requests.${key}.${c}`;
      if (read.uncertain.includes(path as never)) out.flagged++;
      else if ((read.report.requests as Record<string, (number | null)[]>)[key]?.[c] === v) out.right++;
      else out.wrong.push(`${path}: ${(read.report.requests as Record<string, (number | null)[]>)[key]?.[c]} ≠ ${v}`);
    });
  return out;
}

describe('a Word-made Table 三 printed to PDF', () => {
  const file = readFileSync(join(PDFS, 'shiyi-2024.word-like.libreoffice.pdf'));
  const want = truth('word-like/shiyi-2024.json');

  it('every one of the 175 cells is read right, none flagged', async () => {
    const r = await importFile('shiyi.pdf', file);
    expect(r.report.year).toBe(2024);
    expect(score(r, want)).toEqual({ right: 175, flagged: 0, wrong: [] });
  });

  it('each line of figures goes to the label whose lines are above and below it, across the page break', async () => {
    const text = await pdfText(file);
    expect(text).toContain('| 1.本机关不掌握相关政府信息 | 812 | 11 | 2 | 1 | 2 | 4 | 832 |');
    expect(text).toContain('| 2.没有现成信息需要另行制作 | 67 | 2 | 0 | 0 | 0 | 0 | 69 |');
    expect(text).toContain('| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 29 | 1 | 0 | 0 | 0 | 0 | 30 |');
    // Cut by the page break: 「2.申请人逾期未按」 at the foot of one page, the rest at the top of the next.
    expect(text).toContain('| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    // 「7.」「8.」 start wrapped labels; they are not characters of a vertical group label.
    expect(text).toContain('| 7.属于行政执法案卷 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |');
    expect(text).toMatch(/^三、本年度办理结果$/m);
  });
});

describe('a line of figures two labels could hold', () => {
  const item = (str: string, x: number, y: number, size = 10) => ({ str, x, y, width: str.length * size * (/^[\d.]+$/.test(str) ? 0.5 : 1), size });
  const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const centers = [260, 300, 340, 380, 420, 460, 500];
  const page = (figuresAt: number): PdfPage => ({
    width: 595,
    height: 842,
    items: [
      ...cols.map((c, i) => ({ ...item(c, 0, 720, 5), x: centers[i]! - c.length * 2.5 })),
      item('1.属于国家秘密', 60, 680),
      item('2.其他法律行政法规禁止公开', 60, 650),
      ...centers.map((c, i) => ({ ...item(i === 6 ? '5' : i === 0 ? '5' : '0', 0, figuresAt), x: c - 2.5 })),
    ],
  });

  it('exactly between them: placed under neither, and the table is flagged', () => {
    const { text, orphans } = pdfToText([page(664.5)]);
    expect(orphans).toBe(1);
    expect(text).not.toMatch(/\| 1\.属于国家秘密 \| 5/);
    expect(text).not.toMatch(/\| 2\.其他法律行政法规禁止公开 \| 5/);
  });

  it('inside one label’s lines: that label’s row', () => {
    const { text, orphans } = pdfToText([page(680)]);
    expect(orphans).toBe(0);
    expect(text).toContain('| 1.属于国家秘密 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
  });
});

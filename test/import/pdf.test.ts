/**
 * PDF import (issue 11 §1): published-style PDFs printed from the shared samples by LibreOffice
 * and Chromium (test/fixtures/pdf/README.md) give every figure of the sample, a scan gets one
 * sentence, and the file dispatch takes a PDF whatever its name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, ImportError } from '../../main/import';
import { pdfToText } from '../../main/import/pdf/assemble';
import type { PdfPage } from '../../main/import/pdf/extract';
import { pdfText } from '../../main/import/pdf';
import { cellDiffs, expected, loadReport, SHARED } from './helpers';

const PDFS = join(import.meta.dirname, '../fixtures/pdf');
const FIXTURES = [
  ['qingshi-2024.libreoffice.pdf', () => loadReport(join(SHARED, 'reports/qingshi-2024.json'))],
  ['wenquan-2020.libreoffice.pdf', () => expected('wenquan-2020')],
  ['pingtan-2022-blank-zeros.chromium.pdf', () => expected('pingtan-2022')],
  ['pingtan-2022-full-text.libreoffice.pdf', () => expected('pingtan-2022')],
] as const;

describe('PDF fixtures', () => {
  for (const [file, want] of FIXTURES) {
    it(`${file}: every figure, nothing flagged`, async () => {
      const r = await importFile(file, readFileSync(join(PDFS, file)));
      const w = want();
      expect(r.source).toBe('pdf');
      expect(r.report.format).toBe(w.format);
      expect(r.report.year).toBe(w.year);
      expect(cellDiffs(r.report, w)).toEqual([]);
      expect(r.uncertain).toEqual([]);
    });
  }

  it('a 7-page report with its full text: the six parts’ text comes through, not the tables', async () => {
    const r = await importFile('p.pdf', readFileSync(join(PDFS, 'pingtan-2022-full-text.libreoffice.pdf')));
    expect(r.report.agency).toMatch(/平潭综合实验区/);
    expect(r.headings).toHaveLength(6);
    expect(r.report.text.overview).toMatch(/主动公开政府信息14571条/);
    expect(r.report.text.overview).not.toMatch(/\| \d+ \|/);
    expect(r.report.text.other).toMatch(/无收取信息处理费/);
  });

  it('puts wrapped labels back together, drops page numbers, keeps one-character group labels whole', async () => {
    const text = await pdfText(readFileSync(join(PDFS, 'qingshi-2024.libreoffice.pdf')));
    expect(text).toContain('| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(text).toContain('| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |');
    expect(text).toMatch(/^三、本年度办理结果$/m);
    expect(text).not.toMatch(/^[-—–]\s*\d+\s*[-—–]$/m);
  });

  it('reads Chromium’s Kangxi-radical characters as the ordinary ones', async () => {
    const text = await pdfText(readFileSync(join(PDFS, 'pingtan-2022-blank-zeros.chromium.pdf')));
    expect(text).not.toMatch(/[\u2f00-\u2fdf]/);
    // Blank cells keep their column: 「3.其他」 has only 商业企业 2 and 总计 2.
    expect(text).toContain('| 3.其他 |  | 2 |  |  |  |  | 2 |');
  });
});

/** A one-page PDF with a drawing and no text: what a scanner produces, minus the picture. */
function scannedPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = '0.5 g 50 50 495 742 re f';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  offsets.push(out.length);
  out += `4 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const xref = out.length;
  out += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('PDFs that cannot be read', () => {
  it('a scan (no text layer): one clear sentence, no guessing', async () => {
    const e = await importFile('扫描件.pdf', scannedPdf()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toBe('这是扫描件，没有文字层，无法读取数字');
  });

  it('a damaged PDF, and a PDF renamed to .txt (read as a PDF)', async () => {
    const e = await importFile('a.pdf', Buffer.from('%PDF-1.7\n garbage')).catch((x: unknown) => x);
    expect((e as ImportError).code).toBe('CORRUPT');
    const r = await importFile('改名.txt', readFileSync(join(PDFS, 'wenquan-2020.libreoffice.pdf')));
    expect(r.source).toBe('pdf');
  });
});

describe('layout from positions (no PDF needed)', () => {
  const item = (str: string, x: number, y: number, size = 10) => ({ str, x, y, width: str.length * size * (/^[\d.]+$/.test(str) ? 0.5 : 1), size });
  it('a row whose blank cells leave only some figures takes each figure to the column under its header word', () => {
    const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const centers = [260, 300, 340, 380, 420, 460, 500];
    const header = cols.map((c, i) => ({ ...item(c, 0, 700, 5), x: centers[i]! - c.length * 2.5 }));
    const page: PdfPage = {
      width: 595, height: 842, items: [
        ...header,
        item('一、本年新收政府信息公开申请数量', 60, 680, 9),
        { ...item('5', 0, 680), x: 260 - 2.5 }, { ...item('5', 0, 680), x: 500 - 2.5 },
        item('-3-', 290, 40),
      ],
    };
    const { text } = pdfToText([page]);
    expect(text).toContain('| 一、本年新收政府信息公开申请数量 | 5 |  |  |  |  |  | 5 |');
    expect(text).not.toContain('-3-');
  });
});

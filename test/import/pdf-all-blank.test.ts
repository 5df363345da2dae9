/**
 * An all-zero report printed with every 0 a blank cell (a township with no request, no 复议, no 诉讼:
 * the common case): no table holds a figure. Tables 三 and 四 are read as their blank cells say (0),
 * Table 四's data row included, and the clerk is told the tables held no figure at all — a PDF whose
 * figures were drawn without text (outlined, or a font without a text mapping) looks the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const PDFS = join(import.meta.dirname, '../fixtures/pdf');
const read = (file: string) => importFile(file, readFileSync(join(PDFS, file)));

describe('a PDF whose tables hold no figure', () => {
  it('alemale-2023 (every cell blank): every cell 0 as printed, Table 四 included, nothing flagged; the note says the tables held no figure', async () => {
    const r = await read('alemale-2023.site-empty-td.landscape.pdf');
    const want = loadReport(join(PDFS, 'alemale-2023.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'IMPORT-PDF-NO-FIGURES')).toHaveLength(1);
  });

  it('a PDF with figures in its tables gets no such note', async () => {
    const r = await read('pingtan-2022-blank-zeros.chromium.pdf');
    expect(r.findings.some((f) => f.rule === 'IMPORT-PDF-NO-FIGURES')).toBe(false);
  });
});

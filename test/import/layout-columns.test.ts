/**
 * Table 三 in `pdftotext -layout` text whose blank cells are runs of spaces (issue 18 §2): figures
 * placed by their character position under the header's column words, or by the positions of rows
 * printed in full; a placement the rules do not confirm is flagged, never kept.
 * Fixtures: the Chromium PDF of our .html export with every 0 of Tables 三/四 as &nbsp;
 * (test/fixtures/text/make/copies-all.ts), then pdftotext -layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { placedReadings } from '../../main/import/text/layout-columns';
import { layoutHeaders } from '../../main/import/text/layout-headers';
import { getFormat } from '../../report/formats';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { expected, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
const rowRight = (r: { report: Report; uncertain: readonly string[] }, want: Report, key: string) =>
  layoutOf(want.format).cells.filter((c) => c.path.startsWith(`requests.${key}.`))
    .every((c) => !r.uncertain.includes(c.path) && JSON.stringify(r.report.requests[key as keyof Report['requests']]) === JSON.stringify(want.requests[key as keyof Report['requests']]));
/** A row's figures placed right, flagged or not (flagged where no rule can check the columns). */
const rowPlaced = (r: { report: Report }, want: Report, key: string) =>
  JSON.stringify(r.report.requests[key as keyof Report['requests']]) === JSON.stringify(want.requests[key as keyof Report['requests']]);
/** Placed by position while a row is left unread: T3-2 cannot check them, so they are flagged with that reason. */
const uncheckedNote = (r: { findings: readonly { rule: string; message: string }[] }) =>
  r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && /各列之和无法核对/.test(f.message));
const requestsRight = (r: { report: Report; uncertain: readonly string[] }, want: Report) =>
  Object.keys(want.requests).filter((k) => rowRight(r, want, k)).length;

describe('pdftotext -layout with blank cells as spaces', () => {
  it('pingtan: rows with blanks read by position (71 under 自然人, 3 under 商业企业), nothing wrong', () => {
    const want = expected('pingtan-2022');
    const r = importText(text('pingtan-2022.nbsp.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    for (const key of ['newReceived', 'carriedOver', 'partiallyGranted', 'otherOther', 'resultTotal']) expect(rowRight(r, want, key)).toBe(true);
    expect(r.report.requests.newReceived).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(requestsRight(r, want)).toBeGreaterThanOrEqual(18);
    expect(r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && /按其在行中的位置/.test(f.message))).toBe(true);
  });

  it('lanxi: figures in the thousands, the column centres taken from the rows printed in full; wrapped rows left flagged', () => {
    const want = loadReport(join(TEXTS, 'lanxi-2024.json'));
    const r = importText(text('lanxi-2024.nbsp.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    for (const key of ['carriedOver', 'granted', 'deniedThirdParty', 'notProcessedMassRepeat', 'carriedForward']) expect(rowPlaced(r, want, key)).toBe(true);
    // With 部分公开 unread no column sum checks them: a figure a column over would look the same.
    expect(r.uncertain).toContain('requests.deniedThirdParty.1');
    expect(uncheckedNote(r)).toBe(true);
    // （二）部分公开 prints 「214 12」 beside the first label line and 「1 9 236」 beside the second: not placed.
    expect(r.uncertain).toContain('requests.partiallyGranted.0');
  });

  it('lanxi, header words stacked over lines (cells holding paragraphs): read only under centres measured on full rows', () => {
    const want = loadReport(join(TEXTS, 'lanxi-2024.json'));
    const t = text('lanxi-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt');
    const r = importText(t);
    expect(unflaggedWrong(r, want)).toEqual([]);
    // 1 under 法律服务机构, the stacked header word 法律服务 stands two columns to the left.
    for (const key of ['deniedInternalAffairs', 'unavailableNotHeld', 'notProcessedMassRepeat']) expect(rowPlaced(r, want, key)).toBe(true);
    expect(uncheckedNote(r)).toBe(true);
    const labels = getFormat('gov-2021').requests.columns.map((c) => c.label);
    expect(layoutHeaders(t, 0, t.length, labels).every((h) => h.stacked)).toBe(true);
    // Without a row printed in full under it, a stacked header reads nothing: the columns its rows'
    // figures fall into (layout-clusters.ts) count only where a rule can confirm them, and here none can.
    const noFull = t.replace(/(一、本年新收政府信息公开申请数量 +)2174/, '$1    ').replace(/(（七）总计 +)2139/, '$1    ');
    expect(importText(noFull).uncertain).toContain('requests.deniedInternalAffairs.4');
  });

  it('a figure moved one column over (the rules break): every row read by position is flagged, none kept', () => {
    const want = expected('pingtan-2022');
    const moved = text('pingtan-2022.nbsp.chromium.pdftotext-layout.txt').replace(/(一、本年新收政府信息公开申请数量 +71) {2}3 {4}/, '$1      3');
    expect(moved).not.toBe(text('pingtan-2022.nbsp.chromium.pdftotext-layout.txt'));
    const r = importText(moved);
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('requests.newReceived.1');
    expect(r.uncertain).toContain('requests.carriedOver.0');
    expect(r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && f.severity === 'error')).toBe(true);
  });

  it('a figure between two columns keeps both readings; the header words are found on their line', () => {
    const labels = getFormat('gov-2021').requests.columns.map((c) => c.label);
    const [h] = layoutHeaders('x\n      自然人 商业企 科研机 社会公益 法律服务 其他 总计\n', 0, 60, labels);
    expect(h!.centers.map((c) => Math.round(c))).toEqual([8, 12, 16, 20, 25, 29, 32]);
    const keep = () => true;
    expect(placedReadings([{ text: '5', center: 8 }, { text: '5', center: 32 }], h!, keep).map((c) => c.vals)).toEqual([['5', null, null, null, null, null, '5']]);
    // 9.5 is as near to 自然人 as to 商业企: both readings stay for the rules to decide.
    expect(placedReadings([{ text: '5', center: 9.5 }, { text: '5', center: 32 }], h!, keep)).toHaveLength(2);
    // Text under no column (running text beside a long label) has no placed reading.
    expect(placedReadings([{ text: '5', center: 60 }], h!, keep)).toEqual([]);
  });
});

describe('a row placed by position where no column sum can check it', () => {
  it('fresh-county-carried-2024 (tables in 14 pt, header words wrapped): 13 read under 法律服务机构 for 社会公益组织 is flagged, not kept', () => {
    // The holdout-fresh corpus's chromium-pdf-bigfont way: twelve rows unread, so T3-2 checks no
    // column, and 「4.保护第三方合法权益 31 … 13 44」 keeps its own sum in either column.
    const want = loadReport(join(TEXTS, 'fresh-county-carried-2024.json'));
    const r = importText(text('fresh-county-carried-2024.nbsp.chromium-bigfont.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('requests.deniedThirdParty.4');
    expect(uncheckedNote(r)).toBe(true);
  });
});

/**
 * Crawler texts with every row's figures glued (issue 18 §3, import-copies item 3), made by
 * test/fixtures/text/make/crawler.ts from reports with their true figures: each cell read right or
 * flagged, never wrong; runs a PDF viewer keeps apart are never cut.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { layoutOf } from '../../report/layout';
import { loadReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const want = (name: string) => loadReport(join(SHARED, `reports/${name}.json`));
const read = (file: string) => importText(readFileSync(join(TEXTS, file), 'utf8'));

describe('glued crawler text', () => {
  it('figures that are not 0 glued (「7010019」, the totals row too): Tables 三 and 四 read right, nothing flagged there', () => {
    const w = want('qingshi-2024');
    const r = read('qingshi-2024.crawler-glued.txt');
    expect(unflaggedWrong(r, w)).toEqual([]);
    expect(r.report.requests.newReceived).toEqual(w.requests.newReceived);
    expect(r.report.requests.resultTotal).toEqual(w.requests.resultTotal);
    expect(r.uncertain.filter((p) => /^(requests|appeals)\./.test(p))).toEqual([]);
    // 「行政规范性文件2115」 is 2 1 15 or 21 1 5 …: flagged, not guessed.
    expect(r.uncertain).toContain('active.normativeDocs.issued');
  });

  it('runs of seven zeros broken as 「000000」 + 「0」, Table 四\'s fifteen figures broken too: every cell of 三 and 四 right', () => {
    const w = want('qingshi-2023');
    const r = read('qingshi-2023.crawler-glued-broken.txt');
    expect(unflaggedWrong(r, w)).toEqual([]);
    const cells = layoutOf(w.format).cells.filter((c) => /^(requests|appeals)\./.test(c.path)).map((c) => c.path);
    for (const p of cells) expect(r.uncertain, p).not.toContain(p);
  });
});

/**
 * A row label printed in pieces with its figures and a group label's pieces between them
 * (`pdftotext -layout`, issue 18 §2): split-label.ts puts it back together where it is whole and
 * unambiguous. Fixtures: the holdout's ways on the published reports (test/fixtures/text README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { compact } from '../../main/import/text/normalize';
import { betweenPieces, findSplitLabel } from '../../main/import/text/split-label';
import { expected, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
const requestsFlagged = (r: { uncertain: readonly string[] }) => r.uncertain.filter((p) => p.startsWith('requests.'));

const FEE = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
const GROUPS = betweenPieces(['（六）其他处理', '三、本年度办理结果', '（三）不予公开'], '', 0, undefined, 0);
/** The A5 print of the row: the group label 「（六）其他处理」 down the left, the figures inside the label. */
const A5 = ['  （六） 2.申请人逾期未按收', '  其他 费通知要求缴纳费', '  处理 用、行政机关不再处       728 1115 1843', '      理其政府信息公开申', '      请', '      3.其他   741 99   163 1003'].join('\n');

const find = (t: string, labels = [FEE]) => {
  const c = compact(t);
  const hit = findSplitLabel(labels, c.text, 0, c.text.length, GROUPS);
  return hit && { printed: c.text.slice(hit.start, hit.end), partial: hit.partial };
};

describe('a label put back together from its pieces', () => {
  it('figures and group-label pieces between the pieces: found over its printed beginning', () => {
    expect(find(A5)).toEqual({ printed: '2.申请人逾期未按收', partial: true });
  });

  it('not found when anything else stands between the pieces', () => {
    // Another row's label (its item number is no group-label text).
    expect(find(A5.replace('  其他 费通知', '  4.属于 费通知'))).toBeNull();
    // More than a few characters: a repeated header, a sentence.
    expect(find(A5.replace('  其他 费通知', '  其他处理本年度办理 费通知'))).toBeNull();
    // A piece missing: the label is not whole.
    expect(find(A5.replace('理其政府信息公开申', '理其政府信息公'))).toBeNull();
  });

  it('a table writing 「—」 for 0: the marks between the pieces are the row\'s cells, like figures', () => {
    const dashes = A5.replace('728 1115 1843', '—    —    —').replace('741 99   163 1003', '—  —  —  —');
    expect(find(dashes)).toEqual({ printed: '2.申请人逾期未按收', partial: true });
    expect(find(A5.replace('728 1115 1843', '—  /  12'))).toEqual({ printed: '2.申请人逾期未按收', partial: true });
  });

  it('not found when it can be put together at two places, nor when printed whole', () => {
    expect(find(`${A5}\n${A5}`)).toBeNull();
    expect(find(`${FEE}  1 1`)).toBeNull();
  });
});

describe('the table\'s header repeated at a page break between a label\'s pieces', () => {
  const HEADER = '申请人情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计';
  const LABEL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
  const page = (header: string) => `三、收到和处理政府信息公开申请情况\n${HEADER}\n（一）予以公开  87  87\n（二）部分公开（区分处理   616  385  1001\n的，只计这一情形，不计其\n${header}\n他情形）\n`;
  const find = (t: string) => {
    const c = compact(t);
    const first = c.text.indexOf('(一)予以公开');
    const hit = findSplitLabel([LABEL], c.text, first, c.text.length, betweenPieces([], c.text, 0, first, c.text.length));
    return hit && c.text.slice(hit.start, hit.end);
  };

  it('skipped as a whole: the label is found', () => {
    expect(find(page(HEADER))).toBe('(二)部分公开(区分处理');
  });

  it('any other text of that length is not skipped', () => {
    expect(find(page(HEADER.replace('申请人情况', '申请人类别')))).toBeNull();
  });
});

describe('rows whose labels wrap around their figures (pdftotext -layout)', () => {
  it('Chromium print dialog: 「（二）部分公开…」 split by the group label 「年」 and 「2.申请人逾期…」 over three lines: Table 三 175/175', () => {
    const r = importText(text('pingtan-2022.nbsp.chromium-print.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, expected('pingtan-2022'))).toEqual([]);
    expect(requestsFlagged(r)).toEqual([]);
  });

  it('Chromium PDF, cells as paragraphs: 「1.申请人无正当理由…」 found, so T3-2 confirms page 2\'s measured columns: Table 三 175/175', () => {
    const r = importText(text('rand-city-2022.nbsp-paragraphs.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, loadReport(join(TEXTS, 'rand-city-2022.json')))).toEqual([]);
    expect(requestsFlagged(r)).toEqual([]);
  });

  it('LibreOffice PDF of the &nbsp; page: 「（二）部分公开…」 split by the header repeated on the next page: Table 三 175/175', () => {
    const r = importText(text('rand-city-2022.nbsp.libreoffice-html.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, loadReport(join(TEXTS, 'rand-city-2022.json')))).toEqual([]);
    // Was 140 cells flagged: without that row no rule confirmed the rows placed by position.
    expect(requestsFlagged(r)).toEqual([]);
  });

  it('a row found so places its figures only where a rule confirms them: a figure moved one column over is not read silently', () => {
    const want = loadReport(join(TEXTS, 'rand-county-2020.json'));
    const t = text('rand-county-2020.nbsp.libreoffice-html.pdftotext-layout.txt');
    expect(unflaggedWrong(importText(t), want)).toEqual([]);
    // 「2.其他法律行政法 / 规禁止公开」 spans a page break (the header repeated between its pieces);
    // its 「14」 moved from 自然人 to 商业企业 while the rows below are unread (no T3-2 check).
    const moved = t.replace('2.其他法律行政法        14            ', '2.其他法律行政法            14        ');
    expect(moved).not.toBe(t);
    expect(unflaggedWrong(importText(moved), want).filter((d) => d.startsWith('requests.'))).toEqual([]);
  });
});

/**
 * Issue 18 shapes, from fixtures with their true figures beside them (test/fixtures/text/README.md):
 * browser copies with `&nbsp;` blanks, pdftotext plain and -layout, a crawler text with glued zeros,
 * portal metadata headers; and the count-fit second opinion as a pure function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../../main/import';
import { applyCountFit, cellsInOrder, countFit, figureTokens } from '../../main/import/text/count-fit';
import { emptyRead } from '../../main/import/text/rows';
import { getCell } from '../../report/cells';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { cellDiffs, loadReport, renderReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const lanxi = () => loadReport(join(TEXTS, 'lanxi-2024.json'));
const mengxi = () => loadReport(join(TEXTS, 'mengxi-2024.json'));
const read = (file: string) => importFile(file, readFileSync(join(TEXTS, file)));
const requestCells = (r: Report) => layoutOf(r.format).cells.filter((c) => c.path.startsWith('requests.')).map((c) => c.path);

describe('browser copies with &nbsp; blank cells (Chromium)', () => {
  for (const file of ['lanxi-2024.nbsp.selection.txt', 'lanxi-2024.nbsp.innertext.txt', 'lanxi-2024.nbsp-paragraphs.innertext.txt'])
    it(`${file}: every figure in its column, nothing flagged`, async () => {
      const r = await read(file);
      expect(cellDiffs(r.report, lanxi())).toEqual([]);
      expect(r.uncertain).toEqual([]);
    });
});

describe('pdftotext of a LibreOffice PDF of our .docx', () => {
  it('plain text (one token per line): Table 三 and 四 read completely by the count-fit, nothing wrong', async () => {
    const r = await read('lanxi-2024.pdftotext.txt');
    const want = lanxi();
    expect(unflaggedWrong(r, want)).toEqual([]);
    for (const p of requestCells(want)) expect(r.uncertain).not.toContain(p);
    expect(cellDiffs(r.report, want).filter((d) => !d.startsWith('active.'))).toEqual([]);
    expect(r.report.requests.carriedForward![6]).toBe(72);
    expect(r.findings.find((f) => f.rule === 'IMPORT-COUNT-FIT' && f.message.startsWith('表三'))?.message).toMatch(/175个数字按顺序正好填满表格/);
  });

  it('-layout: nothing wrong without a flag', async () => {
    const r = await read('lanxi-2024.pdftotext-layout.txt');
    expect(unflaggedWrong(r, lanxi())).toEqual([]);
  });
});

describe('columns the rules leave one answer', () => {
  it('LibreOffice “save as text” with blank zeros: a column whose 一 and 二 are 0 is 0 all the way down, nothing flagged', async () => {
    const r = await importFile('x.txt', readFileSync(join(TEXTS, 'pingtan-2022-blank-zeros.libreoffice-text.txt')));
    const want = loadReport(join(import.meta.dirname, '../../../shared/fixtures/published/pingtan-2022.json'));
    expect(cellDiffs(r.report, want)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'IMPORT-INFERRED')?.message).toMatch(/第一项和第二项都为0的列为0/);
  });
});

describe('crawler text and portal headers', () => {
  it('glued zeros 「000000」 + 「0」: seven zeros per row, agency from the title and 发布机构', async () => {
    const r = await read('mengxi-2024.crawler-glued-zeros.txt');
    expect(cellDiffs(r.report, mengxi())).toEqual([]);
    expect(r.nulls).toEqual([]);
    expect(r.report.agency).toBe('勐溪镇');
    expect(r.report.text.preamble).not.toMatch(/索引号|发布机构|名称/);
  });

  it('a title without the agency: the agency from the TAB-separated 发布机构 row, never the field name 名称', async () => {
    const r = await read('lanxi-2024.portal-header.txt');
    expect(r.report.agency).toBe('澜溪市自然资源局');
    expect(r.report.year).toBe(2024);
    expect(r.findings.some((f) => f.rule === 'IMPORT-AGENCY')).toBe(false);
    expect(cellDiffs(r.report, lanxi())).toEqual([]);
  });
});

describe('count-fit (pure)', () => {
  const want = lanxi();
  const tokens = cellsInOrder(want.format, 'requests').map((p) => String(getCell(want, p)));

  it('figure tokens leave out item numbers glued to labels and page numbers', () => {
    expect(figureTokens('1.属于国家秘密\n\n0\n\n12 —3— 第2页 7')).toEqual(['0', '12', '7']);
  });

  it('reads exactly as many figures as cells when every rule holds; otherwise no reading', () => {
    const fit = countFit(tokens, want.format, 'requests');
    expect(fit?.get('requests.carriedForward.6')).toBe('72');
    expect(countFit(tokens.slice(1), want.format, 'requests')).toBeNull();
    const swapped = [...tokens];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(countFit(swapped, want.format, 'requests')).toBeNull();
  });

  it('agreeing: cells the labels could not place take the fit; disagreeing: flagged', () => {
    const fit = countFit(tokens, want.format, 'requests')!;
    const agree = emptyRead(0);
    for (const [p, v] of fit) agree.values.set(p, p.startsWith('requests.granted.') ? undefined : v);
    applyCountFit(agree, fit, '表三');
    expect(agree.values.get('requests.granted.0')).toBe('1288');
    expect(agree.uncertain.size).toBe(0);

    const disagree = emptyRead(0);
    for (const [p, v] of fit) disagree.values.set(p, p === 'requests.granted.0' ? '1287' : v);
    applyCountFit(disagree, fit, '表三');
    expect([...disagree.uncertain]).toEqual(['requests.granted.0']);
    expect(disagree.notes[0]?.rule).toBe('IMPORT-COUNT-FIT');
  });
});

describe('text sections cleaned (PDF layout)', () => {
  it('spaces between Chinese and figures closed, page numbers and running headers gone, broken sentences joined, paragraphs kept', () => {
    const want = lanxi();
    const title = '澜溪市自然资源局2024年政府信息公开工作年度报告';
    const overview = [
      '（一）主动公开',
      '全年在市政府门户网站发布信息 141 条，更新办事指南 27 项，其中涉及自然资',
      '源确权登记的信息 36 条。',
      '— 2 —',
      title,
      '（二）依申请公开',
      '全年新收政府信息公开申请 2368 件，上年结转 34 件，办结 2330 件，结转下年度',
      '第 3 页',
      title,
      '继续办理 72 件。',
    ].join('\n');
    const text = renderReport({ ...want, text: { ...want.text, overview: 'X' } }, 'tabs').replace(/\nX\n/, `\n${overview}\n`);
    const r = importText(text);
    expect(r.report.text.overview).toBe(
      '（一）主动公开\n全年在市政府门户网站发布信息141条，更新办事指南27项，其中涉及自然资源确权登记的信息36条。\n（二）依申请公开\n全年新收政府信息公开申请2368件，上年结转34件，办结2330件，结转下年度继续办理72件。',
    );
    expect(r.report.agency).toBe('澜溪市自然资源局');
    expect(cellDiffs(r.report, want)).toEqual([]);
  });

  it('a justified line spread over the width (「政府 信 息 公 开」) reads as written', async () => {
    const { closeCjkSpaces } = await import('../../main/import/text/clean');
    expect(closeCjkSpaces('关于印发〈中华人民共和国政府 信 息 公 开 工 作 年 度 报 告 格 式 〉 的 通 知》 （国 办 公 开 办 函〔2021〕30号）')).toBe(
      '关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）',
    );
    // Latin words keep their spaces.
    expect(closeCjkSpaces('使用 Microsoft Word 编辑')).toBe('使用 Microsoft Word 编辑');
  });
});

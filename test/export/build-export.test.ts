/** buildExport, default file names, canonical JSON and the font helper. */
import { describe, expect, it } from 'vitest';
import { emptyReport, validateJson, type Report } from '../../report';
import { buildExport } from '../../main/export';
import { closingBlock, paragraphRuns, titleLines } from '../../main/export/blocks';
import { defaultFileName, safeFileStem } from '../../main/export/file-name';
import { fontsUsedBy } from '../../main/export/fonts';
import { loadFixture } from './helpers';

const qingshi = loadFixture('reports/qingshi-2024.json');

describe('buildExport', () => {
  it.each(['docx', 'xlsx', 'html', 'json'] as const)('gives %s bytes, a file name and a MIME type', async (kind) => {
    const r = await buildExport(qingshi, kind);
    expect(r.fileName).toBe(`示例县青石镇人民政府2024年政府信息公开工作年度报告.${kind}`);
    expect(r.mime).toMatch(kind === 'json' ? /^application\/json/ : kind === 'html' ? /^text\/html/ : /openxmlformats/);
    expect(r.data.length).toBeGreaterThan(500);
    if (kind === 'docx' || kind === 'xlsx') expect(r.data.subarray(0, 2).toString()).toBe('PK');
  });

  it('writes canonical JSON: spec key order, 2-space indent, equal data', async () => {
    const shuffled = JSON.parse(JSON.stringify({ ...qingshi, closing: qingshi.closing, appeals: qingshi.appeals, format: qingshi.format })) as Report;
    const text = (await buildExport(shuffled, 'json')).data.toString('utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'year', 'agency', 'text', 'active', 'requests', 'appeals', 'closing']);
    expect(text.startsWith('{\n  "format": "gov-2021",\n  "year": 2024,')).toBe(true);
    const back = validateJson(JSON.parse(text));
    expect(back.ok && back.report).toEqual(qingshi);
  });

  it('keeps money as a string with its trailing zeros in JSON', async () => {
    const r = structuredClone(qingshi);
    r.active.fees!.amount = '0.9840';
    expect((await buildExport(r, 'json')).data.toString()).toContain('"amount": "0.9840"');
  });
});

describe('file names', () => {
  it('removes characters Windows refuses, and trailing dots and spaces', () => {
    expect(safeFileStem('A<B>C:D"E/F\\G|H?I*J. ')).toBe('ABCDEFGHIJ');
    const r = emptyReport('gov-2021', '青石镇/人民政府', 2024);
    expect(defaultFileName(r, 'xlsx')).toBe('青石镇人民政府2024年政府信息公开工作年度报告.xlsx');
  });
});

describe('document blocks', () => {
  it('splits a （一） heading from the sentence after it', () => {
    expect(paragraphRuns('（一）主动公开')).toEqual([{ text: '（一）主动公开', heading: true }]);
    expect(paragraphRuns('（一）主要问题。一是培训不足。')).toEqual([
      { text: '（一）主要问题。', heading: true },
      { text: '一是培训不足。', heading: false },
    ]);
    expect(paragraphRuns('一是培训不足。')).toEqual([{ text: '一是培训不足。', heading: false }]);
  });

  it('keeps a short title on one line', () => {
    expect(titleLines(emptyReport('gov-2021', '青石镇', 2024))).toEqual(['青石镇2024年政府信息公开工作年度报告']);
  });

  it('places the closing per GB/T 9704 7.3.5.2', () => {
    const r = structuredClone(qingshi);
    // 10-character signature, 6.5-character date: signature 右空二字, date starts two characters to its right.
    expect(closingBlock(r)).toMatchObject({ agency: '示例县青石镇人民政府', date: '2025年1月20日', agencyRight: 2, dateRight: 3.5 });
    r.closing.agency = '青石镇';
    // The date is longer: date 右空二字, signature moved left so its first character stays two to the left.
    expect(closingBlock(r)).toMatchObject({ dateRight: 2, agencyRight: 7.5 });
    r.closing = { agency: '', date: '' };
    expect(closingBlock(r)).toBeNull();
  });
});

describe('fontsUsedBy', () => {
  it('lists the official fonts of the document with their substitutes', () => {
    expect(fontsUsedBy(qingshi).map((f) => `${f.name}→${f.altName}`)).toEqual([
      '方正小标宋简体→宋体',
      '仿宋_GB2312→仿宋',
      '黑体→SimHei',
      '楷体_GB2312→楷体',
      '宋体→SimSun',
      'Times New Roman→',
    ]);
  });

  it('leaves out 楷体 when no paragraph has a （一） heading', () => {
    const r = loadFixture('published/wenquan-2020.json');
    expect(fontsUsedBy(r).map((f) => f.name)).not.toContain('楷体_GB2312');
  });
});

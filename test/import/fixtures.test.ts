/** Every shared published fixture imports to exactly the figures of the .json beside it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { sameAgency } from '../../main/import/text';
import { cellDiffs, expected, PUBLISHED } from './helpers';

const FIXTURES = [
  ['akto-muztagh-2022', 'txt'],
  ['alemale-2023', 'txt'],
  ['dajin-2024', 'txt'],
  ['pingtan-2022', 'txt'],
  ['wenquan-2020', 'txt'],
  ['shanghai-office-2019', 'html'],
] as const;

describe('published fixtures', () => {
  for (const [name, ext] of FIXTURES) {
    it(`${name}.${ext} → ${name}.json (every cell, format, year, agency)`, async () => {
      const file = `${name}.${ext}`;
      const r = await importFile(file, readFileSync(join(PUBLISHED, file)));
      const want = expected(name);
      expect(r.report.format).toBe(want.format);
      expect(r.report.year).toBe(want.year);
      expect(sameAgency(r.report.agency, want.agency), `${r.report.agency} ≈ ${want.agency}`).toBe(true);
      expect(cellDiffs(r.report, want)).toEqual([]);
      expect(r.nulls).toEqual([]);
      expect(r.uncertain).toEqual([]);
      expect(r.source).toBe(ext === 'html' ? 'html' : 'text');
    });
  }

  it('reads the six headings, and the text between them, not table-row labels', async () => {
    const r = await importFile('dajin-2024.txt', readFileSync(join(PUBLISHED, 'dajin-2024.txt')));
    expect(r.headings).toHaveLength(6);
    expect(r.headings[3]).toBe('四、政府信息公开行政复议、行政诉讼情况:');
    expect(r.report.text.preamble).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(r.report.text.preamble).not.toMatch(/年度报告\n/);
    expect(r.report.text.overview).toMatch(/^2024年,在区委/);
    expect(r.report.text.overview).not.toMatch(/第二十条/);
    expect(r.report.text.problems).toMatch(/^\(一\)主要问题/);
    expect(r.report.text.other).toBe('本机关未收取信息处理费。');
    // X-5 accepts the trailing colon: no heading finding.
    expect(r.findings.filter((f) => f.rule === 'X-5')).toEqual([]);
  });

  it('takes the closing signature off section 六', async () => {
    const r = await importFile('akto-muztagh-2022.txt', readFileSync(join(PUBLISHED, 'akto-muztagh-2022.txt')));
    expect(r.report.closing).toEqual({ agency: '阿克陶县慕士塔格城区服务中心', date: '2023-01-04' });
    expect(r.report.text.other).not.toMatch(/2023年1月4日/);
  });

  it('reads agency and year from the preamble when the copy has no title (wenquan 2020)', async () => {
    const r = await importFile('wenquan-2020.txt', readFileSync(join(PUBLISHED, 'wenquan-2020.txt')));
    expect(r.report.agency).toBe('温泉镇');
    expect(r.report.year).toBe(2020);
    expect(r.findings.map((f) => f.rule)).toContain('IMPORT-ALIAS'); // 国家机密, 行政执法案件, 已获信息, 商业机构
    expect(r.findings.filter((f) => f.rule === 'X-5').map((f) => f.actual)).toEqual(['一、总体概况', '二、主动公开政府信息的情况']);
  });

  it('splits pingtan’s glued figures by the rules, and Table 二 by the figures its text states', async () => {
    const r = await importFile('pingtan-2022.txt', readFileSync(join(PUBLISHED, 'pingtan-2022.txt')));
    const rules = r.findings.map((f) => f.rule);
    expect(rules).toContain('IMPORT-GLUED');
    expect(rules).toContain('IMPORT-EVIDENCE');
    expect(r.report.active.normativeDocs).toEqual({ issued: 88, repealed: 55, inForce: 698 });
    // The text says 75 received while the table has 74 new + 1 carried over: reported, not "fixed".
    expect(r.findings.find((f) => f.rule === 'X-1')?.actual).toBe(75);
  });

  it('computes Shanghai’s blank 总计 cells and says so', async () => {
    const r = await importFile('shanghai-office-2019.html', readFileSync(join(PUBLISHED, 'shanghai-office-2019.html')));
    const note = r.findings.find((f) => f.rule === 'IMPORT-BLANK-TOTAL');
    expect(note?.cells).toContain('requests.granted.6');
    expect(r.report.requests.granted![6]).toBe(272);
    expect(r.report.active.procurement).toEqual({ projects: 6, amount: '251000', unit: '元' });
  });
});

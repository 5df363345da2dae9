/** The pure comparison (report/verify): unsure figures are never equal, money as decimals, marks, sentences, glyph folding. */
import { describe, expect, it } from 'vitest';
import { cloneReport } from '../../report';
import { compareWithPublished, markDifference, publishedSentences } from '../../report/verify';
import { loadFixture } from '../export/helpers';

const report = loadFixture('reports/qingshi-2024.json');
const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('compareWithPublished', () => {
  it('is the same for the same report read with certainty', () => {
    expect(compareWithPublished(report, { report: cloneReport(report), uncertain: [], headings })).toEqual({ same: true, cells: [], text: [], uncertain: [] });
  });

  it('an unsure figure is 无法核对, not equal, even when its reading matches', () => {
    const r = compareWithPublished(report, { report: cloneReport(report), uncertain: ['requests.granted.0'], headings });
    expect(r).toEqual({ same: false, cells: [], text: [], uncertain: ['requests.granted.0'] });
  });

  it('an unsure figure that differs is listed only as 无法核对', () => {
    const p = cloneReport(report);
    p.requests.granted![0] = 99;
    const r = compareWithPublished(report, { report: p, uncertain: ['requests.granted.0'], headings });
    expect(r.cells).toEqual([]);
    expect(r.uncertain).toEqual(['requests.granted.0']);
  });

  it('money printed without its trailing zero is the same amount; another amount is not', () => {
    const a = cloneReport(report);
    a.active.fees!.amount = '0.9840';
    const same = cloneReport(a);
    same.active.fees!.amount = '0.984';
    expect(compareWithPublished(a, { report: same, uncertain: [], headings }).same).toBe(true);
    const other = cloneReport(a);
    other.active.fees!.amount = '9840';
    expect(compareWithPublished(a, { report: other, uncertain: [], headings }).cells.map((c) => [c.path, c.archived, c.published])).toEqual([['active.fees.amount', '0.9840', '9840']]);
  });

  it('whitespace and line breaks a website adds are not differences; PDF radicals are folded', () => {
    const p = cloneReport(report);
    p.text.overview = p.text.overview.replace(/，/g, '， ').replace(/。/g, '。\n\n').replace(/青/g, '\u2ed8');
    p.agency = p.agency.replace('青', '\u2ed8').replace('民', '\u2ea0');
    expect(compareWithPublished(report, { report: p, uncertain: [], headings }).same).toBe(true);
  });

  it('a sentence inserted on the website is shown with an empty 定稿 side; sections reordered are named', () => {
    const p = cloneReport(report);
    p.text.other = `${p.text.other}欢迎社会各界监督。`;
    const moved = [headings[0]!, headings[1]!, headings[2]!, headings[3]!, headings[5]!, headings[4]!];
    const r = compareWithPublished(report, { report: p, uncertain: [], headings: moved });
    expect(r.text).toEqual([
      { part: '各部分顺序', archived: headings.join('、'), published: moved.join('、') },
      { part: '六、其他需要报告的事项', archived: '', published: '欢迎社会各界监督。' },
    ]);
  });

  it('another format (another year) is named and the tables are not compared cell by cell', () => {
    const other = loadFixture('published/wenquan-2020.json');
    const r = compareWithPublished(report, { report: other, uncertain: [], headings });
    expect(r.same).toBe(false);
    expect(r.cells).toEqual([]);
    expect(r.text.map((t) => t.part)).toContain('表格格式');
  });
});

describe('markDifference', () => {
  it('marks exactly the characters the website lost', () => {
    const m = markDifference('自2021年1月1日起至2021年12月31日止', '自202111日起至20211231日止');
    expect(m.archived.filter((s) => s.changed).map((s) => s.text)).toEqual(['年', '月', '年', '月']);
    expect(m.archived.map((s) => s.text).join('')).toBe('自2021年1月1日起至2021年12月31日止');
    expect(m.published.every((s) => !s.changed)).toBe(true);
  });

  it('marks a changed figure on both sides', () => {
    const m = markDifference('新收申请9件', '新收申请19件');
    expect(m.published).toEqual([{ text: '新收申请', changed: false }, { text: '1', changed: true }, { text: '9件', changed: false }]);
    expect(m.archived.every((s) => !s.changed)).toBe(true);
  });
});

describe('publishedSentences', () => {
  it('keeps each closing mark and drops whitespace', () => {
    expect(publishedSentences('一是培训；二是检查。\n 全年 未收费！')).toEqual(['一是培训；', '二是检查。', '全年未收费！']);
  });
});

/**
 * Pagination sweep, read from LibreOffice's PDF page by page (pdftotext): Table 三 whole with its heading,
 * no repeated header over fewer than three rows, each Table 二 block on one page, Table 四 with its
 * heading, the 落款 never alone. A fixed quarter of the 124 variants runs by default (every fourth extra
 * count, shifted per format and place); `npm run test:sweep` (NIANBAO_SWEEP=full) runs all of them.
 * All files go through one LibreOffice run, so the time is bounded by the number of variants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { badBreaks, renderPages, sweepVariants, variant, sweepBases, type Variant } from './pagination';

const full = process.env.NIANBAO_SWEEP === 'full';
const variants = sweepVariants(full);
let pages = new Map<string, string[]>();

beforeAll(async () => {
  pages = await renderPages(variants);
}, 900_000);

describe(`pagination sweep (${variants.length} variants${full ? ', full' : ''})`, () => {
  it('samples every (format, place) pair; the full sweep holds all 124 variants, every extra count 0…30 in both places and formats', () => {
    for (const pair of ['gov-2021-tables', 'gov-2021-closing', 'gov-2019-tables', 'gov-2019-closing'])
      expect(variants.filter((v) => v.name.startsWith(`${pair}-`)).length, pair).toBeGreaterThanOrEqual(full ? 31 : 7);
    const all = sweepVariants(true).map((v) => v.name);
    expect(new Set(all).size).toBe(124);
  });

  it('breaks no page badly in any variant', () => {
    const failures: string[] = [];
    for (const v of variants) {
      const p = pages.get(v.name);
      if (!p) failures.push(`${v.name}: no PDF`);
      else for (const b of badBreaks(v.report, p)) failures.push(`${v.name}: ${b}`);
    }
    console.log(`pagination sweep: ${variants.length} variants rendered, ${variants.length - new Set(failures.map((f) => f.split(':')[0])).size} held`);
    expect(failures).toEqual([]);
  });
});

describe('the sweep checks', () => {
  const v: Variant = variant(sweepBases()[0]!, 'closing', 0);
  const page = (...lines: string[]) => lines.join('\n');
  it('finds a 落款 alone on its page, and a Table 三 cut from its heading', () => {
    const pagesCut = [
      page('三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '一、本年新收政府信息公开申请数量'),
      page('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '四、结转下年度继续办理', '— 2 —'),
      page('示例县青石镇人民政府', '2025年1月20日', '— 3 —'),
    ];
    const bad = badBreaks(v.report, pagesCut).join('\n');
    expect(bad).toContain('表三标题在第1页');
    expect(bad).toContain('第2页只有重复的表头和1行');
    expect(bad).toContain('落款所在的第3页上方只有0行正文');
  });
});

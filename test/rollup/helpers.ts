/** Made collections for the roll-up tests: balanced reports whose figures differ by unit and year. */
import { computeTotals, emptyReport, type Report } from '../../report';
import type { CollectedUnit, UnitLevel } from '../../report/rollup';

const TOWNS = ['东城', '西岭', '南湖', '北山', '青石', '白沙', '金桥', '银滩', '红旗', '绿洲', '长乐', '永和'];

/** A balanced gov-2021 (or gov-2019) report of unit `i` for `year`, carried over from `carried`. */
export function madeReport(agency: string, year: number, i: number, carried: number[] = [1, 0, 0, 0, 0, 0]): Report {
  const format = year <= 2020 ? 'gov-2019' : 'gov-2021';
  const r = emptyReport(format, agency, year);
  const shift = year % 2;
  for (let c = 0; c < 6; c++) {
    const fresh = ((i + c + shift) % 4) + (c === 0 ? 5 + i : 0);
    r.requests.newReceived![c] = fresh;
    r.requests.carriedOver![c] = carried[c]!;
    r.requests.granted![c] = fresh;
    r.requests.carriedForward![c] = carried[c]!;
  }
  r.appeals.review![0] = 1 + ((i + shift) % 2);
  r.appeals.litigationDirect![1] = 1;
  if (format === 'gov-2021') {
    r.active.rules = { issued: 0, repealed: 0, inForce: 0 };
    r.active.normativeDocs = { issued: 2 + (i % 3), repealed: 1, inForce: 10 + i + (year - 2021) * (1 + (i % 3)) };
    r.active.licensing = { decisions: 40 + i * 3 + shift };
    r.active.punishment = { decisions: 12 + i + shift };
    r.active.enforcement = { decisions: 2 + (i % 3) };
    r.active.fees = { amount: `${1 + (i % 5)}.${(i * 7) % 10}` };
  }
  const total = computeTotals(r);
  total.text.overview = `${agency}在${year}年持续推进政务公开标准化规范化工作，第${i}项重点任务按期完成。\n${agency}全年围绕${TOWNS[i % TOWNS.length]}片区的民生事项组织公开${30 + i}次，群众满意度稳步提升。`;
  total.text.problems = `${agency}存在的主要问题是${TOWNS[(i + 3) % TOWNS.length]}村的公开栏更新不够及时。\n下一步${agency}将在${year + 1}年建立${TOWNS[(i + 5) % TOWNS.length]}专项台账并定期通报。`;
  total.text.other = '本年度未收取信息处理费。';
  return total;
}

/** A county's collection: 本级 + `n` townships, each with last year's report matching (no R rule fires). */
export function madeCollection(n = 6, year = 2024): CollectedUnit[] {
  const units: CollectedUnit[] = [];
  for (let i = 0; i < n; i++) {
    const agency = i === 0 ? '某某县人民政府' : `${TOWNS[i % TOWNS.length]}镇人民政府`;
    const level: UnitLevel = i === 0 ? 'self' : 'township';
    const carried = [1 + (i % 2), 0, i % 2, 0, 0, 0];
    const previous = madeReport(agency, year - 1, i, [i % 3, 0, 0, 0, 0, 0]);
    for (let c = 0; c < 6; c++) previous.requests.carriedForward![c] = carried[c]!;
    // Keep last year balanced after the carried-forward change: 新收 absorbs the difference.
    for (let c = 0; c < 6; c++) {
      previous.requests.newReceived![c] = previous.requests.granted![c]! + carried[c]! - previous.requests.carriedOver![c]!;
    }
    units.push({ agency, level, report: madeReport(agency, year, i, carried), previous: computeTotals(previous) });
  }
  return units;
}

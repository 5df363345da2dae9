/**
 * Table 三 whose blank cells left no trace (column-placement.ts): every placement of every row's
 * figures in the applicant columns is searched at once; what all placements keeping T3-1/T3-2
 * agree on is read, the rest stays flagged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { placeColumns } from '../../main/import/text/column-placement';
import { unglue } from '../../main/import/text/totals-only';
import { getFormat } from '../../report/formats';
import type { Report } from '../../report/types';
import { expected, loadReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

/** A report's Table 三 rows as a PDF viewer leaves them: the figures that are not 0, in column order. */
const runsOf = (r: Report) => getFormat(r.format).requests.rows.map((row) => r.requests[row.key]!.filter((x) => x !== 0));
const truth = (r: Report) => getFormat(r.format).requests.rows.map((row) => r.requests[row.key]!.slice(0, 6));

describe('placeColumns (pure)', () => {
  for (const name of ['alemale-2023', 'pingtan-2022', 'wenquan-2020'])
    it(`${name}: every cell it decides is the printed one, in order or in any order`, () => {
      const want = expected(name);
      const def = getFormat(want.format);
      for (const inOrder of [true, false]) {
        const placed = placeColumns(def, runsOf(want), runsOf(want).map(() => inOrder));
        // The printed table is one placement: never none (a search too large may leave everything open).
        expect(placed).not.toBe('none');
        if (!Array.isArray(placed)) continue;
        const rows = placed;
        rows.forEach((row, i) => row.forEach((v, c) => v !== null && expect(v, `${def.requests.rows[i]!.key}.${c}`).toBe(truth(want)[i]![c])));
        if (inOrder) expect(rows.flat().filter((v) => v !== null).length).toBeGreaterThan(80);
      }
    });

  it('alemale-2023: the rules leave one placement for every cell', () => {
    const want = expected('alemale-2023');
    const placed = placeColumns(getFormat(want.format), runsOf(want), runsOf(want).map(() => true));
    expect(placed).toEqual(truth(want));
  });

  it('two rows whose single figures could stand in each other’s columns: those cells stay open', () => {
    const want = expected('alemale-2023');
    const def = getFormat(want.format);
    const report = structuredClone(want);
    const k = (key: string) => report.requests[key]!;
    // 1 in 自然人 for one result row and 1 in 商业企业 for another (new requests to match): swapping them keeps every column's sums.
    for (const [key, c] of [['deniedStateSecret', 0], ['deniedLawProhibited', 1]] as const)
      for (const row of [key, 'resultTotal', 'newReceived']) {
        const cells = k(row);
        cells[c] = cells[c]! + 1;
        cells[6] = cells[6]! + 1;
      }
    const placed = placeColumns(def, runsOf(report), runsOf(report).map(() => true)) as (number | null)[][];
    const row = (key: string) => placed[def.requests.rows.findIndex((r) => r.key === key)]!;
    expect(row('deniedStateSecret').slice(0, 2)).toEqual([null, null]);
    expect(row('deniedLawProhibited').slice(0, 2)).toEqual([null, null]);
  });

  it('bounded: a search that runs out of its steps (alone or shared with others) reads nothing', () => {
    const want = expected('pingtan-2022');
    const def = getFormat(want.format);
    const runs = runsOf(want);
    const inOrder = runs.map(() => true);
    expect(placeColumns(def, runs, inOrder, { steps: 10 })).toBeNull();
    const shared = { steps: 1_000_000 };
    expect(Array.isArray(placeColumns(def, runs, inOrder, shared))).toBe(true);
    const spent = 1_000_000 - shared.steps;
    expect(spent).toBeGreaterThan(10);
    shared.steps = spent - 1;
    expect(placeColumns(def, runs, inOrder, shared)).toBeNull();
  });

  it('figures in the thousands (the whole search passes its bounds): T3-1 alone still reads the summary rows; the results stay open', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2022.json'));
    const def = getFormat(want.format);
    const runs = runsOf(want);
    const placed = placeColumns(def, runs, runs.map(() => true), { steps: 1_000_000 }) as (number | null)[][];
    expect(Array.isArray(placed)).toBe(true);
    const row = (key: string) => placed[def.requests.rows.findIndex((r) => r.key === key)]!;
    // 四、结转 「222 208 85 70 41 626」: its five figures in six columns, one way keeps 一 + 二 = （七） + 四.
    expect(row('carriedForward')).toEqual(want.requests.carriedForward!.slice(0, 6));
    expect(row('granted').every((v) => v === null)).toBe(true);
    // Without a budget to share, nothing is read, as before.
    expect(placeColumns(def, runs, runs.map(() => true))).toBeNull();
  });

  it('figures no placement can make keep the rules: none; a total that is not its row’s sum: no reading', () => {
    const want = expected('pingtan-2022');
    const def = getFormat(want.format);
    const runs = runsOf(want);
    const granted = runs.findIndex((f, i) => f.length === 2 && def.requests.rows[i]!.group && !def.requests.rows[i]!.total);
    expect(granted).toBeGreaterThanOrEqual(0);
    // One more request in a result row, its total too: every column's T3-2 has one too many somewhere.
    const broken = runs.map((f, i) => (i === granted ? [f[0]! + 1, f[1]! + 1] : f));
    expect(placeColumns(def, broken, runs.map(() => true))).toBe('none');
    const notSum = runs.map((f, i) => (i === granted ? [f[0]!, f[1]! + 1] : f));
    expect(placeColumns(def, notSum, runs.map(() => true))).toBeNull();
  });
});

describe('pdftotext -raw of a Chromium PDF printing 0 as a blank cell', () => {
  it('shanghai-office-2019: the cells every placement agrees on are read (42 → 74 → 100 of Table 三’s 161: rows pinned to their label’s line do not move), nothing wrong', async () => {
    const file = 'shanghai-office-2019.nbsp.chromium.pdftotext-raw.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = expected('shanghai-office-2019');
    expect(unflaggedWrong(r, want)).toEqual([]);
    const read = Object.entries(want.requests).flatMap(([k, v]) => v.map((_, c) => `requests.${k}.${c}`)).filter((p) => !r.uncertain.includes(p as never));
    expect(read.length).toBeGreaterThanOrEqual(100);
  });

  it('qingshi-2024: figures on their label’s line are that row’s, so no row’s figures may move onto an empty neighbour', async () => {
    // 「4.保护第三方合法权益 1 1」: before, 3./4./5. of 不予公开 and 1./2./3. of 不予处理 were all flagged,
    // since moving 「1 1」 onto the empty row above or below keeps the 总计 column's rules.
    const file = 'qingshi-2024.nbsp.chromium.pdftotext-raw.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    for (const row of ['deniedSafetyStability', 'deniedInternalAffairs', 'deniedQueryMatter', 'unavailableNeedsCreation', 'notProcessedComplaint', 'notProcessedPublication'])
      for (let c = 0; c < 7; c++) expect(r.uncertain, `${row}.${c}`).not.toContain(`requests.${row}.${c}`);
    // The columns of 「1 1」 themselves are not in the text: those stay flagged.
    expect(r.uncertain).toContain('requests.deniedThirdParty.0');
    expect(r.uncertain.filter((p) => p.startsWith('requests.')).length).toBeLessThanOrEqual(40);
  });

  it('pingtan-2022: in text that keeps every row after its label, a wrapped label’s figures on the next line are that row’s', async () => {
    // 「1.申请人无正当理由逾期不补 / 正、… / 息公开申请 / 2 2」: every one-line label with figures has them
    // on its line, so the text is in the order rows are painted; the empty rows around 「2 2」 are 0.
    const file = 'pingtan-2022.nbsp.chromium.pdftotext-raw.txt';
    const text = readFileSync(join(TEXTS, file), 'utf8');
    const want = expected('pingtan-2022');
    const around = ['notProcessedConfirmation', 'otherOverdueFee'].flatMap((row) => Array.from({ length: 7 }, (_, c) => `requests.${row}.${c}`));
    const r = await importFile(file, Buffer.from(text));
    expect(unflaggedWrong(r, want)).toEqual([]);
    for (const p of around) expect(r.uncertain).not.toContain(p);
    // One one-line row's figures on the next line instead: the order is not vouched for, 「2 2」 may be a neighbour's.
    const moved = text.replace('3.其他 2 2', '3.其他\n2 2');
    expect(moved).not.toBe(text);
    const m = await importFile(file, Buffer.from(moved));
    expect(unflaggedWrong(m, want)).toEqual([]);
    expect(around.some((p) => m.uncertain.includes(p as never))).toBe(true);
  });

  it('rand-city-2019 at 140 %: figures run together (「220021774」) cut where one cut keeps the row’s total', async () => {
    const file = 'rand-city-2019.nbsp.chromium-zoom.pdftotext-raw.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // （七）总计 「1864 5441 2288 4486 5495 220021774」: 2200 and 21774 (1864 + … + 2200 = 21774), the row in full.
    for (let c = 0; c < 7; c++) expect(r.uncertain).not.toContain(`requests.resultTotal.${c}`);
    expect(r.report.requests.resultTotal![5]).toBe(2200);
    expect(r.findings.some((f) => f.rule === 'IMPORT-GLUED' && f.message.includes('220021774'))).toBe(true);
    // Before, the glued run broke its row's sum and Table 三 was read by no rule: 28 of its 175 cells read, 61 now.
    expect(r.uncertain.filter((p) => p.startsWith('requests.')).length).toBeLessThanOrEqual(114);
  });

  it('unglue: one cut keeping the row’s total is the reading; two, or none, leave the figures as printed', () => {
    expect(unglue(['1864', '5441', '2288', '4486', '5495', '220021774'], 7)).toEqual(['1864', '5441', '2288', '4486', '5495', '2200', '21774']);
    // 1 + 12 = 13 and 11 + 2 = 13: which was printed is not in the text.
    expect(unglue(['112', '13'], 7)).toEqual(['112', '13']);
    expect(unglue(['5', '17'], 7)).toEqual(['5', '17']);
    // A part is never 0 or led by 0 (a blank cell prints nothing): 「505」 is not 5 and 05; 50 and 5 keep no total.
    expect(unglue(['505'], 7)).toEqual(['505']);
  });
});

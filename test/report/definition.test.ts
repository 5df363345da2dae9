/**
 * The format definitions against the spec: the HTML tables of format.md §4/§5 are parsed and
 * compared with our grids cell for cell (verbatim label, rowspan, colspan, value cells in order).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormat, layoutOf, type FormatId, type TableGrid } from '../../report';
import { SHARED } from '../helpers/fixtures';

interface SpecCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  key: string | null;
}

const spec = readFileSync(join(SHARED, 'spec/format.md'), 'utf8');

/** The ```html blocks of the spec that follow a heading, in order. */
function specTables(fromHeading: string, toHeading: string): SpecCell[][][] {
  const start = spec.indexOf(fromHeading);
  const end = spec.indexOf(toHeading, start + 1);
  const part = spec.slice(start, end);
  return [...part.matchAll(/```html\n([\s\S]*?)```/g)].map((m) =>
    [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<td([^>]*)>([^<]*)<\/td>/g)].map((td) => {
        const attrs = td[1]!;
        const num = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);
        return { text: td[2]!, rowSpan: num('rowspan'), colSpan: num('colspan'), key: /data-key="([^"]+)"/.exec(attrs)?.[1] ?? null };
      }),
    ),
  );
}

function ours(grid: TableGrid): SpecCell[][] {
  return grid.rows.map((r) =>
    r.cells.map((c) =>
      c.kind === 'label'
        ? { text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan, key: null }
        : { text: '', rowSpan: 1, colSpan: c.colSpan, key: c.path },
    ),
  );
}

/** Spec keys are T3.R01.C1-style; compare structure and leave the naming to the mapping test below. */
const shape = (rows: SpecCell[][]) => rows.map((r) => r.map((c) => ({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan, value: c.key !== null })));

/** Fills a grid by its spans: every position exactly once. */
function occupancy(rows: { rowSpan: number; colSpan: number }[][], width: number): number[][] {
  const grid: number[][] = rows.map(() => Array.from({ length: width }, () => 0));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) {
        const line = grid[r + dr];
        if (!line || c + dc >= width) throw new Error(`cell overflows the grid at row ${r}`);
        line[c + dc]! += 1;
      }
      c += cell.colSpan;
    }
  });
  return grid;
}

const cases: { format: FormatId; section: [string, string]; tables: ('active' | 'requests' | 'appeals')[] }[] = [
  { format: 'gov-2021', section: ['## 4. V2021 tables', '## 5. V2019 tables'], tables: ['active', 'requests', 'appeals'] },
  { format: 'gov-2019', section: ['## 5. V2019 tables', '### 5.3'], tables: ['active', 'requests'] },
];

describe('format definitions match the spec', () => {
  for (const { format, section, tables } of cases) {
    const specs = specTables(...section);
    tables.forEach((table, i) => {
      it(`${format} ${table}: every label, merge and value cell as in format.md`, () => {
        expect(shape(ours(layoutOf(format).grids[table]))).toEqual(shape(specs[i]!));
      });
    });
  }

  // §5.3: V2019's Table 四 is identical to §4.3. Compared with the spec's table, not with gov-2021's
  // definition (both formats may share one constant, which would make that comparison prove nothing).
  it('gov-2019 Table 四: every label, merge and value cell as in format.md §4.3 (§5.3: identical)', () => {
    const section43 = specTables('## 4. V2021 tables', '## 5. V2019 tables')[2]!;
    expect(shape(ours(layoutOf('gov-2019').grids.appeals))).toEqual(shape(section43));
  });

  it.each([
    ['gov-2021', 175, 15, 10],
    ['gov-2019', 161, 15, 22],
  ] as const)('%s has %i Table 三 cells, %i Table 四 cells, %i Table 二 cells', (format, t3, t4, t2) => {
    const cells = layoutOf(format).cells;
    expect(cells.filter((c) => c.table === 'requests')).toHaveLength(t3);
    expect(cells.filter((c) => c.table === 'appeals')).toHaveLength(t4);
    expect(cells.filter((c) => c.table === 'active')).toHaveLength(t2);
    expect(getFormat(format).requests.rows).toHaveLength(t3 / 7);
  });

  it.each(['gov-2021', 'gov-2019'] as const)('%s: every header grid fills exactly once when spans are counted', (format) => {
    for (const grid of Object.values(layoutOf(format).grids)) {
      const occ = occupancy(ours(grid), grid.gridColumns);
      expect(occ.flat().every((n) => n === 1)).toBe(true);
      expect(grid.widths).toHaveLength(grid.gridColumns);
    }
  });

  it('the spec HTML itself fills its grids exactly once (the parser reads it right)', () => {
    for (const t of specTables('## 4. V2021 tables', '## 5. V2019 tables')) {
      const width = t[0]!.reduce((s, c) => s + c.colSpan, 0);
      expect(occupancy(t, width).flat().every((n) => n === 1)).toBe(true);
    }
  });

  it('value cells map to the canonical paths in the order of the spec keys', () => {
    const specKeys = specTables('## 4. V2021 tables', '## 5. V2019 tables')[1]!.flat().flatMap((c) => (c.key ? [c.key] : []));
    const paths = layoutOf('gov-2021').cells.filter((c) => c.table === 'requests').map((c) => c.path);
    // T3.R01.C1 … T3.R25.C7 ↔ requests.newReceived.0 … requests.carriedForward.6
    const rows = getFormat('gov-2021').requests.rows.map((r) => r.key);
    expect(specKeys.map((k) => {
      const m = /^T3\.R(\d\d)\.C(\d)$/.exec(k)!;
      return `requests.${rows[Number(m[1]) - 1]}.${Number(m[2]) - 1}`;
    })).toEqual(paths);
  });

  it('the six headings are exact and in order, and tables sit under 二, 三, 四', () => {
    const expected = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    for (const f of ['gov-2021', 'gov-2019'] as const) {
      const sections = getFormat(f).sections;
      expect(sections.map((s) => s.heading)).toEqual(expected);
      expect(sections.map((s) => (s.kind === 'table' ? s.table : s.part))).toEqual(['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
      for (const h of expected) expect(spec).toContain(`\`${h}\``);
    }
  });

  it('cell types: money in 万元 (2021), signed 本年增/减 and procurement amount (2019)', () => {
    const type = (f: FormatId, p: string) => layoutOf(f).cellByPath.get(p)?.type;
    expect(type('gov-2021', 'active.fees.amount')).toBe('money');
    expect(type('gov-2021', 'requests.newReceived.0')).toBe('count');
    expect(type('gov-2019', 'active.licensing.change')).toBe('signedCount');
    expect(type('gov-2019', 'active.fees.change')).toBe('signedCount');
    expect(type('gov-2019', 'active.procurement.amount')).toBe('amount');
    expect(type('gov-2019', 'appeals.review.4')).toBe('count');
  });

  it('totals: 总计 column = six applicant columns, （七）总计 = all result rows, Table 四 总计 = four outcomes', () => {
    const l = layoutOf('gov-2021');
    expect(l.cellByPath.get('requests.newReceived.6')?.totalOf).toEqual([0, 1, 2, 3, 4, 5].map((c) => `requests.newReceived.${c}`));
    expect(l.cellByPath.get('requests.resultTotal.0')?.totalOf).toHaveLength(21);
    expect(layoutOf('gov-2019').cellByPath.get('requests.resultTotal.0')?.totalOf).toHaveLength(19);
    expect(l.cellByPath.get('appeals.litigationDirect.4')?.totalOf).toEqual([0, 1, 2, 3].map((i) => `appeals.litigationDirect.${i}`));
    expect(l.cellByPath.get('requests.granted.0')?.totalOf).toBeUndefined();
    expect(l.cells.filter((c) => c.totalOf)).toHaveLength(25 + 6 + 3);
  });

  it('accessible names join the row label (with its group) and the column label', () => {
    const names = layoutOf('gov-2021').cells.map((c) => c.name);
    for (const n of ['一、本年新收政府信息公开申请数量 自然人', '一、本年新收政府信息公开申请数量 总计', '（三）不予公开 1.属于国家秘密 商业企业', '规章 本年制发件数', '行政复议 结果维持', '行政诉讼 未经复议直接起诉 总计'])
      expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });
});

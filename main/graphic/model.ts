/**
 * What the 图解 (一图读懂) shows, read from the report: every figure carries the cell path it came
 * from (or the sum's name, 「outcome.granted」「litigation.4」, as 历年对比 names them) so that a test
 * can read the drawn numbers back and compare them with the report. Every label comes from the format
 * definition (report/formats) or from the figures 历年对比 already names; nothing is typed again here.
 */
import { getCell, getFormat, type Report } from '../../report';
import { APPLICANT_COLUMNS, draftStatements, DRAFT_KINDS, litigationValue, OUTCOMES, outcomeValue, shortLabel } from '../../report/trend';
import { reportTitle, statisticsPeriod } from '../../report/text';
import type { ActiveField } from '../../report/formats/model';

export interface Figure {
  /** The cell path, or the name of a sum (outcome.<id>, litigation.<column>). */
  path: string;
  label: string;
  /** The figure exactly as the report holds it (money as its decimal string). */
  value: string;
  unit: string;
  /** What is counted, under the label (本年处理决定数量), when the label names only the row. */
  note?: string;
}

/** A block of Table 二 with several fields (规章/规范性文件 制发·废止·现行有效): a small table. */
export interface FigureTable {
  columns: string[];
  rows: { label: string; cells: Figure[] }[];
}

export interface GraphicModel {
  agency: string;
  year: number;
  title: string;
  period: string;
  headings: { overview: string; active: string; requests: string; appeals: string };
  /** 1–3 sentences drafted from the figures (the same drafting as 生成统计表述). */
  lines: string[];
  active: { tables: FigureTable[]; tiles: Figure[] };
  requests: { headline: Figure[]; applicants: Figure[]; outcomes: Figure[] };
  appeals: { label: string; total: Figure; parts: Figure[] }[];
}

const TOTAL_COLUMN = APPLICANT_COLUMNS.length;

/** A cell as the report holds it: counts as integers, money as its string (an empty money cell is 0). */
function shown(report: Report, path: string): string {
  const v = getCell(report, path);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v;
  return '0';
}

/** 「本年收费金额（单位：万元）」→ 万元; a 元/万元 row property (采购总金额) → that unit; counts → 件. */
function unitOf(report: Report, row: string, field: ActiveField): string {
  if (field.type === 'money') return /单位：([^）)]+)/.exec(field.label)?.[1] ?? '万元';
  if (field.type === 'amount') return String(getCell(report, `active.${row}.unit`) ?? '万元');
  return '件';
}

function activeFigures(report: Report): GraphicModel['active'] {
  const tables: FigureTable[] = [];
  const tiles: Figure[] = [];
  for (const block of getFormat(report.format).active.blocks) {
    const fields = block.fields;
    const figure = (row: { key: string; label: string }, f: ActiveField, label: string, note?: string): Figure => ({
      path: `active.${row.key}.${f.key}`,
      label,
      value: shown(report, `active.${row.key}.${f.key}`),
      unit: unitOf(report, row.key, f),
      ...(note ? { note } : {}),
    });
    if (fields.length === 1) {
      // One figure per row (处理决定数量, 收费金额): a tile named by its row and what it counts.
      const f = fields[0]!;
      for (const row of block.rows) tiles.push(figure(row, f, row.label, shortLabel(f.label)));
    } else {
      tables.push({
        columns: fields.map((f) => shortLabel(f.label)),
        rows: block.rows.map((row) => ({ label: row.label, cells: fields.map((f) => figure(row, f, `${row.label}·${shortLabel(f.label)}`)) })),
      });
    }
  }
  return { tables, tiles };
}

function requestFigures(report: Report): GraphicModel['requests'] {
  const rows = getFormat(report.format).requests.rows;
  const row = (key: string, label?: string): Figure => {
    const def = rows.find((r) => r.key === key)!;
    return { path: `requests.${key}.${TOTAL_COLUMN}`, label: label ?? shortLabel(def.label), value: shown(report, `requests.${key}.${TOTAL_COLUMN}`), unit: '件' };
  };
  const results = rows.find((r) => r.key === 'resultTotal')!.group!;
  return {
    headline: [row('newReceived'), row('carriedOver'), row('resultTotal', shortLabel(results)), row('carriedForward')],
    applicants: APPLICANT_COLUMNS.map((label, c) => ({ path: `requests.newReceived.${c}`, label, value: shown(report, `requests.newReceived.${c}`), unit: '件' })),
    outcomes: OUTCOMES.map((o) => ({ path: `outcome.${o.id}`, label: o.label, value: String(outcomeValue(report, o)), unit: '件' })),
  };
}

function appealFigures(report: Report): GraphicModel['appeals'] {
  const def = getFormat(report.format).appeals;
  const last = def.outcomes.length - 1;
  const review = def.groups.find((g) => !g.parent)!;
  const litigation = def.groups.find((g) => g.parent)!.parent!;
  const reviewFigure = (i: number): Figure => ({ path: `appeals.${review.key}.${i}`, label: def.outcomes[i]!, value: shown(report, `appeals.${review.key}.${i}`), unit: '件' });
  const suitFigure = (i: number): Figure => ({ path: `litigation.${i}`, label: def.outcomes[i]!, value: String(litigationValue(report, i)), unit: '件' });
  const parts = (f: (i: number) => Figure) => def.outcomes.slice(0, last).map((_, i) => f(i));
  return [
    { label: review.label, total: reviewFigure(last), parts: parts(reviewFigure) },
    { label: litigation, total: suitFigure(last), parts: parts(suitFigure) },
  ];
}

const headingOf = (report: Report, match: (s: ReturnType<typeof getFormat>['sections'][number]) => boolean) =>
  shortLabel(getFormat(report.format).sections.find(match)!.heading);

/** `previous`: last year's report when archived (the drafted sentence then says 较上年增加…). */
export function graphicModel(report: Report, previous: Report | null): GraphicModel {
  const drafts = draftStatements(report, previous);
  return {
    agency: report.agency.trim(),
    year: report.year,
    title: reportTitle(report.agency, report.year),
    period: statisticsPeriod(report.year),
    headings: {
      overview: headingOf(report, (s) => s.kind === 'text' && s.part === 'overview'),
      active: headingOf(report, (s) => s.kind === 'table' && s.table === 'active'),
      requests: headingOf(report, (s) => s.kind === 'table' && s.table === 'requests'),
      appeals: headingOf(report, (s) => s.kind === 'table' && s.table === 'appeals'),
    },
    lines: DRAFT_KINDS.map((k) => drafts[k]),
    active: activeFigures(report),
    requests: requestFigures(report),
    appeals: appealFigures(report),
  };
}

/** Every figure the 图解 draws, for the read-back test and for nothing else to repeat. */
export function allFigures(m: GraphicModel): Figure[] {
  return [
    ...m.active.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)),
    ...m.active.tiles,
    ...m.requests.headline,
    ...m.requests.applicants,
    ...m.requests.outcomes,
    ...m.appeals.flatMap((a) => [a.total, ...a.parts]),
  ];
}

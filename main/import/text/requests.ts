/** Table 三 read from text (format.md §4.2/§5.2), rows tied together by T3-1 and T3-2. */
import { finding } from '../../../report/checks/helpers';
import type { FormatDef } from '../../../report/formats/model';
import type { Vals } from './candidates';
import { compactLabel } from './normalize';
import { emptyRead, isCount, readRows, type RowSpec, type Source, type TableRead, valueAt } from './rows';
import { resolve, type Lookup } from './solve';
import { describeReads } from './notes';
import { columnOrder, toStandard } from './columns';
import { columnNotes, reorder } from './column-notes';
import { LabelMatcher } from './labels';
import { fixOtherShape } from './other-shape';
import { splitSharedRuns } from './shared-runs';
import { inferUnread } from './infer';
import { readByLayout } from './layout-columns';
import { unconfirmed } from './layout-confirm';
import { readTotalsOnly } from './totals-only';
import { layoutAnchors } from './layout-anchors';
import { flagDrift } from './drift';
import { stackedFigureRows } from './stacked-figures';
import { figureTokens } from './count-fit';
import { unreadRowsVouch } from './unread-vouch';
import { originalEnd, originalStart } from './normalize';

/** T3-3 on one row: 总计 = the six applicant columns (a blank total is computed later, so any sum fits). */
function rowSumOk(v: Vals): boolean {
  const total = v[v.length - 1];
  if (total === null || total === undefined) return true;
  return v.slice(0, -1).reduce((s, x) => s + (x === null ? 0 : Number(x)), 0) === Number(total);
}

/** Cell values with blanks resolved as the import will store them: a blank total is its sum, any other blank 0. */
function effective(def: FormatDef, get: Lookup) {
  const cols = def.requests.columns.length;
  const totalCol = def.requests.columns.findIndex((c) => c.total);
  const totalRow = def.requests.rows.find((r) => r.total)!.key;
  const results = def.requests.rows.filter((r) => r.group && !r.total).map((r) => r.key);
  const val = (key: string, c: number): number | undefined => {
    const vals = get(key);
    if (!vals) return undefined;
    const v = vals[c];
    if (v !== null && v !== undefined) return Number(v);
    const parts = c === totalCol ? Array.from({ length: cols }, (_, i) => i).filter((i) => i !== totalCol).map((i) => val(key, i))
      : key === totalRow ? results.map((r) => val(r, c)) : [0];
    return parts.some((p) => p === undefined) ? undefined : parts.reduce((s: number, p) => s + p!, 0);
  };
  return { val, cols, totalRow, results };
}

function violations(def: FormatDef, get: Lookup): number {
  const { val, cols, totalRow, results } = effective(def, get);
  let broken = 0;
  for (let c = 0; c < cols; c++) {
    // T3-2 (only against a printed total: a blank one is computed from the rows).
    const printed = get(totalRow)?.[c];
    if (printed !== null && printed !== undefined) {
      const parts = results.map((r) => val(r, c));
      if (!parts.some((p) => p === undefined) && parts.reduce((s: number, p) => s + p!, 0) !== Number(printed)) broken++;
    }
    // T3-1.
    const t = ['newReceived', 'carriedOver', totalRow, 'carriedForward'].map((k) => val(k, c));
    if (!t.some((x) => x === undefined) && t[0]! + t[1]! !== t[2]! + t[3]!) broken++;
  }
  return broken;
}

/** The unread result rows, when their printed figures fit the column sums in one way only (unread-vouch.ts). */
function vouchedUnread(def: FormatDef, get: Lookup, rows: readonly { spec: { id: string }; segment?: string }[]): Set<string> {
  const { val, cols, totalRow, results } = effective(def, get);
  const unread = results.filter((k) => !get(k));
  if (!unread.length || !get(totalRow)) return new Set();
  const named: number[] = [];
  for (let c = 0; c < cols; c++) {
    const read = results.filter((k) => get(k)).map((k) => val(k, c));
    const total = val(totalRow, c);
    if (total === undefined || read.some((v) => v === undefined)) return new Set();
    named.push(total - read.reduce((s: number, v) => s + v!, 0));
  }
  const printed = unread.map((k) => figureTokens(rows.find((r) => r.spec.id === k)?.segment ?? '').map(Number));
  return unreadRowsVouch(named, printed) ? new Set(unread) : new Set();
}

/**
 * Rules a partly read table already breaks, counts never being negative: results read so far
 * exceeding a printed （七）总计, or 一 + 二 short of （七） with 四 unread.
 */
function boundsBroken(def: FormatDef, get: Lookup): boolean {
  const { val, cols, totalRow, results } = effective(def, get);
  for (let c = 0; c < cols; c++) {
    const total = val(totalRow, c);
    const known = results.map((r) => val(r, c)).filter((v): v is number => v !== undefined);
    if (total !== undefined && known.reduce((s, v) => s + v, 0) > total) return true;
    const [a, b] = ['newReceived', 'carriedOver'].map((k) => val(k, c));
    if (a !== undefined && b !== undefined && total !== undefined && a + b < total) return true;
  }
  return false;
}

/**
 * `weakOk`: rows may be read on the least evidence of their places (layout-confirm.ts); when no
 * rule can confirm such a row, the table is read again without them.
 */
export function readRequests(src: Source, def: FormatDef, from: number, to: number, evidence: Map<string, number>, weakOk = true): TableRead {
  const t = def.requests;
  // The header between the heading and the first row says where each column is (columns.ts).
  const firstRow = new LabelMatcher([t.rows[0]!.label, ...(t.rows[0]!.aliases ?? [])]).find(src.c.text, from, to);
  const order = columnOrder(src, def, from, firstRow?.start ?? from);
  const specs: RowSpec[] = t.rows.map((r) => ({
    id: r.key,
    labels: [r.label, ...(r.aliases ?? [])],
    width: t.columns.length,
    typeOk: (v) => v.every(isCount),
    check: (v) => rowSumOk(toStandard(v, order.perm, null)),
  }));
  const stops = [
    ...new Set(t.rows.flatMap((r) => [r.group, r.subgroup].filter((x): x is string => !!x))),
    ...def.appeals.groups.flatMap((g) => [g.label, g.parent ?? g.label]),
  ];
  const { rows, start, end } = readRows(src, specs, from, to, stops);
  const out = emptyRead(end);
  out.standardColumns = !order.perm && !order.unconfirmed;
  out.start = start;
  out.found = rows.filter((r) => r.hit).length;
  if (!out.found) return out;
  const shape = fixOtherShape(src, def, rows, specs, from, to);
  const shared = splitSharedRuns(rows, (v) => v.every(isCount) && rowSumOk(v), (id) => t.rows.find((r) => r.key === id)!.label);
  // pdftotext -layout with blank cells as spaces: figures placed by their position (layout-columns.ts).
  const end0 = to < src.c.map.length ? src.c.map[to]! : src.text.length;
  const weak = new Set<string>();
  const offSpread = new Set<string>();
  const placed = order.perm ? new Set<string>()
    : readByLayout(src.text, src.c.map[from] ?? src.text.length, end0, t.columns.map((c) => c.label), rows,
      (r) => originalStart(src.c, r.hit!.start), (v) => v.every(isCount) && rowSumOk(v), weakOk ? weak : null, offSpread);
  if (order.perm)
    for (const r of rows) r.candidates = r.candidates.map((c) => reorder(c, order.perm!));

  const res = resolve(
    rows.map((r) => ({ id: r.spec.id, candidates: r.candidates })),
    (get) => violations(def, get),
    (get) => {
      const { val } = effective(def, get);
      let score = 0;
      for (const [path, value] of evidence) {
        const [, key, c] = path.split('.');
        if (val(key!, Number(c)) === value) score++;
      }
      return score;
    },
  );
  // A placed reading that breaks a rule of the table is not trusted: a figure may sit one column off.
  const picked: Lookup = (id) => res.picks.get(id)?.vals;
  const placedBroken = placed.size > 0 && (violations(def, picked) > 0 || boundsBroken(def, picked));
  // …nor one read on little evidence that no rule can check (layout-confirm.ts): read without them.
  if (!placedBroken && unconfirmed(def, res, weak).size) return readRequests(src, def, from, to, evidence, false);
  // A row with a figure off its column by more than the page shows, no rule confirming it: flagged.
  const offColumn = placedBroken ? new Set<string>() : unconfirmed(def, res, offSpread);
  // Any row placed by position alone, where no rule can check its columns (a row left unread breaks
  // T3-2): a figure one column over keeps the row's own sum, and nothing else would show it (the
  // fresh corpus's 14 pt tables: 1086 read under 社会公益组织 for 科研机构, 13 wrong cells unflagged).
  const vouched = vouchedUnread(def, picked, rows);
  const unchecked = placedBroken ? new Set<string>() : new Set([...unconfirmed(def, res, placed, vouched)].filter((id) => !offColumn.has(id)));
  const stacked = stackedFigureRows(rows);
  for (const r of rows) {
    const pick = res.picks.get(r.spec.id) ?? null;
    const unsure = res.uncertain.get(r.spec.id) ?? [];
    for (let c = 0; c < r.spec.width; c++) {
      const path = `requests.${r.spec.id}.${c}`;
      out.values.set(path, valueAt(pick, c));
      if (!pick || unsure.includes(c) || (placedBroken && placed.has(r.spec.id)) || offColumn.has(r.spec.id) || unchecked.has(r.spec.id) || stacked.has(r.spec.id)) out.uncertain.add(path);
    }
  }
  const offRead = [...offColumn].filter((id) => res.picks.get(id));
  if (offRead.length)
    out.notes.push(finding('IMPORT-LAYOUT', 'error', offRead.flatMap((id) => t.columns.map((_, c) => `requests.${id}.${c}`)), null, null,
      `表三的空白格在原文中只是空格，${offRead.map((id) => `“${t.rows.find((r) => r.key === id)!.label}”`).join('、')}有数字离所在列比这一页其他行的数字都远，可能错了一列，勾稽关系又无法核对，已标出，请对照原文核对`));
  const uncheckedRead = [...unchecked].filter((id) => res.picks.get(id));
  if (uncheckedRead.length)
    out.notes.push(finding('IMPORT-LAYOUT', 'error', uncheckedRead.flatMap((id) => t.columns.map((_, c) => `requests.${id}.${c}`)), null, null,
      `表三的空白格在原文中只是空格，${uncheckedRead.length}行的数字只能按其在行中的位置对应到列，表中有行没有读出，各列之和无法核对，数字错了一列也看不出来，已标出，请对照原文核对`));
  const stackedRead = [...stacked].filter((id) => res.picks.get(id));
  if (stackedRead.length)
    out.notes.push(finding('IMPORT-LAYOUT', 'error', stackedRead.flatMap((id) => t.columns.map((_, c) => `requests.${id}.${c}`)), null, null,
      `表三${stackedRead.map((id) => `“${t.rows.find((r) => r.key === id)!.label}”`).join('、')}附近的数字比格数多，有数字单独印在另一行（数字过宽时会折行，如“1208”印成“120”和“8”），已标出，请对照原文核对`));
  out.notes.push(...flagDrift(rows, out.uncertain, (id, c) => `requests.${id}.${c}`, (id) => t.rows.find((r) => r.key === id)!.label));
  // In running text a 总计 left blank beside figures is more likely lost than blank (a PDF viewer's
  // text where the count of lines placed the figures): the row is flagged, not summed.
  const totalCol = t.columns.length - 1;
  const vals = (r: (typeof rows)[number]) => res.picks.get(r.spec.id)?.vals;
  const nonzero = (x: string | null | undefined) => x !== null && x !== undefined && Number(x) !== 0;
  if (!order.perm)
    for (const r of rows) {
      const v = vals(r);
      if (!v || v[totalCol] !== null || !v.slice(0, totalCol).some(nonzero) || /[|\t]/.test(r.segment ?? '|')) continue;
      for (let c = 0; c < t.columns.length; c++) out.uncertain.add(`requests.${r.spec.id}.${c}`);
      out.notes.push(finding('IMPORT-UNCERTAIN', 'error', t.columns.map((_, c) => `requests.${r.spec.id}.${c}`), null, null,
        `表三“${t.rows.find((x) => x.key === r.spec.id)!.label}”有数字而总计为空（原文是不分格的文字），这一行的数字可能没有对准各列，已标出，请对照原文核对`));
    }
  if (placedBroken)
    out.notes.push(finding('IMPORT-LAYOUT', 'error', [...placed].flatMap((id) => t.columns.map((_, c) => `requests.${id}.${c}`)), null, null,
      `表三的空白格在原文中只是空格，按数字所在位置对应到列后勾稽关系不成立，可能有数字错了一列，这${placed.size}行已标出，请对照原文核对`));
  else if ([...placed].some((id) => !offColumn.has(id) && !unchecked.has(id)))
    out.notes.push(finding('IMPORT-LAYOUT', 'warning', [], null, null,
      `表三的空白格在原文中只是空格，${[...placed].filter((id) => !offColumn.has(id) && !unchecked.has(id)).length}行的数字按其在行中的位置（对照表头各列）读取，勾稽关系成立`));
  // The other format's rows (other-shape.ts) are unsure before the rules decide anything from them, and stay so after.
  const flagShape = () => { for (const id of shape.flagged) for (let c = 0; c < t.columns.length; c++) out.uncertain.add(`requests.${id}.${c}`); };
  flagShape();
  const inferredNotes = inferUnread(def, out, new Set(rows.filter((r) => r.hit).map((r) => r.spec.id)));
  flagShape();
  out.notes.push(...shape.notes, ...shared, ...columnNotes(order, def, rows, res, out));
  out.notes.push(...describeReads('表三', rows, res, (id, c) => `requests.${id}.${c}`, (id) => t.rows.find((r) => r.key === id)!.label));
  if (inferredNotes.length) {
    // The rows decided by the rules are not “missing” any more: their notes go, the rule's note stays.
    const decided = new Set([...out.values].filter(([, v]) => v !== undefined).map(([p]) => p));
    out.notes = out.notes.filter((n) => n.rule !== 'IMPORT-MISSING' || !n.cells.every((c) => decided.has(c)));
    out.notes.push(...inferredNotes);
  }
  // PDF-viewer text that dropped the blank cells: the 总计 column and the empty rows still have one answer.
  if (!order.perm && !placed.size)
    readTotalsOnly(def, rows, out, (r) => !r.hit || src.text.slice(originalStart(src.c, r.hit.start), originalEnd(src.c, r.hit.end)).includes('\n'),
      layoutAnchors(src.text, src.c.map[from] ?? src.text.length, end0, t.columns.map((c) => c.label), rows, (r) => originalStart(src.c, r.hit!.start)));
  // Column labels printed in an old or misspelt form (format.md §12: 商业机构 ≈ 商业企业).
  const header = src.c.text.slice(from, to);
  for (const col of t.columns)
    for (const alias of col.aliases ?? [])
      if (!header.includes(compactLabel(col.label)) && header.includes(compactLabel(alias)))
        out.notes.push(finding('IMPORT-ALIAS', 'warning', [], col.label, alias, `表三列标题“${alias}”按“${col.label}”读取`));
  return out;
}

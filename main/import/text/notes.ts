/** The importer's own findings (rule `IMPORT-…`, report-json.md): what was read with a guess, and what not at all. */
import { finding } from '../../../report/checks/helpers';
import type { Finding } from '../../../report/types';
import type { RowRead } from './rows';
import type { Resolution } from './solve';

/** What a row with nothing after its label is told (describeReads), and how groupNoFigureNotes knows it again. */
const NO_FIGURE_TAIL = '后面没有数字，需手工填写';
const NO_FIGURE = new RegExp(`^(表[二三四])“(.+)”${NO_FIGURE_TAIL}$`);

export function describeReads(
  table: string,
  rows: readonly RowRead[],
  res: Resolution,
  pathOf: (id: string, c: number) => string,
  labelOf: (id: string) => string,
): Finding[] {
  const out: Finding[] = [];
  const paths = (r: RowRead, cols?: number[]) => (cols ?? Array.from({ length: r.spec.width }, (_, i) => i)).map((c) => pathOf(r.spec.id, c));
  const missing = rows.filter((r) => !r.hit);
  if (missing.length)
    out.push(finding('IMPORT-MISSING', 'error', missing.flatMap((r) => paths(r)), null, null,
      `${table}缺少${missing.length}行（表格可能不完整）：${missing.map((r) => `“${labelOf(r.spec.id)}”`).join('、')}，这些格为空，需补填`));
  const evidenceRows: string[] = [];
  const glued: { r: RowRead; vals: string }[] = [];
  const wrapped: { r: RowRead; vals: string }[] = [];
  for (const r of rows) {
    if (!r.hit) continue;
    const label = `${table}“${labelOf(r.spec.id)}”`;
    const pick = res.picks.get(r.spec.id);
    const unsure = res.uncertain.get(r.spec.id);
    if (r.tooMany) {
      out.push(finding('IMPORT-UNCERTAIN', 'error', paths(r), null, r.raw, `${label}的数字“${r.raw}”连在一起且过长，无法可靠拆分，需手工填写`));
      continue;
    }
    if (!r.candidates.length) {
      const count = r.raw.match(/\d+(?:\.\d+)?/g)?.length ?? 0;
      out.push(finding('IMPORT-MISSING', 'error', paths(r), r.spec.width, r.raw || null,
        count > r.spec.width + 1 ? `${label}后面有${count}个数字，多于${r.spec.width}格，不能确定每个数字属于哪一格，需手工填写（原文“${r.raw}”）`
        : r.raw ? `${label}读不出${r.spec.width}个数字（原文“${r.raw}”），需手工填写` : `${label}${NO_FIGURE_TAIL}`));
      continue;
    }
    if (res.noFit.includes(r.spec.id)) {
      out.push(finding('IMPORT-UNCERTAIN', 'error', paths(r), null, r.raw,
        `${label}的数字“${r.raw}”连在一起，没有一种拆分符合勾稽关系，需手工填写`));
      continue;
    }
    if (pick?.how === 'extra-dropped') {
      out.push(finding('IMPORT-EXTRA-CELL', 'warning', paths(r), r.spec.width, r.raw,
        `${label}比表格多出一个数字（原文“${r.raw}”），不能确定哪一个是多余的，暂按 ${pick.vals.map((v) => v ?? '空').join('、')} 读取，整行已标出，需逐格核对`));
      continue;
    }
    if (pick?.unreadable?.length) {
      out.push(finding('IMPORT-UNREADABLE', 'error', paths(r, pick.unreadable), null, r.raw,
        `${label}有${pick.unreadable.length}格是电子表格的错误值（原文“${r.raw}”），不是0也不是空白，读不出数字，需手工填写`));
      if (!unsure?.some((c) => !pick.unreadable!.includes(c))) continue;
    }
    if (unsure?.length) {
      out.push(finding('IMPORT-UNCERTAIN', 'warning', paths(r, unsure), null, r.raw,
        `${label}的数字“${r.raw}”有多种拆分都符合勾稽关系，暂按 ${pick!.vals.map((v) => v ?? '空').join('、')} 读取，标出的格需核对`));
      continue;
    }
    if (r.candidates.length > 1) evidenceRows.push(r.spec.id);
    if (pick?.how === 'extra-same')
      out.push(finding('IMPORT-EXTRA-CELL', 'warning', [], r.spec.width, r.raw,
        `${label}比表格多出一个数字（原文“${r.raw}”），各数字相同，按 ${pick.vals.join('、')} 读取`));
    if (pick?.how === 'split') glued.push({ r, vals: pick.vals.map((v) => v ?? '空').join('、') });
    if (pick?.how === 'joined') wrapped.push({ r, vals: pick.vals.map((v) => v ?? '空').join('、') });
    if (r.hit.form > 0)
      out.push(finding('IMPORT-ALIAS', 'warning', paths(r), labelOf(r.spec.id), null,
        `${label}在原文中的写法与标准格式不同，已按标准行名读取`));
  }
  if (glued.length) {
    // One note per table: a PDF copy glues every row, and 25 notes would bury the ones that matter.
    const shown = [...glued].sort((a, b) => Number(/[1-9]/.test(b.r.raw)) - Number(/[1-9]/.test(a.r.raw))).slice(0, 4);
    out.push(finding('IMPORT-GLUED', 'warning', glued.flatMap((g) => paths(g.r)), null, null,
      `${table}有${glued.length}行数字在原文中连在一起，已按勾稽关系和格式拆分，请核对，如${shown.map((g) => `“${labelOf(g.r.spec.id)}”${g.r.raw} → ${g.vals}`).join('；')}`));
  }
  if (wrapped.length)
    out.push(finding('IMPORT-WRAPPED', 'warning', wrapped.flatMap((w) => paths(w.r)), null, null,
      `${table}有${wrapped.length}行的数字比格数多，是过宽的数字在格内折成两行（如“1056”印成“105”和“6”），已按本行总计唯一的接法接回，请核对，如${wrapped.slice(0, 3).map((w) => `“${labelOf(w.r.spec.id)}”${w.r.raw} → ${w.vals}`).join('；')}`));
  if (res.byEvidence && evidenceRows.length)
    out.push(finding('IMPORT-EVIDENCE', 'warning', evidenceRows.flatMap((id) => paths(rows.find((r) => r.spec.id === id)!)), null, null,
      `${table}有连在一起的数字可以多种方式拆分，已按正文中写明的数字选定：${evidenceRows.map((id) => `“${labelOf(id)}”`).join('、')}，请核对`));
  return out;
}

/** Rows of one table with nothing after their labels: from this many on, one note says it for all. */
const GROUP_FROM = 3;

/**
 * The notes 「表二“规章”后面没有数字」… for many rows of one table as one note, where the first of
 * them stood (eight alike in a row bury the notes that differ). Run on the final notes, after every
 * second opinion has answered those it could.
 */
export function groupNoFigureNotes(notes: readonly Finding[]): Finding[] {
  const byTable = new Map<string, Finding[]>();
  for (const n of notes) {
    const m = n.rule === 'IMPORT-MISSING' ? NO_FIGURE.exec(n.message) : null;
    if (m) byTable.set(m[1]!, [...(byTable.get(m[1]!) ?? []), n]);
  }
  const grouped = new Map([...byTable].filter(([, ns]) => ns.length >= GROUP_FROM));
  if (!grouped.size) return [...notes];
  const out: Finding[] = [];
  for (const n of notes) {
    const table = n.rule === 'IMPORT-MISSING' ? NO_FIGURE.exec(n.message)?.[1] : undefined;
    const group = table ? grouped.get(table) : undefined;
    if (!group) { out.push(n); continue; }
    if (group[0] !== n) continue;
    const labels = group.map((g) => NO_FIGURE.exec(g.message)![2]!);
    out.push(finding('IMPORT-MISSING', 'error', group.flatMap((g) => g.cells), null, null,
      `${table}有${group.length}行后面没有数字（${labels.map((l) => `“${l}”`).join('、')}），需手工填写`));
  }
  return out;
}

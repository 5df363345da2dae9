/**
 * 「收取报告」 / `collect`: one file read by the importer's general entry (every format it reads),
 * matched to a roster unit, stored as a new report or a new revision of the unit's report (never a
 * silent overwrite), and the unit marked 已收. A bad file gives an outcome with the reason; it never
 * throws, so one unreadable file does not stop the others.
 */
import { inferLevel } from '../../report';
import { cellsToVerify } from '../../report/import-verify';
import { matchUnit, type CollectOutcome, type UnitLevel } from '../../report/rollup';
import { storeImported } from '../db/store';
import { canonicalJson } from '../export/canonical-json';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { findReport, getReportBody, setStatus } from '../db/reports';
import { ImportError, importFile, splitCells } from '../import';
import { addUnits, ensureRoster, listRoster, markReceived } from './roster';

export interface CollectRequest {
  organ: string;
  year: number;
  fileName: string;
  data: Uint8Array;
  /** The unit chosen by hand (an existing roster name, or a new one with `addLevel`). */
  agency?: string;
  /** Add an unknown agency to the roster with this level instead of asking (the CLI's --add-units; 「添加为新单位」). */
  addLevel?: UnitLevel | 'infer';
  /** Store figures without a reading as 0, recorded with the revision (as `import --accept-uncertain`). */
  acceptUncertain?: boolean;
  now: string;
}

/** 乡镇/街道 when the name says so, else 部门 (the usual county roster). */
export const guessLevel = (name: string): UnitLevel => (inferLevel(name) === 'township' ? 'township' : 'department');

export async function collectFile(db: Db, q: CollectRequest): Promise<CollectOutcome> {
  try {
    return await collect(db, q);
  } catch (e) {
    // The archive's refusals (a unit in another organ's roster, a report in the recycle bin…) are the file's outcome.
    if (e instanceof ArchiveError && (e.code === 'CONFLICT' || e.code === 'INVALID' || e.code === 'NOT_FOUND'))
      return { fileName: q.fileName, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0, message: e.message };
    throw e;
  }
}

async function collect(db: Db, q: CollectRequest): Promise<CollectOutcome> {
  const base: CollectOutcome = { fileName: q.fileName, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0, message: '' };
  let result;
  try {
    result = await importFile(q.fileName, q.data, { year: q.year, ...(q.agency ? { agency: q.agency } : {}) });
  } catch (e) {
    if (e instanceof ImportError || e instanceof ArchiveError) return { ...base, message: e.message };
    return { ...base, message: `无法读取：${(e as Error).message}` };
  }
  const read = result.report.agency.trim();
  const out = { ...base, read, uncertain: result.uncertain.length };
  if (result.report.year !== q.year) return { ...out, message: `这是${result.report.year}年度的报告，不是${q.year}年度的` };

  ensureRosterNow(db, q);
  const names = listRoster(db, q.organ, q.year).map((u) => u.agency);
  let unit = q.agency?.trim() ?? '';
  if (!unit) {
    if (!read) return { ...out, status: 'unmatched', message: '文件中没有识别出机关名称，请选择是哪个单位的报告' };
    // Only an exact name is taken without asking: a close one is proposed, an unknown one added only when asked to.
    const m = read === q.organ.trim() ? ({ kind: 'exact', unit: q.organ.trim() } as const) : matchUnit(read, names);
    if (m.kind === 'exact') unit = m.unit;
    else if (m.kind === 'close') return { ...out, status: 'unmatched', proposal: m.unit, message: `文件中的机关“${read}”与名单中的“${m.unit}”相近，请确认是否为同一单位` };
    else if (q.addLevel) unit = read;
    else return { ...out, status: 'unmatched', message: `名单中没有“${read}”，请选择对应的单位或添加为新单位` };
  }
  const add = !names.includes(unit);
  if (add && !q.addLevel) return { ...out, status: 'unmatched', message: `名单中没有“${unit}”，请选择对应的单位或添加为新单位` };
  if (result.nulls.length && !q.acceptUncertain)
    return { ...out, status: 'held', unit, message: `有${result.nulls.length}个格没有读数，需要核对后再保存` };

  const report = { ...result.report, agency: unit };
  const existing = findReport(db, unit, q.year);
  // The same content again (a file sent twice, or two copies in one folder) is not a new revision.
  if (existing && canonicalJson(getReportBody(db, existing.id)) === canonicalJson(report))
    return { ...out, status: 'duplicate', unit, message: '与已收文件相同，未重复保存' };
  const note = [`收取 ${q.fileName}`, unit !== read && read ? `文件中的机关名称为“${read}”` : '', result.uncertain.length ? `待核对：${result.uncertain.slice(0, 40).join('、')}` : '']
    .filter(Boolean)
    .join('；');
  // The roster entry, the report and its 已收 are one transaction: a crash leaves all or none of them.
  const row = db.transaction(() => {
    if (add) addUnits(db, q.organ, q.year, [unit], q.addLevel === 'infer' || !q.addLevel ? guessLevel(unit) : q.addLevel, q.now);
    // A corrected file for a report accepted earlier reopens it: the accepted state stays in the history.
    if (existing?.status === 'final') setStatus(db, existing.id, 'draft', q.now);
    // Nobody looked at the reading: its doubtful and unread cells wait 待核对 in the county's editor.
    const toVerify = cellsToVerify({ format: report.format, split: splitCells(result), nulls: result.nulls, uncertain: result.uncertain }, { seen: false });
    const stored = storeImported(db, report, { replace: true, note, now: q.now, toVerify });
    markReceived(db, q.organ, q.year, unit, q.fileName, q.now);
    return stored;
  })();
  const message = [
    row.replaced ? '已作为新版本保存（原内容保留在历史版本中）' : '已保存',
    unit !== read && read ? `文件中的机关名称为“${read}”，归入“${unit}”` : '',
    result.uncertain.length ? `${result.uncertain.length}个格需核对` : '',
  ].filter(Boolean).join('；');
  return { ...out, status: 'stored', unit, added: add, replaced: row.replaced, errors: row.row.errors, warnings: row.row.warnings, message };
}

function ensureRosterNow(db: Db, q: CollectRequest): void {
  db.transaction(() => ensureRoster(db, q.organ, q.year, q.now))();
}

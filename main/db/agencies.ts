/**
 * Agencies: matched by name key (report/agency.ts nameKey: NFKC, whitespace folded), so a look-alike
 * of an archived agency is that agency; renaming keeps their reports.
 */
import type { AgencyLevel } from '../../report';
import { agencyNameProblem, nameKey, printable } from '../../report/agency';
import { ArchiveError } from './errors';
import { recordRevision } from './revisions';
import type { Db } from './open';

export interface AgencyRow {
  id: number;
  name: string;
  level: AgencyLevel | null;
  /** Publication deadline as MM-DD of the year after the report year (default 01-31). */
  deadline: string;
  /** 本机关: one of the user's own agencies (listed first, the default in dialogs), not a reference one. */
  own: boolean;
}

const COLUMNS = 'id, name, level, deadline, own';
type RawAgency = Omit<AgencyRow, 'own'> & { own: number };
const toAgency = (r: RawAgency | undefined): AgencyRow | undefined => r && { ...r, own: r.own === 1 };

export function listAgencies(db: Db): AgencyRow[] {
  // 本机关 first, then the reference agencies, each by name.
  return (db.prepare(`SELECT ${COLUMNS} FROM agencies ORDER BY own DESC, name`).all() as RawAgency[]).map((r) => toAgency(r)!);
}

export function getAgency(db: Db, id: number): AgencyRow | undefined {
  return toAgency(db.prepare(`SELECT ${COLUMNS} FROM agencies WHERE id = ?`).get(id) as RawAgency | undefined);
}

/** The agency of that name, or of a name with the same key (a look-alike is the same agency). */
export function findAgency(db: Db, name: string): AgencyRow | undefined {
  const exact = db.prepare(`SELECT ${COLUMNS} FROM agencies WHERE name = ?`).get(name.trim()) as RawAgency | undefined;
  if (exact) return toAgency(exact);
  const key = nameKey(name);
  if (!key) return undefined;
  // An archive holds tens to hundreds of agencies: comparing keys in JS is cheaper than keeping a second column in step.
  const all = db.prepare(`SELECT ${COLUMNS} FROM agencies`).all() as RawAgency[];
  return toAgency(all.find((a) => nameKey(a.name) === key));
}

/** The rule's refusal, naming the archived agency the name looks like (it differs only by hidden characters). */
function nameRefusal(db: Db, name: string, problem: string): ArchiveError {
  const like = findAgency(db, name);
  return new ArchiveError('INVALID', like ? `${problem}。档案中已有“${printable(like.name)}”，如是同一机关请直接选择它` : problem);
}

/** The agency of that name (or its look-alike), created if new. Call inside the caller's transaction. */
export function ensureAgency(db: Db, name: string, now: string): AgencyRow {
  const trimmed = name.trim();
  const problem = agencyNameProblem(trimmed);
  if (problem) throw nameRefusal(db, trimmed, problem);
  const found = findAgency(db, trimmed);
  if (found) return found;
  const { lastInsertRowid } = db.prepare('INSERT INTO agencies (name, created_at) VALUES (?, ?)').run(trimmed, now);
  return getAgency(db, Number(lastInsertRowid))!;
}

/**
 * What a corrected name does to the agency's 已定稿 and 已发布 reports (issue 21 #2): 'keep' them under
 * the name they were published with (the default: nothing published changes silently), or 'reissue'
 * them under the new name (a 已定稿 report becomes a draft again, to be finalised and published anew).
 * Drafts always take the new name.
 */
export type FinishedReports = 'keep' | 'reissue';

export interface AgencyChanges {
  name?: string;
  level?: AgencyLevel | null;
  deadline?: string;
  own?: boolean;
  finished?: FinishedReports;
}

/** The agency's former names (before 更正名称), newest first. */
export function formerNames(db: Db, agencyId: number): string[] {
  return (db.prepare('SELECT name FROM agency_names WHERE agency_id = ? ORDER BY id DESC').all(agencyId) as { name: string }[]).map((r) => r.name);
}

/** Every name the archive knows an agency by: current names and former ones (for the agency-name check). */
/** Records a name the agency went by until `until`. */
export function addFormerName(db: Db, agencyId: number, name: string, until: string): void {
  db.prepare('INSERT INTO agency_names (agency_id, name, until) VALUES (?, ?, ?)').run(agencyId, name, until);
}

export function knownAgencyNames(db: Db): string[] {
  const rows = db.prepare('SELECT name FROM agencies UNION SELECT name FROM agency_names').all() as { name: string }[];
  return rows.map((r) => r.name);
}

export function updateAgency(db: Db, id: number, changes: AgencyChanges): AgencyRow {
  return db.transaction(() => {
    const current = getAgency(db, id);
    if (!current) throw new ArchiveError('NOT_FOUND', '找不到这个机关');
    const name = changes.name?.trim() ?? current.name;
    const problem = changes.name === undefined ? null : agencyNameProblem(name);
    if (problem) throw nameRefusal(db, name, problem);
    const clash = findAgency(db, name);
    if (clash && clash.id !== id)
      throw new ArchiveError('CONFLICT', `档案中已有名为“${name}”的机关。如果是同一机关，请用“合并到…”把两者的报告合在一起（两边都有的年度由您选择，未采用的内容保留在历史版本中）`);
    if (name !== current.name) {
      const now = new Date().toISOString();
      renameInReports(db, id, current.name, name, now, changes.finished ?? 'keep');
      db.prepare('DELETE FROM agency_names WHERE agency_id = ? AND name = ?').run(id, name);
      db.prepare('INSERT INTO agency_names (agency_id, name, until) VALUES (?, ?, ?)').run(id, current.name, now);
    }
    db.prepare('UPDATE agencies SET name = ?, level = ?, deadline = ?, own = ? WHERE id = ?').run(
      name,
      changes.level === undefined ? current.level : changes.level,
      changes.deadline ?? current.deadline,
      (changes.own ?? current.own) ? 1 : 0,
      id,
    );
    return getAgency(db, id)!;
  })();
}

/**
 * A corrected name is the agency's name in every draft: the body's agency (and the closing signature
 * when it was the old name) follow, each change kept as a revision. 已定稿 and 已发布 reports keep the
 * name they were published with unless they are re-issued (see FinishedReports).
 */
function renameInReports(db: Db, agencyId: number, from: string, to: string, now: string, finished: FinishedReports): void {
  const rows = db.prepare('SELECT id, body, status, published FROM reports WHERE agency_id = ?').all(agencyId) as { id: number; body: string; status: string; published: number }[];
  for (const row of rows) {
    const done = row.status === 'final' || row.published === 1;
    if (done && finished === 'keep') continue;
    const body = JSON.parse(row.body) as { agency: string; closing?: { agency: string } };
    body.agency = to;
    if (body.closing?.agency === from) body.closing.agency = to;
    const text = JSON.stringify(body);
    // A re-issued 已定稿 report is a draft again: what was finalised is not what it now says.
    db.prepare("UPDATE reports SET body = ?, version = version + 1, status = CASE WHEN status = 'final' THEN 'draft' ELSE status END WHERE id = ?").run(text, row.id);
    recordRevision(db, row.id, text, 'rename', now, `机关名称由“${from}”更正为“${to}”${done ? '（重新发布）' : ''}`);
  }
}

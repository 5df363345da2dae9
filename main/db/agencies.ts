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

export interface AgencyChanges {
  name?: string;
  level?: AgencyLevel | null;
  deadline?: string;
  own?: boolean;
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
    if (name !== current.name) renameInReports(db, id, current.name, name, new Date().toISOString());
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
 * A corrected name is the agency's name in every report: the body's agency (and the closing
 * signature when it was the old name) follow, each change kept as a revision.
 */
function renameInReports(db: Db, agencyId: number, from: string, to: string, now: string): void {
  const rows = db.prepare('SELECT id, body FROM reports WHERE agency_id = ?').all(agencyId) as { id: number; body: string }[];
  for (const row of rows) {
    const body = JSON.parse(row.body) as { agency: string; closing?: { agency: string } };
    body.agency = to;
    if (body.closing?.agency === from) body.closing.agency = to;
    const text = JSON.stringify(body);
    db.prepare('UPDATE reports SET body = ?, version = version + 1 WHERE id = ?').run(text, row.id);
    recordRevision(db, row.id, text, 'rename', now, `机关名称由“${from}”更正为“${to}”`);
  }
}

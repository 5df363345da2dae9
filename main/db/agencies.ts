/** Agencies: matched by exact name after trimming; renaming keeps their reports. */
import type { AgencyLevel } from '../../report';
import { agencyNameProblem } from '../../report/agency';
import { ArchiveError } from './errors';
import { recordRevision } from './revisions';
import type { Db } from './open';

export interface AgencyRow {
  id: number;
  name: string;
  level: AgencyLevel | null;
  /** Publication deadline as MM-DD of the year after the report year (default 01-31). */
  deadline: string;
}

const COLUMNS = 'id, name, level, deadline';

export function listAgencies(db: Db): AgencyRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM agencies ORDER BY name`).all() as AgencyRow[];
}

export function getAgency(db: Db, id: number): AgencyRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM agencies WHERE id = ?`).get(id) as AgencyRow | undefined;
}

export function findAgency(db: Db, name: string): AgencyRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM agencies WHERE name = ?`).get(name.trim()) as AgencyRow | undefined;
}

/** The agency of that name, created if new. Call inside the caller's transaction. */
export function ensureAgency(db: Db, name: string, now: string): AgencyRow {
  const trimmed = name.trim();
  const problem = agencyNameProblem(trimmed);
  if (problem) throw new ArchiveError('INVALID', problem);
  const found = findAgency(db, trimmed);
  if (found) return found;
  const { lastInsertRowid } = db.prepare('INSERT INTO agencies (name, created_at) VALUES (?, ?)').run(trimmed, now);
  return getAgency(db, Number(lastInsertRowid))!;
}

export interface AgencyChanges {
  name?: string;
  level?: AgencyLevel | null;
  deadline?: string;
}

export function updateAgency(db: Db, id: number, changes: AgencyChanges): AgencyRow {
  return db.transaction(() => {
    const current = getAgency(db, id);
    if (!current) throw new ArchiveError('NOT_FOUND', '找不到这个机关');
    const name = changes.name?.trim() ?? current.name;
    const problem = changes.name === undefined ? null : agencyNameProblem(name);
    if (problem) throw new ArchiveError('INVALID', problem);
    const clash = findAgency(db, name);
    if (clash && clash.id !== id) throw new ArchiveError('CONFLICT', `档案中已有名为“${name}”的机关`);
    if (name !== current.name) renameInReports(db, id, current.name, name, new Date().toISOString());
    db.prepare('UPDATE agencies SET name = ?, level = ?, deadline = ? WHERE id = ?').run(
      name,
      changes.level === undefined ? current.level : changes.level,
      changes.deadline ?? current.deadline,
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

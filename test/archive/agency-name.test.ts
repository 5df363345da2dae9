/**
 * One agency-name rule everywhere (issue 10, item 9): create, import (JSON and published text),
 * archive bundle, rename — all refuse control characters, newline/tab, direction overrides and
 * path-like names in Chinese; the CLI never prints a control character, even for a name an older
 * version let into the archive.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../main/api/schemas';
import { runCli } from '../../main/cli';
import { updateAgency } from '../../main/db/agencies';
import { closeArchive, openArchive } from '../../main/db/open';
import { agencyNameProblem } from '../../report/agency';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');
const QINGSHI = join(FIXTURES, 'reports/qingshi-2024.json');
const AGENCY = '示例县青石镇人民政府';

const BAD: Record<string, string> = {
  ESC: '某镇\u001b[31m人民政府',
  BEL: '某镇人民政府\u0007',
  newline: '某镇人民政府\n伪造的一行',
  tab: '某镇\t人民政府',
  'U+202E': '某镇\u202e府政民人',
  'U+2066': '\u2066某镇人民政府',
  '../': '../某镇人民政府',
  backslash: '某镇\\人民政府',
  dots: '..',
};
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: ROOT });
  return { code, out, err };
}

describe('agency names', () => {
  it('the rule: each hostile name is refused with a Chinese reason; ordinary names pass', () => {
    for (const [what, name] of Object.entries(BAD)) expect(agencyNameProblem(name), what).toMatch(/^机关名称/);
    for (const ok of [AGENCY, '某市生态环境局·高新区分局', '某某县（区）教育局', ' 前后有空格的镇人民政府 '])
      expect(agencyNameProblem(ok), ok).toBeNull();
  });

  it('create and rename (the channel schemas) refuse them', () => {
    for (const name of Object.values(BAD)) {
      const c = SCHEMAS['report:create'].safeParse({ agency: name, year: 2024 });
      expect(c.success).toBe(false);
      expect(c.error!.issues[0]!.message).toMatch(/^机关名称/);
      expect(SCHEMAS['agency:update'].safeParse({ id: 1, name }).success).toBe(false);
    }
    expect(SCHEMAS['report:create'].parse({ agency: ` ${AGENCY} `, year: 2024 }).agency).toBe(AGENCY);
  });

  it('the archive layer refuses a rename even when no schema stands before it', () => {
    const db = openArchive(tmp.file('rename.db'));
    try {
      db.prepare("INSERT INTO agencies (name, created_at) VALUES ('某镇人民政府', '2025-01-01')").run();
      expect(() => updateAgency(db, 1, { name: BAD['U+202E']! })).toThrow(/机关名称/);
      expect(() => updateAgency(db, 1, { name: BAD.newline! })).toThrow(/机关名称/);
    } finally {
      closeArchive(db);
    }
  });

  it('CLI new, and import of a .json and of published text, refuse them and store nothing', async () => {
    const db = tmp.file('import.db');
    const n = await cli('new', '--agency', BAD.ESC!, '--year', '2024', '--db', db);
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/机关名称/);
    const json = JSON.parse(readFileSync(QINGSHI, 'utf8'));
    json.agency = BAD['U+202E'];
    writeFileSync(tmp.file('bad.json'), JSON.stringify(json));
    const a = await cli('import', tmp.file('bad.json'), '--db', db);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/机关名称含有/);
    expect(a.err).not.toContain('agency：'); // the message names the field itself, in Chinese
    const text = readFileSync(join(FIXTURES, 'published/dajin-2024.txt'), 'utf8').replaceAll('大进镇人民政府', '大进镇\u202e人民政府');
    writeFileSync(tmp.file('bad.txt'), text);
    const b = await cli('import', tmp.file('bad.txt'), '--db', db, '--accept-uncertain');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/机关名称含有/);
    for (const r of [n, a, b]) expect(r.err + r.out).not.toMatch(CONTROL);
    expect((await cli('list', '--db', db, '--json')).out.trim()).toBe('[]');
  });

  it('an archive bundle carrying such a name is refused before anything is written', async () => {
    const from = tmp.file('bundle-from.db');
    const to = tmp.file('bundle-to.db');
    expect((await cli('import', QINGSHI, '--db', from)).code).toBe(0);
    expect((await cli('archive-export', '--out', tmp.file('bundle.json'), '--db', from)).code).toBe(0);
    const raw = readFileSync(tmp.file('bundle.json'), 'utf8').replaceAll(AGENCY, '示例县\\u001b]0;青石镇人民政府');
    const bundle = JSON.parse(raw);
    bundle.sha256 = createHash('sha256').update(JSON.stringify(bundle.payload), 'utf8').digest('hex');
    writeFileSync(tmp.file('bad-bundle.json'), JSON.stringify(bundle));
    const r = await cli('archive-import', tmp.file('bad-bundle.json'), '--db', to);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/机关名称含有/);
    expect(r.err).not.toMatch(CONTROL);
    expect((await cli('list', '--db', to, '--json')).out.trim()).toBe('[]');
  });

  it('cli list prints a name an older version let in with its controls escaped: no escape codes, no fake row', async () => {
    const db = tmp.file('old.db');
    expect((await cli('import', QINGSHI, '--db', db)).code).toBe(0);
    const d = openArchive(db);
    d.prepare('UPDATE agencies SET name = ?').run('青石镇\u001b[2J\n伪造\t行\u202e');
    closeArchive(d);
    const r = await cli('list', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(CONTROL);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('青石镇\\u001b[2J\\u000a伪造\\u0009行\\u202e');
    const json = await cli('list', '--db', db, '--json');
    expect(json.out).not.toMatch(CONTROL);
    expect(JSON.parse(json.out)[0].agency).toBe('青石镇\u001b[2J\n伪造\t行\u202e');
  });
});

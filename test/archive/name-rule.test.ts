/**
 * Issue 20, items 6–9: one name rule at every entry (every hidden character class refused, look-alikes
 * compared by NFKC and folded whitespace), one escaping rule for what the CLI prints from outside,
 * an archive export that never drops an intact report, and owner-only files.
 */
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { dispatch } from '../../main/api/dispatch';
import { SCHEMAS } from '../../main/api/schemas';
import { storeImported } from '../../main/db/store';
import { runCli } from '../../main/cli';
import { atomicWrite } from '../../main/export/atomic-write';
import { listAgencies } from '../../main/db/agencies';
import { closeArchive, openArchive } from '../../main/db/open';
import { openForUse } from '../../main/lifecycle/session';
import { agencyNameProblem, HIDDEN_CHAR, nameKey, printable } from '../../report/agency';
import { FIXTURES, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const AGENCY = qingshi2024().agency; // 示例县青石镇人民政府

/** One of each class the rule names: C0 (with \n, \t), DEL, C1 (NEL, CSI), Cf (zero-width, joiners, bidi, BOM, soft hyphen, tags), Zl, Zp. */
const HIDDEN: Record<string, string> = {
  newline: '\n', tab: '\t', CR: '\r', ESC: '\u001b', DEL: '\u007f', NEL: '\u0085', CSI: '\u009b',
  ZWSP: '\u200b', ZWNJ: '\u200c', ZWJ: '\u200d', LRM: '\u200e', RLM: '\u200f', WJ: '\u2060', 'invisible times': '\u2062',
  BOM: '\ufeff', RLO: '\u202e', LRE: '\u202a', PDF: '\u202c', LRI: '\u2066', PDI: '\u2069', ALM: '\u061c', 'soft hyphen': '\u00ad',
  'tag A': '\u{e0041}', 'line separator': '\u2028', 'paragraph separator': '\u2029',
};

async function cli(args: string[], cwd = tmp.dir) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd });
  return { code, out, err };
}

describe('the name rule', () => {
  it.each(Object.entries(HIDDEN))('refuses %s inside a name, saying which character; at the end it is refused or trimmed away', (_what, c) => {
    const problem = agencyNameProblem(`示例县${c}青石镇人民政府`);
    expect(problem).toMatch(/^机关名称含有/);
    expect(problem).toContain(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    const trailing = `${AGENCY}${c}`;
    if (agencyNameProblem(trailing) === null) expect(trailing.trim()).toBe(AGENCY);
  });

  it.each(Object.entries(HIDDEN))('printable shows %s escaped and keeps the rest', (_what, c) => {
    const shown = printable(`青石镇${c}政府`);
    expect(shown).not.toMatch(new RegExp(HIDDEN_CHAR.source, 'u'));
    expect(shown).toMatch(/^青石镇\\u(\{e0041\}|[0-9a-f]{4})政府$/);
  });

  it('keys: compatibility forms and whitespace fold, Chinese punctuation of a real name stays comparable', () => {
    expect(nameKey('第１街道　办事处')).toBe(nameKey('第1街道 办事处'));
    expect(nameKey('某某县（区）教育局')).toBe(nameKey('某某县(区)教育局'));
    expect(nameKey(`${AGENCY}\u200b`)).toBe(nameKey(AGENCY));
    expect(nameKey('甲镇人民政府')).not.toBe(nameKey('乙镇人民政府'));
  });

  it('report:move to a look-alike with a zero-width space: refused by the schema, and by the archive naming the existing agency', async () => {
    const db = openArchive(tmp.file('move.sqlite'));
    try {
      const h = createHandlers({ db });
      storeImported(db, qingshi2024());
      const other = storeImported(db, { ...qingshi2024(), agency: '示例县白石镇人民政府' }).row;
      const viaChannel = await dispatch(h, 'report:move', { id: other.id, agency: `${AGENCY}\u200b` });
      expect(viaChannel.ok).toBe(false);
      expect(JSON.stringify(viaChannel)).toContain('U+200B');
      expect(() => h['report:move']({ id: other.id, agency: `${AGENCY}\u200b` })).toThrow(`档案中已有“${AGENCY}”`);
      expect(listAgencies(db).map((a) => a.name).sort()).toEqual([AGENCY, '示例县白石镇人民政府'].sort());
    } finally {
      closeArchive(db);
    }
  });

  it('a look-alike by full-width letters or doubled spaces IS the archived agency (import, create, rename)', async () => {
    const db = openArchive(tmp.file('alike.sqlite'));
    try {
      const h = createHandlers({ db });
      const first = storeImported(db, { ...qingshi2024(), agency: '第1街道 办事处' }).row;
      const again = await h['report:create']({ agency: '第１街道　　办事处', year: 2025 });
      expect(again.summary.agencyId).toBe(first.agencyId);
      expect(again.report.agency).toBe('第1街道 办事处');
      expect(listAgencies(db)).toHaveLength(1);
      const b = storeImported(db, { ...qingshi2024(), agency: '另一个镇人民政府' }).row;
      expect(() => h['agency:update']({ id: b.agencyId, name: '第１街道 办事处' })).toThrow(/档案中已有/);
    } finally {
      closeArchive(db);
    }
  });

  it('roster reasons: U+202E and NEL are refused (rollup:updateUnit)', () => {
    for (const c of ['\u202e', '\u0085', '\n', '\u200b']) {
      const r = SCHEMAS['rollup:updateUnit'].safeParse({ organ: '某某县人民政府', year: 2024, agency: '甲镇人民政府', status: 'excluded', reason: `撤并${c}` });
      expect(r.success, JSON.stringify(c)).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/^原因含有/);
    }
    expect(SCHEMAS['rollup:updateUnit'].safeParse({ organ: '某某县人民政府', year: 2024, agency: '甲镇人民政府', status: 'excluded', reason: '已撤并、合并（2024年3月）' }).success).toBe(true);
  });
});

describe('what the CLI prints from outside', () => {
  it('a file named with \\n and \\t prints one line per file in import and collect, escaped', async () => {
    const dir = join(tmp.dir, 'forged');
    mkdirSync(dir);
    const forged = join(dir, 'nl-\nFORGED\t.json');
    writeFileSync(forged, readFileSync(join(FIXTURES, 'reports/qingshi-2024.json')));
    writeFileSync(join(dir, 'ok.json'), readFileSync(join(FIXTURES, 'reports/qingshi-2023.json')));
    const imp = await cli(['import', forged, join(dir, 'ok.json'), '--db', tmp.file('forged.sqlite'), '--dry-run']);
    const col = await cli(['collect', dir, '--into', '示例县人民政府', '--year', '2024', '--db', tmp.file('forged-c.sqlite')]);
    for (const r of [imp, col]) {
      const all = r.out + r.err;
      expect(all).toContain('nl-\\u000aFORGED\\u0009.json');
      expect(all.split('\n').some((l) => l.startsWith('FORGED'))).toBe(false);
    }
  });

  it('archive-export with a legacy name stops, names the agency to rename (escaped), and drops nothing silently', async () => {
    const file = tmp.file('legacy.sqlite');
    const db = openArchive(file);
    storeImported(db, qingshi2024());
    storeImported(db, { ...qingshi2024(), agency: '示例县白石镇人民政府' });
    db.prepare('UPDATE agencies SET name = ? WHERE name = ?').run('示例县白石镇人民政府\u200b\n', '示例县白石镇人民政府');
    closeArchive(db);
    const out = tmp.file('legacy-bundle.json');
    const r = await cli(['archive-export', '--out', out, '--db', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('“示例县白石镇人民政府\\u200b\\u000a”');
    expect(r.err).toMatch(/请先在档案页把这些机关改名/);
    expect(existsSync(out)).toBe(false);
    // Renamed: every report goes.
    const d2 = openArchive(file);
    d2.prepare('UPDATE agencies SET name = ? WHERE name LIKE ?').run('示例县白石镇人民政府', '示例县白石镇%');
    closeArchive(d2);
    expect((await cli(['archive-export', '--out', out, '--db', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).payload.reports).toHaveLength(2);
  });
});

describe.skipIf(process.platform === 'win32')('owner-only files', () => {
  it('the .running marker is 0600, also when an older version left it 0644', () => {
    const file = tmp.file('marker.sqlite');
    writeFileSync(`${file}.running`, '{}', { mode: 0o644 });
    const h = openForUse(file, { backupsDir: tmp.file('marker-backups') });
    try {
      expect(statSync(`${file}.running`).mode & 0o777).toBe(0o600);
    } finally {
      h.close();
    }
  });

  it('an export is 0600 and a killed export\'s .partial is removed before the next write in that folder', async () => {
    const dir = join(tmp.dir, 'exports');
    mkdirSync(dir);
    const stale = join(dir, '.报告.docx.999999999.1700000000000.partial');
    writeFileSync(stale, 'half');
    await atomicWrite(join(dir, '报告.docx'), Buffer.from('whole'));
    expect(statSync(join(dir, '报告.docx')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['报告.docx']);
  });
});

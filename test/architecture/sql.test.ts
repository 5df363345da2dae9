/**
 * All SQL lives in main/db/ (query functions taking the connection, as Signal-Desktop's sql/ does):
 * outside it, main/ calls those functions and never prepares, executes or sets a pragma on a
 * database itself. A planted violation of each kind is caught.
 *
 * `.prepare(` and `.pragma(` are a database's methods wherever they appear. `.exec(` is also a
 * RegExp's, so it counts when its argument is a string (SQL written inline) or its receiver is named
 * like a connection (db, d, conn, copy, database, …Db) — the names main/ uses for one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const DB_CALL = [
  /\.\s*prepare\s*\(/,
  /\.\s*pragma\s*\(/,
  /\.\s*exec\s*\(\s*['"`]/,
  /\b(?:db|d|conn|connection|copy|database|sqlite|\w*Db)\s*(?:\?\.|\.)\s*exec\s*\(/,
];

/** Lines that run SQL on a database outside main/db: `file:line: code`. Comments are skipped. */
export function sqlOutsideDb(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, code] of files) {
    if (file.startsWith('main/db/')) continue;
    code.split('\n').forEach((line, i) => {
      const text = line.replace(/\/\/.*$/, '').trim();
      if (text.startsWith('*') || text.startsWith('/*')) return;
      if (DB_CALL.some((re) => re.test(text))) out.push(`${file}:${i + 1}: ${text}`);
    });
  }
  return out;
}

const all = new Map(sources('main').map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const));

describe('SQL only in main/db', () => {
  it('no file of main/ outside main/db prepares, executes or sets a pragma on a database', () => {
    expect(sqlOutsideDb(all)).toEqual([]);
  });

  it('a regular expression’s exec is not SQL', () => {
    expect(sqlOutsideDb(new Map([['main/x/re.ts', 'const m = /^(\\d+)$/.exec(s);\nconst n = NAME.exec(name);\n']]))).toEqual([]);
  });

  it('a planted violation of each kind is caught', () => {
    const planted = new Map(all);
    planted.set('main/rollup/planted.ts', "db.prepare('SELECT 1').get();\n");
    planted.set('main/lifecycle/planted.ts', "copy.pragma('quick_check', { simple: true });\ndb.exec('BEGIN IMMEDIATE; COMMIT');\nd.exec(sql);\n");
    planted.set('main/db/allowed.ts', "db.prepare('SELECT 1').get();\n");
    expect(sqlOutsideDb(planted)).toEqual([
      "main/rollup/planted.ts:1: db.prepare('SELECT 1').get();",
      "main/lifecycle/planted.ts:1: copy.pragma('quick_check', { simple: true });",
      "main/lifecycle/planted.ts:2: db.exec('BEGIN IMMEDIATE; COMMIT');",
      'main/lifecycle/planted.ts:3: d.exec(sql);',
    ]);
  });
});

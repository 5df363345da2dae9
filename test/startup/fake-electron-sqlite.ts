/** How the mocked better-sqlite3 behaves (test/startup/entry.test.ts); on globalThis so it survives vi.resetModules(). */
type Mode = 'ok' | 'dlopen' | 'cantopen';
const g = globalThis as { __nianbaoSqliteMode?: { mode: Mode } };
export const sqlite = (g.__nianbaoSqliteMode ??= { mode: 'ok' });

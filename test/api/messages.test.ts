/**
 * Every message a user can see is Chinese (issue 10, item 11): schema errors of every channel for
 * the usual wrong inputs, impossible deadlines such as 02-30, and the CLI's own argument errors.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { runCli } from '../../main/cli';
import { CHANNELS } from '../../report/api';

/** Latin words a Chinese message may still hold: names of file types and the like. */
const ALLOWED = /\b(JSON|MB|KB|Word|Excel|WPS|docx|xlsx)\b/g;
const english = (s: string) => s.replace(ALLOWED, '').match(/[A-Za-z]{3,}/g) ?? [];

const WRONG: unknown[] = [
  null,
  [],
  'text',
  42,
  { extra: 1 },
  { id: 'a', year: 'x', agency: 5, name: 5, report: 1, kind: 'pdf', status: 'x', revisionId: -1, key: 'x' },
  { id: -1, year: 1800, agency: '', deleted: 'yes', upload: { fileName: '', dataBase64: '*' }, text: 5, file: {} },
  { id: 1.5, year: 2200, deadline: '13-01', level: 'village', decisions: { a: 'x' }, token: 'x', uncertain: 'x', replace: 1 },
];

describe('Chinese messages', () => {
  it('schema errors on every channel are Chinese (no 「Invalid input: expected number…」)', async () => {
    const seen: string[] = [];
    for (const channel of CHANNELS)
      for (const input of WRONG) {
        const r = await dispatch({}, channel, input);
        if (r.ok) continue;
        seen.push(r.error.message);
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(english(r.error.message), `${channel} ${JSON.stringify(input)}: ${r.error.message}`).toEqual([]);
      }
    expect(seen.length).toBeGreaterThan(CHANNELS.length * 4);
    const r = await dispatch({}, 'report:open', { id: 'x' });
    expect(r).toMatchObject({ ok: false, error: { message: '请求参数有误：编号：应为数字' } });
  });

  it('a deadline that does not exist in every year is refused: 02-30, 04-31, 02-29', async () => {
    for (const deadline of ['02-30', '04-31', '02-29', '00-10', '2-1']) {
      const r = await dispatch({}, 'agency:update', { id: 1, deadline });
      expect(r.ok, deadline).toBe(false);
      expect(!r.ok && r.error.message, deadline).toMatch(/截止日期/);
    }
    // Valid ones pass the schema (and reach the handler, absent here).
    for (const deadline of ['01-31', '02-28', '12-31', '06-30'])
      expect(await dispatch({}, 'agency:update', { id: 1, deadline }), deadline).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('the CLI explains wrong options in Chinese', async () => {
    for (const args of [['list', '--foo'], ['list', '--db'], ['list', '--json=1']]) {
      let err = '';
      const code = await runCli(args, { out: () => {}, err: (t) => (err += t), env: {}, cwd: process.cwd() });
      expect(code).toBe(2);
      const first = err.split('\n')[0]!;
      expect(first).toMatch(/^参数有误：/);
      expect(english(first.replace(/--?[a-z]+/g, '')), first).toEqual([]);
    }
  });
});

/**
 * Every channel's input, channel by channel through dispatch: a valid sample passes the schema,
 * and wrong types, extra fields, huge strings and path-like strings are refused before any
 * handler runs. A new channel without a sample here is a type error.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { Handlers } from '../../main/api/handlers';
import { SCHEMAS } from '../../main/api/schemas';
import { CHANNELS, type ApiInput, type Channel } from '../../report/api';

const upload = { fileName: '年报档案-20250101.json', dataBase64: 'eyJhIjoxfQ==' };
const VALID: { [C in Channel]: ApiInput<C>[] } = {
  'archive:list': [{}, { deleted: true }],
  'report:open': [{ id: 1 }],
  'report:create': [{ agency: '某镇人民政府', year: 2024 }, { agency: '某镇人民政府', year: 2024, carryOver: true }],
  'report:undoCarryOver': [{ id: 1 }],
  'import:preview': [{ text: '某镇2024年政府信息公开工作年度报告' }, { file: { fileName: '报告.docx', dataBase64: 'UEsDBA==' }, year: 2024 }],
  'import:confirm': [
    { report: {} as never, replace: false, uncertain: ['requests.granted.0'] },
    { report: {} as never, replace: false, uncertain: [], agency: '示例县青石镇人民政府', published: true, verify: ['requests.granted.0'] },
  ],
  'report:save': [{ id: 1, report: {} as never, baseVersion: 1 }, { id: 1, report: {} as never, baseVersion: 3, origin: { editor: 'a1b2c3d4-e5f6', seq: 2 } }],
  'report:check': [{ report: {} as never, previousId: 2 }],
  'report:setStatus': [{ id: 1, status: 'final' }],
  'report:duplicate': [{ id: 1, year: 2025 }],
  'report:recompute': [{ id: 1 }],
  'report:delete': [{ id: 1 }],
  'report:undelete': [{ id: 1 }],
  'report:purge': [{ id: 1 }],
  'report:revisions': [{ id: 1 }],
  'report:revision': [{ id: 1, revisionId: 2 }],
  'report:restore': [{ id: 1, revisionId: 2 }],
  'agency:update': [{ id: 1, name: '某镇人民政府', level: 'township', deadline: '01-31' }, { id: 1, own: true }],
  'export:save': [{ id: 1, kind: 'docx' }, { id: 1, kind: 'json' }],
  'export:reveal': [{}],
  'export:print': [{ id: 1 }],
  'export:fonts': [{}],
  'notice:seen': [{ key: 'missing-fonts' }],
  'notice:mark': [{ key: 'missing-fonts' }],
  'archive:status': [{}],
  'backup:list': [{}],
  'backup:create': [{}],
  'backup:saveAs': [{}],
  'backup:restore': [{}, { name: 'nianbao-20250101-093000-daily.sqlite' }, { upload: { fileName: 'b.sqlite', dataBase64: 'AAAA' } }],
  'archive:export': [{}],
  'archive:previewImport': [{}, { upload }],
  'archive:applyImport': [{ token: 'a'.repeat(32), decisions: { '某镇人民政府|2024': 'incoming' } }],
  'trend:get': [{ agencyId: 1 }],
  'trend:export': [{ agencyId: 1 }],
  'trend:saveChart': [{ agencyId: 1, chart: 'outcomes', kind: 'png', dataBase64: 'iVBORw0KGgo=' }],
  'rollup:rosters': [{}],
  'rollup:view': [{ organ: '某某县人民政府', year: 2024 }],
  'rollup:addUnits': [{ organ: '某某县人民政府', year: 2024, names: ['东城镇人民政府', '西城镇人民政府'], level: 'township' }],
  'rollup:updateUnit': [{ organ: '某某县人民政府', year: 2024, agency: '东城镇人民政府', status: 'excluded', reason: '已撤并' }],
  'rollup:removeUnit': [{ organ: '某某县人民政府', year: 2024, agency: '东城镇人民政府' }],
  'rollup:acceptAll': [{ organ: '某某县人民政府', year: 2024 }],
  'rollup:collect': [{ organ: '某某县人民政府', year: 2024, file: { fileName: '东城镇.docx', dataBase64: 'UEsDBA==' } }, { organ: '某某县人民政府', year: 2024, file: upload, agency: '东城镇人民政府', addLevel: 'township', acceptUncertain: true }],
  'rollup:contributions': [{ organ: '某某县人民政府', year: 2024, cell: 'requests.granted.0' }],
  'rollup:export': [{ organ: '某某县人民政府', year: 2024, kind: 'sendback', agency: '东城镇人民政府' }, { organ: '某某县人民政府', year: 2024, kind: 'detail' }],
  'agency:mergePlan': [{ from: 2, into: 1 }],
  'agency:merge': [{ from: 2, into: 1, decisions: { '2024': 'keep' } }],
  'report:move': [{ id: 1, agency: '示例县青石镇人民政府' }],
  'report:verify': [{ id: 1, cells: ['requests.granted.0'] }],
  'report:recarry': [{ id: 1 }],
  'export:checks': [{ id: 1, kind: 'docx' }, { id: 1, kind: 'print' }],
  'export:graphic': [{ id: 1, kind: 'svg' }, { id: 1, kind: 'png', size: 'a4' }, { id: 1, kind: 'pdf', size: 'long' }],
  'report:selfCheck': [{ id: 1 }],
  'verify:published': [{ id: 1, file: { fileName: '网站.html', dataBase64: 'PGh0bWw+' } }, { id: 1, text: '某镇2024年政府信息公开工作年度报告' }],
  'verify:export': [
    {
      id: 1,
      result: {
        same: false,
        cells: [{ path: 'requests.granted.0', label: '（一）予以公开 自然人', archived: '5', published: '6' }],
        text: [{ part: '导语', archived: '自2021年1月1日起', published: '自202111日起' }],
        uncertain: ['requests.granted.1'],
      },
    },
  ],
};

/** Fields whose content is checked by the report validator inside the handler, not by the schema. */
const OPAQUE = new Set(['report', 'text']);

const PATHS = ['..\\..\\x', '../../etc/passwd', 'C:\\Windows\\system32\\x.dll', '/etc/passwd', '\\\\server\\share\\a', 'a/b', 'x\u0000y'];

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(v: unknown, path: (string | number)[] = []): Leaf[] {
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.entries(v).flatMap(([k, x]) => (OPAQUE.has(k) && path.length === 0 ? [] : leaves(x, [...path, k])));
  return [{ path, value: v }];
}
function withLeaf(input: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path.at(-1)!] = value;
  return copy;
}

/** Handlers that record a call: a refused input must never reach one. */
function spies() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => (calls.push(c), null)])) as unknown as Handlers;
  return { calls, handlers };
}

describe.each(CHANNELS)('%s', (channel) => {
  const samples = VALID[channel] as unknown[];

  it('accepts its documented input', async () => {
    const { handlers, calls } = spies();
    for (const s of samples) expect(await dispatch(handlers, channel, s)).toMatchObject({ ok: true });
    expect(calls.length).toBe(samples.length);
  });

  it('refuses non-objects, extra fields, wrong types, huge and path-like strings without calling the handler', async () => {
    const { handlers, calls } = spies();
    const bad: unknown[] = [null, undefined, 'x', 42, [], [samples[0]]];
    for (const s of samples) {
      bad.push({ ...(s as object), extra: 1 }, { ...(s as object), __proto__: { polluted: true }, constructor: 'x' });
      for (const { path, value } of leaves(s)) {
        if (path.length === 0) continue;
        const key = String(path.at(-1));
        const isRecordValue = path[0] === 'decisions';
        const wrong = typeof value === 'string' ? [1, true, ...(key === 'level' ? [] : [null]), {}, ['x']] : typeof value === 'number' ? ['1', -1, 1.5, 1e300, NaN, null] : typeof value === 'boolean' ? ['true', 1] : [];
        for (const w of wrong) bad.push(withLeaf(s, path, w));
        if (typeof value === 'string') {
          bad.push(withLeaf(s, path, 'x'.repeat(key === 'dataBase64' ? 200_000_001 : 1_000_001)));
          if (!isRecordValue) for (const p of PATHS) bad.push(withLeaf(s, path, p));
        }
      }
    }
    for (const input of bad) {
      const r = await dispatch(handlers, channel, input);
      expect(r.ok, `${channel} accepted ${JSON.stringify(input)?.slice(0, 120)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.message).toMatch(/^请求参数有误/);
      }
    }
    expect(calls).toEqual([]);
  });
});

describe('file paths', () => {
  it('no channel takes a path from the page: only names validated against separators', () => {
    const keys = new Set<string>();
    for (const samples of Object.values(VALID)) for (const s of samples as unknown[]) for (const l of leaves(s)) keys.add(l.path.map(String).filter((k) => !k.includes('|')).join('.'));
    const pathish = [...keys].filter((k) => /path|file|dir|folder|dest|target|out/i.test(k.split('.').at(-1)!));
    // Both are the browser's name of an uploaded file (bytes), validated against separators.
    expect(pathish.sort()).toEqual(['file.fileName', 'upload.fileName']);
    expect(SCHEMAS['backup:restore'].safeParse({ name: '../nianbao-20250101-093000-daily.sqlite' }).success).toBe(false);
    expect(SCHEMAS['backup:restore'].safeParse({ name: 'nianbao-20250101-093000-daily.sqlite', upload }).success).toBe(false);
  });

  it('agency names like ..\\..\\x are refused on create and rename', async () => {
    const { handlers } = spies();
    for (const name of ['..\\..\\x', '../x', 'a\\b', 'a/b', '\u0007', ' ', 'x'.repeat(101)]) {
      expect((await dispatch(handlers, 'report:create', { agency: name, year: 2024 })).ok).toBe(false);
      expect((await dispatch(handlers, 'agency:update', { id: 1, name })).ok).toBe(false);
    }
  });
});

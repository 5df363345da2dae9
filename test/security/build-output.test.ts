/** What ships: the CSP of the built page and the surface of the built preload. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../report/api';
import { ensureBuilt, ROOT } from '../packaging/build';

beforeAll(() => ensureBuilt(), 120_000);

function csp(): Map<string, string[]> {
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta[^>]+http-equiv="Content-Security-Policy"[^>]*content="([^"]+)"/gi)];
  expect(metas).toHaveLength(1);
  return new Map(
    metas[0]![1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map((p) => [p[0]!, p.slice(1)]),
  );
}

describe('the built page', () => {
  it('has a CSP with no remote origin and no unsafe script sources', () => {
    const policy = csp();
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const [directive, sources] of policy) {
      for (const s of sources) {
        expect(s, `${directive} ${s}`).not.toMatch(/^(https?:|wss?:|\*|http|blob:|filesystem:)/);
        expect(s, `${directive} ${s}`).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
      }
    }
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-src']) expect(policy.get(d)).toEqual(["'none'"]);
  });

  it('loads no script or stylesheet from outside the app, and no inline script', () => {
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
      expect(m[0]).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) expect(m[2]!.trim(), 'inline script').toBe('');
  });
});

describe('the built preload', () => {
  it('exposes exactly window.api with the documented methods, each calling its own channel', async () => {
    const code = readFileSync(join(ROOT, 'out/preload/index.js'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (channel: string, input: unknown) => (invoked.push([channel, input]), { ok: true, value: null }) },
    };
    const module = { exports: {} };
    // A sandboxed preload gets only require('electron'): anything else it asks for is a failure.
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`sandboxed preload cannot require ${name}`);
    };
    runInNewContext(code, { require: fakeRequire, module, exports: module.exports, console, Object, Promise });
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(required).toEqual(['electron']);
    const api = exposed.api as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const [method, channel] of Object.entries(API_METHODS)) {
      invoked.length = 0;
      await api[method]!({ probe: method });
      expect(invoked).toEqual([[channel, { probe: method }]]);
    }
    // Nothing that could reach Node or IPC directly.
    for (const k of ['ipcRenderer', 'invoke', 'send', 'require', 'process']) expect(k in api).toBe(false);
  });
});

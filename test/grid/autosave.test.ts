import { describe, expect, it } from 'vitest';
import type { Result, SaveResult } from '../../report/api';
import { Autosaver, type SaveState, type Timers } from '../../renderer/src/model/autosave';
import { countdown } from '../../renderer/src/model/deadline';
import { diffReports } from '../../renderer/src/model/diff';
import { emptyReport } from '../../report';

/** Manual timers: time moves only when the test says so. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => (due.set(++seq, { at: now + ms, fn }), seq),
    clear: (h) => void due.delete(h as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now && due.has(id)) {
        due.delete(id);
        t.fn();
        await Promise.resolve();
      }
    }
  };
  return { timers, advance };
}

const ok = (v: string, version = 1): Result<SaveResult> => ({ ok: true, value: { savedAt: v, summary: { version }, conflict: null } as unknown as SaveResult });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('autosave', () => {
  it('debounces: many changes within the delay make one save of the newest state', async () => {
    const { timers, advance } = fakeTimers();
    const saved: string[] = [];
    const a = new Autosaver<string>(async (v) => (saved.push(v), ok(v)), () => {}, 600, 3000, timers);
    a.schedule('a');
    await advance(300);
    a.schedule('ab');
    await advance(300);
    expect(saved).toEqual([]);
    await advance(300);
    await tick();
    expect(saved).toEqual(['ab']);
  });

  it('never runs two saves at once; a change made during a save is saved after it', async () => {
    const { timers, advance } = fakeTimers();
    let inFlight = 0;
    let most = 0;
    const saved: string[] = [];
    const release: (() => void)[] = [];
    const save = (v: string) =>
      new Promise<Result<SaveResult>>((res) => {
        inFlight++;
        most = Math.max(most, inFlight);
        release.push(() => (inFlight--, saved.push(v), res(ok(v))));
      });
    const a = new Autosaver<string>(save, () => {}, 600, 3000, timers);
    a.schedule('1');
    await advance(600);
    a.schedule('2');
    await advance(600); // its timer fires while '1' is still saving
    expect(inFlight).toBe(1);
    release.shift()!();
    await tick();
    await advance(0);
    expect(inFlight).toBe(1);
    release.shift()!();
    await tick();
    expect(saved).toEqual(['1', '2']);
    expect(most).toBe(1);
  });

  it('flush saves at once and waits; a failure keeps the state and retries', async () => {
    const { timers, advance } = fakeTimers();
    const states: SaveState['kind'][] = [];
    let fail = true;
    const saved: string[] = [];
    const a = new Autosaver<string>(
      async (v) => (fail ? { ok: false, error: { code: 'OFFLINE', message: '断开' } } : (saved.push(v), ok('t'))),
      (s) => states.push(s.kind),
      600, 3000, timers,
    );
    a.schedule('x');
    await a.flush();
    expect(states).toContain('error');
    expect(a.unsaved()).toBe('x');
    fail = false;
    await advance(3000);
    await tick();
    expect(saved).toEqual(['x']);
    expect(states.at(-1)).toBe('saved');
  });
});

describe('deadline countdown and revision diff', () => {
  it('counts whole days to the deadline', () => {
    expect(countdown('2026-01-31', new Date(2026, 0, 21, 23, 50), false)).toMatchObject({ days: 10, text: '距公开截止还有10天', tone: 'soon' });
    expect(countdown('2026-01-31', new Date(2026, 1, 2), false).text).toBe('已超过公开截止日2天');
    expect(countdown('2026-01-31', new Date(2026, 0, 31), false).text).toBe('今天是公开截止日');
    expect(countdown('2026-01-31', new Date(2026, 0, 1), true).text).toBe('已定稿');
  });
  it('names changed cells and text parts', () => {
    const a = emptyReport('gov-2021', '青石镇人民政府', 2025);
    const b = structuredClone(a);
    b.requests.granted![0] = 2;
    b.text.other = '本机关未收取信息处理费。';
    const d = diffReports(a, b);
    expect(d.cells).toEqual([{ path: 'requests.granted.0', name: '（一）予以公开 自然人', before: '0', after: '2' }]);
    expect(d.texts).toEqual(['other']);
  });
});

describe('autosave and the report version', () => {
  it('sends the loaded version, then adopts the version each save answers with', async () => {
    const { timers, advance } = fakeTimers();
    const bases: number[] = [];
    let version = 7;
    const a = new Autosaver<string>(async (_v, base) => (bases.push(base), ok('t', ++version)), () => {}, 600, 3000, timers);
    a.adopt(7);
    a.schedule('a');
    await advance(600);
    await tick();
    a.schedule('b');
    await advance(600);
    await tick();
    expect(bases).toEqual([7, 8]);
    // The close-time save of the page names the newest version too, not the one it opened with.
    expect(a.baseVersion).toBe(9);
  });

  it('a conflict is reported and sticks: later saves keep the old base until the report is reloaded', async () => {
    const { timers, advance } = fakeTimers();
    const bases: number[] = [];
    const states: SaveState[] = [];
    const conflict = (): Result<SaveResult> =>
      ({ ok: true, value: { savedAt: 't', summary: { version: 12 }, conflict: { revisionId: 5, changedAt: '2026-01-12T02:31:02Z' } } }) as unknown as Result<SaveResult>;
    const a = new Autosaver<string>(async (_v, base) => (bases.push(base), conflict()), (s) => states.push(s), 600, 3000, timers);
    a.adopt(3);
    a.schedule('mine');
    await advance(600);
    await tick();
    expect(a.current).toEqual({ kind: 'conflict', revisionId: 5, changedAt: '2026-01-12T02:31:02Z' });
    a.schedule('more');
    expect(a.current.kind).toBe('conflict'); // never 「有修改，即将保存」 over the conflict
    await advance(600);
    await tick();
    expect(bases).toEqual([3, 3]); // not the archive's 12: that would overwrite the newer state
    a.adopt(12); // reloaded
    expect(a.current).toEqual({ kind: 'idle' });
    expect(a.baseVersion).toBe(12);
  });
});

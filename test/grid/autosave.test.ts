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

const ok = (v: string): Result<SaveResult> => ({ ok: true, value: { savedAt: v } as SaveResult });
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

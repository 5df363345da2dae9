/**
 * main/app/close-guard.ts on a stand-in window: a close the page holds because a save failed can
 * always be completed (仍然关闭), never silently swallowed; a normal held close (save in flight) asks
 * nothing; a hung page can be force-closed, and the question goes away when it answers again.
 */
import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { guardClose, GRACE_MS } = await import('../../main/app/close-guard');

class Win extends EventEmitter {
  webContents = new EventEmitter();
  destroyed = false;
  closes = 0;
  close() {
    this.closes++;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function setup(answers: { sync?: number[]; async?: (number | 'hang')[] } = {}) {
  const win = new Win();
  const asked: (MessageBoxOptions & { sync: boolean; aborted?: boolean })[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  guardClose(
    win as never,
    {
      askSync: (o) => (asked.push({ ...o, sync: true }), answers.sync?.shift() ?? (o.cancelId as number)),
      ask: (o) => {
        const box = { ...o, sync: false };
        asked.push(box);
        const a = answers.async?.shift() ?? (o.cancelId as number);
        if (a !== 'hang') return Promise.resolve({ response: a, checkboxChecked: false });
        return new Promise((resolve) =>
          o.signal?.addEventListener('abort', () => {
            (box as { aborted?: boolean }).aborted = true;
            resolve({ response: o.cancelId as number, checkboxChecked: false });
          }),
        );
      },
    },
    {
      title: 't',
      timer: {
        set: (fn, ms) => {
          const t = { fn, ms, cleared: false };
          timers.push(t);
          return t;
        },
        clear: (t) => void ((t as { cleared: boolean }).cleared = true),
      },
    },
  );
  /** Fires will-prevent-unload; true when the guard let the window close (preventDefault). */
  const holdClose = () => {
    let allowed = false;
    win.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
    return allowed;
  };
  const fireTimers = () => timers.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.fn()));
  return { win, asked, timers, holdClose, fireTimers };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('close guard', () => {
  it('a close held for a save in flight asks nothing; the page closes the window itself', () => {
    const { asked, timers, holdClose, win } = setup();
    expect(holdClose()).toBe(false);
    expect(asked).toEqual([]);
    expect(timers[0]!.ms).toBe(GRACE_MS);
    win.emit('closed'); // the save landed and the page closed the window
    expect(timers[0]!.cleared).toBe(true);
  });

  it('still held after the grace time (the save failed): asks, and 仍然关闭 closes the window past the page\'s handler', async () => {
    const { asked, holdClose, fireTimers, win } = setup({ async: [0] });
    holdClose();
    fireTimers();
    await flush();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ sync: false, message: '还有修改未能保存', buttons: ['仍然关闭', '取消'], defaultId: 1, cancelId: 1 });
    expect(asked[0]!.detail).toMatch(/历史版本/);
    expect(asked[0]!.detail).toMatch(/关闭后就会丢失/);
    expect(win.closes).toBe(1);
    // The close that follows is held again by the page: now it goes through, without another question.
    expect(holdClose()).toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('取消 keeps the window; the next × asks again at once, and 仍然关闭 then lets it close', async () => {
    const { asked, holdClose, fireTimers, win } = setup({ async: [1], sync: [0] });
    holdClose();
    fireTimers();
    await flush();
    expect(win.closes).toBe(0);
    expect(holdClose()).toBe(false); // a fresh grace period: maybe the clerk fixed the problem
    expect(holdClose()).toBe(true); // clicked × again: asked now, synchronously
    expect(asked.map((a) => a.sync)).toEqual([false, true]);
  });

  it('a second × during the grace time asks at once; 取消 keeps everything', () => {
    const { asked, holdClose, timers } = setup({ sync: [1] });
    holdClose();
    expect(holdClose()).toBe(false);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.sync).toBe(true);
    expect(timers[0]!.cleared).toBe(true);
  });

  it('a hung page: 等待 / 强制关闭; 强制关闭 destroys the window (no beforeunload needed)', async () => {
    const { asked, win } = setup({ async: [1] });
    win.emit('unresponsive');
    await flush();
    expect(asked[0]).toMatchObject({ message: '窗口没有响应', buttons: ['等待', '强制关闭'], defaultId: 0, cancelId: 0 });
    expect(win.destroyed).toBe(true);
  });

  it('a hung page that answers again: the question closes by itself and nothing is destroyed; 等待 waits', async () => {
    const a = setup({ async: ['hang'] });
    a.win.emit('unresponsive');
    a.win.emit('unresponsive'); // repeated while asking: one question
    expect(a.asked).toHaveLength(1);
    a.win.emit('responsive');
    await flush();
    expect((a.asked[0] as { aborted?: boolean }).aborted).toBe(true);
    expect(a.win.destroyed).toBe(false);
    const b = setup({ async: [0] });
    b.win.emit('unresponsive');
    await flush();
    expect(b.win.destroyed).toBe(false);
  });
});

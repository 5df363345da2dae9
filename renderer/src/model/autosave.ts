/**
 * Saving behind the clerk's back: every change is saved within a second of the last keystroke,
 * one save at a time (a save never overtakes an earlier one, so the archive always ends with the
 * newest state), and a failed save keeps the unsaved state and tries again. Pure: the timer and
 * the save call are passed in, so the order of events can be tested without a browser.
 *
 * Every save names the report's version it is based on: the version loaded, then the one each
 * successful save answers with. When the archive answers that the report changed elsewhere, the
 * content was kept as a revision, not written over the newer state; the saver then reports a
 * conflict and keeps that base, so later saves from this stale editor are kept the same way.
 */
import type { ApiError, Result, SaveResult } from '../../../report/api';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: ApiError; retrying: boolean }
  /** The report changed elsewhere since this editor's version; `changedAt` is when. */
  | { kind: 'conflict'; changedAt: string; revisionId: number };

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Errors that another try cannot fix (the report is final, deleted, or the data is refused). */
const PERMANENT = new Set(['INVALID', 'CONFLICT', 'NOT_FOUND', 'BAD_INPUT']);

export class Autosaver<T> {
  private pending: T | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private state: SaveState = { kind: 'idle' };
  private base = 0;
  private conflict: Extract<SaveState, { kind: 'conflict' }> | null = null;
  /** Number of saves started, for tests that no two overlap. */
  started = 0;

  constructor(
    private readonly save: (value: T, baseVersion: number) => Promise<Result<SaveResult>>,
    private readonly onState: (s: SaveState, result?: SaveResult) => void,
    private readonly delayMs = 600,
    private readonly retryMs = 3000,
    private readonly timers: Timers = realTimers,
  ) {}

  /** The version the editor's content is based on (after loading or reloading the report). */
  adopt(version: number): void {
    this.base = version;
    if (this.conflict) {
      this.conflict = null;
      this.setState({ kind: 'idle' });
    }
  }

  get baseVersion(): number {
    return this.base;
  }

  /** A new state to save; replaces any not yet saved. */
  schedule(value: T): void {
    this.pending = value;
    this.setState({ kind: 'pending' });
    this.arm(this.delayMs);
  }

  /** The state not yet handed to a save (for a last-chance save when the page closes). */
  unsaved(): T | null {
    return this.pending;
  }

  /** Why the archive refused the waiting state for good (e.g. the report was finalised elsewhere), or null. */
  get refused(): ApiError | null {
    return this.pending !== null && this.state.kind === 'error' && !this.state.retrying ? this.state.error : null;
  }

  get busy(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves now whatever is waiting and resolves when nothing is left unsaved (or a save failed). */
  async flush(): Promise<void> {
    this.disarm();
    while (this.inFlight || this.pending !== null) {
      if (this.inFlight) await this.inFlight;
      else {
        const ok = await this.run();
        if (!ok) return;
      }
    }
  }

  /** Drops a waiting state (the report was replaced from the archive, e.g. a restored revision). */
  discard(): void {
    this.disarm();
    this.pending = null;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  /** Starts one save unless one is running (a waiting state is picked up when it ends). */
  private run(): Promise<boolean> {
    if (this.inFlight) return this.inFlight.then(() => true);
    const value = this.pending;
    if (value === null) return Promise.resolve(true);
    this.pending = null;
    this.started++;
    this.setState({ kind: 'saving' });
    const done = this.save(value, this.base)
      .catch((): Result<SaveResult> => ({ ok: false, error: { code: 'OFFLINE', message: '保存请求没有送达本机服务' } }))
      .then((r) => {
        this.inFlight = null;
        const ok = this.settle(value, r);
        // A change made during the save whose timer already fired: save it now.
        if (ok && this.pending !== null && this.timer === null) this.arm(0);
        return ok;
      });
    this.inFlight = done.then(() => undefined);
    return done;
  }

  private settle(value: T, r: Result<SaveResult>): boolean {
    if (r.ok && r.value.conflict) {
      // Kept as a revision by main; this editor's base stays old, so nothing it sends overwrites the newer state.
      this.conflict = { kind: 'conflict', ...r.value.conflict };
      this.setState(this.conflict);
      return true;
    }
    if (r.ok) {
      this.base = r.value.summary.version;
      if (this.pending === null) this.setState({ kind: 'saved', at: r.value.savedAt }, r.value);
      else this.onState({ kind: 'pending' }, r.value);
      return true;
    }
    // Keep what failed unless something newer is already waiting.
    if (this.pending === null) this.pending = value;
    const retrying = !PERMANENT.has(r.error.code);
    this.setState({ kind: 'error', error: r.error, retrying });
    if (retrying) this.arm(this.retryMs);
    return false;
  }

  private setState(next: SaveState, result?: SaveResult): void {
    // Until the editor reloads, the conflict is what it must show (saving and failing still show).
    const s = this.conflict && (next.kind === 'pending' || next.kind === 'saving' || next.kind === 'saved' || next.kind === 'idle') ? this.conflict : next;
    this.state = s;
    this.onState(s, result);
  }

  get current(): SaveState {
    return this.state;
  }
}

/** 「已保存 10:31:02」 from an ISO time, in the clerk's local time. */
export function savedLabel(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `已保存 ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

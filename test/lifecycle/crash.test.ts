/**
 * Crash safety: a child process saving in a loop is killed with SIGKILL at random moments. After
 * every kill the archive must pass integrity_check and hold every save the child had acknowledged.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseArchive } from '../../main/lifecycle/startup';
import { tempDir } from './helpers';

const KILLS = 50;

function runUntilKilled(file: string, backupsDir: string, afterAcks: number): Promise<{ ready: number; lastAck: number }> {
  return new Promise((done, fail) => {
    // In-process tsx: the tsx CLI would run the script in a grandchild that SIGKILL does not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/lifecycle/fixtures/crash-child.ts'), file, backupsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ready = -1;
    let lastAck = -1;
    let acks = 0;
    let buf = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        const [tag, value] = line.split(' ');
        if (tag === 'READY') ready = Number(value);
        if (tag === 'ACK') {
          lastAck = Number(value);
          if (++acks === afterAcks) child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done({ ready, lastAck });
      else fail(new Error(`child exited on its own (${code}): ${err}`));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save across ${KILLS} SIGKILLs`, async () => {
    const dir = tempDir();
    const file = join(dir, 'archive.sqlite');
    const backupsDir = join(dir, 'backups');
    let expected = 0;
    for (let i = 0; i < KILLS; i++) {
      // Kill after a random number of saves, and so at a random point inside a save.
      const { ready, lastAck } = await runUntilKilled(file, backupsDir, 1 + Math.floor(Math.random() * 40));
      expect(ready).toBeGreaterThanOrEqual(expected);
      const d = diagnoseArchive(file);
      expect(d.uncleanShutdown).toBe(true); // the marker is there, so the full check ran
      expect(d.status).toBe('ok');
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const body = JSON.parse((db.prepare('SELECT body FROM reports').get() as { body: string }).body);
      db.close();
      const stored = body.requests[Object.keys(body.requests)[0]!][0] as number;
      // Every acknowledged save is there; the one in flight at the kill may or may not be.
      expect(stored === lastAck || stored === lastAck + 1).toBe(true);
      expect(body.text.problems).toContain(`第${stored}次保存`);
      expected = stored;
    }
    // 50 child processes each start tsx: minutes on a loaded 2-core machine. The bound only stops a hang.
  }, 900_000);
});

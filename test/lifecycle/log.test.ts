import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createFileLogger } from '../../main/log';
import { edited, setup, tempDir } from './helpers';

describe('the log', () => {
  it('rotates at 1 MB and keeps three old files', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    const big = 'x'.repeat(10_000);
    for (let i = 0; i < 500; i++) log('line', { i, big });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['nianbao.log', 'nianbao.log.1', 'nianbao.log.2', 'nianbao.log.3']);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThan(1_100_000);
  });

  it('records a failed report:save with channel, id and cause, but no cell values or text', async () => {
    const logDir = tempDir();
    const log = createFileLogger(logDir);
    const { call, services } = setup({ log });
    const o = await call('report:create', { agency: '某镇人民政府', year: 2024 });
    // Make the next write fail the way an unexpected error would.
    services.handle().db.exec("CREATE TRIGGER fail BEFORE UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    const report = edited(o.report, '绝密的正文内容', 987654);
    const r = await dispatch(services.handlers, 'report:save', { id: o.summary.id, report, baseVersion: o.summary.version }, log);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    const text = readFileSync(join(logDir, 'nianbao.log'), 'utf8');
    expect(text).toContain('report:save');
    expect(text).toContain(`"id":${o.summary.id}`);
    expect(text).toContain('simulated failure');
    expect(text).not.toContain('绝密的正文内容');
    expect(text).not.toContain('987654');
    expect(text).not.toContain('某镇人民政府');
    expect(existsSync(join(logDir, 'nianbao.log.1'))).toBe(false);
    services.close();
  });
});

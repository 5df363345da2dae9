import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { openArchive } from '../../main/db/open';
import { caller, edited } from './helpers';

describe('revisions', () => {
  it('restoring a revision is itself a new revision, and every earlier state survives', async () => {
    const db = openArchive(':memory:');
    let clock = new Date('2025-01-10T08:00:00Z');
    const call = caller(createHandlers({ db, now: () => clock }));
    const step = () => (clock = new Date(clock.getTime() + 10 * 60 * 1000)); // past the 5-minute window

    const o = await call('report:create', { agency: '某镇人民政府', year: 2024 });
    const states = ['第一稿', '第二稿', '第三稿'];
    let version = o.summary.version;
    for (const [i, s] of states.entries()) {
      step();
      version = (await call('report:save', { id: o.summary.id, report: edited(o.report, s, i + 1), baseVersion: version })).summary.version;
    }
    const before = await call('report:revisions', { id: o.summary.id });
    const target = before[before.length - 2]!; // the first edit
    expect((await call('report:revision', { id: o.summary.id, revisionId: target.id })).text.overview).toContain('第一稿');

    step();
    const restored = await call('report:restore', { id: o.summary.id, revisionId: target.id });
    expect(restored.report.text.overview).toContain('第一稿');
    const after = await call('report:revisions', { id: o.summary.id });
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ reason: 'restore' });
    expect(after[0]!.note).toContain(String(target.id));
    // Nothing is lost: the state the restore replaced is still there, as are all the others.
    const bodies = await Promise.all(after.map((r) => call('report:revision', { id: o.summary.id, revisionId: r.id })));
    for (const s of states) expect(bodies.some((b) => b.text.overview.includes(s))).toBe(true);

    // An edit right after the restore does not overwrite the restore revision.
    await call('report:save', { id: o.summary.id, report: edited(restored.report, '恢复后修改', 9), baseVersion: restored.summary.version });
    const latest = await call('report:revisions', { id: o.summary.id });
    expect(latest.find((r) => r.reason === 'restore')).toBeTruthy();
    const restoreBody = await call('report:revision', { id: o.summary.id, revisionId: latest.find((r) => r.reason === 'restore')!.id });
    expect(restoreBody.text.overview).not.toContain('恢复后修改');
    db.close();
  });
});

/** The 图解 and 发布前自查 channels through dispatch: the export leaves a note that 自查 reads; a later change asks for a new 图解. */
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { browserHost } from '../../main/export/host';
import { storeImported } from '../../main/db/store';
import { openArchive } from '../../main/db/open';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);

function setup() {
  const db = openArchive(tmp.file(`g${Math.random().toString(36).slice(2)}.sqlite`));
  storeImported(db, qingshi2023());
  const b = storeImported(db, qingshi2024()).row;
  let clock = Date.parse('2025-01-10T02:00:00Z');
  const handlers = createHandlers({ db, host: browserHost, now: () => new Date((clock += 60_000)) });
  return { db, id: b.id, handlers };
}

const itemOf = async (handlers: ReturnType<typeof setup>['handlers'], id: number, item: string) => {
  const r = await dispatch(handlers, 'report:selfCheck', { id });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.find((i) => i.id === item)!;
};

describe('图解 and 自查 channels', () => {
  it('export:graphic delivers the SVG named after the report; 自查 then counts the 图解 as made, until the report changes', async () => {
    const { id, handlers } = setup();
    expect((await itemOf(handlers, id, 'graphic')).state).toBe('look');
    const r = await dispatch(handlers, 'export:graphic', { id, kind: 'svg', size: 'long' });
    expect(r.ok && r.value).toMatchObject({ saved: true, fileName: '示例县青石镇人民政府2024年政府信息公开工作年度报告（图解·长图）.svg', download: { mime: 'image/svg+xml' } });
    const svg = Buffer.from((r.ok && r.value.download?.base64) || '', 'base64').toString('utf8');
    expect(svg).toContain('data-path="requests.newReceived.6">9<');
    // Last year is archived: the drafted line compares with it.
    expect(svg).toMatch(/较上年(增加|减少)\d+件|与上年持平/);
    expect(await itemOf(handlers, id, 'graphic')).toMatchObject({ state: 'pass', detail: expect.stringContaining('2025年1月10日') });

    const opened = await dispatch(handlers, 'report:open', { id });
    if (!opened.ok) throw new Error(opened.error.message);
    const changed = { ...opened.value.report, text: { ...opened.value.report.text, overview: `${opened.value.report.text.overview}\n补充一句。` } };
    const saved = await dispatch(handlers, 'report:save', { id, report: changed, baseVersion: opened.value.summary.version });
    expect(saved.ok).toBe(true);
    expect((await itemOf(handlers, id, 'graphic')).detail).toContain('之后报告又改过');
  });

  it('report:selfCheck compares with every earlier year and names the report', async () => {
    const { id, handlers } = setup();
    const r = await dispatch(handlers, 'report:selfCheck', { id });
    expect(r.ok && r.value.title).toBe('示例县青石镇人民政府2024年政府信息公开工作年度报告');
    expect(r.ok && r.value.items.find((i) => i.id === 'repeat')!.detail).toContain('2023');
    expect(r.ok && r.value.items.find((i) => i.id === 'carry')!.state).toBe('pass');
    expect(await dispatch(handlers, 'report:selfCheck', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('export:graphic needs a host (the CLI writes its own file)', async () => {
    const { db, id } = setup();
    expect(await dispatch(createHandlers({ db }), 'export:graphic', { id, kind: 'svg' })).toMatchObject({ ok: false });
  });
});

/** The 历年对比 channels through dispatch: the table of one agency, deleted reports left out, the .xlsx and the charts saved only as what they claim to be. */
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { browserHost } from '../../main/export/host';
import { storeImported } from '../../main/db/store';
import { openArchive } from '../../main/db/open';
import { softDelete } from '../../main/db/reports';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

function setup() {
  const db = openArchive(tmp.file(`c${Math.random().toString(36).slice(2)}.sqlite`));
  const a = storeImported(db, qingshi2023()).row;
  const b = storeImported(db, qingshi2024()).row;
  return { db, agencyId: a.agencyId, ids: [a.id, b.id], handlers: createHandlers({ db, host: browserHost }) };
}

describe('trend channels', () => {
  it('trend:get gives every live year of the agency; a deleted report drops out', async () => {
    const { db, agencyId, ids, handlers } = setup();
    const r = await dispatch(handlers, 'trend:get', { agencyId });
    expect(r.ok && r.value.years).toEqual([2023, 2024]);
    softDelete(db, ids[0]!, '2026-01-01T00:00:00Z');
    const after = await dispatch(handlers, 'trend:get', { agencyId });
    expect(after.ok && after.value.years).toEqual([2024]);
    expect(await dispatch(handlers, 'trend:get', { agencyId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('trend:export delivers an .xlsx named after the agency and the years', async () => {
    const { agencyId, handlers } = setup();
    const r = await dispatch(handlers, 'trend:export', { agencyId });
    expect(r.ok && r.value.fileName).toBe('示例县青石镇人民政府政府信息公开年度报告历年对比（2023—2024年）.xlsx');
    expect(Buffer.from((r.ok && r.value.download?.base64) || '', 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('trend:saveChart saves a PNG or an SVG, and refuses bytes that are neither', async () => {
    const { agencyId, handlers } = setup();
    const png = await dispatch(handlers, 'trend:saveChart', { agencyId, chart: 'outcomes', kind: 'png', dataBase64: PNG });
    expect(png.ok && png.value).toMatchObject({ fileName: '示例县青石镇人民政府历年对比-办理结果（2023—2024年）.png', download: { mime: 'image/png' } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>').toString('base64');
    expect(await dispatch(handlers, 'trend:saveChart', { agencyId, chart: 'appeals', kind: 'svg', dataBase64: svg })).toMatchObject({ ok: true });
    const fake = await dispatch(handlers, 'trend:saveChart', { agencyId, chart: 'appeals', kind: 'png', dataBase64: svg });
    expect(fake).toMatchObject({ ok: false, error: { message: '图表内容不是PNG 图片' } });
    expect(await dispatch(createHandlers({ db: setup().db }), 'trend:export', { agencyId })).toMatchObject({ ok: false });
  });
});

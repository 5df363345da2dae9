/**
 * Import into the clerk's own agency (issue 21 #7): with a 本机关 in the archive, a file naming an
 * agency of the same place in another form (「洪泽区人民政府」 for 「淮安市洪泽区人民政府」) goes to the
 * 本机关 by default — also when the dialog sent no agency; a different place still goes to a new
 * reference agency under the file's name.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type ReportHandlers } from '../../main/api/handlers';
import { openArchive, type Db } from '../../main/db/open';
import { qingshi2023 } from '../helpers/fixtures';
import { renderReport } from '../import/helpers';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
let db: Db;
let n = 0;
let clock = Date.parse('2026-01-10T09:00:00Z');
const now = () => new Date((clock += 1000));
type Sync = { [C in keyof ReportHandlers]: (input: Parameters<ReportHandlers[C]>[0]) => Awaited<ReturnType<ReportHandlers[C]>> };
const h = () => createHandlers({ db, now }) as unknown as Sync;
const OWN = '淮安市洪泽区人民政府';
const published = (agency: string) => `${renderReport({ ...qingshi2023(), agency, closing: { agency, date: '2024-01-22' } }, 'pipe')}\n2024年1月22日`;

beforeEach(() => {
  db = openArchive(tmp.file(`o${n++}.sqlite`));
  const own = h()['report:create']({ agency: OWN, year: 2024 });
  h()['agency:update']({ id: own.summary.agencyId, own: true });
  // A reference agency of another place is in the archive too.
  h()['report:create']({ agency: '示例县白沙镇人民政府', year: 2024 });
});

describe('存入机关 defaults to the 本机关 for the same place', () => {
  it.each([
    ['洪泽区人民政府', OWN],
    ['洪泽区政府', OWN],
    ['淮安市洪泽区人民政府', OWN],
    ['洪泽县人民政府', OWN],
    ['江苏省淮安市洪泽区政府', OWN],
  ])('file 「%s」 with the 本机关 chosen → %s', async (read, expected) => {
    const p = await h()['import:preview']({ text: published(read), agency: OWN });
    expect(p.agencyRead).toBe(read);
    expect(p.suggestedAgency).toBe(expected);
  });

  it.each(['洪泽区人民政府', '洪泽县人民政府'])('file 「%s」 with no agency sent → the 本机关', async (read) => {
    const p = await h()['import:preview']({ text: published(read) });
    expect(p.suggestedAgency).toBe(OWN);
  });

  it('a different place still goes to a new agency under the file name', async () => {
    const p = await h()['import:preview']({ text: published('淮安市淮阴区人民政府'), agency: OWN });
    expect(p.suggestedAgency).toBeNull();
    const q = await h()['import:preview']({ text: published('盱眙县人民政府') });
    expect(q.suggestedAgency).toBeNull();
  });
});

import { printable } from '../../../report/agency';
import { listReports } from '../../db/reports';
import { withCurrentCounts } from '../../db/findings';
import { closeArchive } from '../../db/open';
import { openIfExists, type CliIo } from '../io';

const STATUS = { draft: '草稿', final: '已定稿' } as const;

export function listCommand(opts: { db?: string; json?: boolean }, io: CliIo): number {
  const db = openIfExists(opts.db, io);
  const rows = db ? withCurrentCounts(db, listReports(db)) : [];
  if (db) closeArchive(db);
  if (opts.json) {
    io.out(JSON.stringify(rows.map(({ id, agency, year, format, status, errors, warnings, updatedAt }) => ({ id, agency, year, format, status, errors, warnings, updatedAt })), null, 2));
    return 0;
  }
  if (!rows.length) {
    io.err('档案中还没有报告。');
    return 0;
  }
  io.out(['机关\t年度\t格式\t状态\t错误\t提醒\t最后保存', ...rows.map((r) => `${printable(r.agency)}\t${r.year}\t${r.format}\t${STATUS[r.status]}\t${r.errors}\t${r.warnings}\t${r.updatedAt}`)].join('\n'));
  return 0;
}

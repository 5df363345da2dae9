import { createHandlers } from '../../api/handlers';
import { printable } from '../../../report/agency';
import { closeArchive } from '../../db/open';
import { openForWrite, parseYear, requireOption, type CliIo } from '../io';

export async function newCommand(opts: { db?: string; agency?: string; year?: string; 'carry-over'?: boolean }, io: CliIo): Promise<number> {
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  const db = openForWrite(opts.db, io);
  try {
    const carry = opts['carry-over'] ?? false;
    const { summary } = await createHandlers({ db })['report:create']({ agency, year, carryOver: carry });
    io.err(`已新建“${printable(summary.agency)}”${summary.year}年度报告（${summary.format}），各表已填0。`);
    if (carry) io.err(`已自${year - 1}年度报告结转 ${summary.carried.length} 个数字（上年结转${summary.format === 'gov-2021' ? '、现行有效件数' : ''}）。`);
    return 0;
  } finally {
    closeArchive(db);
  }
}

import { createHandlers } from '../../api/handlers';
import { closeArchive } from '../../db/open';
import { openForWrite, parseYear, requireOption, type CliIo } from '../io';

export async function newCommand(opts: { db?: string; agency?: string; year?: string }, io: CliIo): Promise<number> {
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  const db = openForWrite(opts.db, io);
  try {
    const { summary } = await createHandlers({ db })['report:create']({ agency, year });
    io.err(`已新建“${summary.agency}”${summary.year}年度报告（${summary.format}），各表已填0。`);
    return 0;
  } finally {
    closeArchive(db);
  }
}

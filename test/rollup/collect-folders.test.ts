/**
 * `collect` of a hostile folder (issue 20.3): links that loop back (`loop1 -> .`, `loop2 -> .`), a
 * link to a folder and to a file outside, a FIFO, a 2 GB sparse file. It ends, reads each regular
 * file once, and says for every other entry why it was not read.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { closeArchive, openArchive } from '../../main/db/open';
import { listRevisions } from '../../main/db/revisions';
import { buildExport } from '../../main/export';
import { listRoster } from '../../main/rollup/roster';
import { tempDir } from '../helpers/temp';
import { madeReport } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ORGAN = '测试县人民政府';

describe.skipIf(process.platform === 'win32')('collect reads regular files only', () => {
  it('ends on looping links, reads each file once, refuses a link out, skips a FIFO, refuses a 2 GB sparse file', async () => {
    const inbox = join(tmp.dir, 'inbox');
    const outside = join(tmp.dir, 'outside');
    mkdirSync(join(inbox, 'sub'), { recursive: true });
    mkdirSync(outside);
    const names = ['测试县东风镇人民政府', '测试县红旗镇人民政府', '测试县光明镇人民政府'];
    for (const [i, n] of names.entries()) writeFileSync(join(i === 2 ? join(inbox, 'sub') : inbox, `${n}.json`), (await buildExport(madeReport(n, 2025, i), 'json')).data);
    writeFileSync(join(outside, '测试县向阳镇人民政府.json'), (await buildExport(madeReport('测试县向阳镇人民政府', 2025, 3), 'json')).data);
    symlinkSync('.', join(inbox, 'loop1'));
    symlinkSync('.', join(inbox, 'loop2'));
    symlinkSync('..', join(inbox, 'sub', 'up'));
    symlinkSync(outside, join(inbox, '外部文件夹'));
    symlinkSync(join(outside, '测试县向阳镇人民政府.json'), join(inbox, '外部文件.json'));
    symlinkSync(join(inbox, `${names[0]}.json`), join(inbox, 'sub', '同一个文件.json'));
    execFileSync('mkfifo', [join(inbox, '管道.json')]);
    const big = openSync(join(inbox, '稀疏.docx'), 'w');
    ftruncateSync(big, 2 * 1024 ** 3);
    closeSync(big);

    let err = '';
    const db = tmp.file('a.sqlite');
    const code = await runCli(['collect', inbox, '--into', ORGAN, '--year', '2025', '--db', db, '--add-units'], { out: () => undefined, err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.dir });
    expect(code).toBe(1);
    const lines = err.split('\n').filter((l) => l.startsWith('[已读'));
    const outcome = (name: string) => lines.filter((l) => l.includes(`] ${name}：`));
    expect(outcome('loop1')).toEqual([expect.stringContaining('跳过：是指向文件夹的链接，不跟随读取')]);
    expect(outcome('loop2')).toEqual([expect.stringContaining('跳过：是指向文件夹的链接，不跟随读取')]);
    expect(outcome('up')).toEqual([expect.stringContaining('跳过：是指向文件夹的链接')]);
    expect(outcome('外部文件夹')).toEqual([expect.stringContaining('跳过：是指向文件夹的链接')]);
    expect(outcome('外部文件.json')).toEqual([expect.stringMatching(/未收取：是指向所选文件夹以外的文件（.*outside.*）的链接，未读取/)]);
    expect(outcome('同一个文件.json')).toEqual([expect.stringContaining(`跳过：与“${names[0]}.json”是同一个文件，只读取一次`)]);
    expect(outcome('管道.json')).toEqual([expect.stringContaining('跳过：是管道，不是普通文件，未读取')]);
    expect(outcome('稀疏.docx')).toEqual([expect.stringContaining('未收取：文件过大')]);
    for (const n of names) expect(outcome(`${n}.json`)).toEqual([expect.stringContaining('已保存')]);
    expect(lines).toHaveLength(11);

    const a = openArchive(db);
    const units = listRoster(a, ORGAN, 2025);
    expect(units.map((u) => u.agency).sort()).toEqual([ORGAN, ...names].sort());
    for (const u of units.filter((x) => x.reportId)) expect(listRevisions(a, u.reportId!)).toHaveLength(1);
    closeArchive(a);
  }, 60_000);
});

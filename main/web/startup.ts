/**
 * serve:web's start-up: the same diagnosis as the desktop app and the CLI (lifecycle/startup.ts),
 * with the choices a clerk has in a browser. There is no dialog to click before the page exists,
 * so the choice that keeps the archive untouched and the data reachable is taken, and said:
 *
 * - sound (after the full integrity check when the last run did not close cleanly): open it;
 * - damaged but readable, read-only file or folder, disk nearly full: open it read-only; the page
 *   shows why on every screen, and 「备份与恢复」 there restores a backup (which reopens it
 *   writable) — the desktop's 「从备份恢复」 and 「以只读方式打开」 in one;
 * - unreadable, from a newer version, locked by another program: do not start; print what is
 *   wrong and the commands that are the desktop's other buttons (restore, another file, retry).
 */
import { join } from 'node:path';
import { listBackups } from '../lifecycle/backup';
import type { Diagnosis } from '../lifecycle/startup';

export type WebStart =
  | { kind: 'open'; notes: string[] }
  | { kind: 'readonly'; reason: string | null; notes: string[] }
  | { kind: 'refuse'; message: string };

export interface WebStartOptions {
  /** --readonly was given. */
  readonly: boolean;
  backupsDir: string;
}

const UNCLEAN = '上次没有正常关闭（断电或强制结束），已对档案做了完整的完整性检查。';

/** The reason shown in the page's read-only banner, for the states that open read-only. */
function readonlyReason(d: Diagnosis): string | null {
  switch (d.status) {
    case 'corrupt':
      return `档案文件已损坏（完整性检查未通过）：${d.file}。请在「备份与恢复」中选一个备份恢复（当前文件会先另存一份）；恢复之前可以查看、导出能读出的内容。`;
    case 'readonly':
      return `档案文件或它所在的文件夹不能写入（文件只读、没有权限或在只读的U盘上）：${d.file}。要编辑，请把档案复制到可以写入的位置，用 --db 指定它重新启动网页版。`;
    case 'full':
      return `档案所在的磁盘空间不足，继续编辑可能无法保存：${d.file}。请清理磁盘后重新启动网页版。`;
    default:
      return null;
  }
}

/** The desktop's buttons, as what to type. */
function ways(d: Diagnosis, backupsDir: string): string[] {
  const out: string[] = [];
  if (d.actions.includes('restore-backup')) {
    const recent = listBackups(backupsDir).slice(0, 3).map((b) => `  ${join(backupsDir, b.name)}`);
    out.push(`从备份恢复（当前文件会先另存一份）：npm run cli -- restore 备份文件.sqlite --db "${d.file}"`);
    out.push(...(recent.length ? ['  最近的备份：', ...recent] : [`  （${backupsDir} 中没有备份，请用U盘上的备份文件）`]));
  }
  if (d.actions.includes('retry')) out.push('解决上面的问题后，重新运行 npm run serve:web');
  if (d.actions.includes('choose-file')) out.push('另选档案文件：npm run serve:web -- --db 档案文件.sqlite');
  return out;
}

export function decideWebStart(d: Diagnosis, o: WebStartOptions): WebStart {
  const notes = d.uncleanShutdown && d.status !== 'new' ? [UNCLEAN] : [];
  if (d.status === 'ok') return o.readonly ? { kind: 'readonly', reason: null, notes } : { kind: 'open', notes };
  if (d.status === 'new') {
    if (o.readonly) return { kind: 'refuse', message: `找不到档案文件：${d.file}（只读方式不会新建档案）` };
    return { kind: 'open', notes };
  }
  if (d.actions.includes('open-readonly')) return { kind: 'readonly', reason: readonlyReason(d), notes };
  return { kind: 'refuse', message: [d.message.split('\n\n')[0]!, '', '网页版没有启动，档案没有改动。可以：', ...ways(d, o.backupsDir)].join('\n') };
}

/**
 * main/index.ts with `electron` mocked (test/startup/fake-electron.ts) and SQLite made to fail the
 * ways it fails on real PCs: a failed first open is one question with ways out, never a loop; a
 * SQLite module that cannot load (UOS with the glibc 2.34 prebuild) says so once and quits; an
 * error thrown while starting shows one Chinese dialog naming the log and exits; a second launch
 * brings the start-up question forward; the window gets the close guard, the Chinese menu, no
 * DevTools in the packaged app.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../lifecycle/helpers';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
vi.mock('better-sqlite3', async (importOriginal) => {
  const real = (await importOriginal<{ default: new (f: string, o?: object) => unknown }>()).default;
  const { sqlite } = await import('./fake-electron-sqlite');
  function Database(file: string, options?: object) {
    if (sqlite.mode === 'dlopen')
      throw Object.assign(new Error("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /opt/nianbao/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node)"), { code: 'ERR_DLOPEN_FAILED' });
    if (sqlite.mode === 'cantopen' && file !== ':memory:' && !file.includes('good')) throw Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    return new real(file, options);
  }
  return { default: Database };
});

type Fake = (typeof import('./fake-electron'))['fake'];
let fake: Fake;
let userData = '';
const savedDb = process.env.NIANBAO_DB;

async function launch(setup: (f: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  fake = (await import('./fake-electron')).fake;
  userData = tempDir();
  fake.reset(userData);
  setup(fake);
  await import('../../main/index');
  return fake;
}

/** Waits until the app has settled: quit, exited, or opened its window. */
async function settled(): Promise<void> {
  await vi.waitFor(
    () => {
      if (fake.state.quit === 0 && fake.state.exit === null && fake.BrowserWindow.made.length === 0) throw new Error('still starting');
    },
    { timeout: 10_000, interval: 10 },
  );
}

beforeEach(async () => {
  delete process.env.NIANBAO_DB;
  (await import('./fake-electron-sqlite')).sqlite.mode = 'ok';
});
afterEach(() => {
  if (savedDb === undefined) delete process.env.NIANBAO_DB;
  else process.env.NIANBAO_DB = savedDb;
  // Close the archive the entry opened, so the temp folder is not held.
  fake?.app.emit('will-quit');
});

describe('start-up with Electron mocked', () => {
  it('a failed open of a new archive is one question with the ways out, answered 退出: one dialog, then quit', async () => {
    (await import('./fake-electron-sqlite')).sqlite.mode = 'cantopen';
    await launch((f) => f.state.answers.push((b) => (b.buttons as string[]).indexOf('退出')));
    await settled();
    expect(fake.state.quit).toBe(1);
    expect(fake.BrowserWindow.made).toHaveLength(0);
    expect(fake.state.boxes).toHaveLength(1);
    const box = fake.state.boxes[0]!;
    expect(box.message).toBe('无法打开档案文件');
    expect(box.buttons).toEqual(['另选档案文件', '重试', '退出']);
    expect(box.cancelId).toBe(2); // Esc or closing the dialog = 退出
    expect(box.detail).toContain('没能在这个位置建立档案文件');
    expect(box.detail).toContain('无法写入档案文件所在的文件夹'); // the translated SQLite error
    expect(box.detail).toContain(join(userData, 'logs', 'nianbao.log'));
    expect(readFileSync(join(userData, 'logs', 'nianbao.log'), 'utf8')).toMatch(/start-up action failed.*"action":"open".*DB_READONLY/);
  });

  it('重试 tries once more and asks again (no dialog without a click); 另选档案文件 then opens the chosen file', async () => {
    (await import('./fake-electron-sqlite')).sqlite.mode = 'cantopen';
    const good = join(tempDir(), 'good.sqlite');
    await launch((f) => {
      f.state.answers.push((b) => (b.buttons as string[]).indexOf('重试'), (b) => (b.buttons as string[]).indexOf('另选档案文件'));
      f.state.openPaths.push(good);
    });
    await settled();
    expect(fake.state.boxes.map((b) => b.message)).toEqual(['无法打开档案文件', '无法打开档案文件']);
    expect(fake.BrowserWindow.made).toHaveLength(1);
    expect(existsSync(good)).toBe(true);
    expect(fake.state.quit).toBe(0);
  });

  it('with nobody answering (every dialog closed), the app still quits after one dialog', async () => {
    (await import('./fake-electron-sqlite')).sqlite.mode = 'cantopen';
    await launch();
    await settled();
    expect(fake.state.boxes).toHaveLength(1);
    expect(fake.state.quit).toBe(1);
  });

  it('a SQLite module that cannot load (glibc too old): one error dialog with only 退出, naming the .deb and the log', async () => {
    (await import('./fake-electron-sqlite')).sqlite.mode = 'dlopen';
    await launch((f) => f.state.answers.push(0, 0, 0));
    await settled();
    expect(fake.state.boxes).toHaveLength(1);
    const box = fake.state.boxes[0]!;
    expect(box).toMatchObject({ type: 'error', message: '数据库组件无法加载', buttons: ['退出'] });
    expect(box.detail).toMatch(/GLIBC_2\.34/);
    expect(box.detail).toMatch(/\.deb/);
    expect(box.detail).toContain(join(userData, 'logs', 'nianbao.log'));
    expect(fake.state.quit).toBe(1);
    expect(fake.BrowserWindow.made).toHaveLength(0);
  });

  it('an error thrown in start() (userData cannot be made): one Chinese dialog with the log location, then exit', async () => {
    await launch((f) => {
      const blocker = join(tempDir(), 'not-a-folder');
      writeFileSync(blocker, '');
      f.state.userData = join(blocker, '政府信息公开年报助手');
    });
    await settled();
    expect(fake.state.errorBoxes).toHaveLength(1);
    const text = fake.state.errorBoxes[0]!.content;
    expect(text).toMatch(/^程序启动时出错，无法继续/);
    // The log folder is under the broken userData: the error went to the temp folder, and the dialog says so.
    const logFile = /详细情况记录在：\n(.+)\n/.exec(text)![1]!;
    expect(readFileSync(logFile, 'utf8')).toMatch(/start-up failed.*(ENOTDIR|EEXIST)/);
    expect(fake.state.exit).toBe(1);
    expect(fake.state.boxes).toHaveLength(0);
  });

  it('an error after the archive is open (the window cannot be created): the log in userData, the archive released, exit', async () => {
    await launch((f) => {
      f.state.windowThrows = new Error('GPU process isn\'t usable');
    });
    await settled();
    expect(fake.state.errorBoxes).toHaveLength(1);
    const log = join(userData, 'logs', 'nianbao.log');
    expect(fake.state.errorBoxes[0]!.content).toContain(log);
    expect(readFileSync(log, 'utf8')).toMatch(/start-up failed.*GPU process/);
    expect(fake.state.exit).toBe(1);
    // Released: the archive can be opened for writing by the next start.
    const { openArchive, closeArchive } = await import('../../main/db/open');
    closeArchive(openArchive(join(userData, 'archive.sqlite'), { timeoutMs: 10 }));
  });

  it('a second launch during the start-up question brings the question forward (closed and shown again)', async () => {
    (await import('./fake-electron-sqlite')).sqlite.mode = 'cantopen';
    await launch((f) => f.state.answers.push('hang', (b) => (b.buttons as string[]).indexOf('退出')));
    await vi.waitFor(() => expect(fake.state.boxes).toHaveLength(1));
    fake.app.emit('second-instance');
    await settled();
    expect(fake.state.boxes).toHaveLength(2);
    expect(fake.state.boxes[0]!.aborted).toBe(true);
    expect(fake.state.boxes[1]!.message).toBe(fake.state.boxes[0]!.message);
    // The aborted box's "cancel" was not taken as the clerk's answer: exactly one quit, from the second.
    expect(fake.state.quit).toBe(1);
  });

  it('opens the window with the Chinese menu, no DevTools or reload when packaged, and the close guard', async () => {
    await launch();
    await settled();
    const win = fake.BrowserWindow.made[0]!;
    expect(win.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.options.autoHideMenuBar).toBe(true);
    const template = (fake.state.menu as { template: { label: string; submenu: { role?: string; label?: string }[] }[] }).template;
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)']);
    const roles = template.flatMap((m) => m.submenu.map((i) => i.role)).filter(Boolean);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggleDevTools');
    for (const item of template.flatMap((m) => m.submenu)) if (item.role) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    // The close guard is attached: a second held close asks, 仍然关闭 lets the window go.
    expect(win.webContents.listenerCount('will-prevent-unload')).toBe(1);
    expect(win.listenerCount('unresponsive')).toBe(1);
    fake.state.answers.push(0);
    let prevented = 0;
    win.webContents.emit('will-prevent-unload', { preventDefault: () => prevented++ });
    win.webContents.emit('will-prevent-unload', { preventDefault: () => prevented++ });
    expect(fake.state.boxes.at(-1)).toMatchObject({ sync: true, parent: true, message: '还有修改未能保存', buttons: ['仍然关闭', '取消'] });
    expect(prevented).toBe(1);
    // IPC answers only that window's main frame.
    const list = fake.ipcMain.handled.get('archive:list') as (e: unknown, i: unknown) => Promise<unknown>;
    expect(await list({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})).toMatchObject({ ok: true });
    expect(await list({ sender: win.webContents, senderFrame: { url: win.webContents.mainFrame.url } }, {})).toMatchObject({ ok: false });
  });

  it('a development build keeps reload and DevTools; Windows gets the app user model id of the shortcuts', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      await launch((f) => {
        f.state.packaged = false;
      });
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    await settled();
    expect(fake.state.appUserModelId).toBe('cn.gov.nianbao.assistant');
    const template = (fake.state.menu as { template: { label: string; submenu: { role?: string }[] }[] }).template;
    expect(template.at(-1)!.submenu.map((i) => i.role)).toEqual(['reload', 'toggleDevTools']);
    expect(fake.BrowserWindow.made[0]!.options.webPreferences.devTools).toBe(true);
  });

  it('every save dialog (备份到…, 导出整个档案, a report export) asks before replacing a file, also on Linux', async () => {
    await launch();
    await settled();
    const win = fake.BrowserWindow.made[0]!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const call = (ch: string, input: unknown) => (fake.ipcMain.handled.get(ch) as (e: unknown, i: unknown) => Promise<{ ok: boolean; value?: any }>)(event, input);
    const created = await call('report:create', { agency: '某某镇人民政府', year: 2025 });
    expect(created.ok).toBe(true);
    for (const [ch, input] of [['backup:saveAs', {}], ['archive:export', {}], ['export:save', { id: created.value.summary.id, kind: 'docx' }]] as const)
      expect(await call(ch, input), ch).toMatchObject({ ok: true }); // 取消: nothing written
    expect(fake.state.saveDialogs.map((d) => d.title)).toEqual(['备份到…', '导出整个档案', '导出报告']);
    for (const d of fake.state.saveDialogs) expect(d.properties).toContain('showOverwriteConfirmation');
  });
});

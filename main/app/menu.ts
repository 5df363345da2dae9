/**
 * The application menu, in Chinese, with what a clerk uses: quit, the editing commands (their
 * shortcuts Ctrl+Z/C/V… keep working), zoom for small or high-DPI screens, full screen. Reload and
 * the developer tools only in a development build: a reload would drop unsaved edits, and the
 * packaged app has no use for DevTools (they are also switched off in its web preferences).
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(o: { packaged: boolean }): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [
    { label: '文件(&F)', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ];
  if (!o.packaged)
    menu.push({
      label: '开发',
      submenu: [
        { role: 'reload', label: '重新载入' },
        { role: 'toggleDevTools', label: '开发者工具' },
      ],
    });
  return menu;
}

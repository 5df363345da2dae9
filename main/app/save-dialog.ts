/**
 * The options of every save dialog the desktop app shows (export of a report, 备份到…, 导出整个档案).
 * `showOverwriteConfirmation` asks before an existing file is replaced: Windows and macOS ask by
 * themselves, but GTK's file chooser (UOS, Kylin) does not unless told to (Electron's dialog docs:
 * the property is Linux-only; GtkFileChooser:do-overwrite-confirmation defaults to FALSE). Written
 * once here so that no save dialog can be added without it. (createDirectory is macOS-only; GTK and
 * Windows offer a new-folder button anyway.) No Electron import: tested under Node.
 */
import type { FileFilter, SaveDialogOptions } from 'electron';

export function saveDialogOptions(o: { title: string; defaultPath: string; filters: FileFilter[] }): SaveDialogOptions {
  return { title: o.title, defaultPath: o.defaultPath, filters: o.filters, properties: ['showOverwriteConfirmation'] };
}

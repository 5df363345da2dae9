/**
 * 「选择文件…」 the way each mode can: the desktop app lets main show its open dialog (the page
 * never names a path); the browser mode reads the picked file here and hands over its bytes.
 */
import type { Upload } from '../../../report/api';
import { isDesktop } from '../api';
import { MAX_FILE_BYTES, readAsBase64 } from '../import/readFile';

export interface FileChoiceProps {
  label: string;
  accept: string;
  disabled?: boolean;
  /** Desktop: main asks with its own dialog. */
  onDesktop: () => void;
  /** Browser: the bytes of the picked file. */
  onUpload: (upload: Upload) => void;
  onError: (message: string) => void;
}

export function FileChoice(p: FileChoiceProps) {
  if (isDesktop)
    return (
      <button type="button" disabled={p.disabled} onClick={p.onDesktop}>
        {p.label}
      </button>
    );
  const onChange = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // picking the same file again fires again
    if (!file) return;
    if (file.size > MAX_FILE_BYTES)
      return p.onError(`文件“${file.name}”太大（${(file.size / 1024 / 1024).toFixed(1)}MB），网页版一次最多能传${MAX_FILE_BYTES / 1024 / 1024}MB。请在桌面版年报助手中操作。`);
    p.onUpload({ fileName: file.name, dataBase64: await readAsBase64(file) });
  };
  return (
    <label className={p.disabled ? 'file-choice disabled' : 'file-choice'}>
      <input type="file" accept={p.accept} className="visually-hidden" disabled={p.disabled} aria-label={p.label} onChange={(e) => void onChange(e)} />
      {p.label}
    </label>
  );
}

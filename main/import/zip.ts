/** Opening .docx/.xlsx containers safely: damaged, renamed, encrypted and zip-bomb files are refused with a reason. */
import JSZip from 'jszip';
import { ImportError, MAX_XML_CHARS } from './errors';

const TYPE_NAME = { docx: 'Word（.docx）', xlsx: 'Excel（.xlsx）' } as const;

export async function openZip(data: Uint8Array, kind: 'docx' | 'xlsx'): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (e) {
    if (/encrypt/i.test(String(e))) throw new ImportError('ENCRYPTED', `${TYPE_NAME[kind]}文件有密码保护，请先取消密码再导入`);
    throw new ImportError('CORRUPT', `${TYPE_NAME[kind]}文件已损坏或不完整，无法打开（可以用 Office/WPS 打开后另存一份再试）`, String(e));
  }
  // Declared sizes before inflating anything: a small file that unpacks to gigabytes is refused.
  let total = 0;
  zip.forEach((_, f) => {
    total += (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (total > MAX_XML_CHARS * 5)
    throw new ImportError('TOO_LARGE', `${TYPE_NAME[kind]}文件解压后过大，无法导入`);
  return zip;
}

export async function readEntry(zip: JSZip, path: string, kind: 'docx' | 'xlsx'): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new ImportError('CORRUPT', `这不是${TYPE_NAME[kind]}文件（缺少 ${path}），可能是改了扩展名的其他文件`);
  try {
    const s = await f.async('string');
    if (s.length > MAX_XML_CHARS) throw new ImportError('TOO_LARGE', `${TYPE_NAME[kind]}文件内容过大，无法导入`);
    return s;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('CORRUPT', `${TYPE_NAME[kind]}文件已损坏或不完整，无法读取`, String(e));
  }
}

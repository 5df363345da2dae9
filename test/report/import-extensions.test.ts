/** The one list of importable file types decides what the 收取报告 dialog sends to main (no list of its own). */
import { describe, expect, it } from 'vitest';
import { IMPORT_EXTENSIONS, isImportableName } from '../../report/lists';

describe('isImportableName', () => {
  it('takes every extension the importer reads, in any case, .csv included', () => {
    for (const e of IMPORT_EXTENSIONS) expect(isImportableName(`某镇2024年报.${e.toUpperCase()}`), e).toBe(true);
    expect(isImportableName('白沙镇.csv')).toBe(true);
  });

  it('leaves out what it cannot read, and a name that only contains an extension', () => {
    for (const name of ['扫描件.doc', '材料.zip', '报告.pdf.exe', '报告.xlsx.lnk', 'pdf', '说明']) expect(isImportableName(name), name).toBe(false);
  });
});

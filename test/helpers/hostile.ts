/**
 * Hostile .xlsx/.docx files built in memory: merge and dimension bombs, and zip entries that
 * inflate to far more than the archive declares. Used by test/import/hostile.test.ts and the bench.
 */
import JSZip from 'jszip';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Stored as given (deflated), unless `deflated` is supplied. */
  data?: Buffer | string;
  /** A ready raw-deflate stream, written as is. */
  deflated?: Buffer;
  /** The uncompressed size written into the headers (a lie when smaller than the real one). */
  declaredSize?: number;
}

/** A zip written by hand, so that its headers can say whatever a hostile file says (CRCs are left 0). */
export function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : (p.data ?? Buffer.alloc(0));
    const body = p.deflated ?? deflateRawSync(raw);
    const size = p.declaredSize ?? raw.length;
    const name = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** A raw-deflate stream of `mb` megabytes of spaces in about mb KB: one flushed 1 MB block repeated, then an empty final block. */
export function deflatedSpaces(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([3, 0])]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The smallest workbook Excel opens: one sheet whose XML is given. */
export function minimalXlsx(sheet: string | ZipPart): Buffer {
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheet } : { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}

/** A sheet with one text cell, the given <dimension> and merges. */
export const sheetXml = (opts: { dimension?: string; merges?: string[] } = {}): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>` +
  (opts.dimension ? `<dimension ref="${opts.dimension}"/>` : '') +
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>政府信息公开工作年度报告</t></is></c></row></sheetData>' +
  (opts.merges?.length ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
  '</worksheet>';

/**
 * A workbook just under the inflation budget, all of it well-formed: 7.5 MB of sheet (37 000 rows
 * of 6 cells) and 7.5 MB of shared strings. Nothing lies here; it only has to stay within memory.
 */
export function fatXlsx(): Buffer {
  const rowsXml: string[] = [];
  const cells = Array.from({ length: 6 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}#" t="s"><v>${c}</v></c>`).join('');
  for (let r = 1, size = 0; size < 7.5 * 2 ** 20; r++) size += rowsXml[rowsXml.push(`<row r="${r}">${cells.replaceAll('#', String(r))}</row>`) - 1]!.length;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rowsXml.join('')}</sheetData></worksheet>`;
  const n = Math.floor((7.5 * 2 ** 20) / 46);
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${n}" uniqueCount="${n}">${'<si><t>政府信息公开年报第一项</t></si>'.repeat(n)}</sst>`;
  const base = minimalXlsx(sheet);
  return zipOf([
    ...['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'].map((name) => ({ name, data: partOf(base, name) })),
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: partOf(base, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    },
    { name: 'xl/sharedStrings.xml', data: strings },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

/** A sheet filled to the reading bounds: 2 000 rows of 60 numeric cells (120 000 cells, 2.4 MB of XML). */
export function fullSheetXlsx(): Buffer {
  const col = (n: number) => (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const rows: string[] = [];
  for (let r = 1; r <= 2000; r++) rows.push(`<row r="${r}">${Array.from({ length: 60 }, (_, c) => `<c r="${col(c + 1)}${r}"><v>${c}</v></c>`).join('')}</row>`);
  return minimalXlsx(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`);
}

/** A .docx whose document.xml is 3.9 MB of well-formed paragraphs (just under the per-part limit). */
export function fatDocx(): Buffer {
  const p = '<w:p><w:r><w:t>本机关全年主动公开政府信息，依申请公开办理情况如下。</w:t></w:r></w:p>';
  const body = p.repeat(Math.floor((3.9 * 2 ** 20) / Buffer.byteLength(p)));
  return zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
  ]);
}

/** A part of a zip written by zipOf (deflated, headers truthful), as text. */
function partOf(zip: Buffer, name: string): string {
  const at = zip.indexOf(Buffer.from(name, 'utf8'));
  const size = zip.readUInt32LE(at - 30 + 18);
  return inflateRawSync(zip.subarray(at + Buffer.byteLength(name), at + Buffer.byteLength(name) + size)).toString('utf8');
}

/** The hostile files of issue 10, by name. */
export function hostileFiles(): { name: string; data: Buffer }[] {
  return [
    { name: '合并炸弹.xlsx', data: minimalXlsx(sheetXml({ merges: ['A1:XFD1048576'] })) },
    { name: '合并A1-T100000.xlsx', data: minimalXlsx(sheetXml({ merges: ['A1:T100000'] })) },
    { name: '超大范围.xlsx', data: minimalXlsx(sheetXml({ dimension: 'A1:XFD1048576' })) },
    // 1 GB of spaces that the headers call 2 KB.
    { name: '谎报大小.xlsx', data: minimalXlsx({ name: '', deflated: deflatedSpaces(1024), declaredSize: 2048 }) },
    {
      name: '谎报大小.docx',
      data: zipOf([
        { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
        { name: 'word/document.xml', deflated: deflatedSpaces(1024), declaredSize: 2048 },
      ]),
    },
  ];
}

/**
 * An .xlsx as WPS writes it: whole-row title merge, whole-column merges and column styles
 * (min 1 … max 16384), a sheet-wide <dimension>, data validation and print area over the whole sheet.
 */
export async function wpsStyle(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    let xml = await zip.file(name)!.async('string');
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    xml = xml.replace(/<cols>[\s\S]*?<\/cols>/, (cols) => cols.replace(/<\/cols>$/, '<col min="30" max="16384" width="9" style="1"/></cols>'));
    // The title merge (first merge starting in row 1) across the whole row.
    xml = xml.replace(/<mergeCell ref="([A-Z]+)1:([A-Z]+)1"\/>/, '<mergeCell ref="$11:XFD1"/>');
    xml = xml.replace(/<\/mergeCells>/, '<mergeCell ref="BA1:BA1048576"/><mergeCell ref="A2000:XFD2000"/></mergeCells>');
    xml = xml.replace(/(<\/mergeCells>)/, '$1<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"/></dataValidations>');
    zip.file(name, xml);
  }
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  const area = '<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName>';
  wb = wb.includes('<definedNames>') ? wb.replace('<definedNames>', `<definedNames>${area}`) : wb.replace('</sheets>', `</sheets><definedNames>${area}</definedNames>`);
  zip.file('xl/workbook.xml', wb);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

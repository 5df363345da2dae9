/**
 * The last touch on the packed .xlsx: exceljs marks every shared string that holds a line break
 * `<t xml:space="preserve">`, an attribute the ECMA-376 schema does not allow on `t` (the strict readers
 * of the schema flag the part). Line breaks inside a string are kept by Excel, WPS and LibreOffice
 * without it (openpyxl writes it only for leading or trailing blanks, and so does this), so it is
 * dropped wherever the text neither starts nor ends with whitespace.
 */
import JSZip from 'jszip';

export function dropNeedlessSpacePreserve(xml: string): string {
  return xml.replace(/<t xml:space="preserve">([^<]*)<\/t>/g, (whole, text: string) => (/^\s|\s$/.test(text) ? whole : `<t>${text}</t>`));
}

export async function finishXlsx(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file('xl/sharedStrings.xml');
  if (!part) return xlsx;
  zip.file('xl/sharedStrings.xml', dropNeedlessSpacePreserve(await part.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

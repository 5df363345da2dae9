/**
 * A one-page PDF holding one picture: the 图解 drawn by resvg, on an A4 page. A few objects written
 * by hand rather than a PDF library, because the page holds nothing but the image — no font to embed
 * (the Chinese text is already drawn), so the PDF prints the same everywhere.
 */
import { deflateSync } from 'node:zlib';

/** A4 in PostScript points. */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;

/** `pixels`: RGBA rows of a picture drawn on white (the alpha is dropped). */
export function pdfWithImage(pixels: Uint8Array, width: number, height: number, title: string): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
    rgb[j] = pixels[i]!;
    rgb[j + 1] = pixels[i + 1]!;
    rgb[j + 2] = pixels[i + 2]!;
  }
  const image = deflateSync(rgb, { level: 6 });
  // Fit the picture into the page, keeping its proportions, centred.
  const scale = Math.min(A4_POINTS.width / width, A4_POINTS.height / height);
  const w = width * scale;
  const h = height * scale;
  const x = (A4_POINTS.width - w) / 2;
  const y = A4_POINTS.height - h - (A4_POINTS.height - h) / 2;
  const draw = Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)} cm /Im0 Do Q`, 'latin1');
  // The title as UTF-16BE with a byte-order mark: how PDF spells a non-Latin string.
  const utf16 = Buffer.from(`\ufeff${title}`, 'utf16le').swap16().toString('hex');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4_POINTS.width} ${A4_POINTS.height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`), image, Buffer.from('\nendstream')]),
    Buffer.concat([Buffer.from(`<< /Length ${draw.length} >>\nstream\n`), draw, Buffer.from('\nendstream')]),
    Buffer.from(`<< /Title <${utf16}> /Producer (nianbao) >>`),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

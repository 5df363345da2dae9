/**
 * Hostile PDFs (issue 20 §1–2), written by hand so that each says exactly what an attack says:
 * inflate bombs, a million text items on one page and on 60, a header followed by 49 MB of zeros,
 * page-tree and reference loops, deep nesting, a broken xref, an encrypted file, a JavaScript action.
 * Nothing is committed: the tests and the bench write them into a temp folder.
 * `npx tsx test/helpers/hostile-pdf.ts DIR [--full]` writes them to DIR to try by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

export interface HostilePdf {
  name: string;
  /** Written lazily: the 49 MB file and the bombs are only made when asked for. */
  make: () => Buffer;
  /** Heavier files, run when NIANBAO_HOSTILE_FULL=1 (and in the bench). */
  heavy?: boolean;
}

type Body = string | Buffer;

/** A PDF from numbered objects (1 is the catalog), with a correct xref table unless told otherwise. */
export function pdfOf(objects: Body[], opts: { trailer?: string; brokenXref?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = length;
  const rows = offsets.map((o) => `${String(opts.brokenXref ? o * 7 + 13 : o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`, 'latin1'));
  parts.push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${opts.trailer ?? ''}>>\nstartxref\n${opts.brokenXref ? xref + 999 : xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object; `deflated` content is written as given with /FlateDecode. */
export const streamObj = (content: Body, dict = '', deflate = true): Buffer => {
  const raw = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  const body = deflate ? deflateSync(raw) : raw;
  return Buffer.concat([Buffer.from(`<< /Length ${body.length}${deflate ? ' /Filter /FlateDecode' : ''} ${dict}>>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
};

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const TEXT = 'BT /F1 11 Tf 72 760 Td (This page has ordinary text, enough of it to be more than a scan.) Tj ET';
const page = (contents: string, extra = '') =>
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} ${extra}>>`;

/**
 * A zlib stream inflating to `bytes` spaces, about 1 KB per MiB: one deflated MiB of spaces ended by a
 * full flush (so it needs no earlier data), repeated, then a final empty block and the Adler-32.
 */
export function spacesBomb(bytes: number): Buffer {
  const MiB = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(MiB, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const n = Math.ceil(bytes / MiB);
  const total = BigInt(n) * BigInt(MiB);
  const mod = 65521n;
  // Adler-32 of `total` bytes of 0x20, in closed form.
  const a = (1n + total * 32n) % mod;
  const b = (total + 32n * ((total * (total + 1n)) / 2n)) % mod;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array.from({ length: n }, () => block), Buffer.from([0x03, 0x00]), adler]);
}

/** One page of real text plus a second content stream that inflates to `bytes` of spaces. */
export function bombPdf(bytes: number): Buffer {
  const bomb = spacesBomb(bytes);
  const bombObj = Buffer.concat([Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), bomb, Buffer.from('\nendstream', 'latin1')]);
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, page('[5 0 R 6 0 R]'), streamObj(TEXT), bombObj]);
}

/** `items` separate text items (each moved to its own place) in one content stream shared by `pages` pages. */
export function itemsPdf(items: number, pages: number): Buffer {
  const ops = ['BT /F1 1 Tf'];
  // 10 units apart at size 1: pdf.js never joins two of them into one item.
  for (let i = 0; i < items; i++) ops.push(`1 0 0 1 ${(i % 50) * 10 + 10} ${(Math.floor(i / 50) % 800) + 10} Tm (a) Tj`);
  ops.push('ET');
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    FONT,
    streamObj(ops.join('\n')),
    ...Array.from({ length: pages }, () => page('4 0 R')),
  ]);
}

/** The page tree loops: the root's only kid is a Pages node whose kid is the root. */
const pageTreeLoop = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>']);

/** A form XObject that draws itself, and a content stream whose /Length is a reference to a reference to itself. */
const referenceLoop = () =>
  pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>`,
    streamObj(`${TEXT} /X1 Do`),
    streamObj('/X1 Do', '/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >>'),
    '8 0 R',
    '7 0 R',
  ]);

/** Arrays nested 100 000 deep in the page's dictionary. */
const deepNesting = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, page('5 0 R', `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`), streamObj(TEXT)]);

const brokenXref = () => pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, page('5 0 R'), streamObj(TEXT)], { brokenXref: true });

/** Standard security handler revision 2 with a user password: /U does not match the empty password. */
const encrypted = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, page('5 0 R'), streamObj(TEXT),
    `<< /Filter /Standard /V 1 /R 2 /O <${'a5'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -4 >>`],
  { trailer: `/Encrypt 6 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` });

/**
 * A real report (a fixture printed by LibreOffice) with an incremental update that gives its
 * catalog an /OpenAction JavaScript and an /AA on its first page: read as the report, script ignored.
 */
export function withJavaScript(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer)![1]!;
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const catalog = new RegExp(`\\n${root} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text)![1]!;
  const js = `${size} 0 obj\n<< /S /JavaScript /JS (app.alert\\('x'\\); this.exportDataObject\\({cName: 'a', nLaunch: 2}\\);) >>\nendobj\n`;
  const newCatalog = `${root} 0 obj\n${catalog.replace(/>>\s*$/, ` /OpenAction ${size} 0 R >>`)}\nendobj\n`;
  const at = pdf.length + 1;
  const body = `\n${newCatalog}${js}`;
  const xref = pdf.length + Buffer.byteLength(body, 'latin1');
  const entries = `xref\n${root} 1\n${String(at).padStart(10, '0')} 00000 n \n${size} 1\n${String(at + newCatalog.length).padStart(10, '0')} 00000 n \n`;
  const tail = `trailer\n<< /Size ${size + 1} /Root ${root} 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body + entries + tail, 'latin1')]);
}

const GiB = 1024 * 1024 * 1024;
const FIXTURE = join(import.meta.dirname, '../fixtures/pdf/qingshi-2024.libreoffice.pdf');

export const hostilePdfs = (): HostilePdf[] => [
  { name: '解压炸弹-1GiB.pdf', make: () => bombPdf(GiB) },
  { name: '解压炸弹-4GiB.pdf', make: () => bombPdf(4 * GiB), heavy: true },
  { name: '一页百万文字片段.pdf', make: () => itemsPdf(1_000_000, 1) },
  { name: '一页十万文字片段.pdf', make: () => itemsPdf(100_000, 1) },
  { name: '六十页百万文字片段.pdf', make: () => itemsPdf(1_000_000, 60), heavy: true },
  { name: '六十页各一千二文字片段.pdf', make: () => itemsPdf(1_200, 60) },
  { name: '文件头加49MB零.pdf', make: () => Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(49 * 1024 * 1024)]) },
  { name: '页面树循环.pdf', make: pageTreeLoop },
  { name: '引用循环.pdf', make: referenceLoop },
  { name: '深层嵌套.pdf', make: deepNesting },
  { name: '交叉引用表损坏.pdf', make: brokenXref },
  { name: '有密码.pdf', make: encrypted },
  { name: '含JavaScript.pdf', make: () => withJavaScript(readFileSync(FIXTURE)) },
];

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2] ?? '.';
  const full = process.argv.includes('--full');
  for (const f of hostilePdfs()) if (full || !f.heavy) writeFileSync(join(dir, f.name), f.make());
}

/** Bad input is refused with a code and a Chinese message; HTML as Word and browsers write it; JSON; the dry-run form. */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError, importFile, importText, MAX_IMPORT_BYTES, toDryRunJson } from '../../main/import';
import { getFormat } from '../../report/formats';
import { layoutOf } from '../../report/layout';
import { cellDiffs, loadReport, renderReport, SHARED } from './helpers';

const qingshi = loadReport(`${SHARED}/reports/qingshi-2024.json`);

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toMatch(/[\u4e00-\u9fff]/);
    return e as ImportError;
  }
  throw new Error('expected a refusal');
}

/** A minimal OLE compound file header with an EncryptedPackage stream name, as Office writes for password-protected files. */
function encryptedOffice(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1024);
  return b;
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表三').getCell('A1').value = '一、本年新收政府信息公开申请数量';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bad input', () => {
  it('an empty file', async () => {
    expect((await refusal(importFile('a.txt', Buffer.alloc(0)))).code).toBe('EMPTY');
    expect((await refusal(importFile('a.txt', Buffer.from('  \n\t ')))).code).toBe('EMPTY');
  });

  it('a picture renamed .docx', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const e = await refusal(importFile('年报.docx', png));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toMatch(/图片/);
    expect((await refusal(importFile('年报.docx', Buffer.from('这其实是一段文字')))).code).toBe('CORRUPT');
  });

  it('a truncated .xlsx and a truncated .docx', async () => {
    const x = await realXlsx();
    expect((await refusal(importFile('a.xlsx', x.subarray(0, Math.floor(x.length * 0.6))))).code).toBe('CORRUPT');
    expect((await refusal(importFile('a.docx', x.subarray(0, 100)))).code).toBe('CORRUPT');
    // A whole .xlsx named .docx is read as what it is.
    expect((await refusal(importFile('a.docx', x))).code).toBe('NOT_A_REPORT');
  });

  it('an .ods or .odt (WPS / LibreOffice own formats): asked to save as .xlsx / .docx, like an .xls', async () => {
    const odf = async (mimetype: string) => {
      const zip = new JSZip();
      zip.file('mimetype', mimetype);
      zip.file('content.xml', '<office:document-content/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const ods = await refusal(importFile('年报.ods', await odf('application/vnd.oasis.opendocument.spreadsheet')));
    expect(ods.code).toBe('LEGACY_OFFICE');
    expect(ods.message).toMatch(/另存为 \.xlsx/);
    expect(ods.message).not.toMatch(/但不是/);
    const odt = await refusal(importFile('年报.odt', await odf('application/vnd.oasis.opendocument.text')));
    expect(odt.message).toMatch(/另存为 \.docx/);
    // Any other zip still gets the plain refusal.
    const other = new JSZip();
    other.file('a.txt', 'x');
    expect((await refusal(importFile('a.zip', await other.generateAsync({ type: 'nodebuffer' })))).message).toMatch(/压缩文件，但不是/);
  });

  it('a password-protected .xlsx, and an old .doc', async () => {
    const e = await refusal(importFile('a.xlsx', encryptedOffice()));
    expect(e.code).toBe('ENCRYPTED');
    expect(e.message).toMatch(/密码/);
    const doc = encryptedOffice();
    doc.fill(0, 1024);
    expect((await refusal(importFile('a.doc', doc))).code).toBe('LEGACY_OFFICE');
  });

  it('an unrelated web page', async () => {
    const html = '<html><body><h1>新闻中心</h1><table><tr><td>首页</td><td>政务公开</td></tr></table><p>今日天气晴。</p></body></html>';
    expect((await refusal(importFile('index.html', Buffer.from(html)))).code).toBe('NOT_A_REPORT');
  });

  it('a file over the size limit is refused before parsing', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    const e = await refusal(importFile('big.txt', big));
    expect(e.code).toBe('TOO_LARGE');
    expect(200 * 1024 * 1024).toBeGreaterThan(MAX_IMPORT_BYTES);
  });

  it('a report of another year than asked (text, json)', async () => {
    expect((await refusal(importFile('a.txt', Buffer.from(renderReport(qingshi, 'pipe')), { year: 2023 }))).code).toBe('YEAR_MISMATCH');
    expect((await refusal(importFile('a.json', Buffer.from(JSON.stringify(qingshi)), { year: 2025 }))).code).toBe('YEAR_MISMATCH');
  });

  it('a PDF, binary garbage, a 2018 report', async () => {
    expect((await refusal(importFile('a.pdf', Buffer.from('%PDF-1.7\n...')))).code).toBe('CORRUPT');
    const garbage = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 32));
    expect((await refusal(importFile('a.txt', garbage))).code).toBe('UNSUPPORTED');
    const old = renderReport(qingshi, 'pipe').replace(/2024年/g, '2018年');
    expect((await refusal(importFile('a.txt', Buffer.from(old)))).code).toBe('UNSUPPORTED_YEAR');
  });
});

describe('HTML', () => {
  it('Word-pasted HTML: mso- styles, <o:p>, conditional comments, &nbsp; blanks, unclosed cells', async () => {
    const layout = layoutOf('gov-2021');
    const td = (t: string, span = '') => `<td ${span} style='mso-border-alt:solid windowtext .5pt;mso-yfti-irow:1'><p class=MsoNormal><span style='mso-bidi-font-size:10.5pt'>${t || '&nbsp;'}<o:p></o:p></span></p>`;
    const rows = (table: 'active' | 'requests' | 'appeals') => layout.grids[table].rows.map((row) => '<tr>' + row.cells.map((c) => {
      if (c.kind === 'label') return td(c.text, `${c.rowSpan > 1 ? `rowspan=${c.rowSpan}` : ''} ${c.colSpan > 1 ? `colspan="${c.colSpan}"` : ''}`);
      const [t, row, f] = c.path.split('.') as [string, string, string];
      const val = t === 'active' ? qingshi.active[row]![f] : (t === 'requests' ? qingshi.requests : qingshi.appeals)[row]![Number(f)];
      return td(val === 0 ? '' : String(val), c.colSpan > 1 ? `colspan=${c.colSpan}` : '');
    }).join('') + '\n').join('');
    const def = getFormat('gov-2021');
    const body = def.sections.map((s) => `<p class=MsoNormal><b><span style='font-family:黑体'>${s.heading}</span></b></p>` +
      (s.kind === 'text' ? qingshi.text[s.part].split('\n').map((p) => `<p class=MsoNormal style='text-indent:32.0pt'>${p}<o:p></o:p></p>`).join('')
        : `<table class=MsoNormalTable border=1 cellspacing=0><tbody>${rows(s.table)}</tbody></table>`)).join('\n');
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=gbk><style><!-- p.MsoNormal {mso-style-parent:""} --></style></head>
<body lang=ZH-CN><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoNormal align=center>示例县青石镇人民政府2024年政府信息公开工作年度报告</p><p>${qingshi.text.preamble}</p>${body}</body></html>`;
    const r = await importFile('年报.htm', Buffer.from(html));
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.report.text.overview).toBe(qingshi.text.overview);
    // Zeros left blank as &nbsp; read as 0; the blank totals of zero rows are computed (and said so).
    expect(r.report.requests.deniedStateSecret).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('pasted HTML goes through the HTML reader', () => {
    const html = `<p>示例县青石镇人民政府2024年政府信息公开工作年度报告</p>${renderReport(qingshi, 'markdown').split('\n').map((l) => `<p>${l}</p>`).join('')}`;
    const r = importText(html);
    expect(r.source).toBe('html');
    expect(cellDiffs(r.report, qingshi)).toEqual([]);
  });
});

describe('.json and the dry-run form', () => {
  it('a canonical report reads as itself; findings and uncertain keys are ignored', async () => {
    const withExtras = { ...qingshi, findings: [{ rule: 'X' }], uncertain: ['requests.newReceived.0'] };
    const r = await importFile('qingshi.json', Buffer.from(JSON.stringify(withExtras)));
    expect(r.report).toEqual(qingshi);
    expect(r.uncertain).toEqual([]);
    expect(r.source).toBe('json');
  });

  it('an invalid report is refused with the validation errors', async () => {
    const bad = { ...qingshi, requests: { ...qingshi.requests, newReceived: [1, 2] } };
    const e = await refusal(importFile('bad.json', Buffer.from(JSON.stringify(bad))));
    expect(e.code).toBe('INVALID_JSON');
    expect(e.details).toMatch(/newReceived/);
    expect((await refusal(importFile('bad.json', Buffer.from('{"format": ')))).code).toBe('INVALID_JSON');
  });

  it('toDryRunJson: the report form plus findings and uncertain, null for cells with no reading; it reads back', async () => {
    const r = importText(renderReport(qingshi, 'pipe', { cutAfter: '（七）总计' }));
    const dry = toDryRunJson(r) as Record<string, unknown> & { requests: Record<string, unknown[]> };
    expect(Object.keys(dry).sort()).toEqual(['active', 'agency', 'appeals', 'closing', 'findings', 'format', 'requests', 'text', 'uncertain', 'year']);
    expect(dry.requests.carriedForward).toEqual(Array(7).fill(null));
    expect(dry.uncertain).toEqual(r.uncertain);
    expect(JSON.parse(JSON.stringify(dry))).toEqual(dry);
    // With the nulls filled in (as the preview does), the dry-run output imports as a .json.
    for (let c = 0; c < 7; c++) dry.requests.carriedForward![c] = qingshi.requests.carriedForward![c];
    for (const [g, v] of Object.entries(qingshi.appeals)) (dry.appeals as Record<string, number[]>)[g] = v;
    const back = await importFile('dry.json', Buffer.from(JSON.stringify(dry)));
    expect(cellDiffs(back.report, qingshi)).toEqual([]);
  });
});

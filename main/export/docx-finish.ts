/**
 * The last touches on the packed .docx, for what the docx library cannot write (or writes wrongly).
 *
 * 1. Schema order. The children of every w:pPr go into the order ECMA-376 prescribes (CT_PPr).
 * Why: docx 9.15.2 writes `w:autoSpaceDN` (its `autoSpaceEastAsianText` option) after `w:spacing`,
 * `w:ind` and `w:jc`; the schema wants it before `w:spacing`, and Word repairs the file or drops the
 * setting. The option itself is needed (the 落款 date must not get gaps between its digits and 年月日),
 * so rather than lose it, the exporter sorts the paragraph properties after packing. Sorting every pPr,
 * not only that element, also keeps any other out-of-order child of a future docx release out of the file.
 *
 * 2. Off the document grid. The section declares the GB/T 9704 grid (28 × 22, linesAndChars) for what the
 * clerk types later, but every paragraph the exporter writes says `w:snapToGrid w:val="0"` (docx has no
 * paragraph-level option for it) and carries its own metrics: exact line heights, and body runs tracked
 * so that 28 characters fill a line. Word squeezes snapped characters to the grid pitch, LibreOffice puts
 * a character wider than a grid cell into two cells (a body line of 14 characters, tables in 28 pt rows),
 * so a snapped paragraph would break differently in every reader; an unsnapped one breaks the same.
 *
 * 3. The Normal style states the body size (三号): Word reads the grid's charSpace relative to Normal's
 * size, LibreOffice computes its grid cell from it, and docx writes Normal without a size.
 */
import JSZip from 'jszip';

/** CT_PPrBase in schema order, then the CT_PPr tail (ECMA-376 Part 1, §17.3.1.26). */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers',
  'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE',
  'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents',
  'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle',
  'rPr', 'sectPr', 'pPrChange',
] as const;
const RANK = new Map<string, number>(PPR_ORDER.map((n, i) => [`w:${n}`, i]));

/**
 * The top-level child elements of an element's inner XML, each with its full text (an element with
 * content runs to its matching close tag; only w: elements occur in a pPr).
 */
function children(inner: string): { name: string; xml: string }[] | null {
  const out: { name: string; xml: string }[] = [];
  let i = 0;
  while (i < inner.length) {
    const open = /^<([\w:]+)\b[^>]*?(\/?)>/.exec(inner.slice(i));
    if (!open) return null; // text or a comment at top level: not a pPr we understand, leave it alone
    const name = open[1]!;
    let end = i + open[0].length;
    if (open[2] !== '/') {
      let depth = 1;
      const tag = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'g');
      tag.lastIndex = end;
      for (let m = tag.exec(inner); m; m = tag.exec(inner)) {
        if (m[2] === '/') continue;
        depth += m[1] === '/' ? -1 : 1;
        if (depth === 0) {
          end = m.index + m[0].length;
          break;
        }
      }
      if (depth !== 0) return null;
    }
    out.push({ name, xml: inner.slice(i, end) });
    i = end;
  }
  return out;
}

const OFF_GRID = '<w:snapToGrid w:val="0"/>';

/**
 * One part's XML with every w:pPr off the grid (unless it says otherwise) and its children sorted into
 * schema order (stable for equal ranks). A paragraph without a pPr gets one.
 */
export function finishParagraphs(xml: string): string {
  const withPPr = xml.replace(/<w:p>(?!<w:pPr>)/g, '<w:p><w:pPr></w:pPr>');
  return withPPr.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, inner: string) => {
    // A pPr nests no pPr except inside w:pPrChange, which docx never writes; be safe and skip it.
    if (inner.includes('<w:pPr')) return whole;
    const kids = children(inner);
    if (!kids || kids.some((k) => !RANK.has(k.name))) return whole;
    if (!kids.some((k) => k.name === 'w:snapToGrid')) kids.push({ name: 'w:snapToGrid', xml: OFF_GRID });
    const sorted = kids.map((k, i) => ({ k, i })).sort((a, b) => RANK.get(a.k.name)! - RANK.get(b.k.name)! || a.i - b.i);
    return `<w:pPr>${sorted.map((s) => s.k.xml).join('')}</w:pPr>`;
  });
}

/** styles.xml with the Normal style's run size (half-points) stated. */
export function normalStyleSize(xml: string, size: number): string {
  return xml.replace(
    /(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>)([\s\S]*?)<\/w:style>/,
    (whole, open: string, inner: string) =>
      inner.includes('<w:rPr>') ? whole : `${open}${inner}<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`,
  );
}

/** The packed .docx finished: paragraphs of the document, header and footer parts off the grid and in schema order, Normal sized. */
export async function finishDocx(docx: Buffer, normalSize: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  for (const name of parts) zip.file(name, finishParagraphs(await zip.file(name)!.async('string')));
  zip.file('word/styles.xml', normalStyleSize(await zip.file('word/styles.xml')!.async('string'), normalSize));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

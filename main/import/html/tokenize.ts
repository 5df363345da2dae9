/**
 * A tolerant tokenizer for HTML and for the XML inside .docx files. Government pages are pasted
 * from Word (mso- styles, conditional comments, <o:p>), lack closing tags and mix upper and lower
 * case; nothing here throws on bad markup, and the work is linear in the input.
 */

export type Token =
  | { type: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string };

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', hellip: '…', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', times: '×', yen: '¥',
  copy: '©', reg: '®', deg: '°', plusmn: '±', laquo: '«', raquo: '»', bull: '•', shy: '',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Elements whose content is not markup (skipped entirely, except textarea's text which is irrelevant too). */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

export function tokenize(src: string, opts: { html: boolean } = { html: true }): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  let lower: string | undefined;
  const skipTo = (needle: string, from: number): number => {
    const j = src.indexOf(needle, from);
    return j < 0 ? n : j + needle.length;
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      out.push({ type: 'text', text: decodeEntities(src.slice(i)) });
      break;
    }
    if (lt > i) out.push({ type: 'text', text: decodeEntities(src.slice(i, lt)) });
    i = lt;
    const next = src[i + 1] ?? '';
    if (src.startsWith('<!--', i)) i = skipTo('-->', i + 4);
    else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      out.push({ type: 'text', text: src.slice(i + 9, end < 0 ? n : end) });
      i = end < 0 ? n : end + 3;
    } else if (next === '!' || next === '?') i = skipTo('>', i + 2); // doctype, <![if …]>, <?xml …?>
    else if (next === '/') {
      const m = /^<\/([A-Za-z][\w:.-]*)[^>]*>?/.exec(src.slice(i, i + 200));
      if (m) {
        out.push({ type: 'end', name: opts.html ? m[1]!.toLowerCase() : m[1]! });
        i = m[0].endsWith('>') ? i + m[0].length : skipTo('>', i);
      } else {
        out.push({ type: 'text', text: '<' });
        i++;
      }
    } else if (/[A-Za-z]/.test(next)) {
      // Find the tag's end outside quoted attribute values.
      let j = i + 1;
      let quote = '';
      for (; j < n; j++) {
        const ch = src[j]!;
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      const body = src.slice(i + 1, j);
      const nm = /^[A-Za-z][\w:.-]*/.exec(body)![0];
      const name = opts.html ? nm.toLowerCase() : nm;
      const selfClosing = body.endsWith('/');
      out.push({ type: 'start', name, attrs: parseAttrs(body.slice(nm.length, selfClosing ? -1 : undefined)), selfClosing });
      i = j + 1;
      if (opts.html && RAW.has(name) && !selfClosing) {
        lower ??= src.toLowerCase();
        const close = lower.indexOf(`</${name}`, i);
        i = close < 0 ? n : skipTo('>', close);
        out.push({ type: 'end', name });
      }
    } else {
      out.push({ type: 'text', text: '<' });
      i++;
    }
  }
  return out;
}

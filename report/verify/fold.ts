/**
 * Characters a PDF's text layer gives for the glyph of another: pdfjs reads Chromium's printed
 * pages with 「⻘」 (U+2ED8) for 青, 「⺠」 for 民, 「⻔」 for 门, 「戶」 for 户 and 「〈」 (U+2329) for 〈 —
 * the same glyph in the font, so the same character to a reader and to the website. The comparison
 * folds them before it compares, so a PDF of an unchanged page is the same; nothing else is folded
 * (a character the website really changed stays a difference).
 */

/** CJK Radicals Supplement code points whose glyph is that of a simplified character (Unicode's equivalent ideographs). */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e81': '厂', '\u2e87': '几', '\u2e9f': '母', '\u2ea0': '民', '\u2ea9': '王', '\u2eac': '示', '\u2eae': '竹',
  '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞',
  '\u2edd': '食', '\u2ee0': '饣', '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟',
  '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};

/** Unified ideographs that share the glyph of a simplified one in the common Chinese fonts (seen in Chromium's PDFs). */
const SHARED_GLYPH: Record<string, string> = { 戶: '户' };

/** Kangxi radicals, compatibility ideographs and the angle brackets: Unicode's own compatibility mappings. */
const COMPATIBLE = /[\u2f00-\u2fdf\uf900-\ufaff\u2329\u232a]|\ud87e[\udc00-\ude1f]/g;

export function foldGlyphs(s: string): string {
  return s
    .replace(COMPATIBLE, (ch) => ch.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff戶]/g, (ch) => RADICAL_SUPPLEMENT[ch] ?? SHARED_GLYPH[ch] ?? ch);
}

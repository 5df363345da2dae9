/**
 * Matching a file's agency name to a roster unit (rollup.md §3): exact, then a close match the
 * office confirms, then a choice by hand. Close = the same name once the usual variants are
 * evened out (人民政府/政府, 街道办事处/街道, spaces, brackets), the same name without the place in
 * front (「第3镇政府」 for 「测试县第3镇人民政府」), or at most two characters apart. Only an exact name
 * is ever taken without asking: the CLI and the 收取报告 dialog both use this one function.
 */

/** `close.sure`: the same name once variants (or the place in front) are evened out; otherwise a typo-distance proposal. Both are confirmed by the office. */
export type Match = { kind: 'exact'; unit: string } | { kind: 'close'; unit: string; sure: boolean } | { kind: 'none' };

/** A name with its ordinary variants evened out: 「西岭镇政府」 and 「西岭镇人民政府」 read the same. */
export function normalizeName(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/人民政府/g, '政府')
    .replace(/街道办事处/g, '街道')
    .replace(/办事处$/g, '')
    .replace(/政府$/g, '');
}

const numerals = (s: string): string => s.replace(/[^0-9一二三四五六七八九十百零〇]/g, '');

/** Edit distance, bounded: names are short. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** One or more places (省/市/县/区/旗/州/盟) written in front of a unit's own name. */
const PLACES = /^(?:[^省市县区旗州盟]{1,8}[省市县区旗州盟])+$/u;

/** 「测试县第3镇」 and 「第3镇」: one name is the other with places written in front of it. */
function samePlaceless(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long !== short && long.endsWith(short) && PLACES.test(long.slice(0, long.length - short.length));
}

export function matchUnit(name: string, units: readonly string[]): Match {
  const wanted = name.trim();
  if (!wanted) return { kind: 'none' };
  if (units.includes(wanted)) return { kind: 'exact', unit: wanted };
  const norm = normalizeName(wanted);
  const same = units.filter((u) => normalizeName(u) === norm);
  if (same.length === 1) return { kind: 'close', unit: same[0]!, sure: true };
  const placeless = units.filter((u) => samePlaceless(normalizeName(u), norm));
  if (placeless.length === 1) return { kind: 'close', unit: placeless[0]!, sure: true };
  let best: { unit: string; d: number } | null = null;
  let tie = false;
  for (const u of units) {
    const n = normalizeName(u);
    // 第一中学 and 第二中学, 第10号 and 第11号: numbers name different units, never a typo.
    if (numerals(n) !== numerals(norm)) continue;
    // 东城镇 and 西城镇 are neighbours, not a typo: short names must match once evened out.
    const shorter = Math.min(n.length, norm.length);
    const limit = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
    const d = editDistance(norm, n);
    if (d > limit) continue;
    if (!best || d < best.d) {
      best = { unit: u, d };
      tie = false;
    } else if (d === best.d) tie = true;
  }
  return best && !tie && best.d > 0 ? { kind: 'close', unit: best.unit, sure: false } : { kind: 'none' };
}

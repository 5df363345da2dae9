/**
 * Exact decimal sums for money cells (rollup.md §2): no binary floating point. A value is held as a
 * BigInt count of 10⁻⁸ units, enough for 万元 with 4 decimals and for 元 ÷ 10000 with 4 decimals.
 */

export const SCALE = 8;
const ONE = 10n ** BigInt(SCALE);

export interface Decimal {
  /** The value × 10⁸. */
  units: bigint;
  /** Decimals as written (0…8), so a sum can keep the precision of its most precise input. */
  decimals: number;
}

/** "0.9840" → { units: 98400000n, decimals: 4 }. Throws on anything but a non-negative decimal. */
export function parseDecimal(text: string): Decimal {
  const m = /^(\d+)(?:\.(\d{1,8}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = m[2] ?? '';
  return { units: BigInt(m[1]!) * ONE + BigInt(frac.padEnd(SCALE, '0') || '0'), decimals: frac.length };
}

/** Written with exactly `decimals` decimals (the value must be representable: callers keep the max precision). */
export function formatDecimal(d: Decimal): string {
  const neg = d.units < 0n;
  const abs = neg ? -d.units : d.units;
  const int = abs / ONE;
  const frac = (abs % ONE).toString().padStart(SCALE, '0');
  const shown = frac.slice(0, d.decimals);
  if (BigInt(frac.slice(d.decimals) || '0') !== 0n) throw new Error('precision lost');
  return `${neg ? '-' : ''}${int}${shown ? `.${shown}` : ''}`;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units + b.units, decimals: Math.max(a.decimals, b.decimals) };
}

export const ZERO: Decimal = { units: 0n, decimals: 0 };

/** 元 → 万元, exact: the digits move four places; the decimals are those the value needs. */
export function yuanToWan(d: Decimal): Decimal {
  const units = d.units / 10000n;
  if (units * 10000n !== d.units) throw new Error('beyond 10⁻⁸ 万元');
  return { units, decimals: neededDecimals(units) };
}

/** 万元 → 元, exact. */
export function wanToYuan(d: Decimal): Decimal {
  const units = d.units * 10000n;
  return { units, decimals: neededDecimals(units) };
}

/** The decimals needed to write `units` exactly (trailing zeros dropped). */
export function neededDecimals(units: bigint): number {
  let frac = (units < 0n ? -units : units) % ONE;
  let decimals = SCALE;
  while (decimals > 0 && frac % 10n === 0n) {
    frac /= 10n;
    decimals--;
  }
  return frac === 0n ? 0 : decimals;
}

/** As a JS number, for comparisons that tolerate rounding (R-6 ratios), never for sums. */
export const toNumber = (d: Decimal): number => Number(d.units) / Number(ONE);

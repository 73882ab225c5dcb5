/**
 * Exact decimal arithmetic for unit conversion, so `8000万元` is exactly 0.8 亿元 and
 * `1,200` 万元 exactly 0.12 亿元: digits are kept as a BigInt and a power of ten, and turned
 * into a binary float only once, by parsing a decimal string (which rounds correctly).
 */
import { minOf } from '../schemas/arrays.ts';

/** `mantissa × 10^exponent`, e.g. `{mantissa: 12n, exponent: -1}` is 1.2. */
export interface Decimal {
  mantissa: bigint;
  exponent: number;
}

/**
 * Reads plain decimal digits (`1200`, `0.5`, `.5`, `5.`); null for anything else.
 *
 * @example parseDecimal('0.50') // {mantissa: 50n, exponent: -2}
 */
export function parseDecimal(s: string): Decimal | null {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (m === null) return null;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  if (int === '' && frac === '') return null;
  return { mantissa: BigInt(int + frac || '0'), exponent: -frac.length };
}

/** A finite float as the decimal Excel shows (15 significant digits), e.g. 0.1 + 0.2 → 0.3. */
export function decimalFromNumber(n: number): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Number(n.toPrecision(15))));
  if (m === null) throw new Error(`not a finite number: ${n}`);
  const frac = m[3] ?? '';
  const sign = m[1] === '-' ? -1n : 1n;
  return { mantissa: sign * BigInt((m[2] ?? '0') + frac), exponent: Number(m[4] ?? '0') - frac.length };
}

/** Exact sum. */
export function addDecimals(values: readonly Decimal[]): Decimal {
  if (values.length === 0) return { mantissa: 0n, exponent: 0 };
  const exponent = minOf(values.map((d) => d.exponent));
  let mantissa = 0n;
  for (const d of values) mantissa += d.mantissa * 10n ** BigInt(d.exponent - exponent);
  return { mantissa, exponent };
}

/** `d × 10^shift` as the nearest float, e.g. `toNumber({mantissa: 8000n, exponent: 0}, -4)` → 0.8. */
export function toNumber(d: Decimal, shift = 0): number {
  return Number(`${d.mantissa}e${d.exponent + shift}`);
}

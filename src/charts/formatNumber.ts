/**
 * Number formats used in chart labels (contract §7: rounding only for display; 亿元 to two
 * decimals, rates to one). Rounding is `metrics/format.ts`'s `roundTo`, so a chart label and the
 * table beside it show the same digits; no locale lookup, so the output does not depend on the
 * machine.
 */
import { roundTo } from '../metrics/format.ts';

/**
 * A number with exactly `digits` decimals, thousands grouped with `,`.
 *
 * @example formatFixed(12345.6, 2) // '12,345.60'
 */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  const fixed = Math.abs(roundTo(value, digits)).toFixed(digits);
  const [int = '0', dec] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec === undefined ? '' : `.${dec}`);
}

/**
 * An amount or count: integers as they are, other values with `digits` decimals (default 2).
 *
 * @example formatNumber(12) // '12'
 * @example formatNumber(12.345) // '12.35'
 * @example formatNumber(12345.6) // '12,345.60'
 */
export function formatNumber(value: number, digits = 2): string {
  return formatFixed(value, Number.isInteger(value) ? 0 : digits);
}

/**
 * A ratio as a percentage with one decimal.
 *
 * @example formatPercent(0.7234) // '72.3%'
 */
export function formatPercent(ratio: number): string {
  return `${formatFixed(ratio * 100, 1)}%`;
}

/**
 * A gap in percentage points with its sign, one decimal.
 *
 * @example formatPp(5.61) // '+5.6'
 * @example formatPp(-13.33) // '-13.3'
 */
export function formatPp(pp: number): string {
  const r = roundTo(pp, 1);
  const s = Math.abs(r).toFixed(1);
  return r < 0 ? `-${s}` : `+${s}`;
}

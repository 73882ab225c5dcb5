/**
 * Display helpers: the only place figures are rounded (contract §7: 亿元 to 2 decimals, rates to
 * 1 decimal). Sums and comparisons elsewhere use full precision, except that ranking ties are
 * decided on the displayed score (`roundTo(score, 2)`), so what looks equal ranks equal.
 */

/**
 * Rounds half away from zero at `decimals`, correcting binary noise first: 1.005 is stored as
 * 1.00499999…, yet a reader expects 1.01, and 2.675 → 2.68.
 *
 * @example roundTo(1.005, 2) // 1.01
 * @example roundTo(-2.345, 2) // -2.35
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 && r !== 0 ? -r : r;
}

/** Fixed decimals after `roundTo`, never `-0.00`. */
function fixed(x: number, decimals: number): string {
  const r = roundTo(x, decimals);
  return (r === 0 ? 0 : r).toFixed(decimals);
}

/**
 * 亿元 with 2 decimals (no unit, no grouping).
 *
 * @example fmtYi(123.456) // '123.46'
 * @example fmtYi(5) // '5.00'
 */
export function fmtYi(x: number): string {
  return fixed(x, 2);
}

/**
 * A rate as a percentage with 1 decimal; `—` when there is no rate.
 *
 * @example fmtRate(0.8333) // '83.3%'
 * @example fmtRate(null) // '—'
 */
export function fmtRate(r: number | null): string {
  return r === null ? '—' : `${fixed(r * 100, 1)}%`;
}

/**
 * A gap in percentage points with its sign and 1 decimal (the page adds 个百分点); `—` when none.
 *
 * @example fmtPp(-12.345) // '-12.3'
 * @example fmtPp(4) // '+4.0'
 * @example fmtPp(0.01) // '0.0'
 */
export function fmtPp(gap: number | null): string {
  if (gap === null) return '—';
  const s = fixed(gap, 1);
  return s.startsWith('-') || s === '0.0' ? s : `+${s}`;
}

/**
 * An integer with thousands separators.
 *
 * @example fmtInt(12345) // '12,345'
 */
export function fmtInt(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 && Math.round(Math.abs(n)) !== 0 ? `-${s}` : s;
}

/**
 * A score with 2 decimals.
 *
 * @example fmtScore(86.254) // '86.25'
 */
export function fmtScore(x: number): string {
  return fixed(x, 2);
}

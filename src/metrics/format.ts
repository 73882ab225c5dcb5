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

/**
 * 完成率 against 序时进度 in words (contract §7), never a negative "欠进度 -N": `gapPp` is 完成率 −
 * 序时进度 in percentage points; equal at one decimal is 达到序时进度.
 *
 * @example progressText(-7.34) // '低于序时进度7.3个百分点'
 * @example progressText(2) // '高于序时进度2.0个百分点'
 * @example progressText(0.01) // '达到序时进度'
 * @example progressText(null) // '—'
 */
export function progressText(gapPp: number | null): string {
  if (gapPp === null) return '—';
  const r = roundTo(gapPp, 1);
  if (r === 0) return '达到序时进度';
  return `${r > 0 ? '高于' : '低于'}序时进度${fixed(Math.abs(r), 1)}个百分点`;
}

/**
 * 同比 change of a year-to-date figure (contract §7): `null` base = no snapshot last year, 0 = no base.
 *
 * @example yoyRate(112.4, 100) // 0.124
 * @example yoyRate(5, 0) // null
 */
export function yoyRate(current: number, base: number | null): number | null {
  return base === null || base === 0 ? null : (current - base) / Math.abs(base);
}

/**
 * 同比 in words, rates to 1 decimal; `—` when there is no base.
 *
 * @example yoyText(112.4, 100) // '同比增长12.4%'
 * @example yoyText(90, 100) // '同比下降10.0%'
 * @example yoyText(100, 100) // '同比持平'
 * @example yoyText(3, null) // '—'
 */
export function yoyText(current: number, base: number | null): string {
  const r = yoyRate(current, base);
  if (r === null) return '—';
  const p = roundTo(r * 100, 1);
  if (p === 0) return '同比持平';
  return `同比${p > 0 ? '增长' : '下降'}${fixed(Math.abs(p), 1)}%`;
}

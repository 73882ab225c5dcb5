import { type Period, timeProgress } from './period.ts';

/**
 * 完成率 = 实际 / 目标 (contract §7); `null` when the target is 0 or negative (no rate can be
 * told: a zero target is met by any non-negative actual, see `scoreTarget`).
 *
 * @example completion(8, 10) // 0.8
 * @example completion(3, 0) // null
 */
export function completion(actual: number, target: number): number | null {
  return target > 0 ? actual / target : null;
}

/**
 * Tolerance when comparing a rate with 序时进度: 5/6 and 10/12 must compare equal even when the
 * actual is a float sum such as 0.1 + 0.2.
 */
const EPSILON = 1e-9;

/**
 * 超进度 when 完成率 ≥ 序时进度 (month / 12), else 欠进度, with the gap in percentage points
 * (full precision; `fmtPp` shows one decimal). `null` when there is no rate.
 *
 * @example progressStatus(0.7, '2025-10') // { status: '欠进度', gapPp: -13.33… }
 * @example progressStatus(0.5, '2025-06') // { status: '超进度', gapPp: 0 }
 */
export function progressStatus(
  rate: number | null,
  period: Period,
): { status: '超进度' | '欠进度'; gapPp: number } | null {
  if (rate === null) return null;
  const gap = rate - timeProgress(period);
  const onPace = gap >= -EPSILON;
  return { status: onPace ? '超进度' : '欠进度', gapPp: Math.abs(gap) < EPSILON ? 0 : gap * 100 };
}

/**
 * Array helpers that work for any length. `Math.max(...xs)` and `out.push(...xs)` pass every element
 * as a call argument, and V8 throws "Maximum call stack size exceeded" past ~125 000 of them: a
 * ledger with that many rows took the whole build down. Use these instead of an argument spread
 * over data (a test in `test/noArgumentSpread.test.ts` keeps `src/` free of them).
 */

/**
 * The largest of `values`, or `empty` when there are none (`Math.max()` of nothing is -Infinity).
 *
 * @example maxOf([3, 9, 4]) // 9
 * @example maxOf([], 1) // 1
 */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let first = true;
  for (const v of values) {
    if (first || v > max || Number.isNaN(v)) max = v;
    first = false;
    if (Number.isNaN(max)) return NaN;
  }
  return max;
}

/**
 * The smallest of `values`, or `empty` when there are none.
 *
 * @example minOf([3, 9, 4]) // 3
 */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let first = true;
  for (const v of values) {
    if (first || v < min || Number.isNaN(v)) min = v;
    first = false;
    if (Number.isNaN(min)) return NaN;
  }
  return min;
}

/**
 * Appends every item to `target` (in place) and returns it: `push(...items)` without the argument
 * limit.
 *
 * @example appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

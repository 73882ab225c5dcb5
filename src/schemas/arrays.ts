/**
 * Array helpers that work for any length. `Math.max(...xs)` and `out.push(...xs)` pass every element
 * as a call argument, and V8 throws "Maximum call stack size exceeded" past ~125 000 of them: a
 * ledger with that many rows took the whole build down. Use these instead of an argument spread
 * over data (`test/noArgumentSpread.test.ts` keeps `src/` free of them). Pure, no imports: every
 * layer may use them.
 */

/**
 * The largest of `values`, as `Math.max(...values)`: -Infinity when there are none, NaN when one is.
 *
 * @example maxOf([3, 9, 4]) // 9
 */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  return max;
}

/**
 * The smallest of `values`, as `Math.min(...values)`: Infinity when there are none, NaN when one is.
 *
 * @example minOf([3, 9, 4]) // 3
 */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v < min) min = v;
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

/**
 * Values numbered in the order first seen: a dictionary, so that a value repeated many times is
 * stored once and referred to by its number.
 *
 * @example const d = new Numbering<string>(); d.of('a'); d.of('b'); d.of('a') // 0; d.values // ['a', 'b']
 */
export class Numbering<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();

  /** The number of `value` (a new one when first seen). */
  of(value: T): number {
    let n = this.index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.index.set(value, n);
    }
    return n;
  }
}

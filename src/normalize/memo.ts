/**
 * Memoises a pure function of one string or number. The same cell texts recur across snapshots
 * (each monthly snapshot repeats most of last month's rows) and down columns (unit names, chains),
 * so the data stage parses each distinct text once. Results are shared: callers must not mutate
 * them. The cache is dropped when it grows past `limit` entries, bounding memory.
 *
 * @example const fold = memoize((s: string) => s.trim()); fold(' a ') // 'a' (computed once)
 */
export function memoize<K extends string | number, R>(fn: (key: K) => R, limit = 200_000): (key: K) => R {
  const cache = new Map<K, R>();
  return (key: K): R => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as R;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

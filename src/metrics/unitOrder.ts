import type { Unit } from '../schemas/records.ts';

/**
 * Plain UTF-16 code-unit comparison, for deterministic tie orders. `localeCompare('zh-Hans-CN')`
 * depends on the ICU data Node was built with, so the same data could sort differently on two
 * machines; this never does.
 *
 * @example ['乙局', '甲局'].sort(compareText) // ['乙局', '甲局'] (乙 U+4E59 < 甲 U+7532)
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders unit names for display: units-table order first, then names the table does not know
 * (shown as-is, contract §5) by {@link compareText}. Duplicates are dropped.
 *
 * @example orderUnits(['未知局', '商务局'], [{ name: '商务局', … }]) // ['商务局', '未知局']
 */
export function orderUnits(names: Iterable<string>, units: readonly Unit[]): string[] {
  const known = new Set(units.map((u) => u.name));
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const n of names) {
    if (seen.has(n)) continue;
    seen.add(n);
    if (!known.has(n)) unknown.push(n);
  }
  return [...units.map((u) => u.name), ...unknown.sort(compareText)].filter((n, i, all) => all.indexOf(n) === i);
}

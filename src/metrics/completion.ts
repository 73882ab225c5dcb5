import type { Completion } from '../schemas/metrics.ts';
import { INDICATORS, type SnapshotRecords, type Target } from '../schemas/records.ts';
import { type ActualOptions, actualBreakdown, unionActual } from './actuals.ts';
import { activeFilterKeys, filterOf } from './filters.ts';
import { type Period, yearOf } from './period.ts';
import { completion, progressStatus } from './progress.ts';

/**
 * The zone's completion of each indicator with a target in the period's year (contract §7):
 * against the zone's own row (责任单位 全区, without filters) when the table has one; otherwise
 * against 各单位目标合计 — the sum of the unfiltered unit rows' targets (a joint row once, and the same
 * units' rows of one indicator once: their 基本 row's target) — compared
 * with those same units' actuals, each project once. Never the whole zone's actual against a part of
 * the units' targets. 扣分 rows (counts of overdue projects and the like) are no completion base.
 *
 * @example zoneCompletion(targets, records, '2025-10', { overdueDays: 180 })[0]
 * // { indicator: '签约项目数', actual: 35, target: 50, rate: 0.7, base: 'zone', units: [], … }
 */
export function zoneCompletion(
  targets: readonly Target[],
  records: SnapshotRecords,
  period: Period,
  opts: ActualOptions,
): Completion[] {
  const year = yearOf(period);
  const rows = targets.filter(
    (t) => t.year === year && t.method !== '扣分' && activeFilterKeys(filterOf(t)).length === 0,
  );
  const out: Completion[] = [];
  for (const indicator of INDICATORS) {
    const mine = rows.filter((t) => t.indicator === indicator);
    if (mine.length === 0) continue;
    const b = actualBreakdown(indicator, {}, records, period, opts);
    const zoneRow = mine.find((t) => t.zone);
    let entry: Omit<Completion, 'rate' | 'gapPp'>;
    if (zoneRow) {
      entry = { indicator, actual: b.zone.value, target: zoneRow.target, base: 'zone', units: [], refs: b.zone.refs };
    } else {
      const unitRows = mine.filter((t) => !t.zone && t.category !== '加分');
      if (unitRows.length === 0) continue;
      const units = [...new Set(unitRows.flatMap((t) => t.units))];
      const a = unionActual(b, units);
      // one 目标 per task: a 缺额扣分 row restating the same units' 基本 row counts once (the 基本 row's)
      const task = new Map<string, Target>();
      for (const t of unitRows) {
        const id = [...t.units].sort().join('\u0000');
        const prev = task.get(id);
        if (!prev || (prev.category !== '基本' && t.category === '基本')) task.set(id, t);
      }
      const target = [...task.values()].reduce((sum, t) => sum + t.target, 0);
      entry = { indicator, actual: a.value, target, base: 'units', units, refs: a.refs };
    }
    const rate = completion(entry.actual, entry.target);
    out.push({ ...entry, rate, gapPp: progressStatus(rate, period)?.gapPp ?? null });
  }
  return out;
}

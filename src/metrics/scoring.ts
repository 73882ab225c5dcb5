import type { ScoreItem, UnitScore } from '../schemas/metrics.ts';
import type { SnapshotRecords, Target, Unit } from '../schemas/records.ts';
import { type ActualBreakdown, type ActualOptions, actualBreakdown, ignoredFilters } from './actuals.ts';
import { filterLabel, filterOf } from './filters.ts';
import { type Period, yearOf } from './period.ts';
import { completion, progressStatus } from './progress.ts';
import { orderUnits } from './unitOrder.ts';

/** The scoring fields of a target row. */
export type ScoringRule = Pick<Target, 'method' | 'target' | 'points' | 'perItem' | 'cap' | 'capRatio'>;

/** Tolerance for 达标 so that a float sum such as 0.7 + 0.1 + 0.1 + 0.1 meets a target of 1. */
const EPSILON = 1e-9;

/**
 * Points of one target row (contract §5). `maxPoints` is the row's nominal full marks (满分).
 *
 * - `按比例`: 分值 × min(实际/目标, 封顶倍数 default 1), never below 0. `maxPoints` = 分值, so with a
 *   封顶倍数 above 1 the points may exceed it (超额加分). A target ≤ 0 is met by any actual ≥ it:
 *   full 分值 (not multiplied by 封顶倍数), as for 达标.
 * - `达标`: 分值 if 实际 ≥ 目标 (within 1e-9) else 0.
 * - `按件`: min(实际 × 单项分值, 封顶分, else 分值); uncapped when neither is given. `maxPoints` =
 *   封顶分 ?? 分值 ?? 0.
 * - `扣分`: −min(实际 × |单项分值|, 封顶分, else 分值); uncapped when neither is given. `maxPoints` = 0.
 *
 * A missing 分值 or 单项分值 counts as 0. `rate` is 完成率 (`null` for a target ≤ 0 and for 扣分).
 *
 * @example scoreTarget({ method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, 30) // { points: 3, maxPoints: 4.8, rate: 0.625 }
 * @example scoreTarget({ method: '按比例', target: 10, points: 20 }, 8) // { points: 16, maxPoints: 20, rate: 0.8 }
 */
export function scoreTarget(
  rule: ScoringRule,
  actual: number,
): { points: number; maxPoints: number; rate: number | null } {
  const full = rule.points ?? 0;
  const rate = rule.method === '扣分' ? null : completion(actual, rule.target);
  switch (rule.method) {
    case '按比例': {
      if (rate === null) return { points: actual >= rule.target - EPSILON ? full : 0, maxPoints: full, rate };
      const ratio = Math.min(Math.max(rate, 0), rule.capRatio ?? 1);
      return { points: full * ratio, maxPoints: full, rate };
    }
    case '达标':
      return {
        points: actual >= rule.target - EPSILON * Math.max(1, Math.abs(rule.target)) ? full : 0,
        maxPoints: full,
        rate,
      };
    case '按件': {
      const limit = rule.cap ?? rule.points ?? Infinity;
      return {
        points: Math.min(Math.max(actual, 0) * (rule.perItem ?? 0), limit),
        maxPoints: rule.cap ?? rule.points ?? 0,
        rate,
      };
    }
    case '扣分': {
      const limit = rule.cap ?? rule.points ?? Infinity;
      // `0 - …` keeps a zero deduction +0, not −0
      return { points: 0 - Math.min(Math.max(actual, 0) * Math.abs(rule.perItem ?? 0), limit), maxPoints: 0, rate };
    }
  }
}

/**
 * Scores every unit that has target rows for the period's year (rows of other years are
 * ignored): each row's actual is computed under its filters, scored by `scoreTarget`, and given
 * its 完成率 status against 序时进度. A target naming a unit the units table does not know is still
 * scored under the name as written (`known: false`). Units come in units-table order, then unknown
 * names; items in target-table order.
 *
 * @example scoreUnits(targets, records, units, '2025-10', { overdueDays: 180 })[0]
 * // { unit: '商务局', known: true, score: 19, maxScore: 24.8, items: [{ indicator: '有效信息条数', points: 3, … }] }
 */
export function scoreUnits(
  targets: readonly Target[],
  records: SnapshotRecords,
  units: readonly Unit[],
  period: Period,
  opts: ActualOptions,
): UnitScore[] {
  const year = yearOf(period);
  const rows = targets.filter((t) => t.year === year);
  const known = new Set(units.map((u) => u.name));
  // one pass over the rows per distinct (indicator, filter), shared by all units
  const breakdowns = new Map<string, ActualBreakdown>();
  const breakdownOf = (t: Target): ActualBreakdown => {
    const filter = filterOf(t);
    const id = `${t.indicator}|${JSON.stringify(filter)}`;
    let b = breakdowns.get(id);
    if (!b) breakdowns.set(id, (b = actualBreakdown(t.indicator, filter, records, period, opts)));
    return b;
  };
  const byUnit = new Map<string, ScoreItem[]>();
  for (const t of rows) {
    const filter = filterOf(t);
    const actual = breakdownOf(t).byUnit.get(t.unit) ?? { value: 0, refs: [] };
    const s = scoreTarget(t, actual.value);
    const progress = progressStatus(s.rate, period);
    const item: ScoreItem = {
      indicator: t.indicator,
      filterLabel: filterLabel(filter),
      ignoredFilters: ignoredFilters(t.indicator, filter),
      method: t.method,
      target: t.target,
      actual: actual.value,
      rate: s.rate,
      status: progress?.status ?? null,
      gapPp: progress?.gapPp ?? null,
      points: s.points,
      maxPoints: s.maxPoints,
      refs: actual.refs,
      src: t.src,
    };
    const list = byUnit.get(t.unit);
    if (list) list.push(item);
    else byUnit.set(t.unit, [item]);
  }
  return orderUnits(byUnit.keys(), units)
    .filter((unit) => byUnit.has(unit))
    .map((unit) => {
      const items = byUnit.get(unit) ?? [];
      return {
        unit,
        known: known.has(unit),
        score: items.reduce((sum, i) => sum + i.points, 0),
        maxScore: items.reduce((sum, i) => sum + i.maxPoints, 0),
        items,
      };
    });
}

import type { CapGroupScore, ManualItem, ScoreItem, UnitScore } from '../schemas/metrics.ts';
import type { ManualScore, SnapshotRecords, Target, Unit } from '../schemas/records.ts';
import { type ActualBreakdown, type ActualOptions, actualBreakdown, ignoredFilters, unionActual } from './actuals.ts';
import { filterLabel, filterOf } from './filters.ts';
import { fmtRate, fmtScore } from './format.ts';
import { type Period, monthOf, timeProgress, yearOf } from './period.ts';
import { completion, progressStatus } from './progress.ts';
import { orderUnits } from './unitOrder.ts';

/** The scoring fields of a target row. */
export type ScoringRule = Pick<Target, 'method' | 'target' | 'points' | 'perItem' | 'cap' | 'capRatio'> &
  Partial<Pick<Target, 'category'>>;

/** Settings that change the points (site.json, contract §7). */
export interface ScoringOptions extends ActualOptions {
  /** `annual` (default) or `timeProgress`: 按比例, 达标 and 缺额扣分 against 目标 × m/12. */
  scoreAgainst?: 'annual' | 'timeProgress';
  /** `raw` (default) ranks on points, `percent` on 百分制. */
  rankingScale?: 'raw' | 'percent';
}

/** Tolerance for 达标 so that a float sum such as 0.7 + 0.1 + 0.1 + 0.1 meets a target of 1. */
const EPSILON = 1e-9;

/** Whether a row subtracts (contract §5): 类别 扣分, or the method 扣分 / 缺额扣分. */
export const isDeduction = (r: ScoringRule): boolean =>
  r.category === '扣分' || r.method === '扣分' || r.method === '缺额扣分';

/** Methods that `scoreAgainst: timeProgress` scores against 目标 × m/12. */
const PACED = new Set<Target['method']>(['按比例', '达标', '缺额扣分']);

/** The target a row is scored against in `period` (contract §7). */
export function scoredTargetOf(rule: ScoringRule, period: Period, scoreAgainst: 'annual' | 'timeProgress'): number {
  return scoreAgainst === 'timeProgress' && PACED.has(rule.method) ? rule.target * timeProgress(period) : rule.target;
}

/**
 * Points of one target row by its method (contract §5), before any 封顶组 cap. `target` is what the
 * row is scored against (`scoredTargetOf`); `rate` is 完成率 against it (`null` for a target ≤ 0 and
 * for 扣分). Deduction rows (类别 扣分 too) give points ≤ 0.
 *
 * - `按比例`: 分值 × min(实际/目标, 封顶倍数 default 1), never below 0; a target ≤ 0 is met by any actual ≥ it.
 * - `达标`: 分值 if 实际 ≥ 目标 (within 1e-9) else 0.
 * - `按件`: min(实际 × 单项分值, 封顶分, else 分值); uncapped when neither is given.
 * - `扣分`: −min(实际 × |单项分值|, 封顶分, else 分值).
 * - `缺额扣分` ("每少1个扣X分"): −min(max(目标 − 实际, 0) × |单项分值|, 封顶分, else 分值).
 *
 * @example scoreTarget({ method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, 30, 48) // { points: 3, rate: 0.625 }
 * @example scoreTarget({ method: '缺额扣分', target: 5, perItem: 0.1, cap: 1 }, 2, 5) // { points: -0.3, rate: 0.4 }
 */
export function scoreTarget(
  rule: ScoringRule,
  actual: number,
  target: number,
): { points: number; rate: number | null } {
  const full = rule.points ?? 0;
  const rate = rule.method === '扣分' ? null : completion(actual, target);
  const limit = rule.cap ?? rule.points ?? Infinity;
  let points: number;
  switch (rule.method) {
    case '按比例':
      points =
        rate === null
          ? actual >= target - EPSILON
            ? full
            : 0
          : full * Math.min(Math.max(rate, 0), rule.capRatio ?? 1);
      break;
    case '达标':
      points = actual >= target - EPSILON * Math.max(1, Math.abs(target)) ? full : 0;
      break;
    case '按件':
      points = Math.min(Math.max(actual, 0) * (rule.perItem ?? 0), limit);
      break;
    case '扣分':
      points = -Math.min(Math.max(actual, 0) * Math.abs(rule.perItem ?? 0), limit);
      break;
    case '缺额扣分': {
      const short = Math.max(target - actual, 0);
      points = -Math.min((short < EPSILON ? 0 : short) * Math.abs(rule.perItem ?? 0), limit);
      break;
    }
  }
  if (rule.category === '扣分') points = -Math.abs(points);
  // `0 + …` keeps a zero deduction +0, not −0
  return { points: points + 0, rate };
}

/** The most a basic row gives towards 满分: 分值, or for 按件 its 封顶分 when 分值 is empty. */
function fullMarksOf(rule: ScoringRule): number {
  if (isDeduction(rule) || rule.category === '加分') return 0;
  return rule.points ?? (rule.method === '按件' ? (rule.cap ?? 0) : 0);
}

const n2 = fmtScore;
const num = (x: number): string => String(Math.round(x * 1e6) / 1e6);

/**
 * The rule of a scored row and its computation in words, as a clerk would write it on the 考核结果公示.
 *
 * @example formulaOf({ method: '按比例', points: 20, … }, 0.761, 15.22, …) // '按比例：分值20 × 完成率76.1% = 15.22'
 */
export function formulaOf(
  rule: ScoringRule,
  actual: number,
  scoredTarget: number,
  rate: number | null,
  points: number,
): string {
  const limitText =
    rule.cap !== undefined
      ? `，封顶${num(rule.cap)}分`
      : rule.points !== undefined
        ? `，最高${num(rule.points)}分`
        : '';
  const against = scoredTarget !== rule.target ? `（按序时目标${num(roundish(scoredTarget))}）` : '';
  switch (rule.method) {
    case '按比例': {
      const ratio =
        rule.capRatio !== undefined && rule.capRatio !== 1 ? `，最高${num(rule.capRatio)}倍` : '，完成率最高按100%';
      return `按比例：分值${num(rule.points ?? 0)} × 完成率${fmtRate(rate)}${against}${ratio} = ${n2(points)}`;
    }
    case '达标':
      return `达标：实际${num(actual)}${actual >= scoredTarget - EPSILON ? '≥' : '<'}目标${num(roundish(scoredTarget))}${against ? '（序时）' : ''}，得分值${num(rule.points ?? 0)}或0 = ${n2(points)}`;
    case '按件':
      return `按件：${num(actual)} × ${num(rule.perItem ?? 0)}分${limitText} = ${n2(points)}`;
    case '扣分':
      return `扣分：${num(actual)} × ${num(Math.abs(rule.perItem ?? 0))}分${limitText} = ${n2(points)}`;
    case '缺额扣分': {
      const short = Math.max(scoredTarget - actual, 0);
      return `缺额扣分：差${num(roundish(short))}个 × ${num(Math.abs(rule.perItem ?? 0))}分（目标${num(roundish(scoredTarget))}${against ? '，序时' : ''}，实际${num(actual)}）${limitText} = ${n2(points)}`;
    }
  }
}

const roundish = (x: number): number => Math.round(x * 100) / 100;

/** A group cap: summed points limited to the cap in absolute value. */
function capSum(sum: number, cap: number | null): number {
  if (cap === null) return sum;
  return sum >= 0 ? Math.min(sum, cap) : Math.max(sum, -cap);
}

/**
 * Scores every unit that has target rows for the period's year (contract §5, §7): zone rows
 * (`全区`) carry no points; a joint row scores its full points for each unit it names, against the
 * union of their actuals; 封顶组 rows of one unit share their 组封顶分; 人工评分 items count from their
 * month to December. A target naming a unit the units table does not know is still scored under the
 * name as written (`known: false`). Units come in units-table order, then unknown names; items in
 * target-table order.
 *
 * @example scoreUnits(targets, records, units, '2025-10', { overdueDays: 180 })[0]
 * // { unit: '商务局', known: true, raw: 19, fullMarks: 20, bonus: 1, deduction: 0, items: [...], … }
 */
export function scoreUnits(
  targets: readonly Target[],
  records: SnapshotRecords,
  units: readonly Unit[],
  period: Period,
  opts: ScoringOptions,
  manualScores: readonly ManualScore[] = [],
): UnitScore[] {
  const year = yearOf(period);
  const against = opts.scoreAgainst ?? 'annual';
  const rows = targets.filter((t) => t.year === year && !t.zone);
  const info = new Map(units.map((u) => [u.name, u]));
  // one pass over the rows per distinct (indicator, filter), shared by all units
  const breakdowns = new Map<string, ActualBreakdown>();
  const breakdownOf = (t: Target): ActualBreakdown => {
    const filter = filterOf(t);
    const id = `${t.indicator}|${JSON.stringify(filter)}`;
    let b = breakdowns.get(id);
    if (!b) breakdowns.set(id, (b = actualBreakdown(t.indicator, filter, records, period, opts)));
    return b;
  };
  /** Per unit: its items, each with the annual-target points of basic rows (for 红榜). */
  const byUnit = new Map<string, Array<{ item: ScoreItem; t: Target; annualPoints: number }>>();
  for (const t of rows) {
    const filter = filterOf(t);
    const actual = unionActual(breakdownOf(t), t.units);
    const scoredTarget = scoredTargetOf(t, period, against);
    const s = scoreTarget(t, actual.value, scoredTarget);
    const rate = t.method === '扣分' ? null : completion(actual.value, t.target);
    const progress = progressStatus(rate, period);
    const annualPoints = scoredTarget === t.target ? s.points : scoreTarget(t, actual.value, t.target).points;
    const item: ScoreItem = {
      indicator: t.indicator,
      filterLabel: filterLabel(filter),
      ignoredFilters: ignoredFilters(t.indicator, filter),
      method: t.method,
      category: isDeduction(t) ? '扣分' : t.category,
      weight: t.points ?? null,
      perItem: t.perItem ?? null,
      cap: t.cap ?? null,
      capRatio: t.capRatio ?? null,
      capGroup: t.capGroup ?? null,
      units: t.units,
      target: t.target,
      scoredTarget,
      actual: actual.value,
      rate,
      status: progress?.status ?? null,
      gapPp: progress?.gapPp ?? null,
      points: s.points,
      fullMarks: fullMarksOf(t),
      formula: formulaOf(t, actual.value, scoredTarget, s.rate, s.points),
      refs: actual.refs,
      src: t.src,
    };
    for (const unit of t.units) {
      const list = byUnit.get(unit);
      if (list) list.push({ item, t, annualPoints });
      else byUnit.set(unit, [{ item, t, annualPoints }]);
    }
  }
  const manualOf = new Map<string, ManualItem[]>();
  for (const m of manualScores) {
    if (m.year !== year || m.from > period) continue;
    const item: ManualItem = { item: m.item, points: m.points, basis: m.basis ?? null, from: m.from, src: m.src };
    manualOf.set(m.unit, [...(manualOf.get(m.unit) ?? []), item]);
  }
  const m = monthOf(period);
  return orderUnits([...byUnit.keys(), ...manualOf.keys()], units)
    .filter((unit) => byUnit.has(unit) || manualOf.has(unit))
    .map((unit): UnitScore => {
      const entries = byUnit.get(unit) ?? [];
      const manual = manualOf.get(unit) ?? [];
      const totals = { basic: 0, bonus: 0, deduction: 0, annualBasic: 0 };
      const add = (category: Target['category'], points: number) => {
        if (category === '扣分') totals.deduction += points;
        else if (category === '加分') totals.bonus += points;
        else totals.basic += points;
      };
      // rows outside a 封顶组 count as they are; a group's rows are summed, then capped
      const groups = new Map<
        string,
        { category: Target['category']; cap: number | null; sum: number; annual: number }
      >();
      for (const { item, t, annualPoints } of entries) {
        if (t.capGroup === undefined) {
          add(item.category, item.points);
          if (item.category === '基本') totals.annualBasic += annualPoints;
          continue;
        }
        const g = groups.get(t.capGroup) ?? { category: item.category, cap: null, sum: 0, annual: 0 };
        if (t.groupCap !== undefined) g.cap = g.cap === null ? t.groupCap : Math.min(g.cap, t.groupCap);
        g.sum += item.points;
        g.annual += annualPoints;
        groups.set(t.capGroup, g);
      }
      const groupScores: CapGroupScore[] = [...groups].map(([name, g]) => {
        const points = capSum(g.sum, g.cap);
        add(g.category, points);
        if (g.category === '基本') totals.annualBasic += capSum(g.annual, g.cap);
        return { name, category: g.category, cap: g.cap, sum: g.sum, points };
      });
      for (const x of manual) add(x.points >= 0 ? '加分' : '扣分', x.points);
      // 满分: basic rows' 满分; a basic 封顶组 gives at most its 组封顶分, however many rows share it
      const groupFull = new Map<string, { sum: number; cap: number | null }>();
      let fullMarks = 0;
      for (const { item, t } of entries) {
        if (t.capGroup === undefined) fullMarks += item.fullMarks;
        else {
          const g = groupFull.get(t.capGroup) ?? { sum: 0, cap: groups.get(t.capGroup)?.cap ?? null };
          g.sum += item.fullMarks;
          groupFull.set(t.capGroup, g);
        }
      }
      for (const g of groupFull.values()) fullMarks += g.cap === null ? g.sum : Math.min(g.sum, g.cap);
      const raw = totals.basic + totals.bonus + totals.deduction;
      const percent = fullMarks > 0 ? (totals.basic / fullMarks) * 100 + totals.bonus + totals.deduction : null;
      const u = info.get(unit);
      const headcount = u?.headcount ?? null;
      const paceRate = fullMarks > 0 ? totals.annualBasic / fullMarks : null;
      return {
        unit,
        known: u !== undefined,
        score: opts.rankingScale === 'percent' ? (percent ?? raw) : raw,
        raw,
        fullMarks,
        basic: totals.basic,
        bonus: totals.bonus,
        deduction: totals.deduction + 0,
        percent,
        headcount,
        pool: headcount === null ? null : raw * headcount,
        onPace: paceRate !== null && paceRate >= m / 12 - EPSILON,
        paceRate,
        items: entries.map((e) => e.item),
        groups: groupScores,
        manual,
      };
    });
}

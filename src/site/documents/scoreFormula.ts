import { fmtScore, roundTo } from '../../metrics/format.ts';
import type { CapGroupScore, ManualItem, ScoreItem, UnitScore } from '../../schemas/metrics.ts';
import { indicatorMeasure, ruleNumber } from '../ranking/rankingRules.ts';

/**
 * Scores written out as formulas for the 考核结果公示 (contract §11), so that each unit can redo the
 * sum by hand: `得分 = 分值20 × 完成率76.1% = 15.22`. Every figure comes from the engine's score
 * items (`metrics.units[].items`, `scoreDetail`); nothing is re-scored. A percentage or amount is
 * printed with as many decimals (up to 4) as needed for the printed product to give the printed
 * score. Pure.
 */

/** The item fields a formula needs. */
export type FormulaItem = Pick<
  ScoreItem,
  | 'indicator'
  | 'method'
  | 'category'
  | 'weight'
  | 'perItem'
  | 'cap'
  | 'capRatio'
  | 'target'
  | 'scoredTarget'
  | 'actual'
  | 'points'
>;

const n = ruleNumber;

/**
 * `x` with the fewest decimals from `min` to `max` for which `check(rounded)` holds; `max` when none.
 *
 * @example handDecimals(0.65067, 1, 4, (r) => Math.abs(15 * r / 100 - 9.76) < 0.005) // 2 (65.07)
 */
export function handDecimals(x: number, min: number, max: number, check: (rounded: number) => boolean): number {
  for (let d = min; d <= max; d++) if (check(roundTo(x, d))) return d;
  return max;
}

/** Same score at two decimals. */
const same = (a: number, b: number) => roundTo(a, 2) === roundTo(b, 2);

/** `26条`, `12.50亿元`: an actual with its unit, decimals enough for `× per` to give `product`. */
function quantity(item: FormulaItem, value: number, per: number, product: number): string {
  const unit = indicatorMeasure(item.indicator).unit;
  if (Number.isInteger(value)) return `${value}${unit}`;
  const d = handDecimals(value, 2, 4, (v) => same(v * per, product));
  return `${roundTo(value, d).toFixed(d)}${unit}`;
}

/** A signed score as printed: `15.22`, `-2.50`. */
const pts = (x: number) => fmtScore(x);

/**
 * The score of one target row as a formula, its prefix by category (`得分 = `, `加分：`, `扣分：`).
 *
 * @example scoreFormula({ method: '按比例', category: '基本', weight: 20, target: 100, scoredTarget: 100, actual: 76.1, points: 15.22, … })
 * // '得分 = 分值20 × 完成率76.1% = 15.22'
 * @example scoreFormula({ method: '按件', category: '基本', perItem: 0.1, cap: 4.8, actual: 26, points: 2.6, indicator: '有效信息条数', … })
 * // '得分 = 26条 × 0.1分 = 2.60（封顶4.8分）'
 * @example scoreFormula({ method: '扣分', category: '扣分', perItem: 0.5, cap: 5, actual: 5, points: -2.5, indicator: '签约超期未开工项目数', … })
 * // '扣分：5个 × 0.5分 = 2.50，计-2.50（最多扣5分）'
 */
export function scoreFormula(item: FormulaItem): string {
  const prefix = item.category === '加分' ? '加分：' : item.category === '扣分' ? '扣分：' : '得分 = ';
  return prefix + formulaBody(item);
}

/** The formula without its prefix, e.g. `分值20 × 完成率76.1% = 15.22`. */
export function formulaBody(item: FormulaItem): string {
  const weight = item.weight ?? 0;
  const scored = item.scoredTarget;
  const seq = scored !== item.target;
  /** `目标18`, or under `scoreAgainst: timeProgress` `序时目标15（年度目标18）`. */
  const targetText = seq ? `序时目标${n(roundTo(scored, 2))}（年度目标${n(item.target)}）` : `目标${n(item.target)}`;
  const actual = n(roundTo(item.actual, 4));
  switch (item.method) {
    case '按比例': {
      if (scored <= 0)
        return `实际${actual}${item.actual >= scored ? '不低于' : '低于'}${targetText}，${item.points !== 0 ? `得满分${n(weight)}` : '不得分'} = ${pts(item.points)}`;
      const rate = item.actual / scored;
      const limit = item.capRatio ?? 1;
      const against = seq ? `（实际${actual} ÷ ${targetText}）` : '';
      if (rate > limit) {
        return `分值${n(weight)} × 完成率${n(roundTo(limit * 100, 4))}%（实际完成率${roundTo(rate * 100, 1).toFixed(1)}%，最高按${n(roundTo(limit * 100, 4))}%计）${against} = ${pts(item.points)}`;
      }
      const used = Math.max(rate, 0);
      const d = handDecimals(used * 100, 1, 4, (p) => same((weight * p) / 100, item.points));
      return `分值${n(weight)} × 完成率${roundTo(used * 100, d).toFixed(d)}%${against} = ${pts(item.points)}`;
    }
    case '达标': {
      const met = item.points !== 0;
      return `实际${actual} ${met ? '≥' : '<'} ${targetText}，${met ? `得分值${n(weight)}` : '不得分'} = ${pts(item.points)}`;
    }
    case '按件':
    case '扣分': {
      const per = Math.abs(item.perItem ?? 0);
      const limit = item.cap ?? item.weight;
      const v = Math.max(item.actual, 0);
      const raw = v * per;
      const capped = limit !== null && raw > limit + 1e-9;
      const q = quantity(item, v, per, capped ? raw : Math.abs(item.points));
      if (item.points < 0 || item.category === '扣分' || item.method === '扣分') {
        const cap = limit === null ? '' : `最多扣${n(limit)}分`;
        return capped
          ? `${q} × ${n(per)}分 = ${pts(raw)}，${cap}，计${pts(item.points)}`
          : `${q} × ${n(per)}分 = ${pts(raw)}，计${pts(item.points)}${cap ? `（${cap}）` : ''}`;
      }
      if (capped) return `${q} × ${n(per)}分 = ${pts(raw)}，封顶${n(limit)}分 = ${pts(item.points)}`;
      return `${q} × ${n(per)}分 = ${pts(item.points)}${limit === null ? '' : `（封顶${n(limit)}分）`}`;
    }
    case '缺额扣分': {
      const per = Math.abs(item.perItem ?? 0);
      const limit = item.cap ?? item.weight;
      const short = Math.max(scored - item.actual, 0);
      const raw = short * per;
      const unit = indicatorMeasure(item.indicator).unit;
      const shortText = `差${n(roundTo(short, 2))}${unit}（${targetText} − 实际${actual}）`;
      const capped = limit !== null && raw > limit + 1e-9;
      const cap = limit === null ? '' : `最多扣${n(limit)}分`;
      return capped
        ? `${shortText} × ${n(per)}分 = ${pts(raw)}，${cap}，计${pts(item.points)}`
        : `${shortText} × ${n(per)}分 = ${pts(raw)}，计${pts(item.points)}${cap ? `（${cap}）` : ''}`;
    }
  }
}

/** A short name of an indicator in a group formula: `外出招商次数` → `外出招商`. */
function shortName(indicator: string): string {
  return indicator.replace(/(次数|条数|项目数|企业数)$/, (m) =>
    m === '项目数' ? '项目' : m === '企业数' ? '企业' : '',
  );
}

/**
 * A 封顶组 as one formula: its rows' points summed, then the 组封顶分.
 *
 * @example groupFormula({ name: '外出拜访加分', category: '加分', cap: 3, sum: 1.7, points: 1.7 }, [外出招商 6次×0.2, 外资项目 1个×0.5])
 * // '加分：外出招商 6次×0.2 + 外资到位 1个×0.5，封顶3分 = 1.70'
 */
export function groupFormula(group: CapGroupScore, items: readonly FormulaItem[]): string {
  const prefix = group.category === '加分' ? '加分：' : group.category === '扣分' ? '扣分：' : '得分 = ';
  const parts = items.map((it) => {
    if ((it.method === '按件' || it.method === '扣分') && it.perItem !== null) {
      const unit = indicatorMeasure(it.indicator).unit;
      const v = Math.max(it.actual, 0);
      return `${shortName(it.indicator)} ${Number.isInteger(v) ? v : roundTo(v, 2).toFixed(2)}${unit}×${n(Math.abs(it.perItem))}`;
    }
    return `${shortName(it.indicator)} ${pts(it.points)}`;
  });
  const capWord = group.category === '扣分' ? '最多扣' : '封顶';
  const capText = group.cap === null ? '' : `，${capWord}${n(group.cap)}分`;
  if (group.cap !== null && !same(group.sum, group.points))
    return `${prefix}${parts.join(' + ')} = ${pts(group.sum)}${capText} = ${pts(group.points)}`;
  return `${prefix}${parts.join(' + ')}${capText} = ${pts(group.points)}`;
}

/** A 人工评分 item as a line: `人工评分：举行签约活动 +0.50（依据：青开招〔2025〕12号）`. */
export function manualFormula(m: Pick<ManualItem, 'item' | 'points' | 'basis'>): string {
  return `${m.points >= 0 ? '加分' : '扣分'}：${m.item} ${m.points >= 0 ? '+' : ''}${pts(m.points)}（依据：${m.basis ?? '未填写'}）`;
}

/**
 * The total in words: `总分 = 基本分54.36 + 加分0.00 + 扣分-2.50 = 51.86`, and 百分制 when 满分 > 0:
 * `百分制 = 54.36 ÷ 89.80 × 100 + 0.00 + (-2.50) = 58.03`.
 */
export function totalFormulas(
  d: Pick<UnitScore, 'raw' | 'basic' | 'bonus' | 'deduction' | 'fullMarks' | 'percent' | 'pool' | 'headcount'>,
): { total: string; percent: string | null; pool: string | null } {
  const ded = d.deduction === 0 ? '0.00' : pts(d.deduction);
  return {
    total: `总分 = 基本分${pts(d.basic)} + 加分${pts(d.bonus)} + 扣分${ded} = ${pts(d.raw)}`,
    percent:
      d.percent === null
        ? null
        : `百分制 = 基本分${pts(d.basic)} ÷ 满分${pts(d.fullMarks)} × 100 + 加分${pts(d.bonus)} + 扣分${ded} = ${pts(d.percent)}`,
    pool:
      d.pool === null || d.headcount === null
        ? null
        : `分值池 = 总分${pts(d.raw)} × 人数${d.headcount} = ${pts(d.pool)}`,
  };
}

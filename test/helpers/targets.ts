import type { ScoreItem } from '../../src/schemas/metrics.ts';
import type { Target } from '../../src/schemas/records.ts';

/** A target row as a test writes it: one unit named, the v2 fields defaulted as `finishTargets` does. */
export type TargetInput = Omit<Target, 'units' | 'zone' | 'category' | 'method'> &
  Partial<Pick<Target, 'units' | 'zone' | 'category' | 'method'>>;

/** A resolved target row: `units` = [unit] (none for `全区`), 类别 from the method, 按比例 by default. */
export function makeTarget(t: TargetInput): Target {
  const method = t.method ?? '按比例';
  const zone = t.zone ?? t.unit === '全区';
  return {
    ...t,
    method,
    zone,
    units: t.units ?? (zone ? [] : t.unit.split('、')),
    category: t.category ?? (method === '扣分' || method === '缺额扣分' ? '扣分' : '基本'),
  };
}

/** A score item with the v2 fields filled from its method. */
export function makeItem(over: Partial<ScoreItem> & Pick<ScoreItem, 'refs' | 'src'>): ScoreItem {
  const method = over.method ?? '按比例';
  const deduction = method === '扣分' || method === '缺额扣分';
  return {
    indicator: '签约项目数',
    filterLabel: '',
    ignoredFilters: [],
    method,
    category: deduction ? '扣分' : '基本',
    weight: null,
    perItem: null,
    cap: null,
    capRatio: null,
    capGroup: null,
    units: [],
    target: 10,
    scoredTarget: over.target ?? 10,
    actual: 8,
    rate: 0.8,
    status: '欠进度',
    gapPp: -3.333,
    points: 16,
    fullMarks: deduction ? 0 : 20,
    formula: '',
    ...over,
  };
}

/** The v2 fields of a ranking entry, for tests that give only unit, score and ranks. */
export const entryDefaults = (score: number) => ({
  raw: score,
  fullMarks: 0,
  bonus: 0,
  deduction: 0,
  percent: null,
  pool: null,
  onPace: false,
});

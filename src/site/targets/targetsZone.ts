import { completion, progressStatus } from '../../metrics/progress.ts';
import type { IndicatorValues, UnitMetrics } from '../../schemas/metrics.ts';
import { INDICATORS, type Indicator } from '../../schemas/records.ts';

/**
 * Zone-level targets (各单位目标合计) and the month-by-month series of the target page. Pure:
 * pages pass the metrics of each snapshot in.
 */

/** The three indicators drawn month by month against the target. */
export const MAIN_INDICATORS = ['签约金额', '签约项目数', '到位资金'] as const satisfies readonly Indicator[];

/** One unit's target counted in a zone sum. */
export interface ZonePart {
  unit: string;
  target: number;
  /** The row's conditions when the unit has no unconditioned row, e.g. `产业链=新能源`. */
  filterLabel: string;
}

/** Sum of the unit targets of one indicator against the zone's actual. */
export interface ZoneTarget {
  indicator: Indicator;
  /** 各单位目标合计, e.g. `120`. */
  target: number;
  parts: ZonePart[];
  /** Target rows left out because the unit has a broader row of the indicator, e.g. `青川镇（投资≥5亿元）`. */
  leftOut: string[];
  /** The zone's year-to-date actual (every row, with or without a unit). */
  actual: number;
  rate: number | null;
  status: '超进度' | '欠进度' | null;
  gapPp: number | null;
}

/** Number of conditions in a filter label (`产业链=新能源；投资≥5亿元` → 2). */
const conditions = (label: string) => (label === '' ? 0 : label.split('；').length);

type TargetItem = { indicator: string; method: string; filterLabel: string };

/**
 * The row of one unit's items that counts towards 各单位目标合计 for an indicator: the row with
 * the fewest conditions (扣分 rows excluded), and the rows left out. `null` when the unit has none.
 */
export function zoneRow<T extends TargetItem>(items: readonly T[], indicator: string): { best: T; others: T[] } | null {
  const rows = items.filter((i) => i.indicator === indicator && i.method !== '扣分');
  if (rows.length === 0) return null;
  const best = rows.reduce((a, b) => (conditions(b.filterLabel) < conditions(a.filterLabel) ? b : a));
  return { best, others: rows.filter((r) => r !== best) };
}

/**
 * Sums the units' targets per indicator. Each unit counts once per indicator: its row without
 * conditions, or, when it has only conditioned rows, the one with the fewest conditions (first in
 * table order on a tie), since a narrower row (投资≥5亿元) is part of the broader one and adding
 * both would count projects twice. 扣分 rows are no targets to reach and are left out. Indicators
 * in vocabulary order; only those with a target.
 *
 * @example zoneTargets([{ unit: '甲', items: [{ indicator: '签约项目数', filterLabel: '', target: 10, … }, { indicator: '签约项目数', filterLabel: '投资≥5亿元', target: 2, … }] }, { unit: '乙', items: [{ indicator: '签约项目数', filterLabel: '', target: 5, … }] }], actuals, '2025-10')
 * // [{ indicator: '签约项目数', target: 15, leftOut: ['甲（投资≥5亿元）'], … }]
 */
export function zoneTargets(
  units: readonly Pick<UnitMetrics, 'unit' | 'items'>[],
  actuals: IndicatorValues,
  period: string,
): ZoneTarget[] {
  const out: ZoneTarget[] = [];
  for (const indicator of INDICATORS) {
    const parts: ZonePart[] = [];
    const leftOut: string[] = [];
    for (const u of units) {
      const row = zoneRow(u.items, indicator);
      if (!row) continue;
      parts.push({ unit: u.unit, target: row.best.target, filterLabel: row.best.filterLabel });
      for (const r of row.others) leftOut.push(`${u.unit}（${r.filterLabel || '无条件'}）`);
    }
    if (parts.length === 0) continue;
    const target = parts.reduce((s, p) => s + p.target, 0);
    const actual = actuals[indicator] ?? 0;
    const rate = completion(actual, target);
    const p = progressStatus(rate, period);
    out.push({ indicator, target, parts, leftOut, actual, rate, status: p?.status ?? null, gapPp: p?.gapPp ?? null });
  }
  return out;
}

/**
 * The zone's year-to-date value of an indicator at each month of a year, each from that month's
 * own snapshot (a later snapshot may correct earlier months; the chart shows what each month
 * reported). Months without a snapshot are left out.
 *
 * @example monthSeries([{ period: '2025-01', actuals: { 签约金额: 5 } }, { period: '2025-02', actuals: { 签约金额: 12.5 } }], '签约金额')
 * // [{ month: 1, value: 5 }, { month: 2, value: 12.5 }]
 */
export function monthSeries(
  snapshots: readonly { period: string; actuals: Partial<IndicatorValues> }[],
  indicator: Indicator,
): { month: number; value: number; period: string }[] {
  return [...snapshots]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((s) => ({ month: Number(s.period.slice(5)), value: s.actuals[indicator] ?? 0, period: s.period }));
}

/**
 * The drill id of a zone indicator's rows (`ytd.<kind>`, `overdue`), or `null` when no single
 * figure lists exactly its rows (the size indicators count a subset of 签约).
 */
export function zoneFigureId(indicator: Indicator): string | null {
  switch (indicator) {
    case '签约项目数':
    case '签约金额':
      return 'ytd.signed';
    case '开工项目数':
      return 'ytd.started';
    case '投产项目数':
      return 'ytd.producing';
    case '到位资金':
      return 'ytd.funds';
    case '外资到位':
      return 'ytd.funds.foreign';
    case '有效信息条数':
      return 'ytd.leadsValid';
    case '外出招商次数':
    case '拜访企业数':
      return 'ytd.trips';
    case '签约超期未开工项目数':
      return 'overdue';
    default:
      return null;
  }
}

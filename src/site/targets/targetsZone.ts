import { progressStatus } from '../../metrics/progress.ts';
import type { IndicatorValues, PeriodMetrics } from '../../schemas/metrics.ts';
import type { Indicator } from '../../schemas/records.ts';

/**
 * Zone-level targets (全区目标, else 各单位目标合计) and the month-by-month series of the target page. Pure:
 * pages pass the metrics of each snapshot in.
 */

/** The three indicators drawn month by month against the target. */
export const MAIN_INDICATORS = ['签约金额', '签约项目数', '到位资金'] as const satisfies readonly Indicator[];

/** One unit's target counted in a zone sum (a joint task names its units together, once). */
export interface ZonePart {
  unit: string;
  target: number;
  /** Always `''` (only rows without conditions are summed). */
  filterLabel: string;
}

/** The zone's completion of one indicator as shown (contract §7; computed in `metrics.completion`). */
export interface ZoneTarget {
  indicator: Indicator;
  /** The 全区 target, or 各单位目标合计 of the units holding the indicator, e.g. `120`. */
  target: number;
  /** `zone`: the 全区 row; `units`: the units' targets against those units' actuals. */
  base: 'zone' | 'units';
  /** `全区目标` or `13个单位目标合计`. */
  baseLabel: string;
  /** For `units`: each unit's target (a joint task once). */
  parts: ZonePart[];
  /** Kept for the pages: rows left out of the sum (always empty: conditioned rows are never summed). */
  leftOut: string[];
  /** Year-to-date actual against the target: the zone's (`zone`), or the covering units' (`units`). */
  actual: number;
  rate: number | null;
  status: '超进度' | '欠进度' | null;
  gapPp: number | null;
}

type TargetItem = { indicator: string; method: string; filterLabel: string };

/**
 * The row of one unit's items that counts towards 各单位目标合计 for an indicator: its row without
 * conditions (扣分 rows excluded). `null` when the unit has none.
 */
export function zoneRow<T extends TargetItem>(items: readonly T[], indicator: string): { best: T; others: T[] } | null {
  const rows = items.filter((i) => i.indicator === indicator && i.method !== '扣分');
  const best = rows.find((r) => r.filterLabel === '');
  if (!best) return null;
  return { best, others: rows.filter((r) => r !== best) };
}

/**
 * The zone's completion per indicator with a target, in vocabulary order, from the engine
 * (`metrics.completion`): against the 全区 row where the target table has one, else against the
 * units holding it, with those units' own actuals — never the zone's actual over a part of the
 * units' targets.
 *
 * @example zoneTargets(metrics)[0] // { indicator: '签约项目数', target: 50, base: 'zone', baseLabel: '全区目标', … }
 */
export function zoneTargets(metrics: Pick<PeriodMetrics, 'units' | 'completion' | 'period'>): ZoneTarget[] {
  return metrics.completion.map((c): ZoneTarget => {
    const seen = new Set<string>();
    const parts: ZonePart[] = [];
    if (c.base === 'units') {
      for (const u of metrics.units) {
        for (const item of u.items) {
          if (item.indicator !== c.indicator || item.filterLabel !== '' || item.method === '扣分') continue;
          if (item.category === '加分') continue;
          const id = `${item.src.file}\u0000${item.src.sheet}\u0000${item.src.row}`;
          if (seen.has(id)) continue;
          seen.add(id);
          parts.push({ unit: item.units.join('、'), target: item.target, filterLabel: '' });
        }
      }
    }
    const p = progressStatus(c.rate, metrics.period);
    return {
      indicator: c.indicator,
      target: c.target,
      base: c.base,
      baseLabel: c.base === 'zone' ? '全区目标' : `${c.units.length}个单位目标合计`,
      parts,
      leftOut: [],
      actual: c.actual,
      rate: c.rate,
      status: p?.status ?? null,
      gapPp: p?.gapPp ?? null,
    };
  });
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

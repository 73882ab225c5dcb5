import { completionFigureId } from '../drill.ts';
import { fmtRate } from '../../metrics/format.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import { INDICATORS, type Indicator, type Target, type Unit } from '../../schemas/records.ts';
import { periodLabel, unitId, unitPage } from '../data.ts';
import { type Drill, type ScoreLine, progressWords, scoreLines } from '../ranking/rankingBreakdown.ts';
import { fmtIndicator, indicatorMeasure, targetFinder } from '../ranking/rankingRules.ts';
import { MAIN_INDICATORS, type ZoneTarget, monthSeries, zoneTargets } from './targetsZone.ts';

/**
 * The target page of a year (`targets/<YYYY>.html`), from the year's latest snapshot: every
 * unit's target rows against their actuals, one bullet chart per indicator, the zone's sums of
 * unit targets and month-by-month lines of the main indicators.
 */

/** A target row of a unit, as shown. */
export interface TargetLine extends ScoreLine {
  unit: string;
  unitId: string;
  /** Output path of the unit page. */
  unitPage: string;
  /** Bullet label: the unit, with the row's conditions, e.g. `青川镇（产业链=新能源）`. */
  label: string;
}

/** One bullet chart: an indicator's target rows across units. */
export interface IndicatorBullets {
  indicator: Indicator;
  unit: string;
  rows: { label: string; actual: number; target: number; timeProgress: number; href: string }[];
}

export interface ZoneLine extends ZoneTarget {
  measure: string;
  targetText: string;
  actualText: string;
  rateText: string;
  progressText: string | null;
  /** Relative href of the zone's rows, `null` when no figure lists exactly them. */
  href: string | null;
  /** Month-by-month 累计 values, each from that month's snapshot (main indicators only). */
  series: { month: number; value: number; period: string }[] | null;
}

export interface TargetsView {
  year: number;
  period: string;
  /** e.g. `数据截至2025年10月底（1—10月累计）；序时进度 83.3%`. */
  lead: string;
  timeProgress: number;
  lines: TargetLine[];
  bullets: IndicatorBullets[];
  /** Units of the units table with no target row this year. */
  withoutTargets: { unit: string; page: string }[];
  zone: ZoneLine[];
}

/**
 * Builds the year's view from its latest snapshot (`metrics`), the targets table, and the zone
 * actuals of every snapshot of the year (`snapshots`, for the month lines).
 */
export function targetsView(
  metrics: PeriodMetrics,
  units: readonly Unit[],
  targets: readonly Target[],
  snapshots: readonly { period: string; actuals: PeriodMetrics['zone']['actuals'] }[],
  drill: Drill,
): TargetsView {
  const period = metrics.period;
  const find = targetFinder(targets);
  const scored = metrics.units.filter((u) => u.items.length > 0);
  const lines: TargetLine[] = scored.flatMap((u) =>
    scoreLines(u, period, find, drill).map((l) => ({
      ...l,
      unit: u.unit,
      unitId: unitId(u.unit),
      unitPage: unitPage(u.unit),
      label: l.filterLabel ? `${u.unit}（${l.filterLabel}）` : u.unit,
    })),
  );
  const bullets: IndicatorBullets[] = INDICATORS.map((indicator) => ({
    indicator,
    unit: indicatorMeasure(indicator).unit,
    rows: lines
      .filter((l) => l.indicator === indicator && l.method !== '扣分' && l.target > 0)
      .map((l) => ({
        label: l.label,
        actual: l.actual,
        target: l.target,
        timeProgress: metrics.timeProgress,
        href: l.href,
      })),
  })).filter((b) => b.rows.length > 0);
  const withTargets = new Set(scored.map((u) => u.unit));
  const main = new Set<Indicator>(MAIN_INDICATORS);
  const zone: ZoneLine[] = zoneTargets(metrics).map((z) => {
    const id = completionFigureId(z.indicator);
    return {
      ...z,
      measure: indicatorMeasure(z.indicator).unit,
      targetText: fmtIndicator(z.indicator, z.target),
      actualText: fmtIndicator(z.indicator, z.actual),
      rateText: fmtRate(z.rate),
      progressText: progressWords(z.status, z.gapPp),
      href: id ? drill(period, id) : null,
      series: main.has(z.indicator)
        ? monthSeries(
            snapshots.filter((s) => s.period.startsWith(`${metrics.year}-`)),
            z.indicator,
          )
        : null,
    };
  });
  const range = metrics.month === 1 ? '1月' : `1—${metrics.month}月`;
  return {
    year: metrics.year,
    period,
    lead: `数据截至${periodLabel(period)}底（${range}累计）；序时进度 ${fmtRate(metrics.timeProgress)}`,
    timeProgress: metrics.timeProgress,
    lines,
    bullets,
    withoutTargets: units
      .filter((u) => !withTargets.has(u.name))
      .map((u) => ({ unit: u.name, page: unitPage(u.name) })),
    zone,
  };
}

/** Years that have a snapshot, latest first, each with its latest period. */
export function targetYears(periods: readonly string[]): { year: number; period: string; page: string }[] {
  const latest = new Map<number, string>();
  for (const p of [...periods].sort()) latest.set(Number(p.slice(0, 4)), p);
  return [...latest]
    .sort((a, b) => b[0] - a[0])
    .map(([year, period]) => ({ year, period, page: `targets/${year}.html` }));
}

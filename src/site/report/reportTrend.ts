import { cumulativeLine } from '../../charts/cumulativeLine.ts';
import { fmtInt, fmtYi } from '../../metrics/format.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';

/**
 * The annual report's month-by-month trend: each month's figures from that month's own snapshot
 * (what was reported at the time; a later snapshot may correct earlier months, and the report
 * says so). Pure.
 */

/** What the trend needs of one snapshot. */
export type TrendSnapshot = { period: string; metrics: Pick<PeriodMetrics, 'month' | 'ytd' | 'thisMonth'> };

/** One month of the year, from its own snapshot. */
export interface TrendMonth {
  /** 1–12. */
  month: number;
  /** e.g. `2025-03`. */
  period: string;
  /** `false`: no snapshot for this month (the row says so). */
  reported: boolean;
  signedCount: number;
  signedYi: number;
  monthSignedCount: number;
  monthSignedYi: number;
  started: number;
  producing: number;
  fundsYi: number;
  monthFundsYi: number;
}

/** A month row as shown (all text; `—` for a month without a snapshot). */
export interface TrendRow {
  month: number;
  period: string;
  label: string;
  reported: boolean;
  cells: string[];
}

/** Column headers of the month table, in {@link TrendRow.cells} order. */
export const TREND_COLUMNS = [
  '本月签约（个）',
  '本月签约（亿元）',
  '累计签约（个）',
  '累计签约（亿元）',
  '累计开工（个）',
  '累计投产（个）',
  '本月到位（亿元）',
  '累计到位（亿元）',
] as const;

/**
 * Months 1 … the last snapshot's month of `year`, each from its own snapshot; months without one
 * are listed as not reported. Snapshots of other years and after `lastPeriod` are ignored.
 *
 * @example trendMonths([{ period: '2025-01', metrics }, { period: '2025-03', metrics }], '2025-03').map((m) => m.reported) // [true, false, true]
 */
export function trendMonths(snapshots: readonly TrendSnapshot[], lastPeriod: string): TrendMonth[] {
  const year = lastPeriod.slice(0, 4);
  const byPeriod = new Map(
    snapshots
      .filter((s) => s.period.startsWith(`${year}-`) && s.period <= lastPeriod)
      .map((s) => [s.period, s.metrics]),
  );
  const last = Number(lastPeriod.slice(5, 7));
  return Array.from({ length: last }, (_, k): TrendMonth => {
    const month = k + 1;
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const m = byPeriod.get(period);
    return {
      month,
      period,
      reported: m !== undefined,
      signedCount: m?.ytd.signed.count ?? 0,
      signedYi: m?.ytd.signed.investmentYi ?? 0,
      monthSignedCount: m?.thisMonth.signed.count ?? 0,
      monthSignedYi: m?.thisMonth.signed.investmentYi ?? 0,
      started: m?.ytd.started.count ?? 0,
      producing: m?.ytd.producing.count ?? 0,
      fundsYi: m?.ytd.funds.amountYi ?? 0,
      monthFundsYi: m?.thisMonth.funds.amountYi ?? 0,
    };
  });
}

/** The month table's rows. */
export function trendRows(months: readonly TrendMonth[]): TrendRow[] {
  return months.map((m) => ({
    month: m.month,
    period: m.period,
    label: `${m.month}月`,
    reported: m.reported,
    cells: m.reported
      ? [
          fmtInt(m.monthSignedCount),
          fmtYi(m.monthSignedYi),
          fmtInt(m.signedCount),
          fmtYi(m.signedYi),
          fmtInt(m.started),
          fmtInt(m.producing),
          fmtYi(m.monthFundsYi),
          fmtYi(m.fundsYi),
        ]
      : TREND_COLUMNS.map(() => '—'),
  }));
}

/**
 * The cumulative lines of 签约金额 and 到位资金 against their zone targets (各单位目标合计; 0 draws
 * no target line). Months without a snapshot are left out of the line.
 */
export function trendCharts(
  months: readonly TrendMonth[],
  targets: { signedYi: number; fundsYi: number },
  year: number,
): { signed: string; funds: string } {
  const reported = months.filter((m) => m.reported);
  return {
    signed: cumulativeLine({
      title: `${year}年全区签约金额累计`,
      unit: '亿元',
      target: targets.signedYi,
      actual: reported.map((m) => ({ month: m.month, value: m.signedYi })),
    }),
    funds: cumulativeLine({
      title: `${year}年全区到位资金累计`,
      unit: '亿元',
      target: targets.fundsYi,
      actual: reported.map((m) => ({ month: m.month, value: m.fundsYi })),
    }),
  };
}

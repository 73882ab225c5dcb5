import { fmtRate } from '../../metrics/format.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { Target, Unit } from '../../schemas/records.ts';
import { periodLabel, unitPage } from '../data.ts';
import {
  type RankRow,
  type RankingPeriod,
  type RankingView,
  placeText,
  quarterLabel,
  rankingTitle,
  rankingView,
} from './ranking.ts';
import { type Drill, type UnitBreakdown, scoreBreakdowns } from './rankingBreakdown.ts';
import { targetFinder } from './rankingRules.ts';

/**
 * Everything a ranking page (`rankings/<YYYY-MM>.html`, `rankings/<YYYY>-Q<n>.html`) shows, from
 * the period's metrics: the ranking view, each unit's 得分明细 with its standing in words, and the
 * lines of the page head.
 */
export interface RankingPageView {
  title: string;
  /** e.g. `统计期：2025年1—10月累计得分；序时进度 83.3%`. */
  lead: string;
  /** e.g. `较上期：与2025年9月排名相比`, or why no change is shown. */
  compare: string;
  view: RankingView;
  /** Ranked units by rank, then unranked ones. */
  breakdowns: (UnitBreakdown & { page: string; standing: string })[];
  /** Ranked units for the bar chart, href to their breakdown on the page. */
  bars: { label: string; value: number; href: string }[];
}

/** `综合第5名（并列） · 乡镇园区组第3名`, or why the unit is not ranked. */
export function standingText(r: RankRow | undefined): string {
  if (!r) return '';
  if (!r.ranked || r.rank === null) return r.known ? '不参与排名' : '未识别单位（不在单位名单中），不参与排名';
  const group = r.group && r.groupRank !== null ? ` · ${r.group}${placeText(r.groupRank, r.groupTied)}` : '';
  return `综合${placeText(r.rank, r.tied)}${group}`;
}

/** Builds the page; `drill` is bound to the page's output path. */
export function rankingPageView(
  rp: RankingPeriod,
  metrics: PeriodMetrics,
  units: readonly Unit[],
  targets: readonly Target[],
  drill: Drill,
): RankingPageView {
  const quarter = rp.kind === 'quarter';
  const entries = quarter ? (metrics.quarterRanking ?? metrics.ranking) : metrics.ranking;
  const prev = quarter ? metrics.previousQuarterPeriod : metrics.previousPeriod;
  const view = rankingView(entries, metrics.units, units, prev !== null, metrics);
  const rows = [...view.ranked, ...view.unranked];
  const byUnit = new Map(rows.map((r) => [r.unit, r]));
  const breakdowns = scoreBreakdowns(
    metrics.units,
    rows.map((r) => r.unit),
    rp.period,
    targetFinder(targets),
    drill,
  ).map((b) => ({ ...b, page: unitPage(b.unit), standing: standingText(byUnit.get(b.unit)) }));
  const month = metrics.month;
  const range = month === 1 ? `${metrics.year}年1月` : `${metrics.year}年1—${month}月`;
  const lead = quarter
    ? `季度排名按季末（${periodLabel(rp.period)}）的1—${month}月累计得分排名；序时进度 ${fmtRate(metrics.timeProgress)}`
    : `统计期：${range}累计得分；序时进度 ${fmtRate(metrics.timeProgress)}`;
  const compare =
    prev === null
      ? metrics.month <= (quarter ? 3 : 1)
        ? '较上期：年度首期，不与上一年度比较'
        : '较上期：无上期排名可比'
      : `较上期：与${quarter ? quarterLabel(prev) : periodLabel(prev)}排名相比`;
  return {
    title: rankingTitle(rp),
    lead,
    compare,
    view,
    breakdowns,
    bars: view.ranked.map((r) => ({ label: r.unit, value: r.score, href: `#score-${r.id}` })),
  };
}

/** The ranking pages grouped for the index: months by year (latest first), quarters. */
export function rankingIndex(all: readonly RankingPeriod[]): {
  years: { year: string; months: RankingPeriod[]; quarters: RankingPeriod[] }[];
} {
  const years = [...new Set(all.map((p) => p.period.slice(0, 4)))].sort().reverse();
  return {
    years: years.map((year) => ({
      year,
      months: all.filter((p) => p.kind === 'month' && p.period.startsWith(year)),
      quarters: all.filter((p) => p.kind === 'quarter' && p.period.startsWith(year)),
    })),
  };
}

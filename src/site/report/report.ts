import type { Reference } from '../../schemas/siteData.ts';
import type { PeriodData, QualityData, SiteMeta } from '../../schemas/siteData.ts';
import { completionFigureId } from '../drill.ts';
import { barChart } from '../../charts/barChart.ts';
import { fmtInt, fmtPp, fmtRate, fmtScore, fmtYi } from '../../metrics/format.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { Indicator } from '../../schemas/records.ts';
import { type Progress, progressOf } from '../bulletin/bulletinFormat.ts';
import { asOfLabel, periodLabel } from '../data.ts';
import { drillHref } from '../drill.ts';
import { rankText, rankingView } from '../ranking/ranking.ts';
import { type UnitBreakdown, scoreBreakdowns } from '../ranking/rankingBreakdown.ts';
import { fmtIndicator, indicatorMeasure, targetFinder } from '../ranking/rankingRules.ts';
import { type ChainLine, type TopProjectsView, chainLines, topProjects } from './reportProjects.ts';
import { type ReportQuality, reportQuality } from './reportQuality.ts';
import { type TrendRow, type TrendSnapshot, trendCharts, trendMonths, trendRows } from './reportTrend.ts';
import { type ReportYear, reportTitle } from './reportYears.ts';
import { zoneTargets } from '../targets/targetsZone.ts';

/**
 * The annual report (年度报告 / 年终结总账, `reports/<YYYY>.html`): the year's totals against the
 * sums of unit targets, the final ranking with every unit's score, the largest projects, 签约 by
 * 产业链, the month-by-month trend and the data-quality notes — all from the year's last snapshot
 * (the trend from each month's own), never from a later one, so a finished year's report stays
 * byte-identical as months are added. Pure: the page passes the loaded data in.
 */

/** One indicator's year total against 各单位目标合计. */
export interface TotalLine {
  indicator: Indicator;
  measure: string;
  /** `全区目标` or `13个单位目标合计`. */
  baseLabel: string;
  targetText: string;
  actualText: string;
  /** Drill link of the zone's rows, `null` when no single figure lists exactly them. */
  href: string | null;
  rateText: string;
  /**
   * A complete year: `完成年度目标` / `未完成，差 12.3 个百分点`; otherwise against 序时进度,
   * e.g. `低于序时进度6.1个百分点`. `null` without a rate.
   */
  result: Progress | null;
}

/** One line of the final ranking. */
export interface RankLine {
  rankText: string;
  unit: string;
  unitPage: string;
  group: string;
  scoreText: string;
  maxScoreText: string;
  groupRankText: string;
  /** In-page anchor of the unit's score breakdown. */
  anchor: string;
}

export interface ReportView {
  year: number;
  period: string;
  page: string;
  /** `2025年度招商引资工作总结报告（年终结总账）`. */
  title: string;
  cover: {
    zoneName: string;
    office: string | null;
    /** e.g. `数据截至2025年10月底`. */
    asOf: string;
    /** e.g. `（截至2025年10月，年度未结束）`; `null` for a complete year. */
    note: string | null;
    /** e.g. `1—10月`, `1—12月`. */
    range: string;
    /** The snapshot the report is made from, e.g. `2025年10月`. */
    periodText: string;
  };
  /** The 总体情况 paragraph, one sentence per item. */
  summary: string[];
  totals: TotalLine[];
  timeProgress: string;
  complete: boolean;
  ranking: { ranked: RankLine[]; unranked: RankLine[] };
  breakdowns: (UnitBreakdown & { standing: string })[];
  top: TopProjectsView;
  chains: { lines: (ChainLine & { href: string | null })[]; chart: string };
  trend: { rows: TrendRow[]; signedChart: string; fundsChart: string };
  quality: ReportQuality;
}

export interface ReportInput {
  year: ReportYear;
  meta: Pick<SiteMeta, 'zoneName' | 'office'>;
  /** The year's last snapshot (`year.period`). */
  data: Pick<PeriodData, 'period' | 'metrics' | 'records' | 'stages'>;
  reference: Pick<Reference, 'units' | 'targets' | 'chainSegments'>;
  /** Every snapshot of the year (each month's own figures, for the trend). */
  snapshots: readonly TrendSnapshot[];
  quality: Pick<QualityData, 'sheets' | 'issues'>;
}

/**
 * The result of a 完成率: at the year's end against the whole target, otherwise against 序时进度.
 *
 * @example yearResult(0.9, '2024-12')?.text // '未完成，差 10.0 个百分点'
 * @example yearResult(0.9, '2025-10')?.text // '高于序时进度6.7个百分点'
 */
export function yearResult(rate: number | null, period: string): Progress | null {
  if (rate === null) return null;
  if (!period.endsWith('-12')) return progressOf(rate, period);
  if (rate >= 1 - 1e-9) return { word: '超进度', ahead: true, text: '完成年度目标' };
  const gap = fmtPp((rate - 1) * 100);
  return { word: '欠进度', ahead: false, text: `未完成，差 ${gap === '0.0' ? '不足 0.1' : gap.slice(1)} 个百分点` };
}

/** The 总体情况 sentences of the year. */
function summaryOf(m: PeriodMetrics, span: string, totals: readonly TotalLine[], complete: boolean): string[] {
  const t = m.ytd;
  const signedYi = totals.find((l) => l.indicator === '签约金额');
  const over1 = t.signed.bySize.filter((_, i) => i < 4).reduce((a, b) => a + b.count, 0);
  const vsTarget = signedYi && signedYi.rateText !== '—' ? `，签约金额完成各单位目标合计的 ${signedYi.rateText}` : '';
  const out = [
    `${span}，全区累计签约项目 ${fmtInt(t.signed.count)} 个（其中亿元以上 ${fmtInt(over1)} 个），签约金额 ${fmtYi(t.signed.investmentYi)} 亿元${vsTarget}。`,
    `开工项目 ${fmtInt(t.started.count)} 个，投产项目 ${fmtInt(t.producing.count)} 个；到位资金 ${fmtYi(t.funds.amountYi)} 亿元，外资到位 ${fmtYi(t.funds.foreignUsd)} 万美元。`,
    `收集有效招商信息 ${fmtInt(t.leads.valid)} 条（共 ${fmtInt(t.leads.count)} 条），外出招商 ${fmtInt(t.trips.count)} 次、拜访企业 ${fmtInt(t.trips.visits)} 家。`,
  ];
  const withRate = totals.filter((l) => l.result);
  if (withRate.length > 0) {
    const good = withRate.filter((l) => l.result?.ahead).length;
    out.push(
      `${withRate.length} 项有目标的指标中，${complete ? '完成年度目标' : '达到序时进度'}的 ${good} 项，${complete ? '未完成' : '欠进度'}的 ${withRate.length - good} 项。`,
    );
  }
  out.push(
    `${complete ? '年末' : '期末'}签约超期未开工（超过 ${m.overdueDays} 天）项目 ${fmtInt(m.overdue.length)} 个。`,
  );
  return out;
}

/**
 * The annual report of a year.
 *
 * @example reportView({ year, meta, data: loadPeriod('2024-12'), reference, snapshots, quality }).totals[0].indicator // '签约项目数'
 */
export function reportView(input: ReportInput): ReportView {
  const { year: y, meta, data, reference } = input;
  const m = data.metrics;
  const period = data.period;
  const page = y.page;
  const drill = (p: string, id: string, anchor?: string) => drillHref(page, p, id, anchor);
  const span = m.month === 12 ? '全年' : m.month === 1 ? '1月' : `1—${m.month}月`;
  const complete = m.month === 12;

  const zone = zoneTargets(m);
  const totals: TotalLine[] = zone.map((z) => {
    const id = completionFigureId(z.indicator);
    return {
      indicator: z.indicator,
      measure: indicatorMeasure(z.indicator).unit,
      baseLabel: z.baseLabel,
      targetText: fmtIndicator(z.indicator, z.target),
      actualText: fmtIndicator(z.indicator, z.actual),
      href: id ? drill(period, id) : null,
      rateText: fmtRate(z.rate),
      result: yearResult(z.rate, period),
    };
  });

  const rv = rankingView(m.ranking, m.units, reference.units, m.previousPeriod !== null, m);
  const line = (r: (typeof rv.ranked)[number]): RankLine => ({
    rankText: rankText(r.rank, r.tied),
    unit: r.unit,
    unitPage: r.page,
    group: r.group ?? '',
    scoreText: fmtScore(r.score),
    maxScoreText: r.maxScore === null ? '—' : fmtScore(r.maxScore),
    groupRankText: rankText(r.groupRank, r.groupTied),
    anchor: `score-${r.id}`,
  });
  const standing = new Map([
    ...rv.ranked.map((r) => [r.unit, `第${rankText(r.rank, r.tied)}名`] as const),
    ...rv.unranked.map((r) => [r.unit, '不参与排名'] as const),
  ]);
  const order = [...rv.ranked, ...rv.unranked].map((r) => r.unit);
  const breakdowns = scoreBreakdowns(m.units, order, period, targetFinder(reference.targets), drill).map((b) => ({
    ...b,
    standing: standing.get(b.unit) ?? '',
  }));

  const chains = chainLines(m, reference.chainSegments).map((c) => ({
    ...c,
    href: c.figureId ? drill(period, c.figureId) : null,
  }));
  const months = trendMonths(input.snapshots, period);
  const target = (ind: Indicator) => zone.find((z) => z.indicator === ind)?.target ?? 0;
  const charts = trendCharts(months, { signedYi: target('签约金额'), fundsYi: target('到位资金') }, y.year);

  return {
    year: y.year,
    period,
    page,
    title: reportTitle(y.year),
    cover: {
      zoneName: meta.zoneName,
      office: meta.office,
      asOf: asOfLabel(period, m.periodEnd),
      note: y.note,
      range: m.month === 1 ? '1月' : `1—${m.month}月`,
      periodText: periodLabel(period),
    },
    summary: summaryOf(m, span, totals, complete),
    totals,
    timeProgress: fmtRate(m.timeProgress),
    complete,
    ranking: { ranked: rv.ranked.map(line), unranked: rv.unranked.map(line) },
    breakdowns,
    top: topProjects(data.records, data.stages, period, 10),
    chains: {
      lines: chains,
      chart: barChart({
        title: `${y.year}年分产业链签约金额`,
        unit: '亿元',
        format: (v) => fmtYi(v),
        data: chains
          .filter((c) => !c.empty)
          .map((c) => ({ label: c.chain, value: c.investmentYi, href: c.href ?? undefined })),
      }),
    },
    trend: {
      rows: trendRows(months),
      signedChart: charts.signed,
      fundsChart: charts.funds,
    },
    quality: reportQuality(input.quality, period),
  };
}

import type { PeriodData, SiteMeta } from '../../schemas/siteData.ts';
import { SIZE_BUCKETS } from '../../schemas/buckets.ts';
import { fmtInt, fmtRate, fmtScore, fmtYi, yoyText } from '../../metrics/format.ts';
import type { FlowTotals, PeriodMetrics, YoyFigures } from '../../schemas/metrics.ts';
import type { Indicator, Unit } from '../../schemas/records.ts';
import { type Progress, progressOf } from '../bulletin/bulletinFormat.ts';
import { periodLabel } from '../data.ts';
import {
  type BehindUnit,
  type OverdueAlert,
  type QualityAlert,
  behindUnits,
  overdueAlert,
  qualityAlert,
} from './dashboardAlerts.ts';
import { drillHref } from '../drill.ts';
import { periodPage } from '../nav.ts';
import { rankText, rankingView } from '../ranking/ranking.ts';
import { reportPage } from '../report/reportYears.ts';
import { type ZoneTarget, zoneTargets } from '../targets/targetsZone.ts';

export type { BehindItem, BehindUnit, OverdueAlert, QualityAlert } from './dashboardAlerts.ts';

/**
 * The home page of the internal profile (首页 / 驾驶舱): the latest period's headline figures
 * against the year's targets (各单位目标合计) with 完成率 and 序时进度, what this month added, and
 * the alerts a leader acts on (units 欠进度, 签约超期未开工, rejected rows). Every figure links to
 * its ledger rows (`src/site/drill.ts`). Pure: the page passes the loaded data in.
 */

/** Output path of the home page. */
export const HOME_PAGE = 'index.html';

interface HeadlineSpec {
  label: string;
  unit: string;
  /** Figure id after `ytd.` / `month.`, e.g. `signed`, `funds.foreign`. */
  fig: string;
  value: (t: FlowTotals) => number;
  /** The same figure in last year's 同比 base. */
  yoy: (y: YoyFigures) => number;
  format: 'int' | 'yi';
  indicator: Indicator;
}

/** The headline figures, in page order (contract §7: 累计 = 1 January to the period end). */
const HEADLINES: HeadlineSpec[] = [
  {
    label: '签约项目',
    unit: '个',
    fig: 'signed',
    value: (t) => t.signed.count,
    yoy: (y) => y.signed.count,
    format: 'int',
    indicator: '签约项目数',
  },
  {
    label: '签约金额',
    unit: '亿元',
    fig: 'signed',
    value: (t) => t.signed.investmentYi,
    yoy: (y) => y.signed.investmentYi,
    format: 'yi',
    indicator: '签约金额',
  },
  {
    label: '开工项目',
    unit: '个',
    fig: 'started',
    value: (t) => t.started.count,
    yoy: (y) => y.started.count,
    format: 'int',
    indicator: '开工项目数',
  },
  {
    label: '投产项目',
    unit: '个',
    fig: 'producing',
    value: (t) => t.producing.count,
    yoy: (y) => y.producing.count,
    format: 'int',
    indicator: '投产项目数',
  },
  {
    label: '到位资金',
    unit: '亿元',
    fig: 'funds',
    value: (t) => t.funds.amountYi,
    yoy: (y) => y.funds.amountYi,
    format: 'yi',
    indicator: '到位资金',
  },
  {
    label: '外资到位',
    unit: '万美元',
    fig: 'funds.foreign',
    value: (t) => t.funds.foreignUsd,
    yoy: (y) => y.funds.foreignUsd,
    format: 'yi',
    indicator: '外资到位',
  },
  {
    label: '有效信息',
    unit: '条',
    fig: 'leadsValid',
    value: (t) => t.leads.valid,
    yoy: (y) => y.leads.valid,
    format: 'int',
    indicator: '有效信息条数',
  },
  {
    label: '外出招商',
    unit: '次',
    fig: 'trips',
    value: (t) => t.trips.count,
    yoy: (y) => y.trips.count,
    format: 'int',
    indicator: '外出招商次数',
  },
];

/** One headline figure as shown. */
export interface Headline {
  label: string;
  unit: string;
  /** Year-to-date value, full precision. */
  value: number;
  valueText: string;
  /** Drill link of the year-to-date rows (`ytd.<kind>`). */
  href: string;
  /** 本月新增: rows dated within the month. */
  monthText: string;
  monthHref: string;
  indicator: Indicator;
  /** 各单位目标合计, `null` when no unit has a target of the indicator. */
  target: number | null;
  targetText: string | null;
  /** Units whose target is summed, e.g. `13` (0 for the 全区 target). */
  targetUnits: number;
  /** `全区目标` or `13个单位目标合计`; `null` without a target. */
  baseLabel: string | null;
  /** For 各单位目标合计: those units' own 累计 (the rate's numerator); `null` otherwise. */
  baseActualText: string | null;
  /** Last year's same-month 累计, `null` when that snapshot is missing. */
  lastYearText: string | null;
  /** `同比增长12.4%` … or `—`. */
  yoyText: string;
  /** A line under the figure, e.g. `待研判 23 条` beside 有效信息; `null` when none. */
  note: string | null;
  rate: number | null;
  rateText: string;
  progress: Progress | null;
  /** Bar width, 0–100 (完成率 capped at 100 %). */
  barPct: number;
}

/** One size bucket of the year's 签约 (contract §7, lower bound inclusive). */
export interface BucketLine {
  label: string;
  countText: string;
  yiText: string;
  href: string;
  monthCountText: string;
  monthHref: string;
  /** Share of the year's 签约金额, e.g. `12.3%`. */
  share: string;
}

/** Changes between the previous snapshot and this one (corrections are never silent). */
export interface LedgerChanges {
  added: number;
  removed: number;
  amountChanged: number;
  stageChanged: number;
}

/** A unit on the 红榜 / 黑榜 glance. */
export interface RankGlance {
  /** e.g. `1`, `2（并列）`, or `倒数第1`. */
  place: string;
  unit: string;
  page: string;
  scoreText: string;
}

/** A link of the 快速入口 row. */
export interface QuickLink {
  label: string;
  /** Output path, e.g. `bulletins/2025-10.html`. */
  page: string;
}

export interface DashboardView {
  period: string;
  /** e.g. `2025年10月`. */
  periodText: string;
  /** e.g. `1—10月`. */
  span: string;
  /** 1–12. */
  month: number;
  /** e.g. `83.3%`. */
  timeProgress: string;
  /** 序时进度 as a bar position, 0–100. */
  timePct: number;
  headlines: Headline[];
  buckets: BucketLine[];
  behind: BehindUnit[];
  /** site.json `alertGap`, e.g. `10`. */
  alertGap: number;
  /** Target rows 欠进度, over all units. */
  behindItems: number;
  overdue: OverdueAlert;
  quality: QualityAlert;
  /** `null` for the first snapshot (nothing to compare). */
  changes: LedgerChanges | null;
  /** 综合排名 前三 / 后三 (tie-aware), `null` when no unit is ranked. */
  ranking: { top: RankGlance[]; bottom: RankGlance[]; count: number; page: string; size: number } | null;
  links: QuickLink[];
}

/** The inputs of {@link dashboardView}. */
export interface DashboardInput {
  data: Pick<PeriodData, 'period' | 'metrics' | 'diff'>;
  meta: Pick<SiteMeta, 'periods' | 'counts'>;
  /** Project key → project id (`projects/<id>.html`), from `loadProjects()`. */
  projectIds: ReadonlyMap<string, string>;
  /** Rejected rows of the period's own ledgers (from `quality.json`), `null` when unknown. */
  periodRejected: number | null;
  /** The units table (分组, 是否参与排名). */
  units: readonly Unit[];
  /** Output path of the page (default `index.html`). */
  page?: string;
}

const pct = (x: number) => Math.round(Math.min(Math.max(x, 0), 1) * 1000) / 10;

/** The zone's completion of the period's year by indicator (contract §7, `metrics.completion`). */
export function zoneTargetMap(
  metrics: Pick<PeriodMetrics, 'units' | 'completion' | 'period'>,
): Map<Indicator, ZoneTarget> {
  return new Map(zoneTargets(metrics).map((z) => [z.indicator, z]));
}

/** The headline figures of a period against the zone targets, each with its 同比. */
export function headlines(metrics: PeriodMetrics, page: string): Headline[] {
  const targets = zoneTargetMap(metrics);
  const period = metrics.period;
  return HEADLINES.map((s): Headline => {
    const fmt = s.format === 'yi' ? fmtYi : fmtInt;
    const value = s.value(metrics.ytd);
    const t = targets.get(s.indicator);
    const target = t && t.target > 0 ? t.target : null;
    const rate = target === null ? null : (t?.rate ?? null);
    const base = metrics.yoy ? s.yoy(metrics.yoy) : null;
    return {
      label: s.label,
      unit: s.unit,
      value,
      valueText: fmt(value),
      href: drillHref(page, period, `ytd.${s.fig}`),
      monthText: fmt(s.value(metrics.thisMonth)),
      monthHref: drillHref(page, period, `month.${s.fig}`),
      indicator: s.indicator,
      target,
      targetText: target === null ? null : fmt(target),
      targetUnits: target === null || t?.base === 'zone' ? 0 : (t?.parts.length ?? 0),
      baseLabel: target === null ? null : (t?.baseLabel ?? null),
      baseActualText: target === null || t?.base !== 'units' ? null : fmt(t.actual),
      rate,
      rateText: fmtRate(rate),
      progress: progressOf(rate, period),
      barPct: rate === null ? 0 : pct(rate),
      lastYearText: base === null ? null : fmt(base),
      yoyText: yoyText(value, base),
      note:
        s.indicator === '有效信息条数'
          ? `共报送 ${fmtInt(metrics.ytd.leads.count)} 条，待研判 ${fmtInt(metrics.ytd.leads.pending)} 条`
          : null,
    };
  });
}

/** The year's 签约 by size bucket, every bucket listed, largest first. */
export function bucketLines(metrics: PeriodMetrics, page: string): BucketLine[] {
  const total = metrics.ytd.signed.investmentYi;
  return SIZE_BUCKETS.map((b, i) => {
    const ytd = metrics.ytd.signed.bySize[i];
    const month = metrics.thisMonth.signed.bySize[i];
    return {
      label: b.label,
      countText: fmtInt(ytd?.count ?? 0),
      yiText: fmtYi(ytd?.investmentYi ?? 0),
      href: drillHref(page, metrics.period, `ytd.signed.size.${i}`),
      monthCountText: fmtInt(month?.count ?? 0),
      monthHref: drillHref(page, metrics.period, `month.signed.size.${i}`),
      share: total > 0 ? fmtRate((ytd?.investmentYi ?? 0) / total) : '—',
    };
  });
}

/** 红榜 and 黑榜 of the period's ranking (contract §7: per 分组, top / bottom N against 序时进度). */
export function rankingGlance(metrics: PeriodMetrics, units: readonly Unit[]): DashboardView['ranking'] {
  const rv = rankingView(metrics.ranking, metrics.units, units, metrics.previousPeriod !== null, metrics);
  if (rv.ranked.length === 0) return null;
  const rb = rv;
  return {
    size: metrics.redBlackSize,
    top: rb.red.map((r) => ({
      place:
        r.group && r.groupRank !== null
          ? `${r.group}第${rankText(r.groupRank, r.groupTied)}名`
          : `第${rankText(r.rank, r.tied)}名`,
      unit: r.unit,
      page: r.page,
      scoreText: fmtScore(r.score),
    })),
    bottom: rb.black.map((b) => ({
      place: `${b.row.group ?? ''}倒数第${b.fromBottom}名`,
      unit: b.row.unit,
      page: b.row.page,
      scoreText: fmtScore(b.row.score),
    })),
    count: rv.ranked.length,
    page: `rankings/${metrics.period}.html`,
  };
}

/**
 * The 驾驶舱 of a period (the latest one on the home page).
 *
 * @example dashboardView({ data: loadPeriod('2025-10'), meta, projectIds, periodRejected: 9 }).headlines[0].valueText // '159'
 */
export function dashboardView(input: DashboardInput): DashboardView {
  const { data, meta, projectIds, periodRejected } = input;
  const page = input.page ?? HOME_PAGE;
  const m = data.metrics;
  const period = data.period;
  const behind = behindUnits(m, page);
  const sorted = [...meta.periods].sort();
  const hasPrevious = sorted.indexOf(period) > 0;
  const year = period.slice(0, 4);
  return {
    period,
    periodText: periodLabel(period),
    span: m.month === 1 ? '1月' : `1—${m.month}月`,
    month: m.month,
    timeProgress: fmtRate(m.timeProgress),
    timePct: pct(m.timeProgress),
    headlines: headlines(m, page),
    buckets: bucketLines(m, page),
    behind,
    alertGap: m.alertGap,
    behindItems: behind.reduce((a, u) => a + u.items.length, 0),
    overdue: overdueAlert(m, (key) => projectIds.get(key) ?? null, page),
    quality: qualityAlert(meta.counts, periodRejected),
    changes: hasPrevious
      ? {
          added: data.diff.added.length,
          removed: data.diff.removed.length,
          amountChanged: data.diff.amountChanged.length,
          stageChanged: data.diff.stageChanged.length,
        }
      : null,
    ranking: rankingGlance(m, input.units),
    links: [
      { label: `${periodLabel(period)}月度通报`, page: periodPage('bulletins', period) },
      { label: `${periodLabel(period)}排名`, page: `rankings/${period}.html` },
      { label: `${year}年目标任务完成情况`, page: periodPage('targets', year) },
      { label: `${year}年度报告`, page: reportPage(Number(year)) },
    ],
  };
}

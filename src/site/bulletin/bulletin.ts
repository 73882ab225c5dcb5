import type { PeriodData, SiteMeta } from '../../schemas/siteData.ts';
import { barChart } from '../../charts/barChart.ts';
import { bucketChart } from '../../charts/bucketChart.ts';
import { cumulativeLine } from '../../charts/cumulativeLine.ts';
import { SIZE_BUCKETS } from '../../schemas/buckets.ts';
import { fmtInt, fmtRate, fmtYi, roundTo, yoyText } from '../../metrics/format.ts';
import { factsOf } from '../../metrics/facts.ts';
import { previousPeriod } from '../../metrics/period.ts';
import type { FlowTotals, PeriodMetrics, YoyFigures } from '../../schemas/metrics.ts';
import type { Indicator } from '../../schemas/records.ts';
import { type BulletinLists, bulletinLists } from './bulletinLists.ts';
import { type BulletinUnits, bulletinUnits } from './bulletinUnits.ts';
import { type Cell, type Linker, type Progress, progressOf } from './bulletinFormat.ts';
import { asOfLabel, periodLabel } from '../data.ts';
import { drillHref, periodFigures } from '../drill.ts';

export type { Cell, Linker, Progress } from './bulletinFormat.ts';
export { progressOf } from './bulletinFormat.ts';

/**
 * Everything the monthly bulletin (月度通报, `bulletins/<YYYY-MM>.html`) shows, as plain data:
 * each figure as display text plus its drill-down link. Pure: the page passes in the period's
 * data (and the previous month's, for 较上月); nothing here reads files.
 */

/** One line of 一、总体情况. */
export interface OverviewRow {
  label: string;
  unit: string;
  month: Cell;
  /** 较上月: this month against last month's 本月, e.g. `+2`; `null` without last month's snapshot. */
  delta: string | null;
  ytd: Cell;
  /** Last year's same-month 累计, `null` when that snapshot is missing or the figure has no 同比. */
  lastYear: string | null;
  /** `同比增长12.4%`, `同比下降3.0%`, `同比持平`, or `—`. */
  yoy: string;
  /** The 全区 target, or 各单位目标合计 (targets without filters); `null` when none. */
  target: string | null;
  /** `全区目标` or `13个单位目标合计`; `null` without a target. */
  base: string | null;
  /** For a units base: those units' own 累计, which the rate is computed from. */
  baseActual: string | null;
  rate: string | null;
  progress: Progress | null;
}

interface OverviewSpec {
  label: string;
  unit: string;
  /** Figure kind after `ytd.` / `month.`, e.g. `signed`, `signed.foreign`. */
  fig: string;
  value: (t: FlowTotals) => number;
  amount: boolean;
  indicator: Indicator | null;
  /** The same figure in last year's 同比 base, `null` when it has none. */
  yoy: ((y: YoyFigures) => number) | null;
}

const OVERVIEW: OverviewSpec[] = [
  {
    label: '签约项目',
    unit: '个',
    fig: 'signed',
    value: (t) => t.signed.count,
    amount: false,
    indicator: '签约项目数',
    yoy: (y) => y.signed.count,
  },
  {
    label: '签约金额',
    unit: '亿元',
    fig: 'signed',
    value: (t) => t.signed.investmentYi,
    amount: true,
    indicator: '签约金额',
    yoy: (y) => y.signed.investmentYi,
  },
  {
    label: '其中外资',
    unit: '万美元',
    fig: 'signed.foreign',
    value: (t) => t.signed.foreignUsd,
    amount: true,
    indicator: null,
    yoy: null,
  },
  {
    label: '开工项目',
    unit: '个',
    fig: 'started',
    value: (t) => t.started.count,
    amount: false,
    indicator: '开工项目数',
    yoy: (y) => y.started.count,
  },
  {
    label: '投产项目',
    unit: '个',
    fig: 'producing',
    value: (t) => t.producing.count,
    amount: false,
    indicator: '投产项目数',
    yoy: (y) => y.producing.count,
  },
  {
    label: '到位资金',
    unit: '亿元',
    fig: 'funds',
    value: (t) => t.funds.amountYi,
    amount: true,
    indicator: '到位资金',
    yoy: (y) => y.funds.amountYi,
  },
  {
    label: '外资到位',
    unit: '万美元',
    fig: 'funds.foreign',
    value: (t) => t.funds.foreignUsd,
    amount: true,
    indicator: '外资到位',
    yoy: (y) => y.funds.foreignUsd,
  },
  {
    label: '有效信息',
    unit: '条',
    fig: 'leadsValid',
    value: (t) => t.leads.valid,
    amount: false,
    indicator: '有效信息条数',
    yoy: (y) => y.leads.valid,
  },
  {
    label: '信息总数',
    unit: '条',
    fig: 'leads',
    value: (t) => t.leads.count,
    amount: false,
    indicator: null,
    yoy: (y) => y.leads.count,
  },
  {
    label: '外出招商',
    unit: '批次',
    fig: 'trips',
    value: (t) => t.trips.count,
    amount: false,
    indicator: '外出招商次数',
    yoy: (y) => y.trips.count,
  },
  {
    label: '拜访企业',
    unit: '家',
    fig: 'trips',
    value: (t) => t.trips.visits,
    amount: false,
    indicator: '拜访企业数',
    yoy: (y) => y.trips.visits,
  },
];

/** A change with its sign: `+2`, `-1.25`, `持平`. */
function deltaText(d: number, amount: boolean): string {
  const r = roundTo(d, amount ? 2 : 0);
  if (r === 0) return '持平';
  return `${r > 0 ? '+' : ''}${amount ? fmtYi(r) : fmtInt(r)}`;
}

/**
 * The zone's completion of an indicator (contract §7, `metrics.completion`): against the 全区 row, else
 * against 各单位目标合计 with those units' actuals; `null` when no target is set.
 */
export function zoneTarget(
  metrics: Pick<PeriodMetrics, 'completion'>,
  indicator: Indicator,
): PeriodMetrics['completion'][number] | null {
  const c = metrics.completion.find((x) => x.indicator === indicator);
  return c && c.target > 0 ? c : null;
}

export interface BucketRow {
  label: string;
  month: { count: Cell; yi: Cell };
  ytd: { count: Cell; yi: Cell };
  /** Share of the year's 签约金额, e.g. `12.3%`. */
  share: string;
}

export interface ChainRow {
  label: string;
  count: Cell;
  yi: Cell;
  share: string;
  /** 外资 万美元 of the chain's projects. */
  foreign: Cell;
}

export interface BulletinView extends BulletinUnits, BulletinLists {
  period: string;
  page: string;
  /** e.g. `2025年10月招商引资工作通报`. */
  title: string;
  /** e.g. `青川经济开发区投资促进局 · 2025年第10期`. */
  docNo: string;
  /** e.g. `数据截至2025年10月底`. */
  asOf: string;
  /** e.g. `1—10月`. */
  span: string;
  /** 1–12. */
  month: number;
  /** e.g. `83.3%`. */
  timeProgress: string;
  prevPeriod: string | null;
  /**
   * This period and the earlier ones, for the period switcher. A published bulletin never changes
   * when a later month is added (contract §1), so it names no later period: 全部通报 does.
   */
  switchPeriods: string[];
  overview: OverviewRow[];
  buckets: { rows: BucketRow[]; total: BucketRow; chart: string };
  chains: { rows: ChainRow[]; chart: string };
  /** 全区签约金额累计进度 (months of this year, from this snapshot). */
  progressChart: string;
}

/** Output path of a period's bulletin. @example bulletinPage('2025-10') // 'bulletins/2025-10.html' */
export function bulletinPage(period: string): string {
  return `bulletins/${period}.html`;
}

/** The linker of a page: figure id → drill link landing on the figure's section. */
export function linker(page: string, data: Pick<PeriodData, 'period' | 'metrics' | 'records'>): Linker {
  const anchors = new Map(periodFigures(data.metrics, data.records).map((f) => [f.id, f.anchor]));
  return (id, text) => ({ text, href: drillHref(page, data.period, id, anchors.get(id)) });
}

const pctOf = (part: number, whole: number) => (whole > 0 ? fmtRate(part / whole) : '—');

/**
 * The bulletin of a period. `prev` is the snapshot of the month before (for 较上月), when there is one.
 *
 * @example bulletinView(loadPeriod('2025-10'), loadMeta(), loadPeriod('2025-09')).overview[0].ytd.text // '159'
 */
export function bulletinView(
  data: PeriodData,
  meta: Pick<SiteMeta, 'zoneName' | 'office' | 'periods'>,
  prev?: Pick<PeriodData, 'period' | 'metrics'> | null,
): BulletinView {
  const { period, metrics: m } = data;
  const page = bulletinPage(period);
  const link = linker(page, data);
  const last = prev && prev.period === previousPeriod(period) ? prev.metrics : null;
  const sorted = [...meta.periods].sort();
  const at = sorted.indexOf(period);

  const overview = OVERVIEW.map((s): OverviewRow => {
    const fmt = (x: number) => (s.amount ? fmtYi(x) : fmtInt(x));
    const ytd = s.value(m.ytd);
    const c = s.indicator ? zoneTarget(m, s.indicator) : null;
    const base = m.yoy && s.yoy ? s.yoy(m.yoy) : null;
    return {
      label: s.label,
      unit: s.unit,
      month: link(`month.${s.fig}`, fmt(s.value(m.thisMonth))),
      delta: last ? deltaText(s.value(m.thisMonth) - s.value(last.thisMonth), s.amount) : null,
      ytd: link(`ytd.${s.fig}`, fmt(ytd)),
      lastYear: base === null ? null : fmt(base),
      yoy: s.yoy ? yoyText(ytd, base) : '—',
      target: c === null ? null : fmt(c.target),
      base: c === null ? null : c.base === 'zone' ? '全区目标' : `${c.units.length}个单位目标合计`,
      baseActual: c === null || c.base === 'zone' ? null : fmt(c.actual),
      rate: c === null ? null : fmtRate(c.rate),
      progress: progressOf(c?.rate ?? null, period),
    };
  });

  type Sig = Pick<FlowTotals['signed'], 'count' | 'investmentYi'>;
  const bucketRow = (label: string, month: Sig, ytd: Sig, id: string): BucketRow => ({
    label,
    month: {
      count: link(`month.signed${id}`, fmtInt(month.count)),
      yi: link(`month.signed${id}`, fmtYi(month.investmentYi)),
    },
    ytd: { count: link(`ytd.signed${id}`, fmtInt(ytd.count)), yi: link(`ytd.signed${id}`, fmtYi(ytd.investmentYi)) },
    share: pctOf(ytd.investmentYi, m.ytd.signed.investmentYi),
  });
  const bucketRows = SIZE_BUCKETS.map((b, i) =>
    bucketRow(b.label, m.thisMonth.signed.bySize[i]!, m.ytd.signed.bySize[i]!, `.size.${i}`),
  );
  const chainRows = m.ytd.signed.byChain.map((c, i): ChainRow => ({
    label: c.chain ?? '未填产业链',
    count: link(`ytd.signed.chain.${i}`, fmtInt(c.count)),
    yi: link(`ytd.signed.chain.${i}`, fmtYi(c.investmentYi)),
    share: pctOf(c.investmentYi, m.ytd.signed.investmentYi),
    foreign: c.foreignUsd ? link(`ytd.signed.chain.${i}`, fmtYi(c.foreignUsd)) : { text: '—' },
  }));

  const year = String(m.year);
  const monthly = Array.from({ length: m.month }, (_, k) => ({ month: k + 1, value: 0 }));
  // the counted 签约 rows (认定, a project claimed twice once), as the figures above
  for (const f of factsOf(data.records).signed) {
    const mm = Number(f.date.slice(5, 7));
    if (f.zone && f.date.startsWith(year) && mm <= m.month)
      for (let k = mm - 1; k < m.month; k++) monthly[k]!.value += f.investmentYi ?? 0;
  }

  return {
    period,
    page,
    title: `${periodLabel(period)}招商引资工作通报`,
    docNo: `${meta.office ?? meta.zoneName} · ${m.year}年第${m.month}期`,
    asOf: asOfLabel(period, m.periodEnd),
    span: m.month === 1 ? '1月' : `1—${m.month}月`,
    month: m.month,
    timeProgress: fmtRate(m.timeProgress),
    prevPeriod: at > 0 ? sorted[at - 1]! : null,
    switchPeriods: sorted.filter((p) => p <= period),
    overview,
    buckets: {
      rows: bucketRows,
      total: bucketRow('合计', m.thisMonth.signed, m.ytd.signed, ''),
      chart: bucketChart({
        title: `${m.month === 1 ? '1月' : `1—${m.month}月`}签约项目规模分布`,
        data: m.ytd.signed.bySize.map((b, i) => ({
          bucket: b.bucket,
          count: b.count,
          amount: b.investmentYi,
          href: bucketRows[i]!.ytd.yi.href,
        })),
      }),
    },
    chains: {
      rows: chainRows,
      chart: barChart({
        title: '分产业链签约金额',
        unit: '亿元',
        format: (v) => fmtYi(v),
        data: m.ytd.signed.byChain.map((c, i) => ({
          label: c.chain ?? '未填产业链',
          value: c.investmentYi,
          href: chainRows[i]!.yi.href,
        })),
      }),
    },
    progressChart: cumulativeLine({
      title: '全区签约金额累计进度',
      unit: '亿元',
      target: ((c) => (c?.base === 'zone' ? c.target : 0))(zoneTarget(m, '签约金额')),
      actual: monthly,
    }),
    ...bulletinUnits(data, link),
    ...bulletinLists(data, link, at > 0),
  };
}

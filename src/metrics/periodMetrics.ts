import type {
  IndicatorValues,
  PeriodMetrics,
  ReportSummary,
  UnitMetrics,
  UnitScore,
  YoyFigures,
} from '../schemas/metrics.ts';
import { INDICATORS, type ManualScore, type SnapshotRecords, type Target, type Unit } from '../schemas/records.ts';
import { type IndicatorActuals, computeActuals } from './actuals.ts';
import { factsOf } from './facts.ts';
import { flowTotals } from './flowTotals.ts';
import {
  type Period,
  inRange,
  isQuarterEnd,
  monthOf,
  monthRange,
  periodEnd,
  quarterOf,
  timeProgress,
  yearOf,
  yearToDate,
} from './period.ts';
import { rankUnits, redBlackLists } from './ranking.ts';
import { zoneCompletion } from './completion.ts';
import { fundRates, overdueProjects, startRates } from './rates.ts';
import { scoreUnits } from './scoring.ts';
import { orderUnits } from './unitOrder.ts';

/** Everything `computePeriodMetrics` needs; pure data, no I/O. */
export interface PeriodMetricsInput {
  /** e.g. `'2025-10'`. */
  period: Period;
  /** The period's own snapshot (every row recorded up to its month end, all years). */
  records: SnapshotRecords;
  units: readonly Unit[];
  /** Targets of all years; only the period's year is scored. */
  targets: readonly Target[];
  /** 人工评分 items of all years. */
  manualScores?: readonly ManualScore[];
  settings: {
    overdueDays: number;
    scoreAgainst?: 'annual' | 'timeProgress';
    rankingScale?: 'raw' | 'percent';
    /** 红黑榜 size, default 3. */
    redBlackSize?: number;
    /** 驾驶舱 alert threshold in points, default 10. */
    alertGap?: number;
  };
  /**
   * An earlier period's metrics (normally the month before) for the rank change; ignored when it
   * belongs to another assessment year (the year's first period shows 年度首期).
   */
  previous?: PeriodMetrics;
  /** At a quarter end: the previous quarter end's metrics (same year only), for the 季度排名 change. */
  previousQuarter?: PeriodMetrics;
  /** The same month of the previous year, from its own snapshot, for 同比. */
  lastYear?: PeriodMetrics;
  /**
   * The end of a month held only by a dated snapshot (`ledgers/2025-11-15/`), `YYYY-MM-DD`: overdue
   * days count to it and it is the 统计截止日期. Its ledgers hold no later row (they are rejected as
   * future dates), so every year-to-date sum is the same as to the month end.
   */
  asOf?: string;
}

const values = (a: IndicatorActuals): IndicatorValues =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.value])) as IndicatorValues;

function assertEarlier(other: PeriodMetrics | undefined, period: Period, what: string): void {
  if (other && !(other.period < period)) throw new Error(`${what} ${other.period} 不早于 ${period}`);
}

/**
 * The figures of one period for the bulletin and the unit pages (schema: `periodMetricsSchema`).
 *
 * @example computePeriodMetrics({ period: '2025-10', records, units, targets, settings: { overdueDays: 180 } }).ytd.signed.count // 35
 */
export function computePeriodMetrics(input: PeriodMetricsInput): PeriodMetrics {
  const { period, records, units, targets, settings } = input;
  assertEarlier(input.previous, period, 'previous');
  assertEarlier(input.previousQuarter, period, 'previousQuarter');
  const year = yearOf(period);
  const previous = input.previous?.year === year ? input.previous : undefined;
  const previousQuarter = input.previousQuarter?.year === year ? input.previousQuarter : undefined;
  const opts = {
    overdueDays: settings.overdueDays,
    ...(input.asOf !== undefined ? { asOf: input.asOf } : {}),
    scoreAgainst: settings.scoreAgainst ?? 'annual',
    rankingScale: settings.rankingScale ?? 'raw',
  };
  const month = monthRange(period);

  // 1. totals 本月 and 累计, zone and by unit
  const thisMonth = flowTotals(records, month, units);
  const ytd = flowTotals(records, yearToDate(period), units);

  // 2. indicators, scores and rankings
  const actuals = computeActuals(records, period, { ...opts, units });
  const scores = scoreUnits(targets, records, units, period, opts, input.manualScores ?? []);
  const ranking = rankUnits(scores, units, previous?.ranking);
  const quarterEnd = isQuarterEnd(period);
  const quarterRanking = quarterEnd ? rankUnits(scores, units, previousQuarter?.ranking) : null;
  const { redList, blackList } = redBlackLists(ranking, settings.redBlackSize ?? 3);

  // 3. rates and the overdue list
  const starts = startRates(records, period);
  const funds = fundRates(records, period);
  const overdue = overdueProjects(records, period, settings.overdueDays, input.asOf);

  // 4. one entry per unit: the table's units, then unknown names met in figures or targets
  const info = new Map(units.map((u) => [u.name, u]));
  const scoreOf = new Map(scores.map((s) => [s.unit, s]));
  const actualsOf = new Map(actuals.units.map((u) => [u.unit, u.actuals]));
  const zeroActuals = Object.fromEntries(INDICATORS.map((k) => [k, 0])) as IndicatorValues;
  const unitMetrics = orderUnits([...actualsOf.keys(), ...scoreOf.keys()], units).map((unit): UnitMetrics => {
    const u = info.get(unit);
    const s = scoreOf.get(unit);
    const a = actualsOf.get(unit);
    return {
      unit,
      known: u !== undefined,
      group: u?.group ?? null,
      ranked: u ? u.ranked : units.length === 0,
      actuals: a ? values(a) : zeroActuals,
      items: s?.items ?? [],
      score: s?.raw ?? null,
      maxScore: s?.fullMarks ?? null,
      scoreDetail: s ? detailOf(s) : null,
      startRate: starts.byUnit.get(unit) ?? {
        projects: 0,
        started: 0,
        rate: null,
        startedRefs: [],
        notStartedRefs: [],
      },
      fundRate: funds.byUnit.get(unit) ?? { fundsYi: 0, investmentYi: 0, rate: null, refs: [] },
    };
  });

  return {
    period,
    year: yearOf(period),
    month: monthOf(period),
    periodEnd: input.asOf ?? periodEnd(period),
    timeProgress: timeProgress(period),
    quarter: quarterOf(period),
    isQuarterEnd: quarterEnd,
    overdueDays: settings.overdueDays,
    thisMonth,
    ytd,
    zone: { actuals: values(actuals.zone), startRate: starts.zone, fundRate: funds.zone },
    units: unitMetrics,
    ranking,
    rankingKind: rankingKindOf(period),
    rankingScale: opts.rankingScale,
    scoreAgainst: opts.scoreAgainst,
    alertGap: settings.alertGap ?? 10,
    redBlackSize: settings.redBlackSize ?? 3,
    redList,
    blackList,
    completion: zoneCompletion(targets, records, period, opts),
    yoy: input.lastYear ? yoyFigures(input.lastYear) : null,
    unrecognised: unrecognisedOf(records, period),
    duplicateClaims: factsOf(records).claims.map((c) => ({
      key: c.key,
      project: c.name,
      units: c.units,
      refs: c.refs,
    })),
    previousPeriod: previous?.period ?? null,
    quarterRanking,
    previousQuarterPeriod: quarterEnd ? (previousQuarter?.period ?? null) : null,
    overdue,
    newThisMonth: newThisMonth(records, period),
  };
}

function detailOf({ unit: _u, known: _k, items: _i, ...detail }: UnitScore): NonNullable<UnitMetrics['scoreDetail']> {
  return detail;
}

/** 一季一排名、半年一考核、年终结总账: what the period's ranking is called. */
export function rankingKindOf(period: Period): PeriodMetrics['rankingKind'] {
  const m = monthOf(period);
  return m === 12 ? 'year' : m === 6 ? 'half' : m % 3 === 0 ? 'quarter' : 'month';
}

/** The headline year-to-date figures of a period, as 同比 base for the next year. */
function yoyFigures(m: PeriodMetrics): YoyFigures {
  const { signed, started, producing, funds, leads, trips } = m.ytd;
  return {
    period: m.period,
    signed: { count: signed.count, investmentYi: signed.investmentYi },
    started: { count: started.count },
    producing: { count: producing.count },
    funds: { amountYi: funds.amountYi, foreignUsd: funds.foreignUsd },
    leads: { count: leads.count, valid: leads.valid },
    trips: { count: trips.count, visits: trips.visits },
  };
}

/** 未认定 / 待认定 签约 rows dated in the year to date. */
function unrecognisedOf(records: SnapshotRecords, period: Period): PeriodMetrics['unrecognised'] {
  const ytd = yearToDate(period);
  const rows = factsOf(records)
    .unrecognised.filter((s) => inRange(s.signDate, ytd))
    .map((s) => ({
      src: s.src,
      key: s.key ?? null,
      name: s.name,
      unit: s.unit,
      date: s.signDate,
      investmentYi: s.investmentYi,
      chain: s.chain ?? null,
      claimUnits: null,
      foreign: s.foreign,
      public: s.public,
    }));
  return { count: rows.length, investmentYi: rows.reduce((sum, r) => sum + (r.investmentYi ?? 0), 0), rows };
}

/** Key fields of the 签约/开工/投产 rows dated within the month, in ledger order. */
function newThisMonth(records: SnapshotRecords, period: Period): PeriodMetrics['newThisMonth'] {
  const month = monthRange(period);
  const facts = factsOf(records);
  const project = (key: string | undefined) => (key === undefined ? undefined : facts.signedByKey.get(key));
  return {
    // a project claimed by several units is listed once, on its first row, naming them all
    signed: facts.signed.flatMap((f) => {
      const s = f.signed;
      return s && f.zone && inRange(f.date, month)
        ? [
            {
              src: s.src,
              key: s.key ?? null,
              name: s.name,
              unit: s.unit,
              date: s.signDate,
              investmentYi: s.investmentYi,
              chain: s.chain ?? null,
              claimUnits: f.claimUnits === null ? null : [...f.claimUnits],
              foreign: s.foreign,
              public: s.public,
            },
          ]
        : [];
    }),
    started: facts.started.flatMap((f) =>
      f.zone && inRange(f.date, month)
        ? [
            {
              src: f.src,
              key: f.key,
              name: f.name,
              unit: f.unit,
              date: f.date,
              investmentYi: f.investmentYi,
              chain: project(f.key ?? undefined)?.chain ?? null,
            },
          ]
        : [],
    ),
    producing: facts.producing.flatMap((f) =>
      f.zone && inRange(f.date, month)
        ? [
            {
              src: f.src,
              key: f.key,
              name: f.name,
              unit: f.unit,
              date: f.date,
              investmentYi: f.investmentYi,
              chain: project(f.key ?? undefined)?.chain ?? null,
            },
          ]
        : [],
    ),
  };
}

/**
 * The report's per-period summary (contract §9): year-to-date figures at full precision, `byUnit`
 * by canonical unit name (rows without a unit are in the totals only), and the ranking of ranked
 * units only — units with 是否参与排名 = 否 are scored but not ranked, so they are left out.
 *
 * @example reportSummary(m).signed // { count: 35, investmentYi: 123.45, foreignUsd: 0, byUnit: { 商务局: { count: 10, investmentYi: 50.1 } } }
 */
export function reportSummary(m: PeriodMetrics): ReportSummary {
  const { signed, started, producing, funds, leads, trips } = m.ytd;
  const { period: _p, ...yoy } = m.yoy ?? { period: '' };
  return {
    signed: {
      count: signed.count,
      investmentYi: signed.investmentYi,
      foreignUsd: signed.foreignUsd,
      byUnit: Object.fromEntries(
        signed.byUnit.flatMap((u) =>
          u.unit === null ? [] : [[u.unit, { count: u.count, investmentYi: u.investmentYi }]],
        ),
      ),
    },
    started: { count: started.count },
    producing: { count: producing.count },
    funds: { amountYi: funds.amountYi, foreignUsd: funds.foreignUsd },
    leads: { count: leads.count, valid: leads.valid },
    trips: { count: trips.count, visits: trips.visits },
    yoy: m.yoy ? (yoy as NonNullable<ReportSummary['yoy']>) : null,
    completion: Object.fromEntries(
      m.completion.map((c) => [
        c.indicator,
        {
          actual: c.actual,
          target: c.target,
          rate: c.rate,
          base: c.base,
          ...(c.base === 'units' ? { units: c.units } : {}),
        },
      ]),
    ),
    ranking: m.ranking.flatMap((e) =>
      e.rank === null
        ? []
        : [
            {
              unit: e.unit,
              score: e.score,
              rank: e.rank,
              group: e.group,
              groupRank: e.groupRank,
              change: e.change,
              fullMarks: e.fullMarks,
              bonus: e.bonus,
              deduction: e.deduction,
              percent: e.percent,
              ...(e.pool === null ? {} : { pool: e.pool }),
            },
          ],
    ),
    redList: m.redList.map(({ group, unit }) => ({ group, unit })),
    blackList: m.blackList.map(({ group, unit }) => ({ group, unit })),
    unrecognised: { count: m.unrecognised.count, investmentYi: m.unrecognised.investmentYi },
    duplicateClaims: m.duplicateClaims.map((c) => ({ project: c.project, units: c.units })),
  };
}

import type { IndicatorValues, PeriodMetrics, ReportSummary, UnitMetrics } from '../schemas/metrics.ts';
import { INDICATORS, type SnapshotRecords, type Target, type Unit } from '../schemas/records.ts';
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
import { rankUnits } from './ranking.ts';
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
  settings: { overdueDays: number };
  /** An earlier period's metrics (normally the month before) for the rank change. */
  previous?: PeriodMetrics;
  /** At a quarter end: the previous quarter end's metrics, for the 季度排名 change. */
  previousQuarter?: PeriodMetrics;
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
  const opts = { overdueDays: settings.overdueDays };
  const month = monthRange(period);

  // 1. totals 本月 and 累计, zone and by unit
  const thisMonth = flowTotals(records, month, units);
  const ytd = flowTotals(records, yearToDate(period), units);

  // 2. indicators, scores and rankings
  const actuals = computeActuals(records, period, { ...opts, units });
  const scores = scoreUnits(targets, records, units, period, opts);
  const ranking = rankUnits(scores, units, input.previous?.ranking);
  const quarterEnd = isQuarterEnd(period);
  const quarterRanking = quarterEnd ? rankUnits(scores, units, input.previousQuarter?.ranking) : null;

  // 3. rates and the overdue list
  const starts = startRates(records, period);
  const funds = fundRates(records, period);
  const overdue = overdueProjects(records, period, settings.overdueDays);

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
      score: s?.score ?? null,
      maxScore: s?.maxScore ?? null,
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
    periodEnd: periodEnd(period),
    timeProgress: timeProgress(period),
    quarter: quarterOf(period),
    isQuarterEnd: quarterEnd,
    overdueDays: settings.overdueDays,
    thisMonth,
    ytd,
    zone: { actuals: values(actuals.zone), startRate: starts.zone, fundRate: funds.zone },
    units: unitMetrics,
    ranking,
    previousPeriod: input.previous?.period ?? null,
    quarterRanking,
    previousQuarterPeriod: quarterEnd ? (input.previousQuarter?.period ?? null) : null,
    overdue,
    newThisMonth: newThisMonth(records, period),
  };
}

/** Key fields of the 签约/开工/投产 rows dated within the month, in ledger order. */
function newThisMonth(records: SnapshotRecords, period: Period): PeriodMetrics['newThisMonth'] {
  const month = monthRange(period);
  const facts = factsOf(records);
  const project = (key: string | undefined) => (key === undefined ? undefined : facts.signedByKey.get(key));
  return {
    signed: records.signed
      .filter((s) => inRange(s.signDate, month))
      .map((s) => ({
        src: s.src,
        key: s.key ?? null,
        name: s.name,
        unit: s.unit,
        date: s.signDate,
        investmentYi: s.investmentYi,
        chain: s.chain ?? null,
        foreign: s.foreign,
        public: s.public,
      })),
    started: facts.started.flatMap((f, i) => {
      const s = records.started[i];
      return s && inRange(f.date, month)
        ? [
            {
              src: f.src,
              key: f.key,
              name: s.name,
              unit: f.unit,
              date: f.date,
              investmentYi: f.investmentYi,
              chain: project(s.key)?.chain ?? null,
            },
          ]
        : [];
    }),
    producing: facts.producing.flatMap((f, i) => {
      const s = records.producing[i];
      return s && inRange(f.date, month)
        ? [
            {
              src: f.src,
              key: f.key,
              name: s.name,
              unit: f.unit,
              date: f.date,
              investmentYi: f.investmentYi,
              chain: project(s.key)?.chain ?? null,
            },
          ]
        : [];
    }),
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
    ranking: m.ranking.flatMap((e) => (e.rank === null ? [] : [{ unit: e.unit, score: e.score, rank: e.rank }])),
  };
}

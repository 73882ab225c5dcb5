import type { Actual } from '../schemas/metrics.ts';
import { INDICATORS, type Indicator, type SnapshotRecords, type Unit } from '../schemas/records.ts';
import { type Fact, factsOf, overdueRows } from './facts.ts';
import { type ActualFilter, type FilterKey, activeFilterKeys, filterPartLabel, matchesFilter } from './filters.ts';
import { type Period, addDays, inRange, periodEnd, yearOf, yearToDate } from './period.ts';
import { orderUnits } from './unitOrder.ts';

/** Settings the actuals need: the 签约超期未开工 threshold in days (site.json, default 180). */
export interface ActualOptions {
  overdueDays: number;
  /** The end of a dated snapshot, when the period ends before its month does (contract §1). */
  asOf?: string;
}

type FactKind = 'signed' | 'started' | 'producing' | 'funds' | 'leads' | 'trips' | 'overdue';

/** How an indicator is counted (contract §5, §7). */
interface IndicatorDef {
  /** Which rows: a ledger's rows dated in the year to date, or the overdue 签约 rows at the period end. */
  kind: FactKind;
  /** Target filters that apply; others are ignored and reported. */
  filters: readonly FilterKey[];
  /** Extra condition on a row. */
  include?: (f: Fact) => boolean;
  /** What a row adds: 1 for counts, an amount for sums. */
  value: (f: Fact) => number;
}

const PROJECT: readonly FilterKey[] = [
  'chain',
  'minInvestmentYi',
  'maxInvestmentYi',
  'foreign',
  'provincial',
  'park',
  'projectType',
];
const FUNDS: readonly FilterKey[] = [...PROJECT, 'fundSource'];
const one = (): number => 1;
const atLeast = (yi: number) => (f: Fact) => f.investmentYi !== null && f.investmentYi >= yi;

/**
 * The definition of every indicator. To add an indicator: add it to `INDICATORS` in
 * `src/schemas/records.ts` (and its aliases in the targets reader), then one line here.
 */
export const INDICATOR_DEFS: Record<Indicator, IndicatorDef> = {
  签约项目数: { kind: 'signed', filters: PROJECT, value: one },
  签约金额: { kind: 'signed', filters: PROJECT, value: (f) => f.investmentYi ?? 0 },
  亿元以上签约项目数: { kind: 'signed', filters: PROJECT, include: atLeast(1), value: one },
  '5亿元以上签约项目数': { kind: 'signed', filters: PROJECT, include: atLeast(5), value: one },
  '10亿元以上签约项目数': { kind: 'signed', filters: PROJECT, include: atLeast(10), value: one },
  '50亿元以上签约项目数': { kind: 'signed', filters: PROJECT, include: atLeast(50), value: one },
  开工项目数: { kind: 'started', filters: PROJECT, value: one },
  投产项目数: { kind: 'producing', filters: PROJECT, value: one },
  到位资金: { kind: 'funds', filters: FUNDS, value: (f) => f.amountYi },
  外资到位: { kind: 'funds', filters: FUNDS, include: (f) => f.foreignUsd !== 0, value: (f) => f.foreignUsd },
  有效信息条数: {
    kind: 'leads',
    filters: ['chain', 'minInvestmentYi', 'maxInvestmentYi'],
    include: (f) => f.valid,
    value: one,
  },
  外出招商次数: { kind: 'trips', filters: [], value: one },
  拜访企业数: { kind: 'trips', filters: [], include: (f) => f.visits !== 0, value: (f) => f.visits },
  签约超期未开工项目数: { kind: 'overdue', filters: PROJECT, value: one },
};

/**
 * Labels of the filters set in `filter` that `indicator` cannot apply (they are ignored).
 *
 * @example ignoredFilters('外出招商次数', { chain: '新能源' }) // ['产业链=新能源']
 */
export function ignoredFilters(indicator: Indicator, filter: ActualFilter): string[] {
  const applies = INDICATOR_DEFS[indicator].filters;
  return activeFilterKeys(filter)
    .filter((k) => !applies.includes(k))
    .map((k) => filterPartLabel(filter, k));
}

/**
 * The rows of a kind that an indicator of the period looks at. 签约超期未开工项目数 counts the projects
 * overdue at the period end whose deadline (签约日期 + overdueDays) falls in the period's year: a
 * project is penalised in the year it became overdue, never again in January for last year's backlog
 * (contract §7; the 督办 list `overdueProjects` shows them all).
 */
function rowsOf(kind: FactKind, records: SnapshotRecords, period: Period, opts: ActualOptions): readonly Fact[] {
  if (kind === 'overdue') {
    const jan1 = `${yearOf(period)}-01-01`;
    return overdueRows(records, opts.asOf ?? periodEnd(period), opts.overdueDays)
      .filter((o) => addDays(o.fact.date, opts.overdueDays) >= jan1)
      .map((o) => o.fact);
  }
  const ytd = yearToDate(period);
  return factsOf(records)[kind].filter((f) => inRange(f.date, ytd));
}

/** An indicator's actual for the zone and for each unit met, in one pass. */
export interface ActualBreakdown {
  /** Every row, with or without a unit; a project claimed by several units once (`Fact.zone`). */
  zone: Actual;
  /** Rows by their (project's) unit; rows with no unit are in `zone` only. */
  byUnit: Map<string, Actual>;
  /** The rows behind `byUnit` with what each adds, for sums over several units (`unionActual`). */
  rowsByUnit: Map<string, Array<{ id: string; value: number; src: Fact['src'] }>>;
}

const PROJECT_KINDS: ReadonlySet<FactKind> = new Set(['signed', 'started', 'producing', 'overdue']);

/**
 * The actual of several units together (a joint task, or 各单位目标合计): each row once, and each
 * project once on the 签约/开工/投产 ledgers, so a project claimed by two of them counts once.
 *
 * @example unionActual(b, ['党政办', '规划建设局']).value // 7 — 4 + 3 with no project in common
 */
export function unionActual(b: ActualBreakdown, units: readonly string[]): Actual {
  if (units.length === 1) return b.byUnit.get(units[0] ?? '') ?? { value: 0, refs: [] };
  const seen = new Set<string>();
  const out: Actual = { value: 0, refs: [] };
  for (const u of units) {
    for (const r of b.rowsByUnit.get(u) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.value += r.value;
      out.refs.push(r.src);
    }
  }
  return out;
}

/**
 * Year-to-date actual of one indicator under a filter, for the zone and by unit.
 *
 * @example actualBreakdown('签约项目数', {}, records, '2025-10', { overdueDays: 180 }).byUnit.get('商务局')
 * // { value: 3, refs: [{ file: 'ledgers/2025-10/签约.xlsx', sheet: 'Sheet1', row: 4 }, …] }
 */
export function actualBreakdown(
  indicator: Indicator,
  filter: ActualFilter,
  records: SnapshotRecords,
  period: Period,
  opts: ActualOptions,
): ActualBreakdown {
  const def = INDICATOR_DEFS[indicator];
  const zone: Actual = { value: 0, refs: [] };
  const byUnit = new Map<string, Actual>();
  const rowsByUnit: ActualBreakdown['rowsByUnit'] = new Map();
  const byProject = PROJECT_KINDS.has(def.kind);
  for (const f of rowsOf(def.kind, records, period, opts)) {
    if (def.include && !def.include(f)) continue;
    if (!matchesFilter(filter, def.filters, f)) continue;
    const v = def.value(f);
    if (f.zone) {
      zone.value += v;
      zone.refs.push(f.src);
    }
    if (f.unit === null) continue;
    let a = byUnit.get(f.unit);
    if (!a) {
      byUnit.set(f.unit, (a = { value: 0, refs: [] }));
      rowsByUnit.set(f.unit, []);
    }
    a.value += v;
    a.refs.push(f.src);
    const id = byProject && f.key !== null ? f.key : `${f.src.file}\u0000${f.src.sheet}\u0000${f.src.row}`;
    rowsByUnit.get(f.unit)?.push({ id, value: v, src: f.src });
  }
  return { zone, byUnit, rowsByUnit };
}

/**
 * Year-to-date actual of an indicator for one unit (`null` = the zone), under a target's filters,
 * with the rows counted. Dates select the rows: 签约日期, 开工日期, 投产日期, 到位日期, 报送日期 or
 * 出发日期 from 1 January to the period end; 签约超期未开工项目数 is the state at the period end.
 *
 * @example actualFor('有效信息条数', '商务局', {}, records, '2025-10', { overdueDays: 180 })
 * // { value: 30, refs: [...] }
 * @example actualFor('签约金额', null, { chain: '新能源', minInvestmentYi: 5 }, records, '2025-10', opts)
 * // { value: 62.5, refs: [...] } — the zone's 新能源 signings of 5亿元 or more
 */
export function actualFor(
  indicator: Indicator,
  unit: string | null,
  filter: ActualFilter,
  records: SnapshotRecords,
  period: Period,
  opts: ActualOptions,
): Actual {
  const b = actualBreakdown(indicator, filter, records, period, opts);
  if (unit === null) return b.zone;
  return b.byUnit.get(unit) ?? { value: 0, refs: [] };
}

/** Every indicator's actual, e.g. `{签约项目数: {value: 3, refs}, …}`. */
export type IndicatorActuals = Record<Indicator, Actual>;

/**
 * Unfiltered year-to-date actuals of every indicator for the zone and every unit: the units of
 * `opts.units` in table order (zeros included), then unknown unit names met in the rows.
 *
 * @example computeActuals(records, '2025-10', { overdueDays: 180, units }).zone.签约金额.value // 123.45
 */
export function computeActuals(
  records: SnapshotRecords,
  period: Period,
  opts: ActualOptions & { units?: readonly Unit[] },
): { zone: IndicatorActuals; units: Array<{ unit: string; actuals: IndicatorActuals }> } {
  const breakdowns = INDICATORS.map((ind) => [ind, actualBreakdown(ind, {}, records, period, opts)] as const);
  const names = orderUnits(
    breakdowns.flatMap(([, b]) => [...b.byUnit.keys()]),
    opts.units ?? [],
  );
  const pick = (get: (b: ActualBreakdown) => Actual): IndicatorActuals =>
    Object.fromEntries(breakdowns.map(([ind, b]) => [ind, get(b)])) as IndicatorActuals;
  return {
    zone: pick((b) => b.zone),
    units: names.map((unit) => ({ unit, actuals: pick((b) => b.byUnit.get(unit) ?? { value: 0, refs: [] }) })),
  };
}

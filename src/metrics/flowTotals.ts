import type { FlowTotals } from '../schemas/metrics.ts';
import type { SnapshotRecords, Unit } from '../schemas/records.ts';
import { SIZE_BUCKETS, bucketOf } from '../schemas/buckets.ts';
import { type Fact, factsOf } from './facts.ts';
import { type DateRange, inRange } from './period.ts';
import { compareText, orderUnits } from './unitOrder.ts';

type Figure<K extends keyof FlowTotals> = Omit<FlowTotals[K], 'byUnit' | 'bySize' | 'byChain' | 'bySource'>;

/** How one ledger's rows add up into a figure. */
interface Adder<T> {
  make: () => T;
  add: (fig: T, f: Fact) => void;
}

const signedAdder: Adder<Figure<'signed'>> = {
  make: () => ({ count: 0, investmentYi: 0, foreignUsd: 0, refs: [] }),
  add: (g, f) => {
    g.count += 1;
    g.investmentYi += f.investmentYi ?? 0;
    g.foreignUsd += f.foreignUsd;
    g.refs.push(f.src);
  },
};
const projectAdder: Adder<Figure<'started'>> = {
  make: () => ({ count: 0, investmentYi: 0, refs: [] }),
  add: (g, f) => {
    g.count += 1;
    g.investmentYi += f.investmentYi ?? 0;
    g.refs.push(f.src);
  },
};
const fundsAdder: Adder<Figure<'funds'>> = {
  make: () => ({ count: 0, amountYi: 0, foreignUsd: 0, refs: [] }),
  add: (g, f) => {
    g.count += 1;
    g.amountYi += f.amountYi;
    g.foreignUsd += f.foreignUsd;
    g.refs.push(f.src);
  },
};
const leadsAdder: Adder<Figure<'leads'>> = {
  make: () => ({ count: 0, valid: 0, pending: 0, refs: [] }),
  add: (g, f) => {
    g.count += 1;
    if (f.valid) g.valid += 1;
    if (f.pending) g.pending += 1;
    g.refs.push(f.src);
  },
};
const tripsAdder: Adder<Figure<'trips'>> = {
  make: () => ({ count: 0, visits: 0, refs: [] }),
  add: (g, f) => {
    g.count += 1;
    g.visits += f.visits;
    g.refs.push(f.src);
  },
};

/** Sums `rows` into one figure. */
function total<T>(rows: readonly Fact[], a: Adder<T>): T {
  const g = a.make();
  for (const f of rows) a.add(g, f);
  return g;
}

/** Sums `rows` per key; keys in first-seen order. */
function groupBy<T, K>(rows: readonly Fact[], keyOf: (f: Fact) => K, a: Adder<T>): Map<K, T> {
  const out = new Map<K, T>();
  for (const f of rows) {
    const k = keyOf(f);
    let g = out.get(k);
    if (!g) out.set(k, (g = a.make()));
    a.add(g, f);
  }
  return out;
}

/** By unit in units-table order, unknown names after, rows with no unit (`null`) last. */
function byUnit<T>(rows: readonly Fact[], a: Adder<T>, units: readonly Unit[]): Array<T & { unit: string | null }> {
  const groups = groupBy(rows, (f) => f.unit, a);
  const named = orderUnits(
    [...groups.keys()].filter((k): k is string => k !== null),
    units,
  ).filter((u) => groups.has(u));
  const out = named.map((unit) => ({ ...(groups.get(unit) as T), unit }));
  const none = groups.get(null);
  return none ? [...out, { ...none, unit: null }] : out;
}

const SOURCES: ReadonlyArray<string | null> = ['省外', '市外', '境外', null];

/**
 * 本月 or 累计 totals: every counted row dated within `range` (认定 signings, a duplicate row once),
 * for the zone (a project claimed by several units once) and broken down by unit (each claimant) (and 签约 by size bucket and 产业链, 到位资金 by 资金来源). A 开工/投产/到位 row without a unit
 * takes its project's; when none, it is in the zone figure and under `unit: null`.
 *
 * @example flowTotals(records, yearToDate('2025-10'), units).signed.count // 35
 */
export function flowTotals(records: SnapshotRecords, range: DateRange, units: readonly Unit[]): FlowTotals {
  const facts = factsOf(records);
  const pick = (rows: readonly Fact[]) => rows.filter((f) => inRange(f.date, range));
  // by unit every claiming unit is credited; the zone counts a project claimed twice once (contract §6)
  const signedAll = pick(facts.signed);
  const startedAll = pick(facts.started);
  const producingAll = pick(facts.producing);
  const zoneOnly = (rows: readonly Fact[]) => (rows.every((f) => f.zone) ? rows : rows.filter((f) => f.zone));
  const signed = zoneOnly(signedAll);
  const started = zoneOnly(startedAll);
  const producing = zoneOnly(producingAll);
  const funds = pick(facts.funds);
  const leads = pick(facts.leads);
  const trips = pick(facts.trips);

  const sizes = groupBy(signed, (f) => bucketOf(f.investmentYi ?? 0), signedAdder);
  const chains = groupBy(signed, (f) => f.chain, signedAdder);
  const sources = groupBy(funds, (f) => f.fundSource, fundsAdder);

  return {
    signed: {
      ...total(signed, signedAdder),
      bySize: SIZE_BUCKETS.map((b) => ({ ...(sizes.get(b.label) ?? signedAdder.make()), bucket: b.label })),
      byChain: [...chains]
        .map(([chain, g]) => ({ ...g, chain }))
        .sort(
          (a, b) =>
            b.investmentYi - a.investmentYi ||
            b.count - a.count ||
            (a.chain === null ? 1 : b.chain === null ? -1 : compareText(a.chain, b.chain)),
        ),
      byUnit: byUnit(signedAll, signedAdder, units),
    },
    started: { ...total(started, projectAdder), byUnit: byUnit(startedAll, projectAdder, units) },
    producing: { ...total(producing, projectAdder), byUnit: byUnit(producingAll, projectAdder, units) },
    funds: {
      ...total(funds, fundsAdder),
      byUnit: byUnit(funds, fundsAdder, units),
      bySource: SOURCES.flatMap((source) => {
        const g = sources.get(source);
        return g ? [{ ...g, source }] : [];
      }),
    },
    leads: { ...total(leads, leadsAdder), byUnit: byUnit(leads, leadsAdder, units) },
    trips: { ...total(trips, tripsAdder), byUnit: byUnit(trips, tripsAdder, units) },
  };
}

import type { Signed, SnapshotRecords, SourceRef } from '../schemas/records.ts';
import type { FilterAttrs } from './filters.ts';
import { daysBetween } from './period.ts';

/**
 * One ledger row reduced to what the figures need, with its project's attributes filled in from
 * the 签约 row of the same key (contract §5–6): a 开工/投产/到位 row with no 责任单位 takes its
 * project's unit, and filters on 产业链 / 外资 / 省台账 see the project's values.
 */
export interface Fact extends FilterAttrs {
  src: SourceRef;
  /** Project key (`code:…`/`name:…`), `null` when the row has none. */
  key: string | null;
  /** The date the row is counted by (签约日期, 开工日期, 投产日期, 到位日期, 报送日期, 出发日期). */
  date: string;
  /** Canonical unit, or `null`: counted in the zone totals but in no unit. */
  unit: string | null;
  /** 到位金额 (funds) in 亿元, else 0. */
  amountYi: number;
  /** 外资金额 / 外资到位 in 万美元, 0 when not given. */
  foreignUsd: number;
  /** 拜访数量 (trips), 0 when not given. */
  visits: number;
  /** Lead judged 有效. */
  valid: boolean;
}

/** Facts of one snapshot, by ledger kind, plus the project lookups. */
export interface Facts {
  signed: Fact[];
  started: Fact[];
  producing: Fact[];
  funds: Fact[];
  leads: Fact[];
  trips: Fact[];
  /** The project's 签约 row: the earliest signed row of the key (first in ledger order on a tie). */
  signedByKey: ReadonlyMap<string, Signed>;
  /** Earliest 开工日期 of each key. */
  firstStartByKey: ReadonlyMap<string, string>;
}

const cache = new WeakMap<SnapshotRecords, Facts>();

/**
 * Facts of a snapshot. Memoised per records object (the records are treated as immutable), so the
 * many `actualFor` calls of one build share one pass over the rows.
 *
 * @example factsOf(records).started[0].unit // '经济合作局' — taken from the 签约 row when blank
 */
export function factsOf(records: SnapshotRecords): Facts {
  const hit = cache.get(records);
  if (hit) return hit;
  const facts = buildFacts(records);
  cache.set(records, facts);
  return facts;
}

function buildFacts(r: SnapshotRecords): Facts {
  const signedByKey = new Map<string, Signed>();
  for (const s of r.signed) {
    if (s.key === undefined) continue;
    const prev = signedByKey.get(s.key);
    if (!prev || s.signDate < prev.signDate) signedByKey.set(s.key, s);
  }
  const firstStartByKey = new Map<string, string>();
  for (const s of r.started) {
    if (s.key === undefined) continue;
    const prev = firstStartByKey.get(s.key);
    if (prev === undefined || s.startDate < prev) firstStartByKey.set(s.key, s.startDate);
  }
  const project = (key: string | undefined): Signed | undefined =>
    key === undefined ? undefined : signedByKey.get(key);
  const blank = { amountYi: 0, foreignUsd: 0, visits: 0, valid: false, fundSource: null };

  return {
    signedByKey,
    firstStartByKey,
    signed: r.signed.map((s) => ({
      ...blank,
      src: s.src,
      key: s.key ?? null,
      date: s.signDate,
      unit: s.unit,
      chain: s.chain ?? null,
      investmentYi: s.investmentYi,
      foreign: s.foreign,
      provincial: s.provincial,
      foreignUsd: s.foreignUsd ?? 0,
    })),
    started: r.started.map((s) => {
      const p = project(s.key);
      return {
        ...blank,
        src: s.src,
        key: s.key ?? null,
        date: s.startDate,
        unit: s.unit ?? p?.unit ?? null,
        chain: p?.chain ?? null,
        investmentYi: s.investmentYi ?? p?.investmentYi ?? null,
        foreign: p?.foreign ?? false,
        provincial: p?.provincial ?? false,
      };
    }),
    producing: r.producing.map((s) => {
      const p = project(s.key);
      return {
        ...blank,
        src: s.src,
        key: s.key ?? null,
        date: s.produceDate,
        unit: s.unit ?? p?.unit ?? null,
        chain: p?.chain ?? null,
        investmentYi: s.investmentYi ?? p?.investmentYi ?? null,
        foreign: p?.foreign ?? false,
        provincial: p?.provincial ?? false,
      };
    }),
    funds: r.funds.map((f) => {
      const p = project(f.key);
      const foreignUsd = f.foreignUsd ?? 0;
      return {
        ...blank,
        src: f.src,
        key: f.key ?? null,
        date: f.fundDate,
        unit: f.unit ?? p?.unit ?? null,
        chain: p?.chain ?? null,
        investmentYi: p?.investmentYi ?? null,
        // a funds row of no known project is foreign when its money is
        foreign: p?.foreign ?? (f.source === '境外' || foreignUsd !== 0),
        provincial: p?.provincial ?? false,
        fundSource: f.source ?? null,
        amountYi: f.amountYi,
        foreignUsd,
      };
    }),
    leads: r.leads.map((l) => ({
      ...blank,
      src: l.src,
      key: l.key ?? null,
      date: l.reportDate,
      unit: l.unit,
      chain: l.chain ?? null,
      investmentYi: l.investmentYi ?? null,
      foreign: false,
      provincial: false,
      valid: l.verdict === '有效',
    })),
    trips: r.trips.map((t) => ({
      ...blank,
      src: t.src,
      key: null,
      date: t.departDate,
      unit: t.unit,
      chain: null,
      investmentYi: null,
      foreign: false,
      provincial: false,
      visits: t.visits ?? 0,
    })),
  };
}

/** A 签约 row overdue at a period end, with its fact (same index as in `records.signed`). */
export interface OverdueRow {
  fact: Fact;
  signed: Signed;
  daysSinceSigned: number;
}

/**
 * 签约超期未开工 (contract §7): signed rows dated ≤ `end` and more than `overdueDays` days before
 * it (exactly `overdueDays` is not yet overdue), whose project has no 开工 row dated ≤ `end`.
 * Any signing year counts: a 2024 signing still not started in 2025 is overdue. A row without a
 * project key cannot be matched to a 开工 row, so it counts as not started.
 *
 * @example overdueRows(records, '2025-10-31', 180) // [{ daysSinceSigned: 200, … }]
 */
export function overdueRows(records: SnapshotRecords, end: string, overdueDays: number): OverdueRow[] {
  const facts = factsOf(records);
  const out: OverdueRow[] = [];
  facts.signed.forEach((fact, i) => {
    const signed = records.signed[i];
    if (!signed || fact.date > end) return;
    const daysSinceSigned = daysBetween(fact.date, end);
    if (daysSinceSigned <= overdueDays) return;
    const started = fact.key === null ? undefined : facts.firstStartByKey.get(fact.key);
    if (started !== undefined && started <= end) return;
    out.push({ fact, signed, daysSinceSigned });
  });
  return out;
}

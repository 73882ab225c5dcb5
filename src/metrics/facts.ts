import { WeakValueCache } from '../schemas/weakValueCache.ts';
import type { Signed, SnapshotRecords, SourceRef } from '../schemas/records.ts';
import type { FilterAttrs } from './filters.ts';
import { daysBetween } from './period.ts';
import { isRecognised } from '../normalize/recognition.ts';

export { isRecognised };

/**
 * One ledger row reduced to what the figures need, with its project's attributes filled in from
 * the 签约 row of the same key (contract §5–6): a 开工/投产/到位 row with no 责任单位 takes its
 * project's unit, and filters on 产业链 / 外资 / 省台账 see the project's values.
 */
export interface Fact extends FilterAttrs {
  src: SourceRef;
  /** 项目名称 (`''` for trips). */
  name: string;
  /**
   * Counted in zone figures. False only for the second and later units' rows of a project claimed
   * by several units (重复申报, contract §6): each unit is credited, the zone counts it once.
   */
  zone: boolean;
  /** The 签约 row itself (signed facts only). */
  signed?: Signed;
  /** Units claiming the project when several do (sorted as met), else `null`. */
  claimUnits: readonly string[] | null;
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
  /** Lead 待研判, or with no 研判结果 yet. */
  pending: boolean;
}

/** A project claimed by several units in one snapshot's 签约 rows (重复申报). */
export interface Claim {
  key: string;
  /** The name on its first row. */
  name: string;
  /** Canonical units, in ledger order. */
  units: string[];
  /** Every 签约 row of the project (one per unit counted; same-unit duplicates included). */
  refs: SourceRef[];
}

/** Facts of one snapshot, by ledger kind, plus the project lookups. */
export interface Facts {
  /**
   * Counted 签约 rows: 认定 (contract §4), and for each project and unit the first row only (the
   * same row twice counts once); see `Fact.zone` for projects claimed by several units.
   */
  signed: Fact[];
  /** 未认定 / 待认定 签约 rows: listed, counted nowhere. */
  unrecognised: Signed[];
  /** Projects claimed by two or more units, in ledger order of their first row. */
  claims: Claim[];
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

/**
 * Facts by records object, not kept alive by the cache: the records live for the whole build, and
 * a cache holding every snapshot's facts would keep a second copy of every row (a 1,000,000-row
 * ledger's facts are several hundred MB). A period's metrics are computed in one synchronous call,
 * during which the facts stay (see `WeakValueCache`).
 */
const cache = new WeakValueCache<SnapshotRecords, Facts>();

/**
 * Facts of a snapshot. Memoised per records object (the records are treated as immutable), so the
 * many `actualFor` calls of one period share one pass over the rows.
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

/**
 * For rows with a project key: keeps the first row of each (key, unit) and says which are claimed
 * by several units. Rows without a key or unit are all kept. Returns, per kept row, whether the zone
 * counts it and the claiming units.
 */
function dedupe<T extends { key?: string | undefined; unit?: string | undefined }>(
  rows: readonly T[],
  dateOf: (row: T) => string,
): Array<{ row: T; zone: boolean; claimUnits: string[] | null }> {
  const unitsOf = new Map<string, string[]>();
  const kept: T[] = [];
  for (const row of rows) {
    if (row.key === undefined || row.unit === undefined) {
      kept.push(row);
      continue;
    }
    const units = unitsOf.get(row.key);
    if (!units) unitsOf.set(row.key, [row.unit]);
    else if (units.includes(row.unit)) continue;
    else units.push(row.unit);
    kept.push(row);
  }
  // the zone counts a claimed project on its earliest row (first in ledger order on a tie), so it
  // falls in the year it was first signed whichever unit's row comes first in the files
  const zoneRow = new Map<string, T>();
  for (const row of kept) {
    if (row.key === undefined || row.unit === undefined) continue;
    const first = zoneRow.get(row.key);
    if (!first || dateOf(row) < dateOf(first)) zoneRow.set(row.key, row);
  }
  return kept.map((row) => {
    const units = row.key === undefined ? undefined : unitsOf.get(row.key);
    if (row.key === undefined || row.unit === undefined || !units || units.length < 2)
      return { row, zone: true, claimUnits: null };
    return { row, zone: zoneRow.get(row.key) === row, claimUnits: units };
  });
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
  const blank = {
    amountYi: 0,
    foreignUsd: 0,
    visits: 0,
    valid: false,
    pending: false,
    fundSource: null,
    zone: true,
    claimUnits: null,
    park: null,
    projectType: null,
  };
  const recognised = r.signed.filter(isRecognised);
  const signedRows = dedupe(recognised, (s) => s.signDate);
  const claims = new Map<string, Claim>();
  for (const { row, claimUnits } of signedRows) {
    if (claimUnits === null || row.key === undefined || claims.has(row.key)) continue;
    claims.set(row.key, { key: row.key, name: row.name, units: claimUnits, refs: [] });
  }
  for (const s of recognised) if (s.key !== undefined) claims.get(s.key)?.refs.push(s.src);
  const projectRows = <T extends { key?: string | undefined; unit?: string | undefined }>(
    rows: readonly T[],
    dateOf: (row: T) => string,
  ) =>
    dedupe(
      rows.map((row) => ({ ...row, unit: row.unit ?? project(row.key)?.unit })),
      dateOf,
    ).map((d) => ({
      ...d,
      row: d.row as T,
    }));

  return {
    signedByKey,
    firstStartByKey,
    unrecognised: r.signed.filter((s) => !isRecognised(s)),
    claims: [...claims.values()],
    signed: signedRows.map(({ row: s, zone, claimUnits }) => ({
      ...blank,
      zone,
      claimUnits,
      signed: s,
      name: s.name,
      park: s.park ?? null,
      projectType: s.projectType ?? null,
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
    started: projectRows(r.started, (s) => s.startDate).map(({ row: s, zone, claimUnits }) => {
      const p = project(s.key);
      return {
        ...blank,
        zone,
        claimUnits,
        name: s.name,
        park: p?.park ?? null,
        projectType: p?.projectType ?? null,
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
    producing: projectRows(r.producing, (s) => s.produceDate).map(({ row: s, zone, claimUnits }) => {
      const p = project(s.key);
      return {
        ...blank,
        zone,
        claimUnits,
        name: s.name,
        park: p?.park ?? null,
        projectType: p?.projectType ?? null,
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
        name: f.name,
        park: p?.park ?? null,
        projectType: p?.projectType ?? null,
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
      name: l.name,
      src: l.src,
      key: l.key ?? null,
      date: l.reportDate,
      unit: l.unit,
      chain: l.chain ?? null,
      investmentYi: l.investmentYi ?? null,
      foreign: false,
      provincial: false,
      valid: l.verdict === '有效',
      pending: l.verdict === undefined || l.verdict === '待研判',
    })),
    trips: r.trips.map((t) => ({
      ...blank,
      name: '',
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

/** A counted 签约 row overdue at a period end, with its fact. */
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
  for (const fact of facts.signed) {
    const signed = fact.signed;
    if (!signed || fact.date > end) continue;
    const daysSinceSigned = daysBetween(fact.date, end);
    if (daysSinceSigned <= overdueDays) continue;
    const started = fact.key === null ? undefined : facts.firstStartByKey.get(fact.key);
    if (started !== undefined && started <= end) continue;
    out.push({ fact, signed, daysSinceSigned });
  }
  return out;
}

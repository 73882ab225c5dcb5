import { compareText } from '../../metrics/unitOrder.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { Unit } from '../../schemas/records.ts';
import { unitId, unitPage } from '../data.ts';
import type { Drill } from '../ranking/rankingBreakdown.ts';

/**
 * The units index (`units.html`) and the set of unit pages: every unit of the units table, then
 * every unknown name met in the ledgers, targets or projects (shown as written, 未识别单位).
 */

/** Label of a name the units table does not know (contract §5). */
export const UNKNOWN_UNIT = '未识别单位（不在单位名单中）';

/** A unit that gets a page. */
export interface UnitName {
  name: string;
  known: boolean;
}

/**
 * Units-table order, then unknown names by code unit (deterministic). `names` are the names met
 * anywhere (metrics of every period, projects, the quality report); duplicates are dropped.
 *
 * @example allUnits([{ name: '商务局', … }], ['招商三科', '商务局']) // [{ name: '商务局', known: true }, { name: '招商三科', known: false }]
 */
export function allUnits(units: readonly Unit[], names: Iterable<string | null | undefined>): UnitName[] {
  const known = new Set(units.map((u) => u.name));
  const unknown = new Set<string>();
  for (const n of names) if (n && !known.has(n)) unknown.add(n);
  return [
    ...units.map((u) => ({ name: u.name, known: true })),
    ...[...unknown].sort(compareText).map((name) => ({ name, known: false })),
  ];
}

/** One line of the units index. */
export interface UnitListRow {
  name: string;
  id: string;
  /** Output path of the unit page. */
  page: string;
  known: boolean;
  aliases: string;
  /** 类型, or `未识别单位（不在单位名单中）`. */
  type: string;
  group: string | null;
  /** 是否参与排名; `null` for unknown names. */
  ranked: boolean | null;
  /** Latest score; `null` without targets. */
  score: number | null;
  maxScore: number | null;
  rank: number | null;
  /** 累计签约 of the latest period. */
  signedCount: number;
  signedYi: number;
  /** Relative href of the signed rows, `null` when none. */
  signedHref: string | null;
}

/**
 * The units index from the latest period. `none` (signed rows without a unit) is returned apart,
 * with its drill link (`ytd.signed.unit.none`), so the sum of the lines is the zone's total.
 */
export function unitList(
  names: readonly UnitName[],
  units: readonly Unit[],
  metrics: PeriodMetrics | null,
  drill: Drill,
): { rows: UnitListRow[]; none: { count: number; investmentYi: number; href: string } | null } {
  const info = new Map(units.map((u) => [u.name, u]));
  const scored = new Map((metrics?.units ?? []).map((u) => [u.unit, u]));
  const rank = new Map((metrics?.ranking ?? []).map((e) => [e.unit, e.rank]));
  const signed = new Map((metrics?.ytd.signed.byUnit ?? []).map((s) => [s.unit, s]));
  const period = metrics?.period ?? '';
  const rows = names.map(({ name, known }): UnitListRow => {
    const u = info.get(name);
    const m = scored.get(name);
    const s = signed.get(name);
    const id = unitId(name);
    return {
      name,
      id,
      page: unitPage(name),
      known,
      aliases: u?.aliases.join('、') ?? '',
      type: known ? (u?.type ?? '') : UNKNOWN_UNIT,
      group: u?.group ?? null,
      ranked: known ? (u?.ranked ?? true) : null,
      score: m?.score ?? null,
      maxScore: m?.maxScore ?? null,
      rank: rank.get(name) ?? null,
      signedCount: s?.count ?? 0,
      signedYi: s?.investmentYi ?? 0,
      signedHref: s && s.count > 0 ? drill(period, `ytd.signed.unit.${id}`) : null,
    };
  });
  const n = signed.get(null);
  const none =
    n && n.count > 0
      ? { count: n.count, investmentYi: n.investmentYi, href: drill(period, 'ytd.signed.unit.none') }
      : null;
  return { rows, none };
}

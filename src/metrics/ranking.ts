import type { RankingEntry, UnitScore } from '../schemas/metrics.ts';
import type { Unit } from '../schemas/records.ts';
import { roundTo } from './format.ts';
import { compareText } from './unitOrder.ts';

/** What a ranking needs of a unit's score; the breakdown fields default to a plain score. */
export type RankInput = Pick<UnitScore, 'unit' | 'score'> &
  Partial<Pick<UnitScore, 'raw' | 'fullMarks' | 'bonus' | 'deduction' | 'percent' | 'pool' | 'onPace'>>;

/**
 * Competition ranks ("1, 2, 2, 4") over items already sorted best first: an item whose displayed
 * score (2 decimals) equals the one before shares its rank.
 */
function competitionRanks(keys: readonly number[]): number[] {
  const ranks: number[] = [];
  keys.forEach((k, i) => ranks.push(i > 0 && k === keys[i - 1] ? (ranks[i - 1] ?? i + 1) : i + 1));
  return ranks;
}

/**
 * Ranks scored units (contract §7): by total score descending; scores equal at two decimals (as
 * displayed) share a rank and the next rank skips (1, 2, 2, 4); ties are listed by unit name in
 * code-unit order (deterministic, unlike ICU collation). Units with 是否参与排名 = 否 are listed
 * after the ranked ones with `rank: null`; so are names the units table does not know — unless
 * the table is empty, in which case every scored unit is ranked. `groupRank` ranks within each
 * 分组 by the same rule. `prevRank` / `change` compare with `previous` (a previous period's ranking,
 * or the previous quarter end's for a 季度排名); `change` = prevRank − rank, positive = moved up.
 *
 * @example rankUnits([{ unit: '甲', score: 90 }, { unit: '乙', score: 95 }], units).map((e) => e.rank) // [1, 2] for 乙, 甲
 */
export function rankUnits(
  scores: ReadonlyArray<RankInput>,
  units: readonly Unit[],
  previous?: readonly RankingEntry[],
): RankingEntry[] {
  const info = new Map(units.map((u) => [u.name, u]));
  const prevRank = new Map<string, number>();
  for (const e of previous ?? []) if (e.rank !== null) prevRank.set(e.unit, e.rank);

  const sorted = scores
    .map((s) => ({ ...s, key: roundTo(s.score, 2) }))
    .sort((a, b) => b.key - a.key || compareText(a.unit, b.unit));
  const isRanked = (name: string): boolean => {
    const u = info.get(name);
    return u ? u.ranked : units.length === 0;
  };
  const ranked = sorted.filter((s) => isRanked(s.unit));
  const unranked = sorted.filter((s) => !isRanked(s.unit));

  const rankOf = new Map<string, number>();
  competitionRanks(ranked.map((s) => s.key)).forEach((r, i) => rankOf.set(ranked[i]?.unit ?? '', r));
  const groupRankOf = new Map<string, number>();
  const groups = new Map<string, typeof ranked>();
  for (const s of ranked) {
    const g = info.get(s.unit)?.group;
    if (g === undefined) continue;
    const list = groups.get(g);
    if (list) list.push(s);
    else groups.set(g, [s]);
  }
  for (const list of groups.values())
    competitionRanks(list.map((s) => s.key)).forEach((r, i) => groupRankOf.set(list[i]?.unit ?? '', r));

  return [...ranked, ...unranked].map((s): RankingEntry => {
    const rank = rankOf.get(s.unit) ?? null;
    const prev = prevRank.get(s.unit) ?? null;
    return {
      unit: s.unit,
      group: info.get(s.unit)?.group ?? null,
      ranked: rank !== null,
      score: s.score,
      raw: s.raw ?? s.score,
      fullMarks: s.fullMarks ?? 0,
      bonus: s.bonus ?? 0,
      deduction: s.deduction ?? 0,
      percent: s.percent ?? null,
      pool: s.pool ?? null,
      onPace: s.onPace ?? false,
      rank,
      groupRank: groupRankOf.get(s.unit) ?? null,
      prevRank: prev,
      change: rank !== null && prev !== null ? prev - rank : null,
    };
  });
}

/**
 * 红黑榜 (contract §7), per 分组 when units have groups, else overall: 红榜 = units ranked within the
 * top `size` of their group that are at or above 序时进度 (`onPace`); 黑榜 = units ranked within the
 * bottom `size` that are below it. Ranks are competition ranks, so ties at the edge are all in. A
 * list may hold fewer than `size` units, or none; order is group order, then rank.
 *
 * @example redBlackLists(ranking, 3).redList // [{ group: '部门', unit: '商务局', rank: 1 }]
 */
export function redBlackLists(
  ranking: readonly RankingEntry[],
  size: number,
): { redList: RedBlackEntry[]; blackList: RedBlackEntry[] } {
  const ranked = ranking.filter((e) => e.rank !== null);
  const grouped = ranked.some((e) => e.group !== null);
  const groups = new Map<string | null, RankingEntry[]>();
  for (const e of ranked) {
    const g = grouped ? e.group : null;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  const redList: RedBlackEntry[] = [];
  const blackList: RedBlackEntry[] = [];
  for (const [group, list] of groups) {
    // the ranking is in score order, so ranks within the group follow the same tie rule
    const ranks = competitionRanks(list.map((e) => roundTo(e.score, 2)));
    const n = list.length;
    for (const [i, e] of list.entries()) {
      const r = ranks[i] ?? i + 1;
      if (r <= size && e.onPace) redList.push({ group, unit: e.unit, rank: r });
      // a unit with no basic target (满分 0) has no 序时进度 to be behind
      if (r > n - size && !e.onPace && e.fullMarks > 0) blackList.push({ group, unit: e.unit, rank: r });
    }
  }
  return { redList, blackList };
}

export interface RedBlackEntry {
  group: string | null;
  unit: string;
  /** Rank within the group (overall when there are no groups). */
  rank: number;
}

import { roundTo } from '../../metrics/format.ts';
import type { RankingEntry, UnitMetrics } from '../../schemas/metrics.ts';
import type { Unit } from '../../schemas/records.ts';
import { unitId, unitPage } from '../data.ts';

/**
 * The ranking pages' view (一季一排名, 红黑榜): rows with rank, ties and change in words, the
 * rankings within each 分组, 红榜 / 黑榜 and the units not ranked. Pure: pages pass the metrics in.
 */

/** One line of a ranking as shown. */
export interface RankRow {
  unit: string;
  /** `unitId(unit)`, e.g. `u-1a2b3c4d`: anchors (`score-<id>`) and drill ids. */
  id: string;
  /** Output path of the unit page, e.g. `units/u-1a2b3c4d.html`. */
  page: string;
  /** 分组, `null` when none. */
  group: string | null;
  ranked: boolean;
  /** In the units table (`false`: a name only the targets use). */
  known: boolean;
  score: number;
  /** Sum of the items' full marks, `null` when unknown. */
  maxScore: number | null;
  rank: number | null;
  /** Another ranked unit has the same rank (并列). */
  tied: boolean;
  groupRank: number | null;
  groupTied: boolean;
  prevRank: number | null;
  change: number | null;
  /** `↑2`, `↓3`, `持平`, `新列入` or `—`. */
  changeText: string;
  /** The change in words for screen readers and print, e.g. `较上期上升2位`. */
  changeTitle: string;
  /** CSS class of the change: `up`, `down` or `null`. */
  changeClass: 'up' | 'down' | null;
}

/** Rows of one group's ranking. */
export interface GroupRanking {
  group: string;
  rows: RankRow[];
}

export interface RankingView {
  /** Ranked units, by rank. */
  ranked: RankRow[];
  /** 是否参与排名 = 否 (and names not in the units table), scored but not ranked. */
  unranked: RankRow[];
  groups: GroupRanking[];
  red: RankRow[];
  /** Worst first, each with its place from the bottom (倒数第 n, tie-aware) and whether it is shared. */
  black: { row: RankRow; fromBottom: number; tied: boolean }[];
  /** Why the 黑榜 is short or empty, e.g. when there are fewer than six ranked units. */
  blackNote: string | null;
}

/**
 * The change of rank in words. `change` = prevRank − rank (positive = moved up).
 *
 * @example changeWords({ rank: 2, prevRank: 4, change: 2 }, true) // { text: '↑2', title: '较上期上升2位', cls: 'up' }
 * @example changeWords({ rank: 3, prevRank: null, change: null }, true) // { text: '新列入', title: '上期未参与排名', cls: null }
 */
export function changeWords(
  e: Pick<RankingEntry, 'rank' | 'prevRank' | 'change'>,
  hasPrevious: boolean,
): { text: string; title: string; cls: 'up' | 'down' | null } {
  if (e.rank === null || !hasPrevious) return { text: '—', title: hasPrevious ? '' : '无上期排名', cls: null };
  if (e.prevRank === null || e.change === null) return { text: '新列入', title: '上期未参与排名', cls: null };
  if (e.change > 0) return { text: `↑${e.change}`, title: `较上期上升${e.change}位`, cls: 'up' };
  if (e.change < 0) return { text: `↓${-e.change}`, title: `较上期下降${-e.change}位`, cls: 'down' };
  return { text: '持平', title: '与上期名次相同', cls: null };
}

/** Counts of each value, to tell ties. */
function counts(values: readonly (number | null)[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of values) if (v !== null) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** `3` or `3（并列）`. */
export function rankText(rank: number | null, tied: boolean): string {
  if (rank === null) return '—';
  return tied ? `${rank}（并列）` : String(rank);
}

/** `第3名` or `第3名（并列）`; `prefix` e.g. `倒数`. @example placeText(2, true) // '第2名（并列）' */
export function placeText(rank: number, tied: boolean, prefix = ''): string {
  return `${prefix}第${rank}名${tied ? '（并列）' : ''}`;
}

/**
 * 红榜 = ranks 1–3, 黑榜 = the three lowest places counted from the bottom, both tie-aware: every
 * unit sharing a boundary score is listed (1, 2, 3, 3 → four on the 红榜). A unit never appears on
 * both lists: with fewer than six ranked units the 黑榜 keeps only those not on the 红榜.
 * Ties are decided on the displayed score (2 decimals), as the ranks are.
 */
export function redBlack(ranked: readonly RankRow[]): Pick<RankingView, 'red' | 'black' | 'blackNote'> {
  const red = ranked.filter((r) => r.rank !== null && r.rank <= 3);
  const onRed = new Set(red.map((r) => r.unit));
  const keys = ranked.map((r) => roundTo(r.score, 2));
  const withPlace = ranked.map((row, i) => ({
    row,
    fromBottom: 1 + keys.filter((k) => k < (keys[i] ?? 0)).length,
    tied: keys.filter((k) => k === keys[i]).length > 1,
  }));
  const bottom = withPlace.filter((x) => x.fromBottom <= 3);
  const black = bottom
    .filter((x) => !onRed.has(x.row.unit))
    .sort((a, b) => a.fromBottom - b.fromBottom || ranked.indexOf(a.row) - ranked.indexOf(b.row));
  let blackNote: string | null = null;
  if (ranked.length === 0) blackNote = '本期没有参与排名的单位。';
  else if (black.length < bottom.length) {
    blackNote = `参与排名的单位共${ranked.length}个，红榜与黑榜不重复列出${black.length === 0 ? '，本期不设黑榜' : '，已列入红榜的单位不再列入黑榜'}。`;
  }
  return { red, black, blackNote };
}

/**
 * Builds the view of one ranking (`metrics.ranking`, or `metrics.quarterRanking` at a quarter
 * end). `units` gives each unit's full marks; `hasPrevious` says whether a previous ranking was
 * compared (`metrics.previousPeriod` / `previousQuarterPeriod`). Groups follow the units table's
 * order of first appearance, then other group names; units without a group are left out of the
 * group rankings.
 */
export function rankingView(
  entries: readonly RankingEntry[],
  units: readonly UnitMetrics[],
  refUnits: readonly Unit[],
  hasPrevious: boolean,
): RankingView {
  const maxOf = new Map(units.map((u) => [u.unit, u.maxScore]));
  const knownNames = new Set(refUnits.map((u) => u.name));
  const rankCounts = counts(entries.filter((e) => e.ranked).map((e) => e.rank));
  const groupCounts = new Map<string, Map<number, number>>();
  for (const e of entries) {
    if (!e.ranked || e.group === null || e.groupRank === null) continue;
    const m = groupCounts.get(e.group) ?? new Map<number, number>();
    m.set(e.groupRank, (m.get(e.groupRank) ?? 0) + 1);
    groupCounts.set(e.group, m);
  }
  const rows: RankRow[] = entries.map((e) => {
    const c = changeWords(e, hasPrevious);
    return {
      unit: e.unit,
      id: unitId(e.unit),
      page: unitPage(e.unit),
      group: e.group,
      ranked: e.ranked,
      known: knownNames.has(e.unit),
      score: e.score,
      maxScore: maxOf.get(e.unit) ?? null,
      rank: e.rank,
      tied: e.rank !== null && (rankCounts.get(e.rank) ?? 0) > 1,
      groupRank: e.groupRank,
      groupTied: e.group !== null && e.groupRank !== null && (groupCounts.get(e.group)?.get(e.groupRank) ?? 0) > 1,
      prevRank: e.prevRank,
      change: e.change,
      changeText: c.text,
      changeTitle: c.title,
      changeClass: c.cls,
    };
  });
  const ranked = rows.filter((r) => r.ranked && r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const unranked = rows.filter((r) => !r.ranked || r.rank === null);
  const groupOrder = [...refUnits.map((u) => u.group), ...ranked.map((r) => r.group)].filter((g): g is string => !!g);
  const groups = [...new Set(groupOrder)]
    .map((group) => ({
      group,
      rows: ranked.filter((r) => r.group === group).sort((a, b) => (a.groupRank ?? 0) - (b.groupRank ?? 0)),
    }))
    .filter((g) => g.rows.length > 0);
  return { ranked, unranked, groups, ...redBlack(ranked) };
}

/** One entry of the rankings index: a month or a quarter page. */
export interface RankingPeriod {
  /** `2025-10` or `2025-Q3`. */
  key: string;
  /** The snapshot behind it (the quarter's last month). */
  period: string;
  kind: 'month' | 'quarter';
  /** `2025年10月` / `2025年第三季度`. */
  label: string;
  /** Output path, e.g. `rankings/2025-Q3.html`. */
  page: string;
}

const QUARTER_NAMES = ['', '一', '二', '三', '四'];

/** `2025-09` → `2025年第三季度`. */
export function quarterLabel(period: string): string {
  return `${period.slice(0, 4)}年第${QUARTER_NAMES[Math.ceil(Number(period.slice(5)) / 3)]}季度`;
}

/**
 * Every ranking page: one per month, and one per quarter whose end month is among the periods
 * (`rankings/2025-Q3.html` from `2025-09`). Oldest first.
 *
 * @example rankingPeriods(['2025-08', '2025-09']).map((p) => p.key) // ['2025-08', '2025-09', '2025-Q3']
 */
export function rankingPeriods(periods: readonly string[]): RankingPeriod[] {
  const out: RankingPeriod[] = [];
  for (const p of [...periods].sort()) {
    const month = Number(p.slice(5));
    out.push({ key: p, period: p, kind: 'month', label: `${p.slice(0, 4)}年${month}月`, page: `rankings/${p}.html` });
    if (month % 3 === 0) {
      const key = `${p.slice(0, 4)}-Q${month / 3}`;
      out.push({ key, period: p, kind: 'quarter', label: quarterLabel(p), page: `rankings/${key}.html` });
    }
  }
  return out;
}

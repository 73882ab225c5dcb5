import { roundTo } from '../../metrics/format.ts';
import type { PeriodMetrics, RankingEntry, UnitMetrics } from '../../schemas/metrics.ts';
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
  /** The ranked score (raw or 百分制). */
  score: number;
  /** Raw points (basic + bonus + deduction). */
  raw: number;
  /** 百分制, `null` when 满分 is 0. */
  percent: number | null;
  /** 分值池 = raw × 人数, `null` without 人数. */
  pool: number | null;
  /** At or above 序时进度 (basic points against annual targets / 满分). */
  onPace: boolean;
  /** 重复申报 and 未认定 projects of the unit, in words, e.g. `['重复申报1项（已计入，待核实）']`. */
  marks: string[];
  /** 满分 (basic rows), `null` when unknown. */
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
  /** The ranked score is 百分制 (site.json `rankingScale: percent`). */
  percentScale: boolean;
  /** Ranked units, by rank. */
  ranked: RankRow[];
  /** 是否参与排名 = 否 (and names not in the units table), scored but not ranked. */
  unranked: RankRow[];
  groups: GroupRanking[];
  /** 红榜: within the top `size` of the group and at or above 序时进度. */
  red: RankRow[];
  /** 黑榜: within the bottom `size` and below 序时进度, each with its place from the bottom of its group. */
  black: { row: RankRow; fromBottom: number; tied: boolean }[];
  /** Why the 黑榜 is empty. */
  blackNote: string | null;
  /** site.json `redBlackSize`. */
  size: number;
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
 * 红榜 / 黑榜 as the engine decided them (contract §7, `metrics.redList` / `blackList`: per 分组,
 * top N at or above 序时进度 / bottom N below it), as rows; each 黑榜 entry with its place counted
 * from the bottom of its group. `size` is site.json `redBlackSize`.
 */
export function redBlack(
  ranked: readonly RankRow[],
  lists: Pick<PeriodMetrics, 'redList' | 'blackList'>,
  size: number,
): Pick<RankingView, 'red' | 'black' | 'blackNote' | 'size'> {
  const byUnit = new Map(ranked.map((r) => [r.unit, r]));
  const red = lists.redList.flatMap((e) => byUnit.get(e.unit) ?? []);
  const groupSize = new Map<string | null, number>();
  const grouped = lists.redList.concat(lists.blackList).some((e) => e.group !== null);
  for (const r of ranked) {
    const g = grouped ? r.group : null;
    groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
  }
  const black = lists.blackList.flatMap((e) => {
    const row = byUnit.get(e.unit);
    if (!row) return [];
    const n = groupSize.get(e.group) ?? 0;
    const keys = ranked.filter((r) => (grouped ? r.group : null) === e.group).map((r) => roundTo(r.score, 2));
    const mine = roundTo(row.score, 2);
    return [
      { row, fromBottom: 1 + keys.filter((k) => k < mine).length, tied: keys.filter((k) => k === mine).length > 1, n },
    ];
  });
  // groups in the engine's order, each worst first
  const groupOrder = [...new Set(lists.blackList.map((e) => e.group))];
  black.sort(
    (a, b) =>
      groupOrder.indexOf(grouped ? a.row.group : null) - groupOrder.indexOf(grouped ? b.row.group : null) ||
      a.fromBottom - b.fromBottom,
  );
  let blackNote: string | null = null;
  if (ranked.length === 0) blackNote = '本期没有参与排名的单位。';
  else if (black.length === 0) blackNote = `排名后${size}位的单位均达到序时进度，本期无单位列入黑榜。`;
  return { red, black: black.map(({ n: _n, ...b }) => b), blackNote, size };
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
  lists: Partial<Pick<PeriodMetrics, 'duplicateClaims' | 'unrecognised' | 'rankingScale'>> &
    Pick<PeriodMetrics, 'redList' | 'blackList' | 'redBlackSize'> = { redList: [], blackList: [], redBlackSize: 3 },
): RankingView {
  const claimsOf = new Map<string, number>();
  for (const c of lists.duplicateClaims ?? []) for (const u of c.units) claimsOf.set(u, (claimsOf.get(u) ?? 0) + 1);
  const unrecognisedOf = new Map<string, number>();
  for (const r of lists.unrecognised?.rows ?? [])
    if (r.unit !== null) unrecognisedOf.set(r.unit, (unrecognisedOf.get(r.unit) ?? 0) + 1);
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
      raw: e.raw,
      percent: e.percent,
      pool: e.pool,
      onPace: e.onPace,
      marks: [
        ...(claimsOf.has(e.unit) ? [`重复申报${claimsOf.get(e.unit)}项（已计入，待核实）`] : []),
        ...(unrecognisedOf.has(e.unit) ? [`未认定${unrecognisedOf.get(e.unit)}项（不计分）`] : []),
      ],
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
  return {
    percentScale: lists.rankingScale === 'percent',
    ranked,
    unranked,
    groups,
    ...redBlack(ranked, lists, lists.redBlackSize),
  };
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
 * What a ranking is called (一季一排名、半年一考核、年终结总账).
 *
 * @example rankingTitle({ kind: 'quarter', period: '2025-06', label: '2025年第二季度' }) // '2025年半年考核排名（第二季度）'
 * @example rankingTitle({ kind: 'month', period: '2025-10', label: '2025年10月' }) // '2025年10月综合排名'
 */
export function rankingTitle(rp: Pick<RankingPeriod, 'kind' | 'period' | 'label'>): string {
  const y = rp.period.slice(0, 4);
  if (rp.kind === 'month') return `${rp.label}综合排名`;
  if (rp.period.endsWith('-06')) return `${y}年半年考核排名（第二季度）`;
  if (rp.period.endsWith('-12')) return `${y}年年度考核排名（年终结总账）`;
  return `${rp.label}排名`;
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

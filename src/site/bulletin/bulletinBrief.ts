import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { BulletinLists } from './bulletinLists.ts';
import type { BulletinUnits } from './bulletinUnits.ts';

/**
 * The brief 通报 (contract §11): the printed body stays at 2–4 pages — 主要指标, 总体情况, one row
 * per unit for 各单位完成情况, the 红黑榜 — and the long lists go to 附件 at the end (on screen
 * collapsed below the body, in print each on its own page). Pure.
 */

/** One unit in the body's 各单位完成情况 table (表4). */
export interface BriefUnitRow {
  rank: string;
  unit: string;
  /** Anchor of the unit's full table in 附件1. */
  anchor: string;
  group: string;
  /** e.g. `86.50 / 100`. */
  score: string;
  change: string;
  trend: string;
  /** Scored rows at or above 序时进度, and below it. */
  ahead: number;
  behind: number;
  /** The indicators behind schedule, e.g. `签约金额（亿元）、开工项目数`; `—` when none. */
  behindItems: string;
}

/** An 附件: number, id (anchor) and title. */
export interface Annex {
  n: number;
  id: string;
  title: string;
}

export interface BulletinBrief {
  units: BriefUnitRow[];
  /** 红榜 / 黑榜 in words, e.g. `招商一局（第一组第1名）、青川镇（第二组第1名）`; `null` when empty. */
  red: string | null;
  black: string | null;
  redBlackSize: number;
  annexes: Annex[];
}

export const ANNEXES: readonly Annex[] = [
  { n: 1, id: 'annex-units', title: '各单位目标任务完成情况明细' },
  { n: 2, id: 'annex-new', title: '本月新签约、新开工、新投产项目' },
  { n: 3, id: 'annex-trips', title: '本月外出招商情况' },
  { n: 4, id: 'annex-overdue', title: '签约超期未开工项目清单' },
  { n: 5, id: 'annex-diff', title: '较上期台账变动' },
];

/** Output path of a period's Word bulletin, beside its page. */
export const bulletinDocx = (period: string): string => `bulletins/${period}.docx`;

export function bulletinBrief(
  v: BulletinUnits & Pick<BulletinLists, 'trips' | 'diff'>,
  m: Pick<PeriodMetrics, 'redList' | 'blackList' | 'redBlackSize'>,
): BulletinBrief {
  const groups = new Map(v.units.groups.map((g) => [g.anchor, g]));
  const units = [...v.ranking.ranked, ...v.ranking.unranked].map((r): BriefUnitRow => {
    const g = groups.get(r.anchor);
    const scored = (g?.items ?? []).filter((it) => it.progress !== null);
    const behind = scored.filter((it) => it.progress && !it.progress.ahead);
    return {
      rank: r.rank,
      unit: r.unit,
      anchor: r.anchor,
      group: r.group,
      score: g ? `${g.score} / ${g.maxScore}` : r.score,
      change: r.change,
      trend: r.trend,
      ahead: scored.length - behind.length,
      behind: behind.length,
      behindItems: behind.length === 0 ? '—' : behind.map((it) => it.label).join('、'),
    };
  });
  const words = (list: PeriodMetrics['redList']) =>
    list.length === 0
      ? null
      : list.map((e) => `${e.unit}（${e.group ? `${e.group}第${e.rank}名` : `第${e.rank}名`}）`).join('、');
  return {
    units,
    red: words(m.redList),
    black: words(m.blackList),
    redBlackSize: m.redBlackSize,
    annexes: [...ANNEXES],
  };
}

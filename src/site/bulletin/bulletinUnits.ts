import type { PeriodData } from '../../schemas/siteData.ts';
import { barChart } from '../../charts/barChart.ts';
import { bulletChart } from '../../charts/bulletChart.ts';
import { fmtInt, fmtRate, fmtScore, fmtYi } from '../../metrics/format.ts';
import type { RankingEntry, ScoreItem } from '../../schemas/metrics.ts';
import type { Indicator } from '../../schemas/records.ts';
import { type Cell, type Linker, type Progress, progressOf } from './bulletinFormat.ts';
import { unitId } from '../data.ts';

/** 四、各单位完成情况 and 五、排名 of the monthly bulletin. */

/** Indicators summed in 亿元 / 万美元 (the rest are counts). */
const UNIT_OF: Partial<Record<Indicator, string>> = { 签约金额: '亿元', 到位资金: '亿元', 外资到位: '万美元' };

/** One scored target row of a unit. */
export interface ItemRow {
  /** e.g. `签约金额（亿元）`, with the row's filter: `签约项目数（投资≥5亿元）`. */
  label: string;
  method: string;
  target: string;
  actual: Cell;
  rate: string;
  progress: Progress | null;
  /** Shown when there is no progress, e.g. `扣分项`. */
  note: string;
  points: Cell;
}

export interface UnitGroup {
  unit: string;
  /** In-page anchor, e.g. `unit-u-1a2b3c4d`. */
  anchor: string;
  group: string | null;
  score: string;
  maxScore: string;
  /** e.g. `第3名`, `不参与排名`. */
  rank: string;
  items: ItemRow[];
}

export interface RankRow {
  rank: string;
  unit: string;
  anchor: string;
  group: string;
  score: string;
  groupRank: string;
  /** `↑2`, `↓1`, `—`, or `新` (not ranked last period). */
  change: string;
  /** `up`, `down` or `''` (CSS class). */
  trend: string;
}

export interface BulletinUnits {
  units: { groups: UnitGroup[]; chart: string };
  ranking: { ranked: RankRow[]; unranked: RankRow[]; previousPeriod: string | null; chart: string };
}

/** The label of a target row, e.g. `签约金额（亿元）` or `签约项目数（投资≥5亿元）`. */
export function itemLabel(item: Pick<ScoreItem, 'indicator' | 'filterLabel'>): string {
  const unit = UNIT_OF[item.indicator];
  const extra = [unit, item.filterLabel].filter(Boolean).join('；');
  return extra ? `${item.indicator}（${extra}）` : item.indicator;
}

/** `↑2` / `↓1` / `—`; `新` when the unit was not ranked in the previous ranking. */
export function rankChange(
  e: Pick<RankingEntry, 'change' | 'prevRank' | 'rank'>,
  hasPrevious: boolean,
): { text: string; trend: string } {
  if (e.rank === null || !hasPrevious) return { text: '—', trend: '' };
  if (e.prevRank === null) return { text: '新', trend: '' };
  const c = e.change ?? 0;
  if (c > 0) return { text: `↑${c}`, trend: 'up' };
  if (c < 0) return { text: `↓${-c}`, trend: 'down' };
  return { text: '—', trend: '' };
}

export function bulletinUnits(data: Pick<PeriodData, 'period' | 'metrics'>, link: Linker): BulletinUnits {
  const { period, metrics: m } = data;
  const rankOf = new Map(m.ranking.map((e) => [e.unit, e]));
  const groups = m.units
    .filter((u) => u.items.length > 0)
    .map((u): UnitGroup => {
      const id = unitId(u.unit);
      const e = rankOf.get(u.unit);
      return {
        unit: u.unit,
        anchor: `unit-${id}`,
        group: u.group,
        score: u.score === null ? '—' : fmtScore(u.score),
        maxScore: u.maxScore === null ? '—' : fmtScore(u.maxScore),
        rank: e?.rank ? `第${e.rank}名` : '不参与排名',
        items: u.items.map((item, i): ItemRow => {
          const amount = UNIT_OF[item.indicator] !== undefined;
          const fmt = (x: number) => (amount ? fmtYi(x) : fmtInt(x));
          const deduct = item.method === '扣分';
          return {
            label: itemLabel(item),
            method: item.method,
            target: deduct ? '—' : fmt(item.target),
            actual: link(`score.${id}.${i}`, fmt(item.actual)),
            rate: deduct ? '—' : fmtRate(item.rate),
            progress: deduct ? null : progressOf(item.rate, period),
            note: deduct ? '扣分项' : item.rate === null ? '目标为0' : '',
            // Not a second link to the same rows: 累计完成 beside it links them (and a link costs
            // ≈ 80 bytes; a bulletin has ≈ 170 such rows).
            points: { text: fmtScore(item.points) },
          };
        }),
      };
    });

  // 签约金额 completion of every unit with an unfiltered target, in units-table order
  const bullets = m.units.flatMap((u) => {
    const i = u.items.findIndex((it) => it.indicator === '签约金额' && it.filterLabel === '' && it.method !== '扣分');
    const item = u.items[i];
    if (!item) return [];
    return [
      {
        label: u.unit,
        actual: item.actual,
        target: item.target,
        timeProgress: m.timeProgress,
        href: link(`score.${unitId(u.unit)}.${i}`, '').href,
      },
    ];
  });

  const hasPrevious = m.previousPeriod !== null;
  const row = (e: RankingEntry): RankRow => {
    const ch = rankChange(e, hasPrevious);
    return {
      rank: e.rank === null ? '—' : String(e.rank),
      unit: e.unit,
      anchor: `unit-${unitId(e.unit)}`,
      group: e.group ?? '—',
      score: fmtScore(e.score),
      groupRank: e.groupRank === null ? '—' : String(e.groupRank),
      change: ch.text,
      trend: ch.trend,
    };
  };
  const ranked = m.ranking.filter((e) => e.rank !== null);
  return {
    units: { groups, chart: bulletChart({ title: '各单位签约金额目标完成情况', unit: '亿元', data: bullets }) },
    ranking: {
      ranked: ranked.map(row),
      unranked: m.ranking.filter((e) => e.rank === null).map(row),
      previousPeriod: m.previousPeriod,
      chart: barChart({
        title: '各单位综合得分',
        unit: '分',
        format: (v) => fmtScore(v),
        data: ranked.map((e) => ({ label: e.unit, value: e.score, href: `#unit-${unitId(e.unit)}` })),
      }),
    },
  };
}

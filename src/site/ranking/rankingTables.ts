import type { RankingEntry, ScoreItem } from '../../schemas/metrics.ts';
import { loadPeriod, loadReference } from '../data.ts';
import type { DownloadTable, TableProvider } from '../downloads.ts';
import { RULE_NOT_FOUND } from './rankingBreakdown.ts';
import { methodInWords, targetFinder } from './rankingRules.ts';
import type { Column } from '../table.ts';

/**
 * Downloads of the ranking pages (internal only): per period the ranking (`ranking-2025-10`) and
 * every unit's score items (`scores-2025-10`), the same figures as the page, full precision.
 * Only types come from `downloads.ts` (it imports this module: no import cycle at run time).
 */

/** A ranking line with the unit's full marks. */
export type RankingDownloadRow = RankingEntry & { maxScore: number | null };

export const rankingColumns: Column<RankingDownloadRow>[] = [
  { key: 'rank', label: '名次', format: 'int' },
  { key: 'unit', label: '单位' },
  { key: 'group', label: '分组' },
  { key: 'ranked', label: '参与排名' },
  { key: 'score', label: '得分', format: 'score' },
  { key: 'maxScore', label: '满分', format: 'score' },
  { key: 'groupRank', label: '组内名次', format: 'int' },
  { key: 'prevRank', label: '上期名次', format: 'int' },
  { key: 'change', label: '名次变化（正数为上升）', format: 'int' },
];

/** One score item with its unit and the rule in words. */
export type ScoreDownloadRow = ScoreItem & {
  unit: string;
  group: string | null;
  ranked: boolean;
  index: number;
  rule: string;
};

export const scoreColumns: Column<ScoreDownloadRow>[] = [
  { key: 'unit', label: '单位' },
  { key: 'group', label: '分组' },
  { key: 'ranked', label: '参与排名' },
  { key: 'index', label: '序号', format: 'int', value: (r) => r.index + 1 },
  { key: 'indicator', label: '指标' },
  { key: 'filterLabel', label: '条件' },
  { key: 'target', label: '目标' },
  { key: 'actual', label: '实际' },
  { key: 'rate', label: '完成率', format: 'rate' },
  { key: 'status', label: '对比序时进度' },
  { key: 'gapPp', label: '差距（百分点）', format: 'pp' },
  { key: 'method', label: '计分方式' },
  { key: 'rule', label: '计分规则' },
  { key: 'points', label: '得分', format: 'score' },
  { key: 'fullMarks', label: '满分', format: 'score' },
  { key: 'category', label: '类别' },
  { key: 'capGroup', label: '封顶组' },
  { key: 'formula', label: '计算过程' },
  { key: 'rows', label: '计入台账行数', format: 'int', value: (r) => r.refs.length },
  { key: 'src', label: '目标来源', value: (r) => `${r.src.file} › ${r.src.sheet} › 第${r.src.row}行` },
];

/** The ranking of a period, ranked units first, with full marks. */
export function rankingRows(period: string): RankingDownloadRow[] {
  const m = loadPeriod(period).metrics;
  const max = new Map(m.units.map((u) => [u.unit, u.maxScore]));
  return m.ranking.map((e) => ({ ...e, maxScore: max.get(e.unit) ?? null }));
}

/** Every unit's score items of a period, in ranking order. */
export function scoreRows(period: string): ScoreDownloadRow[] {
  const m = loadPeriod(period).metrics;
  const find = targetFinder(loadReference().targets);
  const order = new Map(m.ranking.map((e, i) => [e.unit, i]));
  return m.units
    .filter((u) => u.items.length > 0)
    .sort((a, b) => (order.get(a.unit) ?? Infinity) - (order.get(b.unit) ?? Infinity))
    .flatMap((u) =>
      u.items.map((item, index) => ({
        ...item,
        unit: u.unit,
        group: u.group,
        ranked: u.ranked,
        index,
        rule: ((t) => (t ? methodInWords(t, item.indicator) : RULE_NOT_FOUND))(find(item.src)),
      })),
    );
}

/** `ranking-<period>` and `scores-<period>` for every period (internal profile). */
export const rankingTables: TableProvider = (profile, periods) => {
  if (profile !== 'internal') return [];
  return [...periods]
    .sort()
    .reverse()
    .flatMap((p) => {
      const label = `${p.slice(0, 4)}年${Number(p.slice(5))}月`;
      const ranking: DownloadTable<RankingDownloadRow> = {
        id: `ranking-${p}`,
        title: `${label}综合排名`,
        group: '排名',
        columns: rankingColumns,
        rows: () => rankingRows(p),
      };
      const scores: DownloadTable<ScoreDownloadRow> = {
        id: `scores-${p}`,
        title: `${label}得分明细`,
        group: '排名',
        columns: scoreColumns,
        rows: () => scoreRows(p),
      };
      return [ranking, scores];
    });
};

import type { RankingEntry, ScoreItem } from '../../schemas/metrics.ts';
import { loadPeriod, periodLabel } from '../data.ts';
// type-only: downloads.ts imports this file (a value import would be a cycle)
import type { DownloadTable, TableProvider } from '../downloads.ts';
import type { Column } from '../table.ts';

/**
 * Downloadable tables of the monthly bulletins (CSV / XLSX, `src/site/downloads.ts`): per period,
 * 各单位目标任务完成情况 (表4) and 综合得分排名 (表5), full precision.
 */

export type BulletinTable = 'units' | 'ranking';

/** @example bulletinTableId('units', '2025-10') // 'bulletin-2025-10-units' */
export function bulletinTableId(table: BulletinTable, period: string): string {
  return `bulletin-${period}-${table}`;
}

/** One scored target row with its unit. */
export interface UnitItemRow extends ScoreItem {
  unit: string;
  group: string | null;
  timeProgress: number;
}

export const unitItemColumns: Column<UnitItemRow>[] = [
  { key: 'unit', label: '单位' },
  { key: 'group', label: '分组' },
  { key: 'indicator', label: '指标' },
  { key: 'filterLabel', label: '条件' },
  { key: 'method', label: '计分方式' },
  { key: 'target', label: '年度目标', format: 'score', value: (r) => (r.method === '扣分' ? null : r.target) },
  { key: 'actual', label: '累计完成', format: 'score' },
  { key: 'rate', label: '完成率', format: 'rate' },
  { key: 'timeProgress', label: '序时进度', format: 'rate' },
  { key: 'status', label: '进度' },
  { key: 'gapPp', label: '差距（个百分点）', format: 'pp' },
  { key: 'points', label: '得分', format: 'score' },
  { key: 'fullMarks', label: '满分', format: 'score' },
  { key: 'category', label: '类别' },
  { key: 'capGroup', label: '封顶组' },
  { key: 'formula', label: '计算过程' },
];

export const rankingColumns: Column<RankingEntry>[] = [
  { key: 'rank', label: '排名', format: 'int' },
  { key: 'unit', label: '单位' },
  { key: 'group', label: '分组' },
  { key: 'score', label: '排名得分', format: 'score' },
  { key: 'raw', label: '总分（原始分）', format: 'score' },
  { key: 'fullMarks', label: '满分', format: 'score' },
  { key: 'bonus', label: '加分', format: 'score' },
  { key: 'deduction', label: '扣分', format: 'score' },
  { key: 'percent', label: '百分制', format: 'score' },
  { key: 'pool', label: '分值池', format: 'score' },
  { key: 'groupRank', label: '组内排名', format: 'int' },
  { key: 'prevRank', label: '上期排名', format: 'int' },
  { key: 'change', label: '名次变化（正为上升）', format: 'int' },
  { key: 'ranked', label: '参与排名' },
];

/** Rows of 表4 of a period. */
export function unitItemRows(period: string): UnitItemRow[] {
  const m = loadPeriod(period).metrics;
  return m.units.flatMap((u) =>
    u.items.map((item) => ({ ...item, unit: u.unit, group: u.group, timeProgress: m.timeProgress })),
  );
}

/** Provider for `PROVIDERS` in `src/site/downloads.ts` (internal profile only). */
export const bulletinTables: TableProvider = (profile, periods) => {
  if (profile !== 'internal') return [];
  return [...periods]
    .sort()
    .reverse()
    .flatMap((p): DownloadTable[] => [
      {
        id: bulletinTableId('units', p),
        title: `${periodLabel(p)}各单位目标完成情况`,
        group: '月度通报',
        columns: unitItemColumns,
        rows: () => unitItemRows(p),
      } satisfies DownloadTable<UnitItemRow>,
      {
        id: bulletinTableId('ranking', p),
        title: `${periodLabel(p)}综合排名`,
        group: '月度通报',
        columns: rankingColumns,
        rows: () => loadPeriod(p).metrics.ranking,
      } satisfies DownloadTable<RankingEntry>,
    ]);
};

import { loadPeriod, loadReference } from '../data.ts';
import type { DownloadTable, TableProvider } from '../downloads.ts';
import type { Column } from '../table.ts';
import { type TargetLine, targetYears, targetsView } from './targets.ts';

/**
 * Download of the target page (internal only): `targets-<year>`, every unit's target rows against
 * the actuals of the year's latest snapshot. Only types come from `downloads.ts` (no import cycle).
 */
export const targetColumns: Column<TargetLine>[] = [
  { key: 'unit', label: '单位' },
  { key: 'indicator', label: '指标' },
  { key: 'measure', label: '单位（计量）' },
  { key: 'filterLabel', label: '条件' },
  { key: 'target', label: '目标' },
  { key: 'actual', label: '实际' },
  { key: 'rate', label: '完成率', format: 'rate' },
  { key: 'status', label: '对比序时进度' },
  { key: 'gapPp', label: '差距（百分点）', format: 'pp' },
  { key: 'method', label: '计分方式' },
  { key: 'ruleText', label: '计分规则' },
  { key: 'points', label: '得分', format: 'score' },
  { key: 'rowCount', label: '计入台账行数', format: 'int' },
  { key: 'source', label: '目标来源' },
];

/** The target rows of a year's page. */
export function targetRows(period: string): TargetLine[] {
  const ref = loadReference();
  return targetsView(loadPeriod(period).metrics, ref.units, ref.targets, [], () => '').lines;
}

/** `targets-<year>` for every year with a snapshot (internal profile). */
export const targetsTables: TableProvider = (profile, periods) => {
  if (profile !== 'internal') return [];
  return targetYears(periods).map((y) => {
    const t: DownloadTable<TargetLine> = {
      id: `targets-${y.year}`,
      title: `${y.year}年目标任务完成情况`,
      group: '目标',
      columns: targetColumns,
      rows: () => targetRows(y.period),
    };
    return t;
  });
};

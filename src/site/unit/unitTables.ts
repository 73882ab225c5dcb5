import { loadMeta, loadPeriod, loadReference } from '../data.ts';
import type { DownloadTable, TableProvider } from '../downloads.ts';
import type { Column } from '../table.ts';
import { type UnitListRow, unitList } from './unitList.ts';
import { siteUnits } from './unitSources.ts';

/**
 * Download of the units index (internal only): `unit-overview`, every unit with its latest score,
 * rank and 累计签约. Only types come from `downloads.ts` (no import cycle).
 */
export const unitOverviewColumns: Column<UnitListRow>[] = [
  { key: 'name', label: '单位' },
  { key: 'aliases', label: '简称/别名' },
  { key: 'type', label: '类型' },
  { key: 'group', label: '分组' },
  { key: 'ranked', label: '参与排名' },
  { key: 'score', label: '得分', format: 'score' },
  { key: 'maxScore', label: '满分', format: 'score' },
  { key: 'rank', label: '名次', format: 'int' },
  { key: 'signedCount', label: '累计签约项目（个）', format: 'int' },
  { key: 'signedYi', label: '累计签约金额（亿元）', format: 'yi' },
];

/** Rows of the units index for the latest period. */
export function unitOverviewRows(): UnitListRow[] {
  const latest = loadMeta().latest;
  return unitList(siteUnits(), loadReference().units, latest ? loadPeriod(latest).metrics : null, () => '').rows;
}

export const unitTables: TableProvider = (profile, periods) => {
  if (profile !== 'internal' || periods.length === 0) return [];
  const last = [...periods].sort().at(-1) ?? '';
  const t: DownloadTable<UnitListRow> = {
    id: 'unit-overview',
    title: `各单位得分与累计签约（${last.slice(0, 4)}年${Number(last.slice(5))}月）`,
    group: '单位',
    columns: unitOverviewColumns,
    rows: unitOverviewRows,
  };
  return [t];
};

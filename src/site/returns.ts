import type { Issue } from '../schemas/issue.ts';
import type { QualityData } from '../schemas/siteData.ts';
import { unitId } from './data.ts';
import type { Column } from './table.ts';
import { issueColumns } from './tables/quality.ts';

/**
 * 退回清单 (contract §12): per unit, the rows of the latest snapshot that were rejected or warned
 * about, so the office sends each unit its own corrections (`returns/<unit-id>.xlsx`). A problem
 * the data stage could not tie to a unit (a sheet without a 单位 column, a file that cannot be
 * read) stays on the 数据质量 page only and is counted here.
 */

/** One unit's return. */
export interface UnitReturn {
  unit: string;
  /** Output path, e.g. `returns/u-1a2b3c4d.xlsx`. */
  path: string;
  /** File name offered when saving, e.g. `青川镇人民政府-退回清单-2025-10.xlsx`. */
  fileName: string;
  errors: number;
  warnings: number;
  rows: Issue[];
}

export interface ReturnsView {
  period: string | null;
  units: UnitReturn[];
  /** Problems of the latest snapshot with no unit to send them to. */
  unassigned: number;
}

/** Columns of a return: where, what, how to fix (the same definitions as the 数据质量 download). */
export const returnColumns: Column<Issue>[] = ['file', 'sheet', 'row', 'column', 'value', 'severity', 'message'].map(
  (key) => issueColumns.find((c) => c.key === key)!,
);

/** The returns of the latest snapshot, units in code-point order, rows by file, sheet and row. */
export function returnsView(q: QualityData, latest: string | null): ReturnsView {
  const problems = q.issues.filter(
    (i) => latest !== null && i.period === latest && (i.severity === 'error' || i.severity === 'warning'),
  );
  const byUnit = new Map<string, Issue[]>();
  let unassigned = 0;
  for (const i of problems) {
    if (!i.unit) unassigned++;
    else byUnit.set(i.unit, [...(byUnit.get(i.unit) ?? []), i]);
  }
  const units = [...byUnit.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((unit): UnitReturn => {
      const rows = byUnit.get(unit)!;
      return {
        unit,
        path: `returns/${unitId(unit)}.xlsx`,
        fileName: `${unit}-退回清单-${latest}.xlsx`,
        errors: rows.filter((r) => r.severity === 'error').length,
        warnings: rows.filter((r) => r.severity === 'warning').length,
        rows,
      };
    });
  return { period: latest, units, unassigned };
}

import type { QualityData } from '../../schemas/siteData.ts';
import type { Issue } from '../../schemas/issue.ts';
import { CODE_LABELS, SEVERITY_LABELS, sheetRow, type SheetRow } from '../quality/quality.ts';
import type { Column } from '../table.ts';

/**
 * Data-quality tables: one column definition for the 数据质量 page and its downloads, so both say
 * 台账月份 / 计入 / 拒收 / 跳过 alike. Internal only.
 */

export const issueColumns: Column<Issue>[] = [
  { key: 'severity', label: '级别', value: (i) => SEVERITY_LABELS[i.severity] },
  { key: 'code', label: '类型', value: (i) => CODE_LABELS[i.code] },
  { key: 'period', label: '台账月份' },
  { key: 'file', label: '文件' },
  { key: 'sheet', label: '工作表' },
  { key: 'row', label: '行', format: 'int' },
  { key: 'column', label: '列' },
  { key: 'value', label: '值' },
  { key: 'message', label: '问题及修改方法' },
  { key: 'codeId', label: '代码', value: (i) => i.code },
];
const ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then skipped sheets; within each, in the order found. */
export function issueRows(q: QualityData): Issue[] {
  return q.issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => ORDER[a.issue.severity] - ORDER[b.issue.severity] || a.i - b.i)
    .map((x) => x.issue);
}

/** Row accounting per sheet; the page leaves out 台账月份 where a group is one period. */
export const sheetColumns = (withPeriod: boolean): Column<SheetRow>[] => [
  ...(withPeriod ? [{ key: 'period', label: '台账月份' }] : []),
  { key: 'file', label: '文件' },
  { key: 'sheet', label: '工作表' },
  { key: 'kindLabel', label: '类型' },
  { key: 'read', label: '读取行', format: 'int' },
  { key: 'accepted', label: '计入', format: 'int' },
  { key: 'rejected', label: '拒收', format: 'int' },
  { key: 'skipped', label: '跳过', format: 'int' },
  { key: 'balanced', label: '核对', value: (s) => (s.balanced ? '相符' : '不相符') },
];

/** Every sheet read, as rows of {@link sheetColumns}. */
export const sheetRows = (q: QualityData): SheetRow[] => q.sheets.map(sheetRow);

export const unknownUnitColumns: Column<QualityData['unknownUnits'][number]>[] = [
  { key: 'name', label: '未识别单位' },
  { key: 'rows', label: '行数', format: 'int' },
  { key: 'files', label: '文件', value: (u) => u.files.join('；') },
];

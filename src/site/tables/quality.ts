import type { SheetReport } from '../../schemas/siteData.ts';
import type { QualityData } from '../../schemas/siteData.ts';
import type { Issue } from '../../schemas/issue.ts';
import type { Column } from '../table.ts';

/** Data-quality tables (数据质量 page and downloads). Internal only. */

const SEVERITY: Record<Issue['severity'], string> = { error: '错误', warning: '警告', info: '跳过' };

export const issueColumns: Column<Issue>[] = [
  { key: 'severity', label: '级别', value: (i) => SEVERITY[i.severity] },
  { key: 'code', label: '代码' },
  { key: 'period', label: '统计期' },
  { key: 'file', label: '文件' },
  { key: 'sheet', label: '工作表' },
  { key: 'row', label: '行', format: 'int' },
  { key: 'column', label: '列' },
  { key: 'value', label: '值' },
  { key: 'message', label: '说明' },
];

const ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then skipped sheets; within each, in the order found. */
export function issueRows(q: QualityData): Issue[] {
  return q.issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => ORDER[a.issue.severity] - ORDER[b.issue.severity] || a.i - b.i)
    .map((x) => x.issue);
}

export const sheetColumns: Column<SheetReport>[] = [
  { key: 'period', label: '统计期' },
  { key: 'file', label: '文件' },
  { key: 'sheet', label: '工作表' },
  { key: 'kind', label: '类型' },
  { key: 'read', label: '读取行', format: 'int' },
  { key: 'accepted', label: '接受', format: 'int' },
  { key: 'rejected', label: '拒绝', format: 'int' },
  { key: 'skipped', label: '跳过', format: 'int' },
];

export const unknownUnitColumns: Column<QualityData['unknownUnits'][number]>[] = [
  { key: 'name', label: '未识别单位' },
  { key: 'rows', label: '行数', format: 'int' },
  { key: 'files', label: '文件', value: (u) => u.files.join('；') },
];

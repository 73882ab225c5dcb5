import type { Issue } from '../schemas/issue.ts';
import { reportSummary } from '../metrics/periodMetrics.ts';
import type { DataModel } from './dataStage.ts';
import type { Report } from '../schemas/report.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Issues in a stable order: by period (reference first), file, sheet, row, then severity. */
export function sortIssues(issues: Issue[]): Issue[] {
  const cmp = (a: string | number | undefined, b: string | number | undefined) =>
    a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;
  return [...issues].sort(
    (a, b) =>
      cmp(a.period ?? '', b.period ?? '') ||
      cmp(a.file, b.file) ||
      cmp(a.sheet, b.sheet) ||
      cmp(a.row, b.row) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.column, b.column) ||
      cmp(a.message, b.message),
  );
}

export function buildReport(model: DataModel, profile: 'internal' | 'public'): Report {
  const issues = sortIssues(model.issues);
  const sum = (k: 'read' | 'accepted' | 'rejected' | 'skipped') => model.sheets.reduce((s, x) => s + x[k], 0);
  const files = new Set([
    ...model.sheets.map((s) => s.file),
    ...issues.filter((i) => i.code.startsWith('file_')).map((i) => i.file),
  ]);
  return {
    profile,
    periods: model.snapshots.map((s) => s.period),
    sheets: model.sheets,
    issues,
    summary: Object.fromEntries(model.snapshots.map((s) => [s.period, reportSummary(s.metrics)])),
    totals: {
      files: files.size,
      sheets: model.sheets.length,
      read: sum('read'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      skipped: sum('skipped'),
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    },
    unknownUnits: model.unknownUnits,
  };
}

import type { Issue } from '../schemas/issue.ts';
import { formatIssue } from '../schemas/issue.ts';
import type { Report } from '../schemas/report.ts';

const MARK = { error: '错误', warning: '警告', info: '跳过' } as const;

/**
 * The console listing after the progress lines: every error in full; warnings and skipped sheets in
 * full for the reference tables and the latest snapshot, and counted for earlier snapshots (their
 * files are usually the same ledgers again; the report and the data-quality page list them all).
 */
export function issueLines(report: Report): string[] {
  const latest = report.periods[report.periods.length - 1];
  const lines: string[] = [];
  const hidden = new Map<string, number>();
  for (const i of report.issues) {
    const full = i.severity === 'error' || i.period === undefined || i.period === latest;
    if (full) lines.push(line(i));
    else hidden.set(i.period ?? '', (hidden.get(i.period ?? '') ?? 0) + 1);
  }
  for (const [period, n] of [...hidden].sort())
    lines.push(`  （${period} 另有 ${n} 条警告/提示，见 --report 或数据质量页）`);
  return lines;
}

const line = (i: Issue) => `${MARK[i.severity]} ${formatIssue(i)}`;

/** `完成：22 期，154 张表，读 32,104 行：计入 31,980，拒收 96，跳过 28；错误 97 条，警告 310 条` */
export function summaryLine(report: Report): string {
  const t = report.totals;
  const n = (x: number) => x.toLocaleString('en-US');
  return `完成：${report.periods.length} 期，${t.sheets} 张表，读 ${n(t.read)} 行：计入 ${n(t.accepted)}，拒收 ${n(t.rejected)}，跳过 ${n(t.skipped)}；错误 ${n(t.errors)} 条，警告 ${n(t.warnings)} 条`;
}

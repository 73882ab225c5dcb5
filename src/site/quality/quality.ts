import type { SheetReport } from '../../schemas/siteData.ts';
import type { QualityData } from '../../schemas/siteData.ts';
import { TABLE_LABELS } from '../../schemas/fields.ts';
import type { Issue, IssueCode } from '../../schemas/issue.ts';

/**
 * The data-quality page (数据质量, internal only): summary counts, per-sheet row accounting
 * (read = accepted + rejected + skipped), and every issue with the cell to open in Excel, grouped
 * latest period first, then the reference tables, then earlier periods. Pure.
 */

/** Chinese name of each issue code (filters and group headings). */
export const CODE_LABELS: Record<IssueCode, string> = {
  file_unreadable: '文件无法读取',
  file_legacy_format: '不支持的格式（.xlsb 等）',
  file_too_large: '文件过大',
  sheet_unknown_kind: '非台账工作表（已跳过）',
  sheet_ambiguous_kind: '工作表类型不明确',
  sheet_no_header: '找不到表头',
  sheet_clipped: '工作表部分内容未读取',
  sheet_missing_column: '缺少必需列',
  period_folder_invalid: '月份文件夹名不规范',
  period_folder_duplicate: '同一月份有两个文件夹',
  path_unreadable: '链接或文件夹无法读取',
  settings_invalid: 'site.json 设置项有误',
  missing_required: '必填项为空',
  invalid_amount: '金额无法识别',
  invalid_date: '日期无法识别',
  future_date: '日期晚于统计期',
  invalid_number: '数字无法识别',
  invalid_yesno: '是/否无法识别',
  invalid_enum: '取值不在可选范围',
  cell_error: '单元格公式错误',
  unit_assumed: '金额单位按默认换算',
  unknown_unit: '未识别单位',
  total_mismatch: '合计行不符',
  suggested_match: '疑似同一项目',
  unmatched_start: '无对应签约项目',
  unknown_chain: '未识别产业链',
  chain_strength_mismatch: '环节强弱与企业不符',
  duplicate_row: '重复行',
  duplicate_claim: '重复申报',
  snapshot_dated: '月中快照',
  target_zone_points: '全区目标不计分',
  target_group_cap: '封顶组设置',
  duplicate_alias: '单位别名重复',
  unknown_indicator: '无法计算的指标',
  geojson_invalid: '地图文件无法使用',
  geojson_feature_ignored: '地图要素未使用',
  coordinate_invalid: '坐标无法识别',
  coordinate_outside: '坐标在边界之外',
};

export const SEVERITY_LABELS: Record<Issue['severity'], string> = { error: '错误', warning: '警告', info: '跳过' };
const SEVERITY_ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** An issue as shown: the location parts a clerk needs to open the cell. */
export interface IssueRow {
  severity: Issue['severity'];
  severityLabel: string;
  code: IssueCode;
  codeLabel: string;
  /** Path relative to the data folder, e.g. `ledgers/2025-10/签约项目表.xlsx`. */
  file: string;
  sheet: string;
  /** Excel row number, e.g. `17`. */
  row: number | null;
  /** Header as written, e.g. `总投资（亿元）`. */
  column: string;
  value: string;
  message: string;
  period: string | null;
}

export interface IssueGroup {
  /** `latest`, `reference`, or `period-2025-09`. */
  id: string;
  /** e.g. `2025年10月台账（最新一期）`. */
  title: string;
  period: string | null;
  /** Collapsed on the page (earlier periods). */
  collapsed: boolean;
  counts: Record<Issue['severity'], number>;
  issues: IssueRow[];
}

export interface SheetRow extends SheetReport {
  kindLabel: string;
  /** read = accepted + rejected + skipped. */
  balanced: boolean;
}

/** A sheet's row accounting as shown on the page and in its download. */
export const sheetRow = (s: SheetReport): SheetRow => ({
  ...s,
  kindLabel: s.kind ? TABLE_LABELS[s.kind] : '未识别（已跳过）',
  balanced: s.read === s.accepted + s.rejected + s.skipped,
});

/** Counts of one scope (latest period, reference tables, earlier periods, all). */
export interface SummaryRow {
  scope: string;
  files: number;
  sheets: number;
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
  errors: number;
  warnings: number;
}

export interface QualityView {
  latest: string | null;
  summary: SummaryRow[];
  sheetGroups: { id: string; title: string; collapsed: boolean; rows: SheetRow[] }[];
  issueGroups: IssueGroup[];
  /** Codes present, for the filter, most frequent first. */
  codes: { code: IssueCode; label: string; count: number }[];
  unknownUnits: QualityData['unknownUnits'];
  /** Latest period and reference tables only (earlier ones are in their period's group). */
  suggested: IssueRow[];
  mismatches: IssueRow[];
  unreadable: IssueRow[];
}

/** The issue as a display row. */
export function issueRow(i: Issue): IssueRow {
  return {
    severity: i.severity,
    severityLabel: SEVERITY_LABELS[i.severity],
    code: i.code,
    codeLabel: CODE_LABELS[i.code] ?? i.code,
    file: i.file,
    sheet: i.sheet ?? '',
    row: i.row ?? null,
    column: i.column ?? '',
    value: i.value ?? '',
    message: i.message,
    period: i.period ?? null,
  };
}

/** Errors, then warnings, then skipped; within each by file, sheet and row. */
export function compareIssues(a: IssueRow, b: IssueRow): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
    (a.row ?? 0) - (b.row ?? 0)
  );
}

/** `2025年10月` without importing the loaders (this module stays pure). */
const label = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`;

/** Scope of an issue or sheet: its period, or `reference` for the reference tables. */
const scopeOf = (x: { period?: string | null | undefined; file: string }): string =>
  x.period ?? (x.file.startsWith('reference/') ? 'reference' : 'other');

function summaryRow(scope: string, sheets: readonly SheetReport[], issues: readonly Issue[]): SummaryRow {
  const files = new Set([...sheets.map((s) => s.file), ...issues.map((i) => i.file)]);
  const sum = (k: 'read' | 'accepted' | 'rejected' | 'skipped') => sheets.reduce((a, s) => a + s[k], 0);
  return {
    scope,
    files: files.size,
    sheets: sheets.length,
    read: sum('read'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    skipped: sum('skipped'),
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

const counts = (rows: readonly IssueRow[]): Record<Issue['severity'], number> => ({
  error: rows.filter((r) => r.severity === 'error').length,
  warning: rows.filter((r) => r.severity === 'warning').length,
  info: rows.filter((r) => r.severity === 'info').length,
});

/**
 * Groups the data-quality report for the page. Scopes: the latest period, the reference tables
 * (and any file outside a period), then every earlier period, latest first.
 */
export function qualityView(q: QualityData, latest: string | null): QualityView {
  const periods = [
    ...new Set([...q.sheets.map((s) => s.period), ...q.issues.map((i) => i.period)].filter((p): p is string => !!p)),
  ]
    .sort()
    .reverse();
  const earlier = periods.filter((p) => p !== latest);
  const scopes: { id: string; key: string | null; title: string; collapsed: boolean }[] = [
    ...(latest ? [{ id: 'latest', key: latest, title: `${label(latest)}台账（最新一期）`, collapsed: false }] : []),
    { id: 'reference', key: null, title: '参考表及其他文件', collapsed: false },
    ...earlier.map((p) => ({ id: `period-${p}`, key: p, title: `${label(p)}台账`, collapsed: true })),
  ];
  const inScope = (key: string | null) => (x: { period?: string | null | undefined; file: string }) =>
    key === null ? !periods.includes(scopeOf(x)) : scopeOf(x) === key;

  const rows = q.issues.map(issueRow);
  const issueGroups: IssueGroup[] = scopes.map((s) => {
    const issues = rows.filter(inScope(s.key)).sort(compareIssues);
    return { id: s.id, title: s.title, period: s.key, collapsed: s.collapsed, counts: counts(issues), issues };
  });

  const sheetGroups = scopes.map((s) => ({
    id: s.id,
    title: s.title,
    collapsed: s.collapsed,
    rows: q.sheets.filter(inScope(s.key)).map(sheetRow),
  }));

  const summary: SummaryRow[] = [
    ...(latest
      ? [
          summaryRow(
            `${label(latest)}台账（最新一期）`,
            q.sheets.filter(inScope(latest)),
            q.issues.filter(inScope(latest)),
          ),
        ]
      : []),
    summaryRow('参考表', q.sheets.filter(inScope(null)), q.issues.filter(inScope(null))),
    ...(earlier.length > 0
      ? [
          summaryRow(
            `以前各期（${earlier.length} 期）`,
            q.sheets.filter((s) => earlier.includes(scopeOf(s))),
            q.issues.filter((i) => earlier.includes(scopeOf(i))),
          ),
        ]
      : []),
    summaryRow('全部', q.sheets, q.issues),
  ];

  const byCode = new Map<IssueCode, number>();
  for (const i of q.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  const codes = [...byCode]
    .map(([code, count]) => ({ code, label: CODE_LABELS[code] ?? code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));

  const current = [...(issueGroups[0]?.issues ?? []), ...(latest ? (issueGroups[1]?.issues ?? []) : [])];
  return {
    latest,
    summary,
    sheetGroups,
    issueGroups,
    codes,
    unknownUnits: q.unknownUnits,
    suggested: current.filter((r) => r.code === 'suggested_match'),
    mismatches: current.filter((r) => r.code === 'total_mismatch'),
    unreadable: current.filter((r) => r.code.startsWith('file_')),
  };
}

/** Issues split by file, in order of first appearance (rows keep their order). */
export function byFile(rows: readonly IssueRow[]): { file: string; rows: IssueRow[] }[] {
  const out = new Map<string, IssueRow[]>();
  for (const r of rows) {
    const list = out.get(r.file);
    if (list) list.push(r);
    else out.set(r.file, [r]);
  }
  return [...out].map(([file, list]) => ({ file, rows: list }));
}

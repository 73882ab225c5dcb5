import { z } from 'zod';

/**
 * Stable codes for every kind of problem the data stage reports. Tests and the report match on
 * the code; the message is Chinese and says how to fix it.
 */
export const ISSUE_CODES = [
  // whole files
  'file_unreadable', // corrupt zip, binary junk, empty workbook
  'file_legacy_format', // a format that is not read (.xlsb)
  'file_too_large', // refused to protect memory
  'sheet_unknown_kind', // no kind recognisable (说明 sheet, empty sheet) — severity info (skipped)
  'sheet_ambiguous_kind', // matches two kinds: rename it
  'sheet_no_header', // kind known but no header row found
  'sheet_clipped', // the reader left part of a sheet out (cells far right of the table): warning
  'sheet_missing_column', // a required column is absent: every row would be rejected
  'period_folder_invalid', // ledgers/<name> is not YYYY-MM
  'snapshot_dated', // ledgers/<YYYY-MM-DD>/ that is not its month's snapshot: for the weekly 调度 (info)
  'period_folder_duplicate', // two folders name one month (2025-10/ and 2025年10月/): only one is read
  'path_unreadable', // dangling link, link loop, unreadable folder: skipped
  'settings_invalid', // site.json: not JSON, or a setting of the wrong shape (one issue per setting)
  // rows
  'missing_required', // a required field is empty
  'invalid_amount',
  'invalid_date',
  'future_date', // after the snapshot's month end
  'invalid_number',
  'invalid_yesno',
  'invalid_enum',
  'cell_error', // #REF!, #DIV/0! …
  // warnings
  'unit_assumed', // amount unit taken from site.json default
  'unknown_unit', // 责任单位 not in the units table
  'total_mismatch', // 合计 row differs from the sum of rows
  'suggested_match', // near-miss project name across ledgers
  'unmatched_start', // 开工/投产/到位 row with no 签约 row
  'unknown_chain', // 产业链 not in the chain map
  'chain_strength_mismatch', // a 环节's 强弱 disagrees with its enterprises (缺 with 本地 firms, 强 with none)
  'duplicate_row', // same project twice under the same unit in one snapshot: counted once
  'duplicate_claim', // one project signed under two or more units (重复申报): zone once, each unit credited
  'duplicate_alias', // two units claim the same alias
  'unknown_indicator', // target row with an indicator we cannot compute
  'target_zone_points', // a 全区 target row gives points: ignored (zone rows are completion bases only)
  'target_group_cap', // rows of one 封顶组 disagree on 组封顶分 (the smallest applies), or give none
  // zone map (存量资产地图)
  'geojson_invalid', // a reference/*.geojson file that is not usable GeoJSON (error: the map goes without it)
  'geojson_feature_ignored', // a feature that is not a polygon (point, line) or a file without polygons
  'coordinate_invalid', // an asset's 经度/纬度/坐标 cannot be read (warning: drawn without a position)
  'coordinate_outside', // an asset's position lies outside the zone boundary (warning: not placed on the map)
] as const;

export const issueCodeSchema = z.enum(ISSUE_CODES);
export type IssueCode = z.output<typeof issueCodeSchema>;

/** One problem found in the data, with the location a clerk needs to fix it. */
export const issueSchema = z.object({
  /** `error` rows are excluded from every figure; `warning` changes nothing silently; `info` is a skipped sheet. */
  severity: z.enum(['error', 'warning', 'info']),
  code: issueCodeSchema,
  /** Path relative to the data folder, with forward slashes, e.g. `ledgers/2025-10/签约项目表.xlsx`. */
  file: z.string(),
  /** Sheet name; for CSV the file name without extension. */
  sheet: z.string().optional(),
  /** Row number the user sees in Excel (1-based, counting title rows), or CSV line number. */
  row: z.number().int().optional(),
  /** Header as written in the file, e.g. `总投资（亿元）`. */
  column: z.string().optional(),
  /** The offending value as text, e.g. `待定`. */
  value: z.string().optional(),
  /** Chinese, says what is wrong and how to fix it. */
  message: z.string(),
  /** Snapshot period of the file, when it is a ledger. */
  period: z.string().optional(),
  /**
   * The unit the ledger row belongs to (its 责任单位 / 报送单位 / 单位, canonical name when known),
   * e.g. `青川镇人民政府`: whom the row goes back to in the 退回清单 (`returns/<unit>.xlsx`).
   */
  unit: z.string().optional(),
});
export type Issue = z.output<typeof issueSchema>;

/** `签约项目表.xlsx › Sheet1 › 第17行 › 总投资：无法识别“待定”，请填写数字` */
export function formatIssue(issue: Issue): string {
  const parts = [issue.file];
  if (issue.sheet !== undefined) parts.push(issue.sheet);
  if (issue.row !== undefined) parts.push(`第${issue.row}行`);
  if (issue.column !== undefined) parts.push(issue.column);
  return `${parts.join(' › ')}：${issue.message}`;
}

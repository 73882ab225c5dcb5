import { join } from 'node:path';
import type { Grid } from '../ingest/grid.ts';
import { classifySheet } from '../ingest/classify.ts';
import { locateTable } from '../ingest/header.ts';
import { eachSplitRow, TotalsCollector } from '../ingest/rows.ts';
import type { SplitRow } from '../schemas/table.ts';
import type { TableLayout } from '../schemas/table.ts';
import { readWorkbookFile } from '../ingest/readWorkbook.ts';
import type { TableKind } from '../schemas/fields.ts';
import { FIELDS, TABLE_LABELS } from '../schemas/fields.ts';
import type { Issue } from '../schemas/issue.ts';
import type { SheetReport } from '../schemas/siteData.ts';
import { parseAmount } from '../normalize/amount.ts';
import { parseNumber } from '../normalize/number.ts';
import { normalizeTable } from '../normalize/normalizeTable.ts';
import type { NormalizedTable, TableContext } from '../normalize/normalizeTable.ts';
import { appendAll } from '../schemas/arrays.ts';

/** One sheet of a file, classified and ready to normalise. */
export interface SheetTable {
  file: string;
  sheet: string;
  kind: TableKind;
  grid: Grid;
  /** For a sheet whose kind the headers decide (产业链图谱 workbooks). */
  candidates?: TableKind[];
}

/**
 * Reads one file and classifies its sheets. An unreadable file or sheet becomes one issue; the
 * build goes on with the rest. `reader` is `readWorkbookFile` or its cached form (`cachedReader`).
 */
export async function loadTables(
  root: string,
  file: string,
  area: 'ledgers' | 'reference',
  period: string | null,
  reader: typeof readWorkbookFile = readWorkbookFile,
): Promise<{ tables: SheetTable[]; issues: Issue[]; sheets: SheetReport[] }> {
  const at = period ? { period } : {};
  const read = await reader(join(root, file), file);
  if ('issue' in read) return { tables: [], issues: [{ ...read.issue, ...at }], sheets: [] };
  const tables: SheetTable[] = [];
  const issues: Issue[] = [];
  const sheets: SheetReport[] = [];
  const sheetCount = read.workbook.sheets.length;
  for (const grid of read.workbook.sheets) {
    for (const message of grid.notes ?? []) {
      issues.push({ severity: 'warning', code: 'sheet_clipped', file, sheet: grid.name, message, ...at });
    }
    const verdict = classifySheet({
      relPath: file,
      sheetName: grid.name,
      area,
      sheetCount,
      rowCount: grid.rows.length,
    });
    const skipped = (severity: Issue['severity'], code: Issue['code'], message: string) => {
      issues.push({ severity, code, file, sheet: grid.name, message, ...at });
      sheets.push({ file, sheet: grid.name, kind: null, period, read: 0, accepted: 0, rejected: 0, skipped: 0 });
    };
    if ('skip' in verdict) {
      if (grid.rows.length > 0 || sheetCount === 1) skipped('info', 'sheet_unknown_kind', verdict.skip);
      continue;
    }
    if ('ambiguous' in verdict) {
      const chain = verdict.ambiguous.every((k) => k === 'chainSegments' || k === 'chainCompanies');
      if (chain) {
        tables.push({
          file,
          sheet: grid.name,
          kind: verdict.ambiguous[0] as TableKind,
          grid,
          candidates: verdict.ambiguous,
        });
      } else {
        const names = verdict.ambiguous.map((k) => TABLE_LABELS[k]).join('、');
        skipped(
          'error',
          'sheet_ambiguous_kind',
          `无法判断这张表是${names}中的哪一种（名称同时含有多种关键词）：请重命名文件或工作表，只保留一种，如“签约项目表”`,
        );
      }
      continue;
    }
    tables.push({ file, sheet: grid.name, kind: verdict.kind, grid });
  }
  return { tables, issues, sheets };
}

export interface ProcessedTable extends NormalizedTable {
  kind: TableKind;
  sheet: SheetReport;
}

/**
 * Finds the header, splits the rows, reconciles 合计 rows and normalises the data rows of one
 * sheet. `ctx.kind` is replaced by the table's kind. With `releaseGrid`, the grid's rows are
 * dropped as they are read (the caller reads the grid no more).
 */
export function processTable(
  table: SheetTable,
  ctx: Omit<TableContext, 'file' | 'sheet' | 'kind'>,
  extraAliases: Partial<Record<TableKind, Record<string, string[]>>>,
  options: { releaseGrid?: boolean } = {},
): ProcessedTable {
  const period = ctx.period ?? null;
  const at = { file: table.file, sheet: table.sheet, ...(ctx.period ? { period: ctx.period } : {}) };
  let kind = table.kind;
  let layout: TableLayout | null = null;
  for (const candidate of table.candidates ?? [table.kind]) {
    layout = locateTable(table.grid, candidate, extraAliases[candidate]);
    if (layout) {
      kind = candidate;
      break;
    }
  }
  const empty = (issue: Issue, read = 0, rejected = 0): ProcessedTable => ({
    kind,
    records: [],
    issues: [issue],
    stats: { read, accepted: 0, rejected, skipped: 0 },
    unknownUnits: new Map(),
    sheet: { file: table.file, sheet: table.sheet, kind, period, read, accepted: 0, rejected, skipped: 0 },
  });
  if (!layout) {
    const labels = FIELDS[kind]
      .filter((f) => f.required)
      .map((f) => f.label)
      .join('、');
    return empty({
      severity: 'error',
      code: 'sheet_no_header',
      ...at,
      message: `按名称判断为${TABLE_LABELS[kind]}，但在前 15 行中找不到表头：请确认表头含有 ${labels} 等列名（可参见 README 的列名别名表）`,
    });
  }
  // Rows are split and normalised one at a time (a 1,000,000-row sheet is never held twice); the
  // numeric cells of data rows are kept, column by column, for the 合计/小计 check.
  const numeric = numericFields(kind, layout);
  const totals = new TotalsCollector(numeric);
  const split = eachSplitRow(table.grid, layout, options.releaseGrid === true);
  if (layout.missingRequired.length > 0) {
    let read = 0;
    let dataRows = 0;
    for (const r of split) {
      read++;
      if (r.status === 'data') dataRows++;
    }
    const result = empty(
      {
        severity: 'error',
        code: 'sheet_missing_column',
        ...at,
        row: layout.headerRows[layout.headerRows.length - 1] ?? 1,
        message: `表头缺少必填列“${layout.missingRequired.join('、')}”，本表 ${dataRows} 行数据均未计入：请补上该列（或在 site.json 的 aliases 中登记实际使用的列名）`,
      },
      read,
      dataRows,
    );
    result.stats.skipped = read - dataRows;
    result.sheet.skipped = read - dataRows;
    return result;
  }
  function* collecting(): Generator<SplitRow> {
    for (const r of split) {
      totals.add(r);
      yield r;
    }
  }
  const normalized = normalizeTable(collecting(), layout, { ...ctx, file: table.file, sheet: table.sheet, kind });
  if (totals.hasTotals) appendAll(normalized.issues, totalMismatches(totals, numeric, layout, kind, ctx, at));
  return { ...normalized, kind, sheet: { file: table.file, sheet: table.sheet, kind, period, ...normalized.stats } };
}

/** The numeric fields (amounts, numbers) of `kind` that the table has a column for, in field order. */
function numericFields(kind: TableKind, layout: TableLayout): string[] {
  return FIELDS[kind]
    .filter((f) => f.type === 'amountYi' || f.type === 'amountUsd' || f.type === 'int' || f.type === 'number')
    .map((f) => f.key)
    .filter((k) => layout.columns.some((c) => c.field === k));
}

/** Compares 合计/小计 rows with the sum of the rows they cover (contract §2). */
function totalMismatches(
  totals: TotalsCollector,
  present: readonly string[],
  layout: TableLayout,
  kind: TableKind,
  ctx: Omit<TableContext, 'file' | 'sheet' | 'kind'>,
  at: { file: string; sheet: string; period?: string },
): Issue[] {
  const issues: Issue[] = [];
  for (const key of present) {
    const col = layout.columns.find((c) => c.field === key);
    const spec = FIELDS[kind].find((f) => f.key === key);
    if (!col || !spec) continue;
    const parse = (v: Parameters<typeof parseNumber>[0]): number | null => {
      if (spec.type === 'amountYi' || spec.type === 'amountUsd') {
        const r = parseAmount(v, {
          headerUnit: col.unit,
          defaultUnit: ctx.defaultAmountUnit,
          currency: spec.type === 'amountUsd' ? 'usd' : 'cny',
        });
        return r.ok ? r.value.value : null;
      }
      const r = parseNumber(v);
      return r.ok ? r.value : null;
    };
    for (const m of totals.mismatches([key], parse)) {
      const unit = spec.type === 'amountYi' ? '亿元' : spec.type === 'amountUsd' ? '万美元' : '';
      issues.push({
        severity: 'warning',
        code: 'total_mismatch',
        ...at,
        row: m.row,
        column: col.header,
        value: String(m.stated),
        message: `合计行为 ${round(m.stated)}${unit}，但各行相加为 ${round(m.computed)}${unit}：请核对合计公式或明细行（统计以明细行为准）`,
      });
    }
  }
  return issues;
}

const round = (x: number) => String(Math.round(x * 10000) / 10000);

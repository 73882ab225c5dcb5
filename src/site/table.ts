import { fmtInt, fmtPp, fmtRate, fmtScore, fmtYi } from '../metrics/format.ts';

/**
 * One column spec shared by `DataTable.astro` (HTML) and `tableExport.ts` (CSV / XLSX), so what
 * a page shows and what a user downloads are the same table.
 */

/** A raw cell: numbers stay full precision; rounding happens only when displayed. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * How a cell is shown. Numeric formats are right-aligned with tabular figures.
 * - `text` as is; `date` `YYYY-MM-DD` text
 * - `int` counts (`12,345`); `yi` 亿元 / `usd` 万美元 with 2 decimals
 * - `rate` a ratio shown as `83.3%`; `pp` percentage points `+4.0`; `score` 2 decimals
 */
export type ColumnFormat = 'text' | 'date' | 'int' | 'yi' | 'usd' | 'rate' | 'pp' | 'score';

export interface Column<R = Record<string, unknown>> {
  /** Stable id of the column, and the row property read when `value` is absent, e.g. `'investmentYi'`. */
  key: string;
  /** Header as shown and exported, e.g. `'总投资（亿元）'`. */
  label: string;
  /** Default `text`. */
  format?: ColumnFormat;
  /** Reads the cell from a row; default `row[key]`. */
  value?: (row: R) => CellValue;
  /** Output path of a drill-down page for the cell (HTML only), e.g. `'projects/p-3f9a1c2b7d.html'`. */
  link?: (row: R) => string | null | undefined;
}

const NUMERIC: ReadonlySet<ColumnFormat> = new Set(['int', 'yi', 'usd', 'rate', 'pp', 'score']);

/** True for columns shown right-aligned (and exported as numbers). */
export function isNumeric(col: Pick<Column<never>, 'format'>): boolean {
  return NUMERIC.has(col.format ?? 'text');
}

/** The raw value of a cell. */
export function cellValue<R>(col: Column<R>, row: R): CellValue {
  if (col.value) return col.value(row);
  return (row as Record<string, unknown>)[col.key] as CellValue;
}

/**
 * The display text of a value: `—` for a missing number, `''` for missing text, 是/否 for booleans.
 *
 * @example formatCell({ key: 'x', label: 'x', format: 'yi' }, 12.345) // '12.35'
 * @example formatCell({ key: 'x', label: 'x', format: 'rate' }, 0.8333) // '83.3%'
 */
export function formatCell(col: Pick<Column<never>, 'format'>, v: CellValue): string {
  if (v === null || v === undefined || v === '') return isNumeric(col) ? '—' : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '—';
  switch (col.format ?? 'text') {
    case 'int':
      return fmtInt(v);
    case 'yi':
    case 'usd':
      return fmtYi(v);
    case 'rate':
      return fmtRate(v);
    case 'pp':
      return fmtPp(v);
    case 'score':
      return fmtScore(v);
    default:
      return String(v);
  }
}

/**
 * The value a sortable table sorts on (`data-sort` on the cell): the full-precision number for
 * numeric cells, the text otherwise. Missing numbers sort last.
 */
export function sortKey(col: Pick<Column<never>, 'format'>, v: CellValue): string {
  if (isNumeric(col)) return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v === null || v === undefined ? '' : String(v);
}

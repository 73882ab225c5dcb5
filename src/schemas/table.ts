/**
 * The contract between the ingest stage (files → grids → split rows) and the normalize stage
 * (split rows → typed records): cell values, located table layouts and classified rows.
 */

/** A money unit, e.g. `亿元`. */
export type AmountUnit = '亿元' | '万元' | '元' | '万美元' | '美元';

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/**
 * One cell. Formula cells carry their cached result; rich text is joined to a string; hyperlinks
 * give their text; dates are JS `Date`s at UTC midnight of the calendar day the user sees
 * (1900 and 1904 systems already resolved). `null` is empty.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** The cell as plain text, for messages and keyword matching. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

/** One column of a located table. */
export interface TableColumn {
  /** 0-based column index into `GridRow.cells`. */
  index: number;
  /** Leaf header as written (white space collapsed), for messages, e.g. `总投资（亿元）`. */
  header: string;
  /** `FieldSpec.key` this column feeds, e.g. `investment`; null for 序号 and unknown columns. */
  field: string | null;
  /** Money unit from the header bracket, else from the group header above it, e.g. `亿元`. */
  unit: AmountUnit | null;
  /** Group header above the leaf in a two-row header, as written, e.g. `投资额`. */
  group?: string;
}

/** Where a table sits in a grid and what its columns mean. */
export interface TableLayout {
  /** Excel row numbers of the header, one or two, e.g. `[3, 4]`. */
  headerRows: number[];
  /** Index into `grid.rows` of the first row below the header. */
  dataStartIndex: number;
  columns: TableColumn[];
  /** Labels of the kind's required fields that no column provides, e.g. `['总投资']`. */
  missingRequired: string[];
}

/** One non-empty row below the header. */
export interface SplitRow {
  /** Excel row number (CSV line number), e.g. `17`. */
  row: number;
  hidden?: boolean;
  /** `data` is normalised; `total`, `note` and `header` rows are skipped (and counted as skipped). */
  status: 'data' | 'total' | 'note' | 'header';
  /** Why a row is skipped, in Chinese, e.g. `合计行`. */
  reason?: string;
  /** For `total` rows: `subtotal` (小计) covers the rows since the previous one, `grand` (合计/总计) all rows. */
  total?: 'subtotal' | 'grand';
  /** Cells by field key, merged values included, e.g. `{ name: '某项目', investment: 5 }`. */
  values: Record<string, CellValue>;
}

import type { CellValue } from '../schemas/table.ts';

/**
 * What a reader (xlsx or csv) hands to the rest of the ingest stage: the cells of each sheet as the
 * user sees them, before any header is known.
 */

export interface GridRow {
  /** Row number the user sees in Excel (1-based), or the 1-based line number in a CSV file. */
  row: number;
  /** Cells by 0-based column index; merged ranges are filled with the master cell's value. */
  cells: CellValue[];
  /** True when the row is hidden in Excel (it is still read). */
  hidden?: boolean;
}

export interface Grid {
  /** Sheet name; for CSV, the file name without extension. */
  name: string;
  rows: GridRow[];
  /**
   * Merged ranges, 1-based inclusive, as in Excel. Readers have already copied the master value
   * into every cell of a range; header detection uses these to tell a group cell from a column.
   */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** 0-based indexes of columns hidden in Excel (their cells are still read). */
  hiddenColumns?: number[];
  /** True when the sheet itself is hidden in Excel (often a list of drop-down choices). */
  hidden?: boolean;
}

/** A file as read from disk, before classification. */
export interface Workbook {
  /** Path relative to the data folder, forward slashes. */
  file: string;
  sheets: Grid[];
}

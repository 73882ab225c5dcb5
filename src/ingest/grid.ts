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
  merges: MergeRange[];
  /** 0-based indexes of columns hidden in Excel (their cells are still read). */
  hiddenColumns?: number[];
  /** True when the sheet itself is hidden in Excel (often a list of drop-down choices). */
  hidden?: boolean;
  /** What the reader had to leave out (cells past {@link MAX_COLUMNS} …), in Chinese: one warning each. */
  notes?: string[];
}

/** A merged range, 1-based inclusive, as in Excel. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Most columns a sheet is read to (Excel 2003 had 256; a ledger has a few dozen). Cells further
 * right are dropped with a note: a hostile sheet with one cell at XFD in every row would otherwise
 * make every row 16 384 cells long.
 */
export const MAX_COLUMNS = 1024;

/**
 * Copies each merge's master value into every cell of the range (contract §2: a value merged down
 * over several project rows applies to each of them), in place. Each range is first cut to the
 * sheet's own content — the last row and column holding a value of their own — so a range over
 * the whole sheet (A1:XFD1048576) costs no more than the table it covers; rows inside a range that
 * hold no value get created (their `hidden` flag from `isHidden`). Returns the ranges as cut, or a
 * Chinese message when even the cut ranges cover more than `maxCells` cells (the caller refuses
 * the file).
 *
 * @param rows the sheet's rows by Excel row number
 * @example fillMerges(rows, [{ top: 3, left: 1, bottom: 5, right: 1 }]) // rows 3–5 get A3's value
 */
export function fillMerges(
  rows: Map<number, GridRow>,
  merges: readonly MergeRange[],
  maxCells: number,
  isHidden: (row: number) => boolean = () => false,
): { merges: MergeRange[] } | { message: string } {
  let lastRow = 0;
  let lastColumn = 0;
  for (const [r, gridRow] of rows) {
    if (gridRow.cells.length > 0 && r > lastRow) lastRow = r;
    if (gridRow.cells.length > lastColumn) lastColumn = gridRow.cells.length;
  }
  const cut: MergeRange[] = [];
  let cells = 0;
  for (const m of merges) {
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, lastColumn, MAX_COLUMNS);
    if (m.top > bottom || m.left > right) continue;
    cut.push({ top: m.top, left: m.left, bottom, right });
    cells += (bottom - m.top + 1) * (right - m.left + 1);
  }
  if (cells > maxCells) {
    return { message: tooManyMergedCellsMessage(cells) };
  }
  for (const m of cut) {
    const master = rows.get(m.top)?.cells[m.left - 1] ?? null;
    if (master === null) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      let gridRow = rows.get(r);
      if (gridRow === undefined) {
        gridRow = { row: r, cells: [] };
        if (isHidden(r)) gridRow.hidden = true;
        rows.set(r, gridRow);
      }
      while (gridRow.cells.length < m.right) gridRow.cells.push(null);
      for (let c = m.left; c <= m.right; c++) gridRow.cells[c - 1] = master;
    }
  }
  return { merges: cut.sort((a, b) => a.top - b.top || a.left - b.left) };
}

/**
 * The message refusing a file whose merged ranges cover `cells` cells (`largest`: the biggest range,
 * e.g. `A1:XFD1048576`, when known).
 */
export function tooManyMergedCellsMessage(cells: number, largest?: string): string {
  const count =
    cells >= 1e8
      ? `约 ${Math.round(cells / 1e7) / 10} 亿`
      : cells >= 1e4
        ? `约 ${Math.round(cells / 1e3) / 10} 万`
        : String(cells);
  return `合并单元格共覆盖${count}个单元格${largest ? `（最大的一处是 ${largest}）` : ''}，远超表格的实际内容，为保护内存未读取：请在 Excel 或 WPS 中全选工作表后“取消合并单元格”，只合并标题、单位等需要合并的格子，另存为 .xlsx 后放回原处`;
}

/** The note for `count` cells dropped past {@link MAX_COLUMNS}. */
export function clippedColumnsNote(count: number): string {
  return `第 ${MAX_COLUMNS} 列以右还有 ${count} 个单元格有内容，超出台账的正常宽度，未读取：请删除表格右侧多余的内容后重新保存`;
}

/** A file as read from disk, before classification. */
export interface Workbook {
  /** Path relative to the data folder, forward slashes. */
  file: string;
  sheets: Grid[];
}

import type * as XLSX from '@e965/xlsx';
import { clippedColumnsNote, fillMerges, MAX_COLUMNS, type Grid, type GridRow } from './grid.ts';
import type { CellValue } from '../schemas/table.ts';

/**
 * Turns a workbook read by SheetJS (`XLSX.read(…, { dense: true, cellNF: true, cellStyles: true })`
 * from .xls BIFF5/BIFF8, .et or SpreadsheetML 2003) into the same {@link Grid}s `readXlsx` makes from
 * .xlsx, so header detection, row accounting and messages work unchanged:
 *
 * - number cells with a date format are `Date`s at UTC midnight of the day shown, in the workbook's
 *   1900 or 1904 date system (time of day dropped); the worker gives SheetJS the Chinese built-in
 *   date formats (ids 27–36, 50–58, no format string in the file) first, so those count too;
 * - formula cells give their cached result; errors `{ error: '#REF!' }`; blank text is empty;
 * - merged ranges are filled with the master value (`fillMerges`), hidden rows, columns and sheets
 *   are marked; row numbers are Excel's.
 *
 * @param isDateFormat SheetJS's `SSF.is_date`
 * @returns the grids, or the message of a sheet whose merged ranges exceed `maxMergedCells`
 */
export function sheetjsToGrids(
  wb: XLSX.WorkBook,
  isDateFormat: (format: string) => boolean,
  maxMergedCells: number,
): Grid[] | { message: string } {
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const grids: Grid[] = [];
  for (const [index, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (ws === undefined) continue;
    const grid = sheetToGrid(ws, name, { date1904, isDateFormat, maxMergedCells });
    if ('message' in grid) return grid;
    if ((wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0) grid.hidden = true;
    grids.push(grid);
  }
  return grids;
}

interface SheetOptions {
  date1904: boolean;
  isDateFormat: (format: string) => boolean;
  maxMergedCells: number;
}

function sheetToGrid(ws: XLSX.WorkSheet, name: string, opts: SheetOptions): Grid | { message: string } {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rowInfo = (ws['!rows'] ?? []) as (XLSX.RowInfo | undefined)[];
  const rows = new Map<number, GridRow>();
  let clipped = 0;
  data.forEach((cellsIn, r) => {
    if (cellsIn === undefined) return;
    const cells: CellValue[] = [];
    cellsIn.forEach((cell, c) => {
      const v = cell === undefined || cell === null ? null : cellValue(cell, opts);
      if (v === null) return;
      if (c >= MAX_COLUMNS) {
        clipped++;
        return;
      }
      while (cells.length < c) cells.push(null);
      cells[c] = v;
    });
    const gridRow: GridRow = { row: r + 1, cells };
    if (rowInfo[r]?.hidden === true) gridRow.hidden = true;
    rows.set(r + 1, gridRow);
  });
  const merges = ((ws['!merges'] ?? []) as XLSX.Range[]).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const filled = fillMerges(rows, merges, opts.maxMergedCells, (r) => rowInfo[r - 1]?.hidden === true);
  if ('message' in filled) return filled;
  const grid: Grid = {
    name,
    rows: [...rows.values()].filter((r) => r.cells.some((c) => c !== null)).sort((a, b) => a.row - b.row),
    merges: filled.merges,
  };
  const hiddenColumns: number[] = [];
  ((ws['!cols'] ?? []) as (XLSX.ColInfo | undefined)[]).forEach((col, c) => {
    if (col?.hidden === true && c < MAX_COLUMNS) hiddenColumns.push(c);
  });
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  if (clipped > 0) grid.notes = [clippedColumnsNote(clipped)];
  return grid;
}

function cellValue(cell: XLSX.CellObject, opts: SheetOptions): CellValue {
  switch (cell.t) {
    case 's': {
      const s = String(cell.v ?? '');
      return s.trim() === '' ? null : s;
    }
    case 'n': {
      const n = cell.v as number;
      if (typeof n !== 'number' || !Number.isFinite(n)) return null;
      return isDateCell(cell, opts) ? serialToDay(n, opts.date1904) : n;
    }
    case 'b':
      return cell.v === true;
    case 'e':
      return { error: cell.w ?? '#N/A' };
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const t = d.getTime();
      return Number.isNaN(t) ? null : new Date(Math.floor(t / 86_400_000) * 86_400_000);
    }
    default:
      return null;
  }
}

function isDateCell(cell: XLSX.CellObject, opts: SheetOptions): boolean {
  return typeof cell.z === 'string' && cell.z !== 'General' && opts.isDateFormat(cell.z);
}

/**
 * An Excel serial day number as the calendar day Excel shows, at UTC midnight. 1900 system: day 1
 * is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60), so serials from 61
 * on are days since 1899-12-30; 1904 system: days since 1904-01-01.
 *
 * @example serialToDay(45938, false) // 2025-10-08
 * @example serialToDay(44476, true) // 2025-10-08
 */
export function serialToDay(serial: number, date1904: boolean): Date | null {
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const t = epoch + day * 86_400_000;
  return Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t) : null;
}

import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { clippedColumnsNote, fillMerges, MAX_COLUMNS, type Grid, type GridRow, type MergeRange } from './grid.ts';
import { MAX_MERGED_CELLS } from './limits.ts';
import type { CellValue } from '../schemas/table.ts';

/**
 * Reads every sheet of an .xlsx into {@link Grid}s, cells as the user sees them.
 *
 * Uses exceljs's whole-file reader (`Workbook.xlsx.readFile`): the streaming reader drops merged
 * ranges, hyperlinks and error values. Call `checkXlsxSize()` first: memory grows with the sheet XML
 * (about 15 MB of heap per MB of XML, see `limits.ts`).
 *
 * - formula → its cached result (none cached → null); shared formulas likewise;
 * - rich text → joined text; hyperlink → its text; `#REF!` etc. → `{ error: '#REF!' }`;
 * - dates (cells with a date format, in the 1900 or 1904 system) → `Date` at UTC midnight of the
 *   day shown, time of day dropped;
 * - text that is blank → null; long numeric codes stored as text stay strings;
 * - merged ranges: every cell gets the master's value, ranges listed in `Grid.merges`;
 * - hidden rows and columns are read and marked; rows with no value are left out, the others keep
 *   their Excel row numbers.
 *
 * @example (await readXlsx('/data/ledgers/2025-10/签约项目表.xlsx'))[0].rows[0] // { row: 1, cells: ['2025年签约项目台账', …] }
 */
export async function readXlsx(absPath: string): Promise<Grid[]> {
  patchChineseDateFormats();
  const workbook = new ExcelJS.Workbook();
  // Data validations and conditional formats are never needed, and exceljs expands a validation
  // over a whole column into one entry per cell: skipping them saves time and memory.
  await workbook.xlsx.readFile(absPath, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] });
  return workbook.worksheets.map(sheetToGrid);
}

/** Converts one exceljs worksheet; exported for tests that build sheets in memory. */
export function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows = new Map<number, GridRow>();
  let clipped = 0;
  ws.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, col) => {
      const v = cellValue(cell.value);
      if (v === null) return;
      if (col > MAX_COLUMNS) {
        clipped++;
        return;
      }
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = v;
    });
    const gridRow: GridRow = { row: rowNumber, cells };
    if (row.hidden) gridRow.hidden = true;
    rows.set(rowNumber, gridRow);
  });

  const filled = fillMerges(rows, mergesOf(ws), MAX_MERGED_CELLS, (r) => ws.getRow(r).hidden);
  if ('message' in filled) throw new Error(filled.message); // checkXlsxContent refuses such files first
  const merges = filled.merges;

  const gridRows = [...rows.values()].filter((r) => r.cells.some((c) => c !== null)).sort((a, b) => a.row - b.row);
  const grid: Grid = { name: ws.name, rows: gridRows, merges };
  const hiddenColumns: number[] = [];
  // `columnCount` scans every row on each call: read it once (a sheet reaching column XFD took 55 s).
  const columns = Math.min(ws.columnCount, MAX_COLUMNS);
  for (let c = 1; c <= columns; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  if (ws.state !== 'visible') grid.hidden = true;
  if (clipped > 0) grid.notes = [clippedColumnsNote(clipped)];
  return grid;
}

/** exceljs cell value → {@link CellValue}. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dayOf(value);
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return cellValue(value.richText.map((t) => t.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    return cellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' || (typeof text === 'object' && text !== null)
      ? cellValue(text as ExcelJS.CellValue)
      : null;
  }
  return null;
}

/** Excel dates carry no zone: exceljs encodes the serial as UTC; keep the calendar day only. */
function dayOf(d: Date): Date | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return new Date(Math.floor(t / 86_400_000) * 86_400_000);
}

function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  // exceljs keeps merges in a private map (the public `model.merges` rebuilds the whole sheet model).
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(internal)
    .map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

let patched = false;
/**
 * Chinese Excel and WPS store some date formats (年月日) as built-in ids 27–36 and 50–58 with no
 * format string in the file; exceljs knows them only per locale and so reads those dates as plain
 * numbers. Give each id its zh-CN format so such cells become dates.
 */
function patchChineseDateFormats(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  try {
    const formats = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<
      string,
      { f?: string; 'zh-cn'?: string }
    >;
    for (const entry of Object.values(formats)) {
      if (entry.f === undefined && entry['zh-cn'] !== undefined) entry.f = entry['zh-cn'];
    }
  } catch {
    // A future exceljs without this table: such dates stay numbers and the date parser reports them.
  }
}

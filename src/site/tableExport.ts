import ExcelJS from 'exceljs';
import type { CellValue, Column, ColumnFormat } from './table.ts';
import { cellValue, isNumeric } from './table.ts';
import { roundTo } from '../metrics/format.ts';
import { fixZipTimes } from '../documents/zipTimes.ts';

/**
 * Downloads of a table as CSV and XLSX, from the same column spec the page uses. Both are
 * deterministic: identical input gives identical bytes (no clock, no locale).
 */

/** Cells that a spreadsheet would read as a formula (CSV injection), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: a leading `= + - @`, tab or CR gets a `'`.
 *
 * @example neutralise('=SUM(A1)') // "'=SUM(A1)"
 */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A number without binary noise (`0.30000000000000004` → `0.3`), full precision otherwise. */
function cleanNumber(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * The value a download holds: scores rounded to 2 decimals as the pages show them (a score is
 * read, compared and summed as printed, and ranks are decided on it); other numbers at full
 * precision, without binary noise.
 */
function exportValue<R>(c: Column<R>, row: R): CellValue {
  const v = cellValue(c, row);
  return c.format === 'score' && typeof v === 'number' && Number.isFinite(v) ? roundTo(v, 2) : v;
}

function csvText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return Number.isFinite(v) ? String(cleanNumber(v)) : '';
  return neutralise(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text: UTF-8 BOM (so Excel reads Chinese), CRLF lines, RFC 4180 quoting, header row of
 * labels. Numbers are full precision (rates as ratios, e.g. `0.8333`) except scores, rounded as
 * displayed (`exportValue`); text cells that look like formulas are neutralised.
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => csvField(neutralise(c.label))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(csvText(exportValue(c, row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const NUM_FMT: Partial<Record<ColumnFormat, string>> = {
  int: '#,##0',
  yi: '0.00',
  usd: '0.00',
  rate: '0.0%',
  pp: '+0.0;-0.0;0.0',
  score: '0.00',
};

/** Display width of text: CJK and full-width characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
function sheetName(title: string): string {
  const s = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return s || 'Sheet1';
}

/** Workbook properties are fixed so the bytes never depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/**
 * An XLSX workbook of one sheet: bold frozen header, numbers as numbers with a display format
 * (full precision kept), text as text (never a formula), column widths from the content.
 */
export async function toXlsx<R>(
  columns: readonly Column<R>[],
  rows: readonly R[],
  opts: { sheet?: string } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '招商数据平台';
  wb.lastModifiedBy = '招商数据平台';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(sheetName(opts.sheet ?? 'Sheet1'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(columns.map((c) => c.label)).font = { bold: true };
  for (const row of rows) {
    ws.addRow(
      columns.map((c) => {
        const v = exportValue(c, row);
        if (v === null || v === undefined) return null;
        if (typeof v === 'boolean') return v ? '是' : '否';
        if (typeof v === 'number') return Number.isFinite(v) ? cleanNumber(v) : null;
        return v;
      }),
    );
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = NUM_FMT[c.format ?? 'text'];
    if (fmt) col.numFmt = fmt;
    if (isNumeric(c)) col.alignment = { horizontal: 'right' };
    let width = textWidth(c.label);
    for (const row of rows) width = Math.max(width, textWidth(String(cellValue(c, row) ?? '')));
    col.width = Math.min(60, Math.max(8, width + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buf as ArrayBuffer));
}

/**
 * Writes one ledger table into an exceljs worksheet the way real 台账 look: a merged title, a
 * 填报单位 line, blank rows, a one- or two-row header with merged group cells, a 序号 column,
 * 小计/合计 rows with SUM formulas, notes below, vertical merges, hidden rows and columns.
 * Returns the Excel row number of every data row so bad rows can be documented exactly.
 */
import ExcelJS from 'exceljs';
import { fixZipTimes } from './zip.ts';
import type { Cell } from './formats.ts';

export interface ColumnSpec {
  /** Key into `TableRow.cells`. */
  key: string;
  /** Header as written, e.g. `总投资（亿元）`. */
  header: string;
  /** Group cell above this column (two-row header), e.g. `投资额`. */
  group?: string;
  width?: number;
  hidden?: boolean;
  /** Number format for Excel dates or amounts in this column, e.g. `yyyy-mm-dd`. */
  numFmt?: string;
}

export interface DataRow {
  kind: 'data';
  id: string;
  cells: Record<string, Cell>;
  hidden?: boolean;
}

/** A 小计 row: SUBTOTAL over the data rows since the previous 小计. `sums` are the cached results. */
export interface SubtotalRow {
  kind: 'subtotal';
  id: string;
  label: string;
  labelKey: string;
  sums: Record<string, number>;
}

/** The header repeated inside the data, as when a clerk pastes a block from another file. */
export interface RepeatHeaderRow {
  kind: 'repeatHeader';
  id: string;
}

export type TableRow = DataRow | SubtotalRow | RepeatHeaderRow;

export interface TotalSpec {
  label: string;
  labelKey: string;
  /** Cached results by column key. */
  sums: Record<string, number>;
  /** Leave the last n data rows out of the formula's range (a clerk who forgot to extend it). */
  omitLast?: number;
}

export interface TableSpec {
  sheet: string;
  /** Merged across the table. */
  title?: string;
  /** Title in A1 only, not merged. */
  plainTitle?: string;
  /** `[left, right]`: 填报单位 at the left, 统计截止日期 at the right. */
  infoLine?: [string, string];
  blankRowsBeforeHeader?: number;
  /** Adds a first column numbering the data rows. */
  seqHeader?: string;
  columns: ColumnSpec[];
  rows: TableRow[];
  total?: TotalSpec;
  /** `注：…` lines, each merged across the table. */
  notes?: string[];
  /** 填报人 / 审核人 / 联系电话 in one row, separate cells. */
  signOff?: string[];
  /** Merge runs of equal values in this column vertically (data rows only). */
  mergeKey?: string;
}

export interface WrittenTable {
  sheet: string;
  /** Excel row of each data row by id. */
  rowOf: Map<string, number>;
  dataRows: number;
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function writeTable(wb: ExcelJS.Workbook, spec: TableSpec): WrittenTable {
  const ws = wb.addWorksheet(spec.sheet);
  const cols =
    spec.seqHeader !== undefined
      ? [{ key: '__seq', header: spec.seqHeader, width: 6 } as ColumnSpec, ...spec.columns]
      : spec.columns;
  const n = cols.length;
  const colIndex = new Map(cols.map((c, i) => [c.key, i + 1]));
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(8, Math.min(30, c.header.length * 2 + 2));
    if (c.hidden === true) col.hidden = true;
  });
  let r = 1;
  // Step 1: title, 填报单位 line, blank rows.
  if (spec.title !== undefined) {
    const cell = ws.getCell(r, 1);
    cell.value = spec.title;
    cell.font = { bold: true, size: 16 };
    cell.alignment = { horizontal: 'center' };
    ws.mergeCells(r, 1, r, n);
    r++;
  } else if (spec.plainTitle !== undefined) {
    ws.getCell(r, 1).value = spec.plainTitle;
    ws.getCell(r, 1).font = { bold: true, size: 14 };
    r++;
  }
  if (spec.infoLine !== undefined) {
    ws.getCell(r, 1).value = spec.infoLine[0];
    ws.mergeCells(r, 1, r, Math.max(1, Math.floor(n / 2)));
    ws.getCell(r, Math.max(2, n - 2)).value = spec.infoLine[1];
    r++;
  }
  r += spec.blankRowsBeforeHeader ?? 0;
  // Step 2: header, one row or two with merged group cells.
  const twoRows = cols.some((c) => c.group !== undefined);
  cols.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = twoRows && c.group !== undefined ? c.group : c.header;
    cell.font = { bold: true };
    if (twoRows) {
      const sub = ws.getCell(r + 1, i + 1);
      sub.value = c.header;
      sub.font = { bold: true };
    }
  });
  if (twoRows) {
    for (let i = 0; i < n;) {
      const g = cols[i]?.group;
      let j = i;
      if (g === undefined) {
        ws.mergeCells(r, i + 1, r + 1, i + 1);
      } else {
        while (j + 1 < n && cols[j + 1]?.group === g) j++;
        if (j > i) ws.mergeCells(r, i + 1, r, j + 1);
      }
      i = j + 1;
    }
    r += 2;
  } else r += 1;
  // Step 3: data rows, 小计 rows, repeated headers.
  const rowOf = new Map<string, number>();
  let seq = 0;
  let groupStart = r;
  const firstData = r;
  const sumCols = (keys: Iterable<string>): number[] => [...keys].map((k) => colIndex.get(k) ?? 0).filter((c) => c > 0);
  for (const row of spec.rows) {
    if (row.kind === 'data') {
      seq++;
      rowOf.set(row.id, r);
      if (spec.seqHeader !== undefined) ws.getCell(r, 1).value = seq;
      for (const [key, value] of Object.entries(row.cells)) {
        const c = colIndex.get(key);
        if (c === undefined || value === null || value === undefined) continue;
        const cell = ws.getCell(r, c);
        cell.value = value;
        const fmt = cols[c - 1]?.numFmt;
        if (fmt !== undefined && (value instanceof Date || typeof value === 'number')) cell.numFmt = fmt;
      }
      if (row.hidden === true) ws.getRow(r).hidden = true;
    } else if (row.kind === 'subtotal') {
      ws.getCell(r, colIndex.get(row.labelKey) ?? 1).value = row.label;
      for (const c of sumCols(Object.keys(row.sums))) {
        const key = cols[c - 1]?.key ?? '';
        ws.getCell(r, c).value = {
          formula: `SUBTOTAL(9,${colLetter(c)}${groupStart}:${colLetter(c)}${r - 1})`,
          result: row.sums[key] ?? 0,
        };
      }
      ws.getRow(r).font = { bold: true };
      groupStart = r + 1;
    } else {
      cols.forEach((c, i) => {
        ws.getCell(r, i + 1).value = c.header;
      });
    }
    r++;
  }
  const lastData = r - 1;
  // Step 4: vertical merges of equal consecutive values (e.g. 责任单位).
  if (spec.mergeKey !== undefined) mergeRuns(ws, spec, colIndex.get(spec.mergeKey) ?? 0, rowOf);
  // Step 5: 合计, blank row, notes, sign-off.
  if (spec.total !== undefined) {
    const t = spec.total;
    ws.getCell(r, colIndex.get(t.labelKey) ?? 1).value = t.label;
    const hasSub = spec.rows.some((x) => x.kind === 'subtotal');
    const end = Math.max(firstData, lastData - (t.omitLast ?? 0));
    for (const c of sumCols(Object.keys(t.sums))) {
      const key = cols[c - 1]?.key ?? '';
      const range = `${colLetter(c)}${firstData}:${colLetter(c)}${end}`;
      ws.getCell(r, c).value = { formula: hasSub ? `SUBTOTAL(9,${range})` : `SUM(${range})`, result: t.sums[key] ?? 0 };
    }
    ws.getRow(r).font = { bold: true };
    r++;
  }
  if ((spec.notes?.length ?? 0) > 0 || (spec.signOff?.length ?? 0) > 0) r++;
  for (const note of spec.notes ?? []) {
    ws.getCell(r, 1).value = note;
    ws.mergeCells(r, 1, r, n);
    r++;
  }
  if (spec.signOff !== undefined) {
    spec.signOff.forEach((text, i) => {
      ws.getCell(r, 1 + Math.floor((i * n) / (spec.signOff?.length ?? 1))).value = text;
    });
    r++;
  }
  return { sheet: spec.sheet, rowOf, dataRows: rowOf.size };
}

function mergeRuns(ws: ExcelJS.Worksheet, spec: TableSpec, c: number, rowOf: Map<string, number>): void {
  if (c === 0 || spec.mergeKey === undefined) return;
  const key = spec.mergeKey;
  let runStart = -1;
  let runValue: Cell = null;
  let prevRow = -1;
  const flush = (): void => {
    if (runStart > 0 && prevRow > runStart) {
      for (let x = runStart + 1; x <= prevRow; x++) ws.getCell(x, c).value = null;
      ws.mergeCells(runStart, c, prevRow, c);
    }
  };
  for (const row of spec.rows) {
    if (row.kind !== 'data') {
      flush();
      runStart = -1;
      continue;
    }
    const at = rowOf.get(row.id) ?? 0;
    const value = row.cells[key] ?? null;
    if (runStart > 0 && value !== null && value === runValue && at === prevRow + 1) {
      prevRow = at;
      continue;
    }
    flush();
    runStart = at;
    runValue = value;
    prevRow = at;
  }
  flush();
}

/** A sheet of free text, e.g. 填表说明: must be skipped by the reader. */
export function writeTextSheet(wb: ExcelJS.Workbook, name: string, lines: readonly string[]): void {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 90;
  lines.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
  });
}

/** A new workbook with fixed document dates (docProps/core.xml). */
export function newWorkbook(stamp: Date, date1904 = false): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '青川经济开发区投资促进局';
  wb.lastModifiedBy = '青川经济开发区投资促进局';
  wb.created = stamp;
  wb.modified = stamp;
  if (date1904) wb.properties.date1904 = true;
  return wb;
}

/** The workbook as .xlsx bytes, identical from run to run. */
export async function workbookBytes(wb: ExcelJS.Workbook, stamp: Date): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(data as ArrayBuffer), stamp);
}

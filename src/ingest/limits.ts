import { tooManyMergedCellsMessage } from './grid.ts';
import { inflateEntry, peekZipEntry, type ZipEntry } from './zip.ts';

/**
 * Size limits that keep one build under about 1 GB of memory. A zone's ledgers hold hundreds to a
 * few thousand rows; these limits sit an order of magnitude above that and refuse the accidental
 * 500 000-row export before it is loaded.
 *
 * Measured on Node 22 (exceljs 4.4 whole-file reader, `readXlsx` → Grid; peak RSS by
 * `/usr/bin/time -f %M`, 15-column signed-project rows with Chinese text):
 *
 * | input                                         | sheet XML | peak RSS | Grid after GC |
 * |-----------------------------------------------|-----------|----------|---------------|
 * | xlsx 10 000 rows, inline strings              | 6.7 MB    | 204 MB   | 36 MB         |
 * | xlsx 50 000 rows, inline strings              | 34 MB     | 592 MB   | 112 MB        |
 * | xlsx 50 000 rows, shared strings              | 26+4.9 MB | 441 MB   | 46 MB         |
 * | xlsx 100 000 rows (exceljs alone, no Grid)    | 68 MB     | 1 005 MB | —             |
 * | csv 50 000 rows                               | 9.9 MB    | 159 MB   | 50 MB         |
 * | csv 500 000 rows                              | 100 MB    | 632 MB   | 431 MB        |
 *
 * So exceljs needs about 16 MB of memory per MB of sheet XML (plus ~50 MB), and a CSV about 6 MB
 * per MB of file, most of it the Grid that later stages keep.
 */

/**
 * Most uncompressed bytes of `xl/worksheets/*.xml` plus `xl/sharedStrings.xml` read from one
 * workbook, as the zip directory claims them. The streaming reader (`xlsxStream.ts`) holds cell
 * values only, never the XML, so this bounds time rather than memory: 1 GiB ≈ 1 600 000 rows of
 * 15 columns. (exceljs, which the build used before, needed 16 MB per MB of XML and stopped at
 * 32 MiB ≈ 50 000 rows.)
 */
export const MAX_XLSX_XML_BYTES = 1024 * 1024 * 1024;

/**
 * Most rows of one sheet: checked from the sheet's `<dimension>` before reading and again while
 * reading. A sheet of exactly 1 000 000 rows (11 columns, every row distinct, shared strings) goes
 * through the data stage in ≈ 1.5 GB peak (1 522 MB measured, see `npm run bench`, section 4).
 */
export const MAX_SHEET_ROWS = 1_000_000;

/** Most non-empty cells of one workbook (all sheets): 24 million ≈ 1 600 000 rows of 15 columns. */
export const MAX_WORKBOOK_CELLS = 24_000_000;

/** Most bytes of one CSV file: 64 MiB ≈ 320 000 rows of 15 columns, ≈ 420 MB peak. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/**
 * Most bytes of any file on disk (compressed, for an .xlsx). Checked from `stat` before the file is
 * read, so that even a file whose zip directory lies is never loaded whole.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Most bytes of a legacy workbook (.xls/.et, HTML or SpreadsheetML saved as .xls). BIFF8 holds at
 * most 65 536 rows; an HTML export of 50 000 rows is about 40 MB.
 */
export const MAX_LEGACY_BYTES = 64 * 1024 * 1024;

/** Heap of the worker that parses one legacy workbook (MB); with the build's own ≈ 400 MB, under 1.5 GB. */
export const LEGACY_HEAP_MB = 768;

/** Time limit for parsing one legacy workbook: normal files take well under a second. */
export const LEGACY_TIMEOUT_MS = 60_000;

/** Bytes of sheet XML per row, for estimates when a sheet has no `<dimension>`: 34 MB / 50 000. */
const XML_BYTES_PER_ROW = 650;

/** Why a file was refused as too large, for the message. */
export interface SizeVerdict {
  /** Measured size that was compared with the limit, in bytes. */
  bytes: number;
  /** Approximate number of rows, for the message. */
  rows: number;
}

/**
 * Returns null when an .xlsx may be loaded, or its size when the sheet XML (from the zip central
 * directory, nothing inflated) exceeds `limit`. The row count comes from each sheet's
 * `<dimension ref="A1:O500001"/>` when present, else from the XML size.
 *
 * @example checkXlsxSize(bytes, listZipEntries(bytes)!) // null, or { bytes: 340_000_000, rows: 500_001 }
 */
export function checkXlsxSize(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limit = MAX_XLSX_XML_BYTES,
): SizeVerdict | null {
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  const shared = entries.filter((e) => /^xl\/sharedStrings\.xml$/i.test(e.name));
  const total = [...sheets, ...shared].reduce((sum, e) => sum + e.size, 0);
  if (total <= limit) return null;
  let rows = 0;
  for (const sheet of sheets) rows += dimensionRows(bytes, sheet) ?? Math.round(sheet.size / XML_BYTES_PER_ROW);
  return { bytes: total, rows };
}

/**
 * Returns null when a CSV may be parsed, or its size and line count when it exceeds `limit`.
 */
export function checkCsvSize(bytes: Uint8Array, limit = MAX_CSV_BYTES): SizeVerdict | null {
  if (bytes.length <= limit) return null;
  let rows = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) rows++;
  return { bytes: bytes.length, rows };
}

function dimensionRows(bytes: Uint8Array, entry: ZipEntry): number | null {
  const head = peekZipEntry(bytes, entry, 4096);
  if (head === null) return null;
  const m = /<dimension\s+ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(new TextDecoder().decode(head));
  if (m === null) return null;
  return Number(m[2] ?? m[1]);
}

/**
 * Most real (inflated) bytes of `xl/styles.xml`: real workbooks hold a few hundred KB; exceljs
 * builds objects for every style, so a 400 MiB styles part once took 1.95 GB.
 */
export const MAX_STYLES_BYTES = 16 * 1024 * 1024;

/** Most real bytes of all other parts together (drawings, images, comments, themes …). */
export const MAX_OTHER_PARTS_BYTES = 64 * 1024 * 1024;

/**
 * Most cells all merged ranges of a workbook may cover. exceljs makes one cell object per merged
 * cell, so one range over the whole sheet (A1:XFD1048576, 1.7 × 10¹⁰ cells, 2.5 KB on disk) ran
 * out of memory at 4.2 GB. The streaming reader fills merged ranges into the grid too (its
 * cells are real values), so the same limit bounds it; real ledgers merge a few hundred cells.
 */
export const MAX_MERGED_CELLS = 1_000_000;

/** Most parts (zip entries) of one workbook: a real one has a few dozen, a few hundred with pictures. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Limits of {@link checkXlsxContent}; tests pass small ones. */
export interface XlsxContentLimits {
  maxXmlBytes: number;
  maxStylesBytes: number;
  maxOtherBytes: number;
  maxMergedCells: number;
}

/** The limits `checkXlsxContent` applies by default. */
export const XLSX_CONTENT_LIMITS: XlsxContentLimits = {
  maxXmlBytes: MAX_XLSX_XML_BYTES,
  maxStylesBytes: MAX_STYLES_BYTES,
  maxOtherBytes: MAX_OTHER_PARTS_BYTES,
  maxMergedCells: MAX_MERGED_CELLS,
};

/** Why an .xlsx was refused before loading: an issue code and the Chinese message. */
export interface ContentVerdict {
  code: 'file_too_large' | 'file_unreadable';
  message: string;
}

/**
 * Inflates every part of an .xlsx once, counting real bytes (never the sizes the zip headers
 * claim), and refuses the workbook before exceljs sees it when sheet XML plus shared strings,
 * styles, or the other parts exceed their limits, when a part cannot be inflated, or when its
 * merged ranges cover more than `maxMergedCells` cells. Null when the workbook may be loaded.
 * Memory: one part at a time, each at most its limit. With `streamed`, sheets and shared strings
 * are left to the streaming reader, which applies the same limits while reading.
 *
 * @example checkXlsxContent(bytes, listZipEntries(bytes)!) // null, or { code: 'file_too_large', message: '…' }
 */
export function checkXlsxContent(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: XlsxContentLimits = XLSX_CONTENT_LIMITS,
  streamed = false,
): ContentVerdict | null {
  if (entries.length > MAX_ZIP_ENTRIES) {
    return {
      code: 'file_too_large',
      message: `文件内部由 ${entries.length} 个部件组成，远超正常工作簿（一般不到一百个），为保护内存未读取：请把数据复制到一个新建的工作簿后另存为 .xlsx 放回原处`,
    };
  }
  let xmlLeft = limits.maxXmlBytes;
  let otherLeft = limits.maxOtherBytes;
  let merged = 0;
  let largest = { ref: '', cells: 0 };
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const part = partKind(entry.name);
    // `streamed`: the streaming reader (`xlsxStream.ts`) measures sheet XML and shared strings and
    // counts their merged cells as it reads them, against the same limits, never holding them whole.
    if (streamed && part === 'xml') continue;
    const budget = part === 'xml' ? xmlLeft : part === 'styles' ? limits.maxStylesBytes : otherLeft;
    const content = inflateEntry(bytes, entry, budget);
    if (content === null) {
      return {
        code: 'file_unreadable',
        message: `Excel 文件已损坏（其中“${entry.name}”无法解压），无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出`,
      };
    }
    if (content === 'too-large') return { code: 'file_too_large', message: partTooLarge(part, entry.name, limits) };
    if (part === 'xml') xmlLeft -= content.length;
    else if (part === 'other') otherLeft -= content.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const found = mergedCells(content);
      merged += found.cells;
      if (found.largest.cells > largest.cells) largest = found.largest;
      if (merged > limits.maxMergedCells) {
        return { code: 'file_too_large', message: tooManyMergedCellsMessage(merged, largest.ref) };
      }
    }
  }
  return null;
}

function partKind(name: string): 'xml' | 'styles' | 'other' {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) || /^xl\/sharedStrings\.xml$/i.test(name)) return 'xml';
  if (/^xl\/styles\.xml$/i.test(name)) return 'styles';
  return 'other';
}

function partTooLarge(part: 'xml' | 'styles' | 'other', name: string, limits: XlsxContentLimits): string {
  if (part === 'xml') {
    return `文件过大：工作表内容解压后超过 ${formatBytes(limits.maxXmlBytes)} 的上限（实际大小比文件声明的更大），为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 4 万行）后放回原处`;
  }
  if (part === 'styles') {
    return `文件中的单元格样式（xl/styles.xml）解压后超过 ${formatBytes(limits.maxStylesBytes)}，远超正常台账，为保护内存未读取：请在 WPS 或 Excel 中把数据复制到一个新建的工作簿（选择性粘贴“数值”）后另存为 .xlsx`;
  }
  return `文件中的图片、批注等附加内容（如“${name}”）解压后超过 ${formatBytes(limits.maxOtherBytes)}，为保护内存未读取：请删除图片和批注，或把数据复制到一个新建的工作簿后另存为 .xlsx`;
}

/** Cells covered by the `<mergeCell ref="A1:D2"/>` elements of one sheet's XML, and the largest range. */
export function mergedCells(xml: Buffer): { cells: number; largest: { ref: string; cells: number } } {
  let cells = 0;
  let largest = { ref: '', cells: 0 };
  for (let at = xml.indexOf('<mergeCell '); at !== -1; at = xml.indexOf('<mergeCell ', at + 11)) {
    const end = xml.indexOf('>', at);
    const tag = xml.subarray(at, end === -1 ? Math.min(xml.length, at + 200) : end).toString('latin1');
    const m = /\bref\s*=\s*["']([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?["']/.exec(tag);
    if (m === null) continue;
    const c1 = columnNumber(m[1]!);
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : columnNumber(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    const n = (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
    cells += n;
    if (n > largest.cells) largest = { ref: `${m[1]}${m[2]}${m[3] !== undefined ? `:${m[3]}${m[4]}` : ''}`, cells: n };
  }
  return { cells, largest };
}

/** `A` → 1, `XFD` → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A size for messages: `32 MB`, `1.2 MB`, `40 KB`. */
export function formatBytes(n: number): string {
  const mb = n / 1024 / 1024;
  if (mb >= 100) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

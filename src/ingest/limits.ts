import { peekZipEntry, type ZipEntry } from './zip.ts';

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
 * reading. A 1 000 000-row, 15-column ledger reads in ≈ 1.2 GB peak (see `npm run bench`).
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

import type { Grid } from './grid.ts';
import { parseDateStyles, parseRels, parseWorkbook, resolveTarget, SharedStringsSink } from './xlsxParts.ts';
import { SheetSink, SheetTooLarge } from './xlsxSheet.ts';
import { XmlScanner, type XmlSink } from './xmlScan.ts';
import { tooManyMergedCellsMessage } from './grid.ts';
import {
  MAX_MERGED_CELLS,
  MAX_SHEET_ROWS,
  MAX_STYLES_BYTES,
  MAX_WORKBOOK_CELLS,
  MAX_XLSX_XML_BYTES,
} from './limits.ts';
import { listZipEntries, peekZipEntry, type ZipEntry } from './zip.ts';
import { PartTooLarge, partText, smallPartText } from './zipPart.ts';

/**
 * Reads every sheet of an .xlsx into {@link Grid}s — the same grids, cell for cell, as exceljs's
 * whole-file reader gives through `sheetToGrid` (`xlsx.ts`, kept as the reference in tests), at a
 * fraction of the time and memory: the sheet XML is inflated and scanned in chunks, and only the
 * cell values are kept (no styles, formulas or exceljs model). See `xlsxSheet.ts` for how each
 * cell is read; shared strings, the date styles and the 1904 date system come from
 * `xlsxParts.ts`.
 *
 * Differences from exceljs, all on files exceljs misreads or refuses (each tested in
 * `test/ingest-xlsxStream.test.ts`): a formula whose cached result is 0 or FALSE gives 0 / false
 * (exceljs drops falsy results, so `=SUM(…)` showing 0 read as empty); a worksheet part not named
 * `sheetN.xml` is read (exceljs drops it); `date1904="true"` is honoured (exceljs wants `"1"`); a
 * phonetic guide (`<rPh>`) in an inline string is ignored (exceljs loses the whole row); CDATA
 * text is kept; namespace prefixes (`<x:row>`) and rows or cells without `r` are read; a shared
 * string index past the table or a hyperlink to a missing relationship reads as no value / no
 * link (exceljs throws).
 *
 * Throws {@link XlsxTooLarge} when a sheet passes `limits` (checked while reading, so memory stays
 * bounded), and an Error for a damaged workbook.
 *
 * @example (await readXlsxStream(await readFile('签约项目表.xlsx')))[0].rows[0] // { row: 1, cells: ['2025年签约项目台账', …] }
 */
export async function readXlsxStream(
  bytes: Uint8Array,
  entries: readonly ZipEntry[] | null = listZipEntries(bytes),
  limits: XlsxStreamLimits = DEFAULT_STREAM_LIMITS,
): Promise<Grid[]> {
  if (entries === null) throw new Error('不是有效的 zip 文件');
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const small = (name: string, max = SMALL_PART_BYTES) => smallPartText(bytes, byName.get(name), max);
  // Sheet XML and shared strings share one limit of real bytes, as in `checkXlsxContent`.
  const xml = { bytes: limits.maxXmlBytes };

  const workbookXml = await small('xl/workbook.xml');
  if (workbookXml === null) throw new Error('缺少 xl/workbook.xml');
  const { sheets, date1904 } = parseWorkbook(workbookXml);
  const rels = parseRels(await small('xl/_rels/workbook.xml.rels'));
  const dateStyles = parseDateStyles(await small('xl/styles.xml', MAX_STYLES_BYTES));
  const strings = new SharedStringsSink();
  const sst = byName.get('xl/sharedStrings.xml');
  if (sst !== undefined) await scanPart(bytes, sst, strings, xml);

  const budget = { cells: limits.maxCells };
  let merged = 0;
  let largest = { ref: '', cells: 0 };
  const grids: Grid[] = [];
  for (const sheet of sheets) {
    const rel = rels.get(sheet.rid);
    if (rel === undefined) continue;
    const path = resolveTarget('xl/', rel.target);
    const entry = byName.get(path);
    // Chart sheets and dialog sheets hold no cells: exceljs leaves them out too.
    if (entry === undefined || !(rel.type.endsWith('/worksheet') || /(^|\/)worksheets\//.test(path))) continue;
    const slash = path.lastIndexOf('/');
    const sheetRels = parseRels(await small(`${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`));
    const hyperlinkRels = new Set([...sheetRels].filter(([, r]) => r.target !== '').map(([id]) => id));
    const sink = new SheetSink({
      name: sheet.name,
      hidden: sheet.state !== 'visible',
      sharedStrings: strings.strings,
      dateStyles,
      date1904,
      hyperlinkRels,
      limits: { maxRows: limits.maxRows, budget },
    });
    try {
      await scanPart(bytes, entry, sink, xml);
    } catch (error) {
      if (error instanceof SheetTooLarge) throw new XlsxTooLarge(error.reason);
      throw error;
    }
    // Merged ranges as written, counted over the workbook before any is filled (a merge bomb).
    merged += sink.mergedCells;
    if (sink.largestMerge.cells > largest.cells) largest = sink.largestMerge;
    if (merged > limits.maxMergedCells)
      throw new XlsxTooLarge('merges', tooManyMergedCellsMessage(merged, largest.ref));
    grids.push(sink.grid());
  }
  return grids;
}

/** Limits of {@link readXlsxStream}; defaults in `limits.ts`. */
export interface XlsxStreamLimits {
  /** Most rows of one sheet. */
  maxRows: number;
  /** Most non-empty cells of the whole workbook. */
  maxCells: number;
  /** Most real bytes of sheet XML and shared strings together. */
  maxXmlBytes: number;
  /** Most cells all merged ranges of the workbook may cover. */
  maxMergedCells: number;
}

/** Default limits: see `MAX_SHEET_ROWS` and neighbours in `limits.ts`. */
export const DEFAULT_STREAM_LIMITS: XlsxStreamLimits = {
  maxRows: MAX_SHEET_ROWS,
  maxCells: MAX_WORKBOOK_CELLS,
  maxXmlBytes: MAX_XLSX_XML_BYTES,
  maxMergedCells: MAX_MERGED_CELLS,
};

/** Workbook and relationships are small; anything above this is not a real workbook. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

/** A workbook passes {@link XlsxStreamLimits}: which limit, and for merges the message. */
export class XlsxTooLarge extends Error {
  readonly reason: 'rows' | 'cells' | 'bytes' | 'merges';
  constructor(reason: 'rows' | 'cells' | 'bytes' | 'merges', message = `超过上限（${reason}）`) {
    super(message);
    this.reason = reason;
  }
}

async function scanPart(bytes: Uint8Array, entry: ZipEntry, sink: XmlSink, budget: { bytes: number }): Promise<void> {
  const scanner = new XmlScanner(sink);
  try {
    for await (const chunk of partText(bytes, entry, Math.max(0, budget.bytes), budget)) scanner.push(chunk);
  } catch (error) {
    if (error instanceof PartTooLarge) throw new XlsxTooLarge('bytes');
    throw error;
  }
  scanner.end();
}

/**
 * The largest row count any sheet claims in its `<dimension ref="A1:O1000001"/>` (read from the
 * first few KB, nothing else inflated), so that a sheet beyond the limit is refused before it is
 * read. Null when no sheet says.
 */
export function claimedSheetRows(bytes: Uint8Array, entries: readonly ZipEntry[]): number | null {
  let most: number | null = null;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const head = peekZipEntry(bytes, e, 4096);
    if (head === null) continue;
    const m = /<(?:\w+:)?dimension\s+ref="\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?"/.exec(
      new TextDecoder().decode(head),
    );
    if (m !== null) most = Math.max(most ?? 0, Number(m[2] ?? m[1]));
  }
  return most;
}

/**
 * Worker thread that reads one legacy workbook (see `legacy.ts`). It runs SheetJS in its own V8
 * isolate, so a crafted file can neither pollute the build's objects (prototype pollution stays in
 * this isolate, and a file that adds a property to a built-in prototype is refused as corrupt before
 * any cell is converted) nor hold the build hostage (the parent terminates a worker that runs past
 * its time, and V8 stops one that passes its heap limit). Prototypes are not frozen: frozen, they
 * make SheetJS silently drop a sheet named `constructor` or `toString` (the "override mistake").
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type * as XLSXTypes from '@e965/xlsx';
import { decodeMarkup } from './markupText.ts';
import { readHtmlTable } from './html.ts';
import { sheetjsToGrids } from './sheetjsGrid.ts';
import type { LegacyRequest, LegacyResult } from './legacy.ts';

/** The built-in prototypes a crafted file could try to pollute, with their own keys before any parsing. */
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const pristine = PROTOTYPES.map((p) => Reflect.ownKeys(p).length);

/** True when parsing added a property to a built-in prototype (prototype pollution). */
function polluted(): boolean {
  return PROTOTYPES.some((p, i) => Reflect.ownKeys(p).length !== pristine[i]);
}

const require = createRequire(import.meta.url);

function read(request: LegacyRequest): LegacyResult {
  const bytes = new Uint8Array(request.bytes);
  if (request.format === 'html') {
    const grid = readHtmlTable(decodeMarkup(bytes).text, request.sheetName, request.maxMergedCells);
    if (grid === null) return { ok: false, reason: 'no-table' };
    if ('message' in grid) return { ok: false, reason: 'limit', message: grid.message };
    return { ok: true, sheets: [grid] };
  }
  const XLSX = require('@e965/xlsx') as typeof XLSXTypes;
  useChineseDateFormats(XLSX);
  const options: XLSXTypes.ParsingOptions = {
    dense: true,
    cellNF: true,
    cellStyles: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    bookVBA: false,
    bookFiles: false,
    WTF: false,
  };
  let wb: XLSXTypes.WorkBook;
  try {
    wb =
      request.format === 'spreadsheetml'
        ? XLSX.read(decodeMarkup(bytes).text, { ...options, type: 'string' })
        : XLSX.read(bytes, { ...options, type: 'array' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /password-protected/i.test(message) ? 'encrypted' : 'corrupt', message };
  }
  // Checked before a single cell is converted: a polluted prototype could change what the conversion sees.
  if (polluted()) return { ok: false, reason: 'corrupt', message: 'prototype pollution attempt' };
  const grids = sheetjsToGrids(wb, (f) => XLSX.SSF.is_date(f), request.maxMergedCells);
  if ('message' in grids) return { ok: false, reason: 'limit', message: grids.message };
  return { ok: true, sheets: grids };
}

/**
 * Chinese Excel and WPS write dates with built-in format ids 27–36 and 50–58 and no format string;
 * give SheetJS the zh-CN formats exceljs knows for them (one table for both readers).
 */
function useChineseDateFormats(XLSX: typeof XLSXTypes): void {
  try {
    const formats = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { 'zh-cn'?: string }>;
    for (const [id, entry] of Object.entries(formats)) {
      if (entry['zh-cn'] !== undefined) XLSX.SSF.load(entry['zh-cn'], Number(id));
    }
  } catch {
    // Without the table such cells stay numbers and the date parser reports them.
  }
}

// A worker started ahead loads SheetJS before its request comes (`prestartLegacyReaders`).
if ((workerData as { preload?: boolean } | null)?.preload === true) require('@e965/xlsx');

parentPort!.once('message', (request: LegacyRequest) => {
  let result: LegacyResult;
  try {
    result = read(request);
  } catch (error) {
    result = { ok: false, reason: 'corrupt', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result);
});

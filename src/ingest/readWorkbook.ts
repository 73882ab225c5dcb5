import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Issue } from '../schemas/issue.ts';
import { readCsv } from './csv.ts';
import type { Workbook } from './grid.ts';
import {
  checkCsvSize,
  checkXlsxContent,
  checkXlsxSize,
  formatBytes,
  LEGACY_HEAP_MB,
  LEGACY_TIMEOUT_MS,
  MAX_CSV_BYTES,
  MAX_LEGACY_BYTES,
  MAX_MERGED_CELLS,
  MAX_FILE_BYTES,
  MAX_SHEET_ROWS,
  MAX_XLSX_XML_BYTES,
  type SizeVerdict,
  XLSX_CONTENT_LIMITS,
} from './limits.ts';
import { sniffFormat } from './sniff.ts';
import { conserveMemory, LARGE_INPUT_BYTES } from './heapGrowth.ts';
import { claimedSheetRows, DEFAULT_STREAM_LIMITS, readXlsxStream, XlsxTooLarge } from './xlsxStream.ts';
import { listZipEntries } from './zip.ts';
import { PartDamaged } from './zipPart.ts';
import { readLegacy, type LegacyFormat, type LegacyResult } from './legacy.ts';

/** Extensions the build looks at: .xlsx and its kin, CSV/TSV text, and legacy .xls/.et (and their templates). */
export const CANDIDATE_EXTENSIONS = [
  '.xlsx',
  '.xlsm',
  '.xltx',
  '.csv',
  '.tsv',
  '.txt',
  '.xls',
  '.xlt',
  '.et',
  '.ett',
] as const;

/**
 * True for a file the folder walk should hand to {@link readWorkbookFile}: a known extension, and
 * not an Office lock file (`~$签约项目表.xlsx`, left while the workbook is open) or a hidden file.
 *
 * @example isCandidateFile('签约项目表（定稿）.xlsx') // true
 */
export function isCandidateFile(name: string): boolean {
  const base = posix.basename(name.replaceAll('\\', '/'));
  if (base.startsWith('~$') || base.startsWith('.')) return false;
  return (CANDIDATE_EXTENSIONS as readonly string[]).includes(posix.extname(base).toLowerCase());
}

/** Limits for one call, defaulting to those of `limits.ts`; tests pass small ones. */
export interface ReadWorkbookOptions {
  /** Override of `MAX_XLSX_XML_BYTES` (tests). */
  maxXlsxXmlBytes?: number;
  /** Override of `MAX_CSV_BYTES` (tests). */
  maxCsvBytes?: number;
  /** Override of `MAX_FILE_BYTES` (tests). */
  maxFileBytes?: number;
  /** Override of `MAX_SHEET_ROWS` (tests). */
  maxSheetRows?: number;
  /** Override of `MAX_LEGACY_BYTES` (tests). */
  maxLegacyBytes?: number;
  /** Override of `LEGACY_TIMEOUT_MS` (tests). */
  legacyTimeoutMs?: number;
}

/**
 * Reads one data file, whatever its extension claims: the bytes decide (see `sniffFormat`).
 * .xlsx → every sheet; legacy .xls/.et, HTML or SpreadsheetML saved as .xls → every sheet (see
 * `legacy.ts`); CSV/TSV text → one sheet named after the file. A file that cannot be read gives
 * one error issue (`file_legacy_format` for .xlsb, `file_too_large` or `file_unreadable`) with a
 * Chinese message that says how to fix it; the build goes on with the other files.
 *
 * Memory is bounded: the size is checked from `stat` and from the zip directory before exceljs
 * loads anything (limits in `limits.ts`).
 *
 * @param absPath where to read the file
 * @param relPath the path relative to the data folder, for `Workbook.file` and issues, e.g. `ledgers/2025-10/签约项目表.xlsx`
 */
export async function readWorkbookFile(
  absPath: string,
  relPath: string,
  options: ReadWorkbookOptions = {},
): Promise<{ workbook: Workbook } | { issue: Issue }> {
  const file = relPath.replaceAll('\\', '/');
  const fail = (code: Issue['code'], message: string): { issue: Issue } => ({
    issue: { severity: 'error', code, file, message },
  });

  const maxFile = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxCsv = options.maxCsvBytes ?? MAX_CSV_BYTES;
  const maxXml = options.maxXlsxXmlBytes ?? MAX_XLSX_XML_BYTES;
  let bytes: Uint8Array;
  try {
    const size = (await stat(absPath)).size;
    if (size > maxFile) return fail('file_too_large', tooLargeMessage({ bytes: size, rows: 0 }, maxFile, '4 万'));
    bytes = await readFile(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '未知错误';
    return fail('file_unreadable', `无法打开文件（${code}）：请确认文件存在、没有被其他程序独占打开，且有读取权限`);
  }

  const format = sniffFormat(bytes);
  switch (format) {
    case 'empty':
      return fail('file_unreadable', '文件是空的（没有任何内容）：请重新导出或保存完整后放回原处');
    case 'ole':
    case 'html':
    case 'spreadsheetml': {
      if (format === 'ole' && isEncryptedOffice(bytes)) {
        return fail('file_unreadable', ENCRYPTED);
      }
      const maxLegacy = options.maxLegacyBytes ?? MAX_LEGACY_BYTES;
      if (bytes.length > maxLegacy) {
        return fail('file_too_large', tooLargeMessage({ bytes: bytes.length, rows: 0 }, maxLegacy, '4 万'));
      }
      const timeoutMs = options.legacyTimeoutMs ?? LEGACY_TIMEOUT_MS;
      const result = await readLegacy(bytes, format, baseName(file), {
        heapMb: LEGACY_HEAP_MB,
        timeoutMs,
        maxMergedCells: MAX_MERGED_CELLS,
      });
      if (!result.ok)
        return fail(
          result.reason === 'limit' || result.reason === 'memory' ? 'file_too_large' : 'file_unreadable',
          legacyMessage(format, result, timeoutMs),
        );
      if (!result.sheets.some((s) => s.rows.length > 0)) {
        return fail('file_unreadable', '工作簿中所有工作表都是空的：请确认保存的是填好数据的台账后放回原处');
      }
      return { workbook: { file, sheets: result.sheets } };
    }
    case 'zip':
      return fail(
        'file_unreadable',
        '这是压缩包或其他文档（如 Word、WPS 文字），不是 Excel 工作簿：请放入 .xlsx 或 .csv 台账文件',
      );
    case 'binary':
      return fail(
        'file_unreadable',
        '文件内容无法识别（既不是 Excel 工作簿，也不是文本 CSV），可能已损坏或扩展名有误：请用 Excel 或 WPS 打开确认后另存为 .xlsx',
      );
    case 'text': {
      const tooLarge = checkCsvSize(bytes, maxCsv);
      if (tooLarge !== null) return fail('file_too_large', tooLargeMessage(tooLarge, maxCsv, '30 万'));
      if (bytes.length > LARGE_INPUT_BYTES) conserveMemory();
      const grid = readCsv(bytes, baseName(file));
      if (grid.rows.length === 0)
        return fail('file_unreadable', '文件中没有任何数据：请确认导出的是台账内容后放回原处');
      const { encoding: _encoding, delimiter: _delimiter, ...sheet } = grid;
      return { workbook: { file, sheets: [sheet] } };
    }
    case 'xlsx': {
      const entries = listZipEntries(bytes);
      if (entries === null) {
        return fail(
          'file_unreadable',
          '文件已损坏（压缩结构不完整，可能没有下载或复制完整），无法打开：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出',
        );
      }
      const names = new Set(entries.map((e) => e.name));
      if (names.has('xl/workbook.bin')) {
        return fail(
          'file_legacy_format',
          '这是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中“另存为” .xlsx 后放回原处',
        );
      }
      if (!names.has('xl/workbook.xml')) {
        return fail(
          'file_unreadable',
          '文件已损坏（缺少工作簿内容），无法打开：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出',
        );
      }
      const tooLarge = checkXlsxSize(bytes, entries, maxXml);
      if (tooLarge !== null) return fail('file_too_large', tooLargeMessage(tooLarge, maxXml, '100 万'));
      const maxRows = options.maxSheetRows ?? MAX_SHEET_ROWS;
      const claimed = claimedSheetRows(bytes, entries);
      if (claimed !== null && claimed > maxRows) return fail('file_too_large', tooManyRowsMessage(claimed, maxRows));
      // Sheet XML and shared strings are measured (real bytes) and their merges counted by the
      // streaming reader as it reads them; the other parts are checked here.
      const refused = checkXlsxContent(bytes, entries, { ...XLSX_CONTENT_LIMITS, maxXmlBytes: maxXml }, true);
      if (refused !== null) return fail(refused.code, refused.message);
      // A large sheet (as the zip directory claims it): collect garbage sooner from here on.
      if (sheetXmlBytes(entries) > LARGE_INPUT_BYTES) conserveMemory();
      let sheets;
      try {
        sheets = await readXlsxStream(bytes, entries, { ...DEFAULT_STREAM_LIMITS, maxRows, maxXmlBytes: maxXml });
      } catch (error) {
        if (error instanceof XlsxTooLarge) {
          if (error.reason === 'merges') return fail('file_too_large', error.message);
          if (error.reason === 'bytes')
            return fail(
              'file_too_large',
              `文件过大：工作表内容解压后超过 ${formatBytes(maxXml)} 的上限（实际大小比文件声明的更大），为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 100 万行）后放回原处`,
            );
          return fail('file_too_large', tooManyRowsMessage(error.reason, maxRows));
        }
        if (error instanceof PartDamaged)
          return fail(
            'file_unreadable',
            `Excel 文件已损坏（其中“${error.part}”无法解压），无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx，或重新导出`,
          );
        return fail(
          'file_unreadable',
          'Excel 文件已损坏或含有无法识别的内容，无法读取：请用 Excel 或 WPS 打开后重新“另存为” .xlsx 放回原处',
        );
      }
      if (!sheets.some((s) => s.rows.length > 0)) {
        return fail('file_unreadable', '工作簿中所有工作表都是空的：请确认保存的是填好数据的台账后放回原处');
      }
      return { workbook: { file, sheets } };
    }
  }
}

/** Uncompressed bytes of the sheet XML and shared strings, as the zip directory claims them. */
function sheetXmlBytes(entries: readonly { name: string; size: number }[]): number {
  let n = 0;
  for (const e of entries) if (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.name)) n += e.size;
  return n;
}

/** A sheet or workbook past the streaming reader's limits, found before (`claimed` rows) or while reading. */
function tooManyRowsMessage(found: number | 'rows' | 'cells', limit: number): string {
  const many = (n: number, unit: string) => (n >= 10_000 ? `${Math.round(n / 1000) / 10} 万${unit}` : `${n} ${unit}`);
  const what =
    typeof found === 'number'
      ? `工作表约有 ${many(found, '行')}，超过每张工作表 ${many(limit, '行')}的上限`
      : found === 'rows'
        ? `工作表超过 ${many(limit, '行')}的上限`
        : `工作簿中有内容的单元格超过 ${many(DEFAULT_STREAM_LIMITS.maxCells, '个')}的上限`;
  return `文件过大：${what}，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 ${many(limit, '行')}）后放回原处`;
}

/** The message for a password-protected workbook, .xlsx or .xls. */
const ENCRYPTED = '文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为不加密的 .xlsx 放回原处';

/** The message for a legacy workbook that could not be read. */
function legacyMessage(format: LegacyFormat, result: Extract<LegacyResult, { ok: false }>, timeoutMs: number): string {
  const what =
    format === 'ole'
      ? '旧版 Excel/WPS 文件（.xls/.et）'
      : format === 'html'
        ? '网页格式保存的表格（扩展名为 .xls）'
        : 'XML 格式保存的表格（扩展名为 .xls）';
  switch (result.reason) {
    case 'encrypted':
      return ENCRYPTED;
    case 'no-table':
      return `这是${what}，但其中没有表格：请在系统中重新导出台账，或用 Excel 打开确认后另存为 .xlsx 放回原处`;
    case 'limit':
      return result.message ?? '文件内容超出上限，为保护内存未读取：请用 Excel 或 WPS 打开后另存为 .xlsx 放回原处';
    case 'memory':
      return `${what}内容过多，读取时超出内存上限，为保护内存未读取：请按月份或年度拆分为多个文件后放回原处`;
    case 'timeout':
      return `${what}读取超过 ${Math.max(1, Math.round(timeoutMs / 1000))} 秒仍未完成（内容异常或已损坏），已放弃：请用 Excel 或 WPS 打开后另存为 .xlsx 放回原处`;
    case 'corrupt':
      return `${what}已损坏或含有无法识别的内容，无法读取：请用 Excel 或 WPS 打开修复后另存为 .xlsx 放回原处`;
  }
}

/** The file name without folder and extension: the sheet name of a CSV. */
function baseName(file: string): string {
  const base = posix.basename(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** A password-protected .xlsx is an OLE container holding an `EncryptedPackage` stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}

function tooLargeMessage(size: SizeVerdict, limit: number, rowsPerFile: string): string {
  const rows =
    size.rows >= 10_000 ? `约 ${Math.round(size.rows / 1000) / 10} 万行` : size.rows > 0 ? `约 ${size.rows} 行` : '';
  const what = rows !== '' ? `${rows}（数据约 ${formatBytes(size.bytes)}）` : formatBytes(size.bytes);
  return `文件过大：${what}，超过 ${formatBytes(limit)} 的上限，为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 ${rowsPerFile}行）后放回原处`;
}

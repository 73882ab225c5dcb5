import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadTables, processTable, type ProcessedTable } from './readTables.ts';
import type { SheetReport } from '../schemas/siteData.ts';
import type { TableContext } from '../normalize/normalizeTable.ts';
import { readWorkbookFile } from '../ingest/readWorkbook.ts';
import { MAX_FILE_BYTES } from '../ingest/limits.ts';
import type { TableKind } from '../schemas/fields.ts';
import type { Issue } from '../schemas/issue.ts';
import { cacheKey, NO_CACHE, type BuildCache } from './cache.ts';
import { codeFingerprint } from './codeFingerprint.ts';
import type { RowMemoEntry, RowMemoTables } from '../normalize/rowMemo.ts';
import { decodeRecords, encodeRecords, isCompact, type CompactRecords } from './recordCodec.ts';

/**
 * The data stage's per-file work through the cache (`cache.ts`): a ledger file's tables as
 * normalised records (read, classified, header found, rows split and normalised), and a
 * reference file's read result (its grids: reference tables are normalised after the units
 * table, which every other table depends on). A hit replaces all of that work; a miss does it and
 * stores the result. Keys: the file's bytes, its path (it is in every message and source
 * reference), its period, the settings and unit names that change what is read, and the code
 * fingerprint.
 */

/** One ledger file, as the data stage consumes it. */
export interface LedgerFile {
  /** Issues of reading and classifying (unreadable file, skipped sheets …). */
  issues: Issue[];
  /** Row accounting of skipped sheets. */
  sheets: SheetReport[];
  /** Number of tables found (0 with an error issue: the file could not be read). */
  tables: number;
  /** Each table normalised, in sheet order. */
  processed: ProcessedTable[];
}

// Shape checks of a cache hit (its bytes are already checksummed): the envelope only, so that a
// hit costs no more than reading it.
const anArray = z.custom<unknown[]>((v) => Array.isArray(v));
const recordsSchema = z.custom<unknown[] | CompactRecords>((v) => Array.isArray(v) || isCompact(v));
const sheetReportSchema = z.object({ file: z.string(), sheet: z.string(), read: z.number() });
const ledgerFileSchema = z.object({
  issues: anArray,
  sheets: z.array(sheetReportSchema),
  tables: z.number().int().nonnegative(),
  processed: z.array(
    z.object({
      kind: z.string(),
      records: recordsSchema,
      issues: anArray,
      stats: z.object({ read: z.number(), accepted: z.number(), rejected: z.number(), skipped: z.number() }),
      unknownUnits: z.map(z.string(), z.number()),
      sheet: sheetReportSchema,
    }),
  ),
});
const readResultSchema = z.union([
  z.object({
    workbook: z.object({ file: z.string(), sheets: z.array(z.object({ name: z.string(), rows: anArray })) }),
  }),
  z.object({ issue: z.object({ code: z.string(), message: z.string() }) }),
]);

/** The bytes of a file that may be hashed, or null (absent, unreadable, or too large to be read at all). */
function fileBytes(path: string): Uint8Array | null {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}

/**
 * Reads, classifies and normalises one ledger file, or takes it from the cache. Returns the
 * result and its cache key (null when the file could not be hashed: absent, unreadable, too large).
 * `onMiss` runs before the file is read (not taken from the cache).
 *
 * @param inputsKey everything else the result depends on: settings and the units table (see `dataStage.ts`)
 */
export async function loadLedgerFile(
  root: string,
  file: string,
  period: string,
  ctx: Omit<TableContext, 'file' | 'sheet' | 'kind' | 'period'>,
  extraAliases: Partial<Record<TableKind, Record<string, string[]>>>,
  cache: BuildCache,
  inputsKey: string,
  onMiss?: () => void,
): Promise<{ result: LedgerFile; key: string | null }> {
  const compute = async (): Promise<LedgerFile> => {
    onMiss?.();
    const loaded = await loadTables(root, file, 'ledgers', period);
    return {
      issues: loaded.issues,
      sheets: loaded.sheets,
      tables: loaded.tables.length,
      // The grids are read by nothing else: each row is dropped once split.
      processed: loaded.tables.map((t) => processTable(t, { ...ctx, period }, extraAliases, { releaseGrid: true })),
    };
  };
  if (cache === NO_CACHE) return { result: await compute(), key: null };
  const bytes = fileBytes(join(root, file));
  if (bytes === null) return { result: await compute(), key: null };
  const key = cacheKey('ledger-file', codeFingerprint(), inputsKey, file, period, bytes);
  const hit = cache.get<LedgerFile>(key);
  if (hit !== undefined && ledgerFileSchema.safeParse(hit).success) {
    for (const p of hit.processed) if (isCompact(p.records)) p.records = decodeRecords(p.records);
    return { result: hit, key };
  }
  const result = await compute();
  // Stored with each table's records in their compact form (a warm build reads them back fastest).
  cache.set(key, {
    ...result,
    processed: result.processed.map((p) => ({
      ...p,
      records: encodeRecords(p.records as Record<string, unknown>[], p.sheet.file, p.sheet.sheet),
    })),
  });
  return { result, key };
}

/**
 * A period's derived figures through the cache: `compute` runs on a miss. `key` (null: do not
 * cache) must cover everything `compute` reads — see the chain of keys in `dataStage.ts`.
 */
export function cachedDerived<T extends object>(cache: BuildCache, key: string | null, compute: () => T): T {
  if (key !== null) {
    const hit = cache.get<T>(key);
    if (hit !== undefined && typeof hit === 'object' && hit !== null) return hit;
  }
  const value = compute();
  if (key !== null) cache.set(key, value);
  return value;
}

/**
 * Cache key of the row memo a build keeps after its latest snapshot, for the next build's new
 * month (`rowMemo.ts`). One per code and inputs: every entry of a memo holds for any build with
 * the same code, settings and units (an entry is found only by the row's kind, columns, units and
 * cells, and a later period's date checks still apply), so the last build's memo is a right value
 * whichever snapshot it came from.
 */
export const rowMemoKey = (inputsKey: string): string => cacheKey('row-memo', codeFingerprint(), inputsKey);

/** The row memo kept by an earlier build, or undefined (absent, or not a memo). */
export function cachedRowMemo(cache: BuildCache, inputsKey: string): RowMemoTables | undefined {
  const hit = cache.get<unknown>(rowMemoKey(inputsKey));
  if (!(hit instanceof Map)) return undefined;
  // Entries are checksummed: the first one's shape stands for the rest, as for the other entries.
  for (const [tableKey, rows] of hit) {
    if (typeof tableKey !== 'string' || !(rows instanceof Map)) return undefined;
    for (const [k, v] of rows as Map<unknown, unknown>) {
      const e = v as Partial<RowMemoEntry> | null;
      if (typeof k !== 'string' || typeof e?.record !== 'object' || !Array.isArray(e.events)) return undefined;
      break;
    }
    break;
  }
  return hit as RowMemoTables;
}

/** `readWorkbookFile` through the cache (same arguments, same result). */
export function cachedReader(cache: BuildCache): typeof readWorkbookFile {
  if (cache === NO_CACHE) return readWorkbookFile;
  return async (absPath, relPath, options = {}) => {
    const bytes = fileBytes(absPath);
    if (bytes === null) return readWorkbookFile(absPath, relPath, options);
    const key = cacheKey('read', codeFingerprint(), JSON.stringify(options), relPath, bytes);
    const hit = cache.get<Awaited<ReturnType<typeof readWorkbookFile>>>(key);
    if (hit !== undefined && readResultSchema.safeParse(hit).success) return hit;
    const value = await readWorkbookFile(absPath, relPath, options);
    cache.set(key, value);
    return value;
  };
}

import { Worker } from 'node:worker_threads';
import type { Grid } from './grid.ts';

/**
 * Legacy workbooks (contract §2): `.xls` in BIFF8 (Excel 97–2003) and BIFF5 (Excel 5/95, older WPS),
 * WPS `.et`, and the two fakes government systems export under an `.xls` name — an HTML table and
 * SpreadsheetML 2003 XML — read into the same {@link Grid}s as .xlsx.
 *
 * BIFF and SpreadsheetML are parsed by SheetJS (`@e965/xlsx`, pinned at 0.20.3: the npm `xlsx`
 * 0.18.5 has known prototype-pollution and ReDoS CVEs, fixed in 0.20.x, which SheetJS no longer
 * publishes to npm). HTML is parsed by our own linear reader (`html.ts`): SheetJS's takes only the
 * first table and is quadratic in row spans. Either way the parsing runs in a worker thread
 * (`legacyWorker.ts`) in its own isolate, with a pollution check, a heap limit and a time limit, so a hostile file is
 * one error and the build goes on.
 */

/** What the worker is asked to read. */
export interface LegacyRequest {
  format: LegacyFormat;
  /** The file's bytes (transferred, not copied). */
  bytes: ArrayBuffer;
  /** Sheet name for an HTML table (the file name without extension). */
  sheetName: string;
  maxMergedCells: number;
}

/** The worker's answer. */
export type LegacyResult =
  | { ok: true; sheets: Grid[] }
  | { ok: false; reason: 'encrypted' | 'corrupt' | 'no-table' | 'limit' | 'memory' | 'timeout'; message?: string };

/** `ole` = BIFF .xls/.et; `html` and `spreadsheetml` as `sniffFormat` names them. */
export type LegacyFormat = 'ole' | 'html' | 'spreadsheetml';

/** Limits of one legacy read; tests pass small ones. */
export interface LegacyLimits {
  /** Heap of the worker, MB: a 64 MiB HTML export needs about 400. */
  heapMb: number;
  /** Wall-clock limit, ms: a normal legacy file takes well under a second. */
  timeoutMs: number;
  maxMergedCells: number;
}

/**
 * Reads a legacy workbook in a worker thread. Never throws: an encrypted, corrupt, oversized or
 * hostile file gives `{ ok: false, reason }`.
 *
 * @example await readLegacy(bytes, 'ole', '签约项目表', limits) // { ok: true, sheets: [...] }
 */
export function readLegacy(
  bytes: Uint8Array,
  format: LegacyFormat,
  sheetName: string,
  limits: LegacyLimits,
): Promise<LegacyResult> {
  const copy = bytes.slice().buffer;
  const request: LegacyRequest = { format, bytes: copy, sheetName, maxMergedCells: limits.maxMergedCells };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: LegacyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const worker = new Worker(new URL('./legacyWorker.ts', import.meta.url), {
      workerData: request,
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.once('message', (result: LegacyResult) => settle(result));
    worker.once('error', (error: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'corrupt',
        message: error.message,
      }),
    );
    worker.once('exit', () => settle({ ok: false, reason: 'corrupt', message: 'worker exited' }));
  });
}

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

/** A worker started ahead of its request (`prestartLegacyReaders`), with the heap it was given. */
let spare: { worker: Worker; heapMb: number } | null = null;
/** How many more workers to start ahead, one at a time (one per legacy file the build has). */
let wanted = 0;

function startWorker(heapMb: number, preload: boolean): Worker {
  return new Worker(new URL('./legacyWorker.ts', import.meta.url), {
    workerData: { preload },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
}

function startSpare(heapMb: number): void {
  if (spare !== null || wanted <= 0) return;
  wanted--;
  const worker = startWorker(heapMb, true);
  // Idle, it keeps nothing alive; a worker that fails before its request is simply not used.
  worker.unref();
  const drop = () => {
    if (spare?.worker === worker) spare = null;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spare = { worker, heapMb };
}

/**
 * Starts the worker for the next legacy file now, so that loading SheetJS (≈ 0.2 s) runs on the
 * other core while the build does other work; each file's worker is then started ahead for the
 * next, up to `count` files. The file is still read by a fresh worker of its own, with the same
 * limits (its time limit counts from its request). Call `stopLegacyReaders` when done.
 */
export function prestartLegacyReaders(count: number, heapMb: number): void {
  wanted = count;
  startSpare(heapMb);
}

/** Ends a worker started ahead and not used (the build had fewer legacy files to read than it might have). */
export function stopLegacyReaders(): void {
  wanted = 0;
  const idle = spare;
  spare = null;
  if (idle) void idle.worker.terminate();
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
  let worker: Worker;
  if (spare !== null && spare.heapMb === limits.heapMb) {
    worker = spare.worker;
    spare = null;
    worker.ref();
  } else worker = startWorker(limits.heapMb, false);
  startSpare(limits.heapMb);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: LegacyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
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
    worker.postMessage(request, [copy]);
  });
}

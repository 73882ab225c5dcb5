import { setFlagsFromString } from 'node:v8';

/**
 * Bytes of sheet XML (or CSV) in one file above which the build conserves memory: ≈ 50,000 rows.
 * Normal ledgers stay far below and keep V8's defaults (fastest).
 */
export const LARGE_INPUT_BYTES = 32 * 1024 * 1024;

let conserving = false;

/**
 * Makes V8 collect garbage sooner for the rest of the build, once a file this large is met. By
 * default the old generation may grow to about four times what was alive at the last full
 * collection before it collects again: reading a 1,000,000-row sheet leaves ≈ 550 MB alive, and
 * turning its rows into records (each grid row dropped once read) then grew the heap to 2.2 GB
 * before the first full collection found 640 MB alive. `--optimize-for-size` lets it grow by
 * ≈ 1.3× instead (more collections: slower, but a large sheet stays well under the 1.5 GB target).
 * A V8 flag set at run time; it changes only when the collector runs, never a result.
 */
export function conserveMemory(): void {
  if (conserving) return;
  conserving = true;
  setFlagsFromString(process.env.ZS_HEAP_FLAG ?? '--optimize-for-size');
}

/**
 * Lets V8's old generation grow by at most 30 % between full collections, for the page stage.
 * Astro's pages keep ≈ 0.85 GB alive on the ×8 bench zone (the parsed site data and Astro's
 * own), and with the default growth the heap reached 2.3 GB (3.1 GB RSS) before a collection
 * found that. Measured on that zone: peak RSS 2.95 GB → 1.56 GB, page stage 125 s → 117 s.
 * (`--optimize-for-size`, as in `conserveMemory`, also bounds it, but slows the pages by half:
 * it changes compilation too; `--max-old-space-size` cannot be changed once V8 has started.)
 * A V8 flag set at run time; it changes only when the collector runs, never a result.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=30');
}

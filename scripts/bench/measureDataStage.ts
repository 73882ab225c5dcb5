// Child process of `npm run bench`: runs the data stage on a zone and prints one JSON line.
// `--cache DIR` uses (and fills) a data-stage cache; without it no cache is used.
import { runDataStage } from '../../src/build/dataStage.ts';
import { buildReport } from '../../src/build/report.ts';
import { NO_CACHE, openCache } from '../../src/pipeline/cache.ts';

const dir = process.argv[2] as string;
const at = process.argv.indexOf('--cache');
const cache = at > 0 ? openCache(process.argv[at + 1] as string) : NO_CACHE;
const t0 = performance.now();
const model = await runDataStage(dir, { log: () => {}, cache });
const report = buildReport(model, 'internal');
const ms = performance.now() - t0;
console.log(
  JSON.stringify({ ms, rows: report.totals.read, maxRssMb: process.resourceUsage().maxRSS / 1024, cache: cache.stats }),
);

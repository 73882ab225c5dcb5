// Child process of `npm run bench`: a full build (data stage, report, site data, Astro pages) of
// a zone, the same steps as `runCli` (`npm run build`), with the time and this process's peak RSS
// after each stage (peak RSS only grows: a stage's figure is the peak up to its end). Prints one
// JSON line. Args: zone dir, out dir, [--cache DIR] (default: no cache).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runDataStage } from '../../src/pipeline/dataStage.ts';
import { buildReport } from '../../src/pipeline/report.ts';
import { writeSiteData } from '../../src/pipeline/writeSiteData.ts';
import { buildSite, PROJECT_ROOT } from '../../src/cli/buildSite.ts';
import { NO_CACHE, openCache } from '../../src/pipeline/cache.ts';

const [dir, outDir] = process.argv.slice(2) as [string, string];
const at = process.argv.indexOf('--cache');
const cache = at > 0 ? openCache(process.argv[at + 1] as string) : NO_CACHE;
const peak = () => process.resourceUsage().maxRSS / 1024;

mkdirSync(join(PROJECT_ROOT, '.zs'), { recursive: true });
const work = mkdtempSync(join(PROJECT_ROOT, '.zs', 'bench-'));
const dataDir = join(work, 'data');
const t0 = performance.now();
let t1 = t0;
let t2 = t0;
let dataRss = 0;
let writeRss = 0;
let rows = 0;
try {
  // As in `runCli`: the model lives only in this function, not through the page stage.
  await (async () => {
    const model = await runDataStage(dir, { log: () => {}, cache });
    const report = buildReport(model, 'internal');
    rows = report.totals.read;
    t1 = performance.now();
    dataRss = peak();
    writeSiteData(model, report, 'internal', dataDir);
    t2 = performance.now();
    writeRss = peak();
  })();
  await buildSite({ siteData: dataDir, outDir, work, profile: 'internal' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
const t3 = performance.now();
const pages = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter(
  (e) => e.isFile() && e.name.endsWith('.html'),
).length;
console.log(
  JSON.stringify({
    rows,
    pages,
    data: { ms: t1 - t0, maxRssMb: dataRss },
    siteData: { ms: t2 - t1, maxRssMb: writeRss },
    pagesStage: { ms: t3 - t2, maxRssMb: peak() },
    ms: t3 - t0,
    maxRssMb: peak(),
  }),
);

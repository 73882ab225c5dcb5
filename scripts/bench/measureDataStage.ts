// Child process of `npm run bench`: runs the data stage on a zone and prints one JSON line.
import { runDataStage } from '../../src/pipeline/dataStage.ts';
import { buildReport } from '../../src/pipeline/report.ts';
import { NO_CACHE, openCache } from '../../src/pipeline/cache.ts';

const dir = process.argv[2] as string;
const at = process.argv.indexOf('--cache');
const cache = at > 0 ? openCache(process.argv[at + 1] as string) : NO_CACHE;
const t0 = performance.now();
const model = await runDataStage(dir, { log: () => {}, cache });
const report = buildReport(model, 'internal');
const ms = performance.now() - t0;
// The first error or warning about a file (the hostile zones have one each), for the bench's table.
const about = model.issues.filter((i) => i.code !== 'unknown_unit' && !i.file.endsWith('（好）.csv'));
const issue = about.find((i) => i.severity === 'error') ?? about.find((i) => i.severity === 'warning');
console.log(
  JSON.stringify({
    ms,
    rows: report.totals.read,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cache: cache.stats,
    issue: issue ? `${issue.code}: ${issue.message.slice(0, 40)}…` : undefined,
  }),
);

// Child process of `npm run bench`: runs the data stage on a zone and prints one JSON line.
import { runDataStage } from '../../src/pipeline/dataStage.ts';
import { buildReport } from '../../src/pipeline/report.ts';

const dir = process.argv[2] as string;
const t0 = performance.now();
const model = await runDataStage(dir, { log: () => {} });
const report = buildReport(model, 'internal');
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows: report.totals.read, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

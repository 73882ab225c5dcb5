/**
 * Generates the embedded sample zone (青川经济开发区) into `data/`, or a scaled copy for benchmarks.
 *
 *   npx node scripts/generate-sample.ts                       # default zone → data/
 *   npx node scripts/generate-sample.ts --out DIR --scale 8   # ~8× the rows, for benchmarks
 *   npx node scripts/generate-sample.ts --out DIR --scale 0.2 --from 2024-01 --to 2024-03
 *
 * The output folder is emptied first. The same options always give byte-identical files.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRange, generateSample, parseMonthOption } from './sample/generate.ts';

const USAGE = `用法 usage: node scripts/generate-sample.ts [--out DIR] [--scale N] [--from YYYY-MM] [--to YYYY-MM] [--seed N] [--quiet]
  --out    output folder, emptied first (default: data)
  --scale  about N× the rows of the default zone (default: 1; 8 gives ≥ 50,000 ledger rows)
  --from, --to  first and last snapshot folder to write (default: 2024-01 … 2025-10)
  --seed   PRNG seed (default: 20251031)`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: 'data' },
        scale: { type: 'string', default: '1' },
        from: { type: 'string' },
        to: { type: 'string' },
        seed: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const scale = Number(values.scale);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100 || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`--scale must be a number in (0, 100] and --seed an integer\n${USAGE}`);
    return 2;
  }
  let from: string;
  let to: string;
  try {
    from = parseMonthOption(values.from, '2024-01');
    to = parseMonthOption(values.to, '2025-10');
    checkRange(from, to);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const out = resolve(values.out);
  // Emptying the folder is only safe when it is empty or already holds a data folder.
  const existing = await readdir(out).catch(() => [] as string[]);
  if (existing.length > 0 && !existing.includes('ledgers') && !existing.includes('site.json')) {
    console.error(`拒绝清空 ${out}：该目录不像数据目录（没有 ledgers/ 或 site.json）。请换一个空目录。`);
    return 2;
  }
  const started = performance.now();
  await rm(out, { recursive: true, force: true });
  const result = await generateSample(
    { scale, from, to, ...(seed !== undefined ? { seed } : {}) },
    {
      async writeFile(path, data) {
        const full = join(out, path);
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, data);
      },
      log: values.quiet ? () => {} : (line) => console.log(line),
    },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const latest = result.periods[result.periods.length - 1];
  const errors = latest?.marks.filter((m) => m.severity === 'error').length ?? 0;
  console.log(
    `wrote ${result.files} files to ${out}: ${result.ledgerRows} ledger rows across ${result.periods.length} snapshots in ${seconds}s`,
  );
  console.log(
    `latest snapshot ${latest?.period ?? '-'}: ${latest?.rows ?? 0} rows, ${errors} deliberate bad rows, ${latest?.unreadable.length ?? 0} unreadable file(s)`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  },
);

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCliOptions, type CliOptions } from './cliOptions.ts';
import { CliError } from '../pipeline/cliError.ts';
import { runDataStage } from '../pipeline/dataStage.ts';
import { buildReport } from '../pipeline/report.ts';
import { issueLines, summaryLine } from './consoleReport.ts';
import { writeSiteData } from '../pipeline/writeSiteData.ts';
import { buildSite, PROJECT_ROOT } from './buildSite.ts';
import { NO_CACHE, openCache, pruneCache, type BuildCache } from '../pipeline/cache.ts';
import type { Report } from '../schemas/report.ts';

/** Exit code of an unexpected exception: a bug in this program, never a problem in the data. */
export const EXIT_INTERNAL_ERROR = 3;

/**
 * `npm run build` / `npm run check` (contract §9). Returns the exit code: 0 built (errors listed,
 * figures exclude rejected rows); 1 data errors under --strict or check; 2 unusable invocation or
 * data folder; 3 an internal error (a bug: the message says so and shows where).
 */
export async function runCli(
  argv: string[],
  mode: 'build' | 'check',
  out: (line: string) => void = console.log,
): Promise<number> {
  try {
    const opts = parseCliOptions(argv, mode);
    out(
      `${mode === 'check' ? '校验' : '生成'}：数据目录 ${opts.data}${opts.checkOnly ? '' : `，输出 ${opts.out}（${opts.profile === 'public' ? '公开版' : '内部版'}）`}`,
    );
    const cache = opts.cache === null ? NO_CACHE : openCache(opts.cache);
    const { report, work } = await readZone(opts, cache, out);
    if (work !== null) {
      try {
        await buildSite({ siteData: join(work, 'data'), outDir: opts.out, work, profile: opts.profile });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      out(`页面已生成到 ${opts.out}`);
    }
    out(summaryLine(report));
    const failed = opts.strict && (report.totals.errors > 0 || report.totals.rejected > 0);
    if (failed)
      out(mode === 'check' ? '校验未通过：有数据错误，请按上面的提示修改后重试' : '--strict：有数据错误，退出码 1');
    return failed ? 1 : 0;
  } catch (e) {
    if (e instanceof CliError) {
      out(e.message);
      return e.exitCode;
    }
    out(internalErrorMessage(e));
    return EXIT_INTERNAL_ERROR;
  }
}

/**
 * The data stage, the report and, for a build, the site data folder (`<work>/data`, in a fresh
 * work folder the caller removes). The model lives only in this function: the pages read the site
 * data files, and keeping the model alive through the page stage (≈ 0.36 GB on the ×8 bench zone)
 * only raised the build's peak memory.
 */
async function readZone(
  opts: CliOptions,
  cache: BuildCache,
  out: (line: string) => void,
): Promise<{ report: Report; work: string | null }> {
  const model = await runDataStage(opts.data, { log: opts.quiet ? () => {} : out, cache });
  if (opts.cache !== null) pruneCache(opts.cache);
  const report = buildReport(model, opts.profile);
  for (const line of issueLines(report)) out(line);
  if (opts.report) {
    mkdirSync(dirname(opts.report), { recursive: true });
    writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
    out(`报告已写入 ${opts.report}`);
  }
  if (opts.checkOnly) return { report, work: null };
  mkdirSync(join(PROJECT_ROOT, '.zs'), { recursive: true });
  const work = mkdtempSync(join(PROJECT_ROOT, '.zs', 'build-'));
  try {
    writeSiteData(model, report, opts.profile, join(work, 'data'));
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  return { report, work };
}

/** What the console says for an unexpected exception: that it is a bug, and where it happened. */
export function internalErrorMessage(e: unknown): string {
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  return `内部错误（程序缺陷，不是台账数据的问题），生成已中止，退出码 ${EXIT_INTERNAL_ERROR}：请把下面的信息和所用的数据目录一并报告给维护人员\n${detail}`;
}

/** Makes an exception that escapes `runCli` (a stray promise) exit 3 too, not Node's 1 ("data errors"). */
export function exitOnCrash(): void {
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (e: unknown) => {
      console.error(internalErrorMessage(e));
      process.exit(EXIT_INTERNAL_ERROR);
    });
  }
}

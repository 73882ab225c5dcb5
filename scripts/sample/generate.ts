/**
 * Generates the sample zone: `site.json`, `content/`, `reference/` and one `ledgers/<YYYY-MM>/`
 * folder per month. Pure apart from `effects.writeFile`, so a test can run it into memory.
 */
import { monthRange, type Month } from './calendar.ts';
import { CONTENT_PAGES, SITE_JSON } from './content.ts';
import { snapshotStamp, type BadRow, type LedgerContext, type LedgerFile } from './ledgers/common.ts';
import { writeProducing, writeStarted } from './ledgers/delivery.ts';
import { writeFunds } from './ledgers/funds.ts';
import { writeLeads, writeNegotiating } from './ledgers/pipeline.ts';
import { writeSigned, writeUnitSigned } from './ledgers/signed.ts';
import { writeLegacyXls, writeTrips } from './ledgers/trips.ts';
import { renderReadme } from './readme.ts';
import { writeReference } from './reference.ts';
import { FIRST_MONTH, LAST_MONTH, buildScenario, type Scenario } from './scenario.ts';
import { cutSnapshot } from './snapshot.ts';
import { applySpecials } from './specials.ts';

/** The dated mid-month snapshot written beside the last month's folder. */
export const DATED_SNAPSHOT = '2025-10-15';

export interface GenerateOptions {
  /** Roughly this many times the rows of the default zone (e.g. `0.2`, `8`). */
  scale: number;
  /** First and last snapshot folders to write; the scenario itself always spans 2024-01…2025-10. */
  from?: Month;
  to?: Month;
  seed?: number;
}

export interface GenerateEffects {
  /** `path` is relative to the output folder, with forward slashes. */
  writeFile(path: string, data: Buffer | string): Promise<void>;
  /** Progress lines. */
  log?(line: string): void;
}

export interface PeriodSummary {
  period: Month;
  rows: number;
  files: number;
  marks: BadRow[];
  unreadable: string[];
}

export interface GenerateResult {
  scenario: Scenario;
  periods: PeriodSummary[];
  /** Data rows across all snapshots (what a build reads). */
  ledgerRows: number;
  files: number;
}

export function parseMonthOption(v: string | undefined, fallback: Month): Month {
  if (v === undefined) return fallback;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new Error(`month must be YYYY-MM, got "${v}"`);
  return v;
}

/** Throws unless `from`…`to` lies within the scenario's months. */
export function checkRange(from: Month, to: Month): void {
  if (from < FIRST_MONTH || to > LAST_MONTH || from > to)
    throw new Error(`--from/--to must lie within ${FIRST_MONTH}…${LAST_MONTH}, from ≤ to`);
}

export async function generateSample(opts: GenerateOptions, effects: GenerateEffects): Promise<GenerateResult> {
  const from = opts.from ?? FIRST_MONTH;
  const to = opts.to ?? LAST_MONTH;
  checkRange(from, to);
  const log = effects.log ?? ((): void => {});
  // Step 1: the seeded scenario and its deliberate oddities.
  const scenario = buildScenario({ scale: opts.scale, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const specials = applySpecials(scenario);
  let files = 0;
  const put = async (path: string, data: Buffer | string): Promise<void> => {
    await effects.writeFile(path, data);
    files++;
  };
  // Step 2: settings, prose pages, reference tables.
  await put('site.json', `${JSON.stringify(SITE_JSON, null, 2)}\n`);
  for (const [name, text] of Object.entries(CONTENT_PAGES)) await put(`content/${name}`, text);
  for (const f of await writeReference(scenario, snapshotStamp(LAST_MONTH))) await put(f.path, f.data);
  // Step 3: one folder per monthly snapshot, and before the last month's one a dated mid-month
  // snapshot (ledgers/2025-10-15/, the weekly 调度: the month's figures still come from 2025-10/).
  const periods: PeriodSummary[] = [];
  let ledgerRows = 0;
  const writeFolder = async (ctx: LedgerContext): Promise<LedgerFile[]> => {
    const { snap } = ctx;
    const unitSigned = await writeUnitSigned(ctx);
    const out: LedgerFile[] = [
      await writeSigned(ctx),
      ...(unitSigned ? [unitSigned] : []),
      await writeStarted(ctx),
      writeProducing(ctx),
      await writeFunds(ctx),
      await writeLeads(ctx),
      await writeNegotiating(ctx),
      writeTrips(ctx),
    ];
    if (snap.last) out.push(writeLegacyXls(ctx));
    for (const f of out) await put(f.path, f.data);
    ledgerRows += out.reduce((s, f) => s + f.rows, 0);
    return out;
  };
  for (const period of monthRange(from, to)) {
    if (period === LAST_MONTH) {
      const snap = cutSnapshot(scenario, specials, period, DATED_SNAPSHOT);
      const stamp = new Date(Date.UTC(2025, 9, 16, 9, 30, 0));
      const out = await writeFolder({ snap, specials, stamp, dir: `ledgers/${DATED_SNAPSHOT}` });
      log(`${DATED_SNAPSHOT}: ${out.length} files, ${out.reduce((s, f) => s + f.rows, 0)} rows (dated)`);
    }
    const snap = cutSnapshot(scenario, specials, period);
    const out = await writeFolder({ snap, specials, stamp: snapshotStamp(period), dir: `ledgers/${period}` });
    const unreadable = snap.last ? out.filter((f) => f.path.endsWith('.xls')).map((f) => f.path) : [];
    const rows = out.reduce((s, f) => s + f.rows, 0);
    periods.push({ period, rows, files: out.length, marks: out.flatMap((f) => f.bad), unreadable });
    log(`${period}: ${out.length} files, ${rows} rows`);
  }
  // Step 4: the README that documents the zone and its bad rows.
  await put('README.md', renderReadme(scenario, periods, specials));
  return { scenario, periods, ledgerRows, files };
}

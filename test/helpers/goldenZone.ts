import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDataStage, type DataModel } from '../../src/pipeline/dataStage.ts';
import { buildReport } from '../../src/pipeline/report.ts';
import type { Report } from '../../src/schemas/report.ts';
import { writeSiteData } from '../../src/pipeline/writeSiteData.ts';

/**
 * Golden cases of the data stage: one folder per case, `test/fixtures/build/<case>/make.ts` (a zone
 * built by code) → `test/output/build/<case>/` (the report and the site data, pretty-printed).
 */
export const CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'build');

/** Names of the golden cases: every folder of `test/fixtures/build/` with a `make.ts`. */
export const goldenCases = (): string[] =>
  readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** Builds a case's zone in a temporary folder and runs the data stage on it. */
export async function runCase(name: string): Promise<{ zone: string; model: DataModel; report: Report }> {
  const { make } = (await import(join(CASES_DIR, name, 'make.ts'))) as { make: (root: string) => Promise<void> };
  const zone = mkdtempSync(join(tmpdir(), `zs-${name}-`));
  await make(zone);
  const model = await runDataStage(zone, { log: () => {} });
  return { zone, model, report: buildReport(model, 'internal') };
}

/** The golden output of a zone: the report and the site data files (meta.json holds a local path, so it is blanked). */
export function writeOutputs(m: DataModel, r: Report, dir: string): void {
  writeSiteData(m, r, 'internal', join(dir, 'site-data'));
  // Pretty-printed so a golden diff is readable.
  for (const e of readdirSync(join(dir, 'site-data'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === 'meta.json') continue;
    const f = join(e.parentPath, e.name);
    writeFileSync(f, JSON.stringify(JSON.parse(readFileSync(f, 'utf8')), null, 1));
  }
  writeFileSync(join(dir, 'site-data', 'meta.json'), '');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), JSON.stringify(r, null, 2));
}

import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limitHeapGrowth } from '../ingest/heapGrowth.ts';

/** The project root (where astro.config.mjs and node_modules are). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs Astro on the site data folder into `outDir`. Pages read `ZS_SITE_DATA`.
 *
 * Astro stages prerendered chunks in `<outDir>/.prerender/` when the out folder lies inside the
 * working directory, else in a shared `<cwd>/.astro/.prerender/`; and those chunks must resolve
 * packages from the project's node_modules. So Astro writes into `<work>/out` (work is a fresh
 * folder inside the project, see `runCli`), and the result is moved to `outDir`: parallel builds
 * (tests) never share a folder, and any `--out` works.
 */
export async function buildSite(opts: {
  siteData: string;
  outDir: string;
  work: string;
  profile: 'internal' | 'public';
}): Promise<void> {
  process.env.ZS_SITE_DATA = opts.siteData;
  process.env.ZS_PROFILE = opts.profile;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  limitHeapGrowth();
  const { build } = await import('astro');
  const staging = join(opts.work, 'out');
  const cwd = process.cwd();
  process.chdir(PROJECT_ROOT);
  try {
    await build({
      root: PROJECT_ROOT,
      outDir: staging,
      cacheDir: join(opts.work, 'cache'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    process.chdir(cwd);
  }
  rmSync(join(staging, '.prerender'), { recursive: true, force: true });
  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(dirname(opts.outDir), { recursive: true });
  try {
    renameSync(staging, opts.outDir);
  } catch {
    // Another file system: copy instead.
    cpSync(staging, opts.outDir, { recursive: true });
  }
}

import { fileURLToPath } from 'node:url';

/**
 * Runs Astro on the site data folder. Pages read `ZS_SITE_DATA`; every build gets its own cache
 * folder so parallel builds (tests) never share Astro's content cache.
 */
export async function buildSite(opts: { siteData: string; outDir: string; cacheDir: string; profile: 'internal' | 'public' }): Promise<void> {
  process.env.ZS_SITE_DATA = opts.siteData;
  process.env.ZS_PROFILE = opts.profile;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await build({ root, outDir: opts.outDir, cacheDir: opts.cacheDir, logLevel: 'warn', mode: 'production' });
}

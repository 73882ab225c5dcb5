import { buildOnce, SAMPLE_INTERNAL, SAMPLE_PUBLIC } from '../helpers/buildOnce.ts';
import { XSS_BUILD } from './helpers/xssFixture.ts';

/**
 * vitest `globalSetup` of the browser tests: starts every site build the browser tests need at
 * once, in parallel, without waiting, so they overlap with the unit tests. Test files then find the
 * finished build (or wait for it) through the lock in `buildOnce`. The teardown waits for builds
 * still running, so no build outlives the run; a failed build is reported by the tests that need it.
 */
export default function setup(): () => Promise<void> {
  process.env.ZS_TEST_RUN_STARTED ??= String(Date.now());
  const builds = [SAMPLE_INTERNAL, SAMPLE_PUBLIC, XSS_BUILD].map((spec) => buildOnce(spec).catch(() => null));
  return async () => {
    await Promise.all(builds);
  };
}

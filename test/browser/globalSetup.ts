import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildKey, buildOnce, rebuildNotBefore, type PinnedBuild } from '../helpers/buildOnce.ts';
import { setUpBrowser } from './helpers/browserSetup.ts';
import { BROWSER_BUILDS } from './helpers/builds.ts';

/**
 * vitest `globalSetup` of the browser tests: starts every site build they need at once, in
 * parallel, without waiting, so the builds overlap with the unit tests; hands the build keys to the
 * test files (`inject('zsBuilds')`), so that a source file edited during the run does not make a
 * test file start a second build. Test files find the finished build (or wait for it) through the
 * lock in `buildOnce`. A failed build is reported by the tests that need it.
 *
 * It also finds the browser (`helpers/chromium.ts`): with none, as root on Debian/Ubuntu it starts
 * `apt-get install chromium fonts-noto-cjk` in the background (the test files wait for it in
 * `launchChromium`); elsewhere it stops the run with a message saying what to install.
 *
 * The teardown waits for builds and the install still running, so none outlives the run.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const browser = setUpBrowser();
  project.provide('zsBrowser', { executable: browser.executable, statusFile: browser.statusFile });
  const notBefore = rebuildNotBefore();
  const pinned: Record<string, PinnedBuild> = Object.fromEntries(
    BROWSER_BUILDS.map((spec) => [spec.name, { key: buildKey(spec), notBefore }]),
  );
  project.provide('zsBuilds', pinned);
  const builds = BROWSER_BUILDS.map((spec) => buildOnce(spec, pinned[spec.name]).catch(() => null));
  return async () => {
    await Promise.all([...builds, browser.done]);
    if (browser.statusFile) rmSync(browser.statusFile, { force: true });
  };
}

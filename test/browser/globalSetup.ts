import type { TestProject } from 'vitest/node';
import { buildKey, buildOnce, rebuildNotBefore, type PinnedBuild } from '../helpers/buildOnce.ts';
import { BROWSER_BUILDS } from './helpers/builds.ts';

/**
 * vitest `globalSetup` of the browser tests: starts every site build they need at once, in
 * parallel, without waiting, so the builds overlap with the unit tests; hands the build keys to the
 * test files (`inject('zsBuilds')`), so that a source file edited during the run does not make a
 * test file start a second build. Test files find the finished build (or wait for it) through the
 * lock in `buildOnce`. The teardown waits for builds still running, so none outlives the run; a
 * failed build is reported by the tests that need it.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const notBefore = rebuildNotBefore();
  const pinned: Record<string, PinnedBuild> = Object.fromEntries(
    BROWSER_BUILDS.map((spec) => [spec.name, { key: buildKey(spec), notBefore }]),
  );
  project.provide('zsBuilds', pinned);
  const builds = BROWSER_BUILDS.map((spec) => buildOnce(spec, pinned[spec.name]).catch(() => null));
  return async () => {
    await Promise.all(builds);
  };
}

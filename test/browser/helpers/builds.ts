import { inject } from 'vitest';
import {
  buildOnce,
  SAMPLE_INTERNAL,
  SAMPLE_PUBLIC,
  type BuildSpec,
  type PinnedBuild,
  type SiteBuild,
} from '../../helpers/buildOnce.ts';
import { XSS_BUILD } from './xssFixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Builds pinned by globalSetup when the run started, by build name. */
    zsBuilds?: Record<string, PinnedBuild>;
  }
}

/** Every build the browser tests use (globalSetup starts them all at once). */
export const BROWSER_BUILDS: readonly BuildSpec[] = [SAMPLE_INTERNAL, SAMPLE_PUBLIC, XSS_BUILD];

/** `buildOnce`, pinned to the build globalSetup started for this run when there is one. */
export function siteBuild(spec: BuildSpec): Promise<SiteBuild> {
  return buildOnce(spec, inject('zsBuilds')?.[spec.name]);
}

export { SAMPLE_INTERNAL, SAMPLE_PUBLIC, XSS_BUILD };

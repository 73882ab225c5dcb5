import { inject } from 'vitest';
import { buildOnce, SAMPLE_INTERNAL, SAMPLE_PUBLIC, type BuildSpec, type SiteBuild } from '../../helpers/buildOnce.ts';
import { XSS_BUILD } from './xssFixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Build keys computed by globalSetup when the run started, by build name. */
    zsBuildKeys?: Record<string, string>;
  }
}

/** Every build the browser tests use (globalSetup starts them all at once). */
export const BROWSER_BUILDS: readonly BuildSpec[] = [SAMPLE_INTERNAL, SAMPLE_PUBLIC, XSS_BUILD];

/** `buildOnce`, pinned to the key globalSetup computed for this run when there is one. */
export function siteBuild(spec: BuildSpec): Promise<SiteBuild> {
  return buildOnce(spec, inject('zsBuildKeys')?.[spec.name]);
}

export { SAMPLE_INTERNAL, SAMPLE_PUBLIC, XSS_BUILD };

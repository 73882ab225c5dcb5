import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the code that turns files into records: every source file under `src/` except the
 * presentation folders (pages, components, layouts, styles, site, charts), the lockfile (package
 * versions: papaparse, zod …) and the Node/V8 versions (the cache's serialisation format). Any
 * change to a reader, parser, schema or the pipeline gives new cache keys, so a cache entry can
 * never outlive the code that wrote it — nothing to bump by hand.
 */

const SRC = fileURLToPath(new URL('../', import.meta.url));
const PRESENTATION = new Set(['pages', 'components', 'layouts', 'styles', 'site', 'charts']);

let memo: string | null = null;

/** The fingerprint, computed once per process (a few milliseconds). */
export function codeFingerprint(): string {
  if (memo !== null) return memo;
  const h = createHash('sha256');
  h.update(`node ${process.versions.node} v8 ${process.versions.v8}\0`);
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (rel === '' && PRESENTATION.has(e.name)) continue;
        walk(path, r);
      } else if (e.isFile()) {
        h.update(`${r}\0`);
        h.update(readFileSync(path));
        h.update('\0');
      }
    }
  };
  walk(SRC, '');
  try {
    h.update(readFileSync(join(SRC, '..', 'package-lock.json')));
  } catch {
    h.update('no lockfile');
  }
  memo = h.digest('hex');
  return memo;
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering of `src/` (README, Design): a folder may import only the folders listed for it, so
 * the tree reads as the pipeline and the stage contract stays in `src/schemas/`. Pure layers
 * (schemas, normalize, metrics, charts) never touch the file system.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

const ALLOWED: Record<string, readonly string[]> = {
  schemas: [],
  normalize: ['schemas'],
  ingest: ['schemas', 'normalize'],
  metrics: ['schemas', 'normalize'],
  pipeline: ['schemas', 'normalize', 'ingest', 'metrics'],
  cli: ['schemas', 'normalize', 'ingest', 'metrics', 'pipeline', 'documents'],
  charts: ['schemas', 'metrics'],
  documents: ['schemas', 'metrics'],
  site: ['schemas', 'metrics', 'charts', 'documents'],
  components: ['site', 'charts', 'schemas', 'metrics', 'layouts', 'styles'],
  layouts: ['site', 'charts', 'schemas', 'metrics', 'components', 'styles'],
  pages: ['site', 'charts', 'schemas', 'metrics', 'components', 'layouts', 'styles', 'documents'],
};
const PURE = new Set(['schemas', 'normalize', 'metrics', 'charts']);
const FS_MODULES = /^(node:)?fs(\/promises)?$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of every static and dynamic import and re-export in a source text. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]!;

function violations(): string[] {
  const out: string[] = [];
  for (const file of files(SRC)) {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    if (!allowed) continue; // src/content.config.ts, src/styles
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const where = `${relative(SRC, file)} imports ${spec}`;
      if (PURE.has(layer) && FS_MODULES.test(spec)) out.push(`${where} (a pure layer must not touch files)`);
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const to = layerOf(target);
      if (to !== layer && !allowed.includes(to))
        out.push(`${where} (${layer} may import only ${allowed.join(', ') || 'itself'})`);
    }
  }
  return out;
}

describe('layers', () => {
  it('no layer imports a higher one, and pure layers never touch the file system', () => {
    expect(violations()).toEqual([]);
  });

  it('reads static, type-only, dynamic imports and re-exports', () => {
    const text = [
      "import { a } from '../pipeline/x.ts';",
      "import type { B } from '../cli/y.ts';",
      "export { c } from './z.ts';",
      "const m = await import('../site/w.ts');",
      "import 'node:fs';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../pipeline/x.ts', '../cli/y.ts', './z.ts', '../site/w.ts', 'node:fs']);
  });
});

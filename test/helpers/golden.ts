import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .sort()
    : [];

/**
 * Compares an output folder with `test/output/<name>`. On a mismatch it writes `<name>-changed`
 * beside it (review with a diff, then move it into place) and returns the differing files. A
 * missing golden folder is written once on a developer machine; under CI=true it is a failure.
 */
export function compareGolden(actualDir: string, name: string): string[] {
  const golden = join(import.meta.dirname, '..', 'output', name);
  const changed = `${golden}-changed`;
  rmSync(changed, { recursive: true, force: true });
  if (!existsSync(golden)) {
    if (process.env.CI === 'true') return [`golden folder test/output/${name} is missing`];
    copy(actualDir, golden);
    return [];
  }
  const a = files(actualDir);
  const g = files(golden);
  const diff = [...new Set([...a, ...g])].filter(
    (f) =>
      !existsSync(join(actualDir, f)) ||
      !existsSync(join(golden, f)) ||
      readFileSync(join(actualDir, f), 'utf8') !== readFileSync(join(golden, f), 'utf8'),
  );
  if (diff.length > 0) copy(actualDir, changed);
  return diff;
}

function copy(from: string, to: string): void {
  for (const f of files(from)) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    writeFileSync(join(to, f), readFileSync(join(from, f)));
  }
}

/**
 * `Math.max(...xs)`, `out.push(...xs)` and the like pass every element as a call argument; past
 * ~125 000 of them V8 throws "Maximum call stack size exceeded", which took the whole build down on
 * a large ledger. `src/metrics/arrays.ts` has the replacements; this keeps `src/` free of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
/** A call of one of these whose argument list holds a `...` spread (object and array literals are fine). */
const SPREAD_CALL =
  /(?:\.push|\.unshift|\.splice|\.concat|Math\.max|Math\.min|String\.fromCharCode|String\.fromCodePoint)\((?:[^(){}[\]]|\([^()]*\))*?\.\.\./;

test('no argument spread over data in src/', () => {
  const offenders: string[] = [];
  for (const e of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(ts|astro)$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trimStart().startsWith('*') && !line.trimStart().startsWith('//') && SPREAD_CALL.test(line))
          offenders.push(`${path.slice(SRC.length + 1)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});

test('the pattern finds what it is meant to find', () => {
  for (const bad of [
    'out.push(...rows)',
    'Math.max(1, ...xs.map((x) => x.v))',
    'Math.min(...a)',
    'list.unshift(...more)',
  ])
    expect(bad).toMatch(SPREAD_CALL);
  for (const ok of ['out.push({ ...at, row })', 'Math.max(a, b)', 'f([...xs])', 'issues.push({ severity, ...at })'])
    expect(ok).not.toMatch(SPREAD_CALL);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// package-lock.json is written by Node 22's own npm (10.9.9; README, Two commands): npm 11 adds
// `libc` fields that npm 10 removes again, so a lockfile touched by npm 11 leaves a dirty
// `git status` after `npm install` on the project's npm. Rewrite it with
// `npx -y npm@10.9.9 install --no-audit --no-fund`.
describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
    packages: Record<string, { libc?: unknown; optional?: boolean }>;
  };
  it('has no libc fields (written by npm 10, not 11)', () => {
    expect(
      Object.entries(lock.packages)
        .filter(([, p]) => p.libc !== undefined)
        .map(([k]) => k),
    ).toEqual([]);
  });
  it("lists every platform's Astro compiler binding, so npm ci works on Windows and macOS too", () => {
    const bindings = Object.keys(lock.packages).filter((k) => k.includes('@astrojs/compiler-binding-'));
    for (const p of ['win32-x64-msvc', 'darwin-arm64', 'darwin-x64', 'linux-x64-gnu'])
      expect(
        bindings.some((b) => b.endsWith(p)),
        p,
      ).toBe(true);
  });
});

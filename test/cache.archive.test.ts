import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDataFolder } from '../src/pipeline/scanDataFolder.ts';
import { encodeEntry, openCache } from '../src/pipeline/cache.ts';

/**
 * The cache never changes an output byte (issue 10), with the real CLI and the sample generator
 * at `--scale 0.3`:
 *
 * - a build without cache, a warm build (the cache filled by the build up to 2025-09, then
 *   2025-10 added) and two cold builds running at the same time on one fresh cache give
 *   byte-identical sites, reports and console output;
 * - the warm build took the earlier months from the cache (only 2025-10's files were read);
 * - a cache whose entries are truncated, corrupted or foreign is ignored and rewritten, and the
 *   report is still the same.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const SCALE = '0.3';
let WORK = '';

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, args, {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}
async function runOk(args: string[]): Promise<string> {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`node ${args.join(' ')} exited ${r.code}:\n${r.out.slice(-4000)}`);
  return r.out;
}
const generate = (to: string) =>
  runOk(['scripts/generate-sample.ts', '--out', join(WORK, `data-${to}`), '--to', to, '--scale', SCALE, '--quiet']);
/** A build of `data` into `name/` (site in `name/dist`, report in `name/report.json`); returns its console output. */
const build = async (data: string, name: string, cache: string[]) => {
  const out = await runOk([
    'scripts/build.ts',
    '--data',
    join(WORK, data),
    '--out',
    join(WORK, name, 'dist'),
    '--report',
    join(WORK, name, 'report.json'),
    ...cache,
  ]);
  // The output folder is named in the console output; nothing else may differ.
  return out.replaceAll(join(WORK, name), '<out>');
};

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
/** Files that differ between two folders (or exist in one only). */
function differing(a: string, b: string): string[] {
  const fa = files(a);
  const fb = files(b);
  const all = [...new Set([...fa, ...fb])].sort();
  return all.filter((p) => {
    if (!existsSync(join(a, p)) || !existsSync(join(b, p))) return true;
    return !readFileSync(join(a, p)).equals(readFileSync(join(b, p)));
  });
}
const entries = (cache: string) =>
  files(cache).filter((p) => /(^|\/)v1\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p.split('\\').join('/')));

const logs: Record<string, string> = {};
const inodes = new Map<string, number>();

describe('cold, warm and concurrent builds give the same bytes (CLI, sample zone at --scale 0.3)', () => {
  beforeAll(async () => {
    mkdirSync(resolve(ROOT, '.zs'), { recursive: true });
    WORK = mkdtempSync(resolve(ROOT, '.zs/cache-test-'));
    await Promise.all([generate('2025-09'), generate('2025-10')]);
    const warmCache = ['--cache', join(WORK, 'cache-warm')];
    const sharedCache = ['--cache', join(WORK, 'cache-shared')];
    // Round 0, alone (the first Astro build of a fresh checkout sets up Vite's shared dependency
    // folder, which parallel first builds would race for): no cache.
    logs.none = await build('data-2025-10', 'none', ['--no-cache']);
    // Round 1: the month before (fills the warm cache); two cold builds on one fresh cache at once.
    [logs.before, logs.a, logs.b] = await Promise.all([
      build('data-2025-09', 'before', warmCache),
      build('data-2025-10', 'cold-a', sharedCache),
      build('data-2025-10', 'cold-b', sharedCache),
    ]);
    for (const p of entries(join(WORK, 'cache-warm'))) inodes.set(p, statSync(join(WORK, 'cache-warm', p)).ino);
    // Round 2: the warm build, with 2025-10 added.
    logs.warm = await build('data-2025-10', 'warm', warmCache);
  }, 900_000);

  afterAll(() => {
    if (WORK) rmSync(WORK, { recursive: true, force: true });
  });

  it('a warm build after adding a month writes the same site and report as a build without cache', () => {
    expect(files(join(WORK, 'none', 'dist')).length).toBeGreaterThan(100);
    expect(differing(join(WORK, 'none'), join(WORK, 'warm'))).toEqual([]);
  });

  it('two cold builds at once on one cache: both the same as without cache', () => {
    expect(differing(join(WORK, 'none'), join(WORK, 'cold-a'))).toEqual([]);
    expect(differing(join(WORK, 'none'), join(WORK, 'cold-b'))).toEqual([]);
    expect(entries(join(WORK, 'cache-shared')).length).toBeGreaterThan(50);
    expect(files(join(WORK, 'cache-shared')).filter((p) => p.includes('.tmp-'))).toEqual([]);
  });

  it('the console output is the same too (progress lines, every issue, the summary)', () => {
    expect(logs.none!.split('\n').length).toBeGreaterThan(100);
    expect(logs.warm).toBe(logs.none);
    expect(logs.a).toBe(logs.none);
  });

  it('the warm build read only the new month: no earlier entry rewritten, one new entry per new file and period', () => {
    const dir = join(WORK, 'cache-warm');
    const after = entries(dir);
    // A rewrite renames a new file into place (new inode); a hit only touches the entry. The one
    // entry rewritten is the row memo each build keeps after its latest month (for the next month).
    const rewritten = [...inodes].filter(([p, ino]) => statSync(join(dir, p)).ino !== ino).map(([p]) => p);
    expect(rewritten).toHaveLength(1);
    expect(openCache(dir).get(rewritten[0]!.split('/').pop()!)).toBeInstanceOf(Map);
    const added = after.filter((p) => !inodes.has(p));
    const folder = scanDataFolder(join(WORK, 'data-2025-10'));
    const october = folder.snapshots.find((s) => s.period === '2025-10')!;
    expect(october.files.length).toBeGreaterThan(3);
    // October's dated mid-month folder (read for the weekly 调度) arrived with it
    const dated = folder.dated.filter((d) => d.period === '2025-10').flatMap((d) => d.files);
    expect(dated.length).toBeGreaterThan(3);
    // their files; the month's figures; the 调度 sheets of 10-15 and 10-31; the projects after October
    expect(added).toHaveLength(october.files.length + dated.length + 1 + 2 + 1);
    // The full build's cache holds the same entries, but for the projects after 2025-08 (each build
    // keeps the projects after its last two months).
    const shared = new Set(entries(join(WORK, 'cache-shared')));
    expect(after.filter((p) => !shared.has(p))).toHaveLength(1);
    expect([...shared].filter((p) => !after.includes(p))).toEqual([]);
  });

  it('truncated, corrupt and foreign entries are ignored and rewritten; the report is unchanged', async () => {
    const dir = join(WORK, 'cache-shared');
    const list = entries(dir);
    list.forEach((p, i) => {
      const path = join(dir, p);
      if (i % 3 === 0) truncateSync(path, Math.floor(statSync(path).size / 2));
      else if (i % 3 === 1) {
        const b = readFileSync(path);
        b[b.length - 1] = b[b.length - 1]! ^ 0xff;
        writeFileSync(path, b);
      } else writeFileSync(path, encodeEntry(list[(i + 1) % list.length]!.split('/').pop()!, { foreign: true }));
    });
    await runOk([
      'scripts/check.ts',
      '--data',
      join(WORK, 'data-2025-10'),
      '--report',
      join(WORK, 'again', 'report.json'),
      '--cache',
      dir,
    ]).catch((e: Error) => {
      // `check` exits 1 when rows are rejected (the sample zone has bad rows on purpose).
      if (!/exited 1:/.test(e.message)) throw e;
    });
    expect(readFileSync(join(WORK, 'again', 'report.json'))).toEqual(readFileSync(join(WORK, 'none', 'report.json')));
    const cache = openCache(dir);
    for (const p of entries(dir)) expect(cache.get(p.split('/').pop()!), p).not.toBeUndefined();
    expect(cache.stats.rejected).toBe(0);
  }, 300_000);
});

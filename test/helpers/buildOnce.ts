import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds a site with the real CLI (`node scripts/build.ts …`) once, and shares the result between
 * test files and vitest forks.
 *
 * A build lives in `.zs/test-builds/<name>-<key>/` (`dist/`, `report.json`, `build.log`,
 * `done.json`; `.zs/` is gitignored, and being on the project's disk the CLI's final move of its
 * staging folder is a rename). The key hashes everything the build reads: `src/`, `scripts/`,
 * `public/`, the Astro and TypeScript configs, `package-lock.json`, the data folder (or the fixture
 * generator's source) and the Node version. The first process to ask takes a lock (`<entry>.lock`, an atomic mkdir
 * holding its pid) and builds; the others wait for `done.json`. An unchanged work tree therefore
 * reuses the last build, and a lock whose owner died is taken over.
 *
 * `test/browser/globalSetup.ts` starts every build at the start of the run so they overlap with
 * other tests, and hands the keys to the test files (`test/browser/helpers/builds.ts`); without it
 * each test file builds (or waits) on first use.
 *
 * Environment:
 * - `ZS_TEST_REBUILD=1` ignores builds finished before the run (or, without globalSetup, before
 *   the test file's process) started, and builds again.
 * - `ZS_TEST_DIST_<NAME>` (e.g. `ZS_TEST_DIST_SAMPLE_INTERNAL=/tmp/x/dist`) tests an existing dist
 *   folder instead of building (for a hand-made site, or a dist someone wants checked).
 * - `ZS_TEST_DATA` replaces the sample data folder (default `data/`). When the folder has no
 *   `ledgers/`, the sample zone is generated into the build's own folder with
 *   `scripts/generate-sample.ts --out` (byte-identical output, so the key stays the same).
 * - `ZS_TEST_BUILD_CACHE` moves the cache folder.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSpec {
  /** Lower-case, `[a-z0-9-]`: names the cache entry and the `ZS_TEST_DIST_<NAME>` override. */
  name: string;
  profile: 'internal' | 'public';
  /** A data folder (relative to the repository root), or a generator that writes one. */
  data: string | { sourceFiles: string[]; write: (dir: string) => Promise<void> };
}

export interface SiteBuild {
  name: string;
  /** Absolute path of the built site. */
  dist: string;
  /** Absolute path of the `--report` JSON (null for a `ZS_TEST_DIST_*` override without one). */
  report: string | null;
  /** The data folder the site was built from. */
  data: string | null;
  /** Build log (stdout and stderr of the CLI). */
  log: string | null;
  seconds: number;
  /** True when this call found a finished build instead of running one. */
  cached: boolean;
}

export const SAMPLE_INTERNAL: BuildSpec = {
  name: 'sample-internal',
  profile: 'internal',
  data: process.env.ZS_TEST_DATA ?? 'data',
};
export const SAMPLE_PUBLIC: BuildSpec = {
  name: 'sample-public',
  profile: 'public',
  data: process.env.ZS_TEST_DATA ?? 'data',
};

const BUILD_TIMEOUT_MS = 10 * 60_000;
/** A failed build is reported again (not retried) for this long, so one run fails once, fast. */
const FAILURE_TTL_MS = 10 * 60_000;

const inProcess = new Map<string, Promise<SiteBuild>>();

export function cacheRoot(): string {
  return resolve(REPO_ROOT, process.env.ZS_TEST_BUILD_CACHE ?? '.zs/test-builds');
}

/** A build pinned by globalSetup: the key computed when the run started, and the oldest finished build it accepts. */
export interface PinnedBuild {
  key: string;
  notBefore: number;
}

/**
 * Builds `spec` (or waits for the process that is building it) and returns where the site is.
 * `pinned` comes from globalSetup (through `inject`), so that a source file edited during the run
 * does not make a test file start a second build.
 */
export function buildOnce(spec: BuildSpec, pinned?: PinnedBuild): Promise<SiteBuild> {
  let p = inProcess.get(spec.name);
  if (!p) {
    p = buildOrWait(spec, pinned);
    inProcess.set(spec.name, p);
  }
  return p;
}

/** The oldest finished build to accept: with `ZS_TEST_REBUILD=1`, none from before this process started. */
export function rebuildNotBefore(): number {
  return process.env.ZS_TEST_REBUILD === '1' ? Date.now() - process.uptime() * 1000 : 0;
}

function overrideFor(spec: BuildSpec): string | undefined {
  return process.env[`ZS_TEST_DIST_${spec.name.toUpperCase().replace(/-/g, '_')}`];
}

export function buildKey(spec: BuildSpec): string {
  const h = createHash('sha256');
  h.update(`node ${process.versions.node}\0profile ${spec.profile}\0`);
  const inputs = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'].map((p) =>
    join(REPO_ROOT, p),
  );
  if (typeof spec.data === 'string') inputs.push(resolve(REPO_ROOT, spec.data));
  else inputs.push(...spec.data.sourceFiles);
  for (const input of inputs) hashTree(h, input);
  return h.digest('hex').slice(0, 16);
}

function hashTree(h: ReturnType<typeof createHash>, path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    h.update(`missing ${path}\0`);
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name === '.astro' || name.startsWith('~$')) continue;
      hashTree(h, join(path, name));
    }
  } else if (st.isFile()) {
    h.update(`${relative(REPO_ROOT, path)}\0${st.size}\0`);
    h.update(readFileSync(path));
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface DoneMarker {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  finishedAt: number;
  message?: string;
}

async function buildOrWait(spec: BuildSpec, pinned?: PinnedBuild): Promise<SiteBuild> {
  const override = overrideFor(spec);
  if (override) {
    const dist = resolve(override);
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`${spec.name}: ${dist}/index.html does not exist (from ZS_TEST_DIST_*)`);
    const report = join(dist, '..', 'report.json');
    return {
      name: spec.name,
      dist,
      report: existsSync(report) ? report : null,
      data: null,
      log: null,
      seconds: 0,
      cached: true,
    };
  }
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const key = pinned?.key ?? buildKey(spec);
  const entry = join(root, `${spec.name}-${key}`);
  const lock = `${entry}.lock`;
  pruneOldEntries(root, spec.name, entry);
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 60_000;
  const notBefore = pinned?.notBefore ?? rebuildNotBefore();

  for (;;) {
    const marker = readMarker(entry);
    if (marker && marker.finishedAt >= notBefore) {
      if (marker.ok) return result(spec, entry, marker, true);
      if (Date.now() - marker.finishedAt < FAILURE_TTL_MS) throw buildError(spec, entry, marker);
    }
    let owner = false;
    try {
      mkdirSync(lock);
      owner = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (owner) {
      try {
        writeFileSync(join(lock, 'pid'), String(process.pid));
        // Another process may have finished between our marker check and the mkdir.
        const again = readMarker(entry);
        if (again?.ok && again.finishedAt >= notBefore) return result(spec, entry, again, true);
        const done = await runBuild(spec, entry);
        if (!done.ok) throw buildError(spec, entry, done);
        return result(spec, entry, done, false);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    // Someone else holds the lock: wait for its marker, or take over if it died.
    const pid = Number(readFileSafe(join(lock, 'pid')));
    const lockAge = Date.now() - (statSafe(lock)?.mtimeMs ?? Date.now());
    if ((pid && !pidAlive(pid)) || (!pid && lockAge > 10_000)) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline)
      throw new Error(`${spec.name}: gave up waiting for the build in ${entry} (lock ${lock} held by pid ${pid})`);
    await sleep(300);
  }
}

function result(spec: BuildSpec, entry: string, marker: DoneMarker, cached: boolean): SiteBuild {
  // Mark the entry as in use, so that no other run prunes it while this one reads it.
  const now = new Date();
  utimesSync(entry, now, now);
  return {
    name: spec.name,
    dist: join(entry, 'dist'),
    report: join(entry, 'report.json'),
    data: typeof spec.data === 'string' ? resolve(REPO_ROOT, spec.data) : join(entry, 'data'),
    log: readFileSafe(join(entry, 'build.log')),
    seconds: marker.seconds,
    cached,
  };
}

function buildError(spec: BuildSpec, entry: string, marker: DoneMarker): Error {
  const log = readFileSafe(join(entry, 'build.log')) ?? '';
  // Last lines without colours and stack frames: the message, not the trace.
  const tail = log
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .slice(-40)
    .join('\n');
  return new Error(
    `Build "${spec.name}" failed (${marker.message ?? `exit code ${marker.exitCode}`}); full log: ${join(entry, 'build.log')}\n--- last lines ---\n${tail}`,
  );
}

function readMarker(entry: string): DoneMarker | null {
  const text = readFileSafe(join(entry, 'done.json'));
  if (!text) return null;
  try {
    return JSON.parse(text) as DoneMarker;
  } catch {
    return null;
  }
}

function readFileSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Removes this spec's builds of other keys unused for an hour, and anything unused for a day,
 * unless locked. (Other runs, e.g. a colleague's `npx vitest run` on the same machine, may be
 * reading a build of another key: using a build touches it.)
 */
function pruneOldEntries(root: string, name: string, keep: string): void {
  for (const e of readdirSync(root)) {
    const path = join(root, e);
    if (path === keep || e.endsWith('.lock') || existsSync(`${path}.lock`)) continue;
    const st = statSafe(path);
    if (!st) continue;
    const ageMs = Date.now() - st.mtimeMs;
    const sameName = e.startsWith(`${name}-`) && /^[0-9a-f]{16}$/.test(e.slice(name.length + 1));
    if ((sameName && ageMs > 3600_000) || ageMs > 24 * 3600_000) rmSync(path, { recursive: true, force: true });
  }
}

function nodeBinary(): string {
  const local = join(REPO_ROOT, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

async function runBuild(spec: BuildSpec, entry: string): Promise<DoneMarker> {
  const started = Date.now();
  rmSync(entry, { recursive: true, force: true });
  mkdirSync(entry, { recursive: true });
  const logPath = join(entry, 'build.log');
  const finish = (m: Omit<DoneMarker, 'seconds' | 'finishedAt'>): DoneMarker => {
    const marker = { ...m, seconds: Math.round((Date.now() - started) / 100) / 10, finishedAt: Date.now() };
    writeFileSync(join(entry, 'done.json'), JSON.stringify(marker) + '\n');
    return marker;
  };

  let dataDir: string;
  if (typeof spec.data === 'string') {
    dataDir = resolve(REPO_ROOT, spec.data);
    if (!existsSync(join(dataDir, 'ledgers'))) {
      const generator = join(REPO_ROOT, 'scripts', 'generate-sample.ts');
      if (!existsSync(generator)) {
        writeFileSync(logPath, `No ledgers/ folder in ${dataDir} and no ${generator} to make the sample zone.\n`);
        return finish({ ok: false, exitCode: null, message: `no sample data in ${dataDir}` });
      }
      dataDir = join(entry, 'data');
      const code = await run([generator, '--out', dataDir, '--quiet'], logPath, 'w');
      if (code !== 0) return finish({ ok: false, exitCode: code, message: `generate-sample.ts exited with ${code}` });
    }
  } else {
    dataDir = join(entry, 'data');
    mkdirSync(dataDir, { recursive: true });
    try {
      await spec.data.write(dataDir);
    } catch (e) {
      writeFileSync(logPath, `Writing the fixture data failed:\n${(e as Error).stack ?? e}\n`);
      return finish({ ok: false, exitCode: null, message: 'fixture generator threw' });
    }
  }

  const args = [
    join(REPO_ROOT, 'scripts', 'build.ts'),
    '--data',
    dataDir,
    '--out',
    join(entry, 'dist'),
    '--report',
    join(entry, 'report.json'),
    '--profile',
    spec.profile,
  ];
  const exitCode = await run(args, logPath, existsSync(logPath) ? 'a' : 'w');
  if (exitCode !== 0)
    return finish({ ok: false, exitCode, message: exitCode === null ? 'killed (timeout)' : `exit code ${exitCode}` });
  if (!existsSync(join(entry, 'dist', 'index.html')))
    return finish({ ok: false, exitCode, message: 'exit code 0 but no dist/index.html' });
  return finish({ ok: true, exitCode });
}

/** Runs a Node script of the repository (cwd = repository root), output to `logPath`; resolves to the exit code. */
async function run(args: string[], logPath: string, flags: 'w' | 'a'): Promise<number | null> {
  const fd = openSync(logPath, flags);
  try {
    writeFileSync(fd, `$ ${nodeBinary()} ${args.join(' ')}\n`);
    return await new Promise<number | null>((ok, fail) => {
      const child = spawn(nodeBinary(), args, {
        cwd: REPO_ROOT,
        stdio: ['ignore', fd, fd],
        env: { ...process.env, TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
      child.on('error', fail);
      child.on('exit', (code) => {
        clearTimeout(timer);
        ok(code);
      });
    });
  } finally {
    closeSync(fd);
  }
}

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../helpers/buildOnce.ts';
import { canAptInstall, DEBIAN_PACKAGES, findBrowser, hasCjkFont, missingMessage } from './chromium.ts';

/** What globalSetup hands the test files (`inject('zsBrowser')`). */
export interface ProvidedBrowser {
  /** The executable to launch (once `statusFile` says the install is done, when there is one). */
  executable: string;
  /** JSON file written when a background `apt-get install` ends: `{ ok, message }`; null when nothing is installed. */
  statusFile: string | null;
}

export interface BrowserSetup extends ProvidedBrowser {
  /** Resolves when the install (if any) has ended and its status file is written; never rejects. */
  done: Promise<void>;
}

/**
 * Finds the browser, or starts installing it: when there is no browser (or no Chinese font on
 * Linux) and this is root on Debian/Ubuntu, runs `apt-get update` and `apt-get install chromium
 * fonts-noto-cjk` (only the missing ones) in the background, says so in one line, and returns at
 * once, so the install overlaps with the builds and the unit tests. Otherwise throws the message
 * saying what to install.
 */
export function setUpBrowser(): BrowserSetup {
  const found = findBrowser();
  const font = hasCjkFont();
  if (found && font) return { executable: found, statusFile: null, done: Promise.resolve() };
  if (!canAptInstall()) {
    const error = new Error(missingMessage({ browser: !found, font: !font }, process.platform, process.env));
    error.stack = `Error: ${error.message}`; // what to install, without a stack trace around it
    throw error;
  }

  const packages = DEBIAN_PACKAGES.filter((p) => (p === 'chromium' ? !found : !font));
  const executable = found ?? '/usr/bin/chromium';
  const dir = join(REPO_ROOT, '.zs');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'browser-install.log');
  const statusFile = join(dir, `browser-install-${process.pid}.json`);
  rmSync(statusFile, { force: true });
  console.log(
    `[browser tests] installing ${packages.join(' ')} from Debian with apt-get (root, ${found ? 'no Chinese font' : 'no browser found'}); log: ${relative(REPO_ROOT, log)}`,
  );
  const done = aptInstall(packages, log).then(
    () => {
      const missing = !existsSync(executable) ? `${executable} still missing` : !hasCjkFont() ? 'no Chinese font' : '';
      return missing
        ? { ok: false, message: `apt-get install ${packages.join(' ')} ended but ${missing}` }
        : { ok: true };
    },
    (e: Error) => ({ ok: false, message: e.message }),
  );
  return {
    executable,
    statusFile,
    done: done.then((status) => {
      const tail = status.ok
        ? ''
        : `\n--- ${log} (last lines):\n${readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')}`;
      // Written whole, then renamed: a test process polling for it never reads half a file.
      writeFileSync(`${statusFile}.tmp`, JSON.stringify({ ok: status.ok, message: (status.message ?? '') + tail }));
      renameSync(`${statusFile}.tmp`, statusFile);
    }),
  };
}

function run(cmd: string, args: string[], logFd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** `apt-get update` and `apt-get install -y --no-install-recommends <packages>`, output to `log` (waits up to 5 min for the dpkg lock). */
export async function aptInstall(packages: string[], log: string): Promise<void> {
  const fd = openSync(log, 'w');
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    await run('apt-get', ['update', '-q', ...wait], fd);
    await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...wait, ...packages], fd);
  } finally {
    closeSync(fd);
  }
}

/** Waits (in a test process) until the status file of a background install exists; throws when the install failed. */
export async function waitForInstall(statusFile: string, timeoutMs = 9 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(statusFile)) {
    if (Date.now() > deadline) throw new Error(`browser install still running after ${timeoutMs / 60_000} min`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  const status = JSON.parse(readFileSync(statusFile, 'utf8')) as { ok: boolean; message: string };
  if (!status.ok) throw new Error(`installing the browser for the tests failed: ${status.message}`);
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/**
 * Where the browser tests find a Chromium-based browser, and what to do when there is none.
 *
 * Order: `CHROME_PATH` when set (it must exist), then the usual places of Debian's Chromium, Google
 * Chrome and Microsoft Edge on the platform (`browserCandidates`). Playwright never downloads a
 * browser here (this machine reaches no download server).
 */

/** Environment variables the candidates read; Windows' names are matched case-insensitively. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Debian packages the browser tests need on Linux: the browser, and CJK fonts so Chinese does not print as boxes. */
export const DEBIAN_PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;

function envValue(env: Env, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value ? value : undefined;
}

/**
 * The executables to try, best first, for `platform` (a `process.platform` value) and `env`:
 * Chromium, then Chrome, then Edge. Pure: it only builds paths.
 * - win32: Chrome, Edge and Chromium under `%ProgramFiles%`, `%ProgramFiles(x86)%` and
 *   `%LOCALAPPDATA%` (per-user installs), with the default folders when the variables are unset;
 * - darwin: the `.app` bundles in `/Applications` and `~/Applications`;
 * - linux (and other Unix): `/usr/bin/chromium` (Debian), `chromium-browser` (Ubuntu, Fedora),
 *   `google-chrome`, `microsoft-edge`, and the snap.
 */
export function browserCandidates(platform: string, env: Env): string[] {
  if (platform === 'win32') {
    const roots = [
      envValue(env, 'ProgramFiles') ?? 'C:\\Program Files',
      envValue(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
      envValue(env, 'LOCALAPPDATA'),
    ].filter((r): r is string => r !== undefined);
    const apps = [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return [...new Set(apps.flatMap((app) => roots.map((root) => win32.join(root, ...app))))];
  }
  if (platform === 'darwin') {
    const bundles = [
      ['Chromium.app', 'Chromium'],
      ['Google Chrome.app', 'Google Chrome'],
      ['Microsoft Edge.app', 'Microsoft Edge'],
    ];
    const dirs = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return bundles.flatMap(([app, exe]) => dirs.map((dir) => posix.join(dir, app!, 'Contents', 'MacOS', exe!)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

/** The browser to launch, or null when none of the candidates exists. Throws when `CHROME_PATH` names a missing file. */
export function findBrowser(
  platform: string = process.platform,
  env: Env = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const explicit = env.CHROME_PATH;
  if (explicit) {
    if (!exists(explicit))
      throw new Error(`CHROME_PATH=${explicit}: no such file (unset it to search the usual places)`);
    return explicit;
  }
  return browserCandidates(platform, env).find(exists) ?? null;
}

/** Whether fontconfig knows a Chinese font (Linux; Windows and macOS always have one). */
export function hasCjkFont(platform: string = process.platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .some((l) => l.trim() !== '');
  } catch {
    return false;
  }
}

/** Whether this process may install Debian packages itself: root on Debian or Ubuntu, with apt-get. */
export function canAptInstall(): boolean {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    existsSync('/usr/bin/apt-get')
  );
}

/**
 * What to tell a person whose machine lacks what the browser tests need (`what.browser`: no
 * browser; `what.font`: no Chinese font), per platform, saying exactly what to install.
 */
export function missingMessage(
  what: { browser: boolean; font: boolean },
  platform: string,
  env: Env,
  debian: boolean = existsSync('/etc/debian_version'),
): string {
  const lines = ['The browser tests (vitest project "browser") cannot run:'];
  if (what.browser) {
    lines.push(
      '  no Chromium, Google Chrome or Microsoft Edge found. Looked for:',
      ...browserCandidates(platform, env).map((p) => `    ${p}`),
    );
  }
  if (what.font) lines.push('  no Chinese font (fc-list :lang=zh is empty), so printed pages would show boxes.');
  if (platform === 'win32' || platform === 'darwin') {
    lines.push('Install Google Chrome or Microsoft Edge, or set CHROME_PATH to the browser executable.');
  } else if (debian) {
    const pkgs = [...(what.browser ? ['chromium'] : []), ...(what.font ? ['fonts-noto-cjk'] : [])].join(' ');
    lines.push(
      `Install: sudo apt-get install -y ${pkgs}`,
      '(npm test run as root installs them itself), or set CHROME_PATH to a Chromium-based browser.',
    );
  } else {
    lines.push(
      'Install Chromium or Google Chrome and a Chinese font (Noto Sans CJK) with the system package manager,',
      'or set CHROME_PATH to a Chromium-based browser.',
    );
  }
  lines.push('Only the unit tests: npx vitest run --project unit');
  return lines.join('\n');
}

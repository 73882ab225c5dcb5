import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../helpers/buildOnce.ts';
import { aptInstall } from './browserSetup.ts';
import { canAptInstall, type Env, hasCjkFont } from './chromium.ts';

/**
 * LibreOffice for the document tests: a .docx converted to PDF as a user's Word or WPS would lay
 * it out (`soffice --headless --convert-to pdf`). Found at `SOFFICE_PATH` or the usual places;
 * when missing and this is root on Debian/Ubuntu, `libreoffice-writer-nogui` (and `fonts-noto-cjk`
 * without a Chinese font) is installed with apt-get, like the browser.
 */

/** Debian packages: Writer without the GUI, and CJK fonts so Chinese is not drawn as boxes. */
export const LIBREOFFICE_PACKAGES = ['libreoffice-writer-nogui', 'fonts-noto-cjk'] as const;

/** The executables to try, best first. Pure. */
export function sofficeCandidates(platform: string, env: Env): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'];
    return roots.map((r) => `${r}\\LibreOffice\\program\\soffice.exe`);
  }
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', '/snap/bin/libreoffice'];
}

/** `SOFFICE_PATH` (must exist), else the first candidate that exists, else null. */
export function findSoffice(
  platform: string = process.platform,
  env: Env = process.env,
  exists: (p: string) => boolean = existsSync,
): string | null {
  if (env.SOFFICE_PATH) {
    if (!exists(env.SOFFICE_PATH)) throw new Error(`SOFFICE_PATH=${env.SOFFICE_PATH}: no such file`);
    return env.SOFFICE_PATH;
  }
  return sofficeCandidates(platform, env).find(exists) ?? null;
}

/** The soffice to run, installing it first when missing and allowed; throws saying what to install. */
export async function ensureSoffice(): Promise<string> {
  const found = findSoffice();
  if (found && hasCjkFont()) return found;
  if (!canAptInstall())
    throw new Error(
      `The document tests need LibreOffice and a Chinese font: ${found ? 'no Chinese font (fc-list :lang=zh is empty)' : 'no soffice found (or set SOFFICE_PATH)'}. ` +
        `On Debian/Ubuntu: sudo apt-get install -y ${LIBREOFFICE_PACKAGES.join(' ')}`,
    );
  const packages = LIBREOFFICE_PACKAGES.filter((p) => (p === 'fonts-noto-cjk' ? !hasCjkFont() : !found));
  mkdirSync(join(REPO_ROOT, '.zs'), { recursive: true });
  const log = join(REPO_ROOT, '.zs', 'libreoffice-install.log');
  console.log(
    `[document tests] installing ${packages.join(' ')} with apt-get (root); log: .zs/libreoffice-install.log`,
  );
  await aptInstall(packages, log);
  const now = findSoffice();
  if (!now) throw new Error(`apt-get install ${packages.join(' ')} ended but soffice is still missing (see ${log})`);
  return now;
}

/**
 * Converts `file` (a .docx) to PDF in `outDir` with a private LibreOffice profile (so parallel
 * runs do not share one); returns the PDF's path.
 */
export async function convertToPdf(soffice: string, file: string, outDir: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'zs-soffice-'));
  try {
    await new Promise<void>((ok, fail) =>
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          file,
        ],
        { timeout: 180_000 },
        (e, _out, err) => (e ? fail(new Error(`soffice failed: ${e.message}\n${err}`)) : ok()),
      ),
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(file).replace(/\.docx$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`soffice wrote no ${pdf}`);
  return pdf;
}

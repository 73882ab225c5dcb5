import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { waitForInstall, type ProvidedBrowser } from './browserSetup.ts';
import { findBrowser, hasCjkFont, missingMessage } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser globalSetup found or is installing (test/browser/globalSetup.ts). */
    zsBrowser?: ProvidedBrowser;
  }
}

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps dialling
 * Google's hosts (refused here, and the site must not need a network anyway). `--no-sandbox`:
 * Chromium's sandbox refuses to start as root (Playwright adds it by default too).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The browser's executable: the one globalSetup found (waiting for its install), else found here. */
async function executable(): Promise<string> {
  const provided = inject('zsBrowser');
  if (provided) {
    if (provided.statusFile) await waitForInstall(provided.statusFile);
    return provided.executable;
  }
  const found = findBrowser();
  if (!found) throw new Error(missingMessage({ browser: true, font: !hasCjkFont() }, process.platform, process.env));
  return found;
}

/** Launches headless Chromium (or Chrome, or Edge: see helpers/chromium.ts) through playwright-core. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await executable(), headless: true, args: [...CHROMIUM_ARGS] });
}

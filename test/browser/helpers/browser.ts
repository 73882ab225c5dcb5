import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium fonts-noto-cjk`; `.ci/run` installs it). Playwright
 * never downloads a browser here. The background-networking flags keep Chromium from dialling out:
 * this machine has no network, and the site must not need one.
 */
export const CHROMIUM = process.env.ZS_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: browser tests need Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk poppler-utils; .ci/run does this)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const BULLETIN = /^bulletins\/(\d{4}-\d{2})\.html$/;

/** `bulletins/YYYY-MM.html` of the latest period in a dist folder, or null when there is none. */
export function latestBulletin(dist: string): string | null {
  const all = listFiles(dist).filter((f) => BULLETIN.test(f));
  return all.length ? all[all.length - 1]! : null;
}

/** `/favicon.ico` at an http origin's root: Chromium asks for it when a page declares no icon (the crawl reports such pages). */
export const isRootFavicon = (u: string): boolean => /^https?:\/\/[^/]+\/favicon\.ico$/.test(u);

/**
 * Console errors, uncaught exceptions, dialogs, failed requests and requests other than the
 * allowed ones, on one page (the automatic root favicon request aside, see `isRootFavicon`).
 */
export function watchPage(page: Page, allowRequest: (url: string) => boolean): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !isRootFavicon(m.location().url))
      problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    if (!allowRequest(r.url()) && !isRootFavicon(r.url()))
      problems.push(`request not allowed from ${page.url()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (!isRootFavicon(r.url()))
      problems.push(`request failed from ${page.url()}: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !isRootFavicon(r.url())) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`${d.type()} dialog on ${page.url()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  return { problems };
}

/**
 * Types `query` into the search box of the current page and waits until the page shows more
 * occurrences of it than before (the results). Presses Enter if typing alone shows nothing.
 * Returns the number of new occurrences (0 when none appeared).
 */
export async function searchFor(page: Page, query: string): Promise<number> {
  const box = page
    .locator('input[type=search], main input[type=text], input[name=q], input:not([type])')
    .filter({ visible: true })
    .first();
  await box.waitFor({ state: 'visible', timeout: 5000 });
  const count = () =>
    page.evaluate((q) => {
      const t = document.body.innerText;
      return t.split(q).length - 1;
    }, query);
  const before = await count();
  await box.click();
  await box.pressSequentially(query, { delay: 10 });
  const grew = async (ms: number) => {
    try {
      await page.waitForFunction(
        ([q, n]) => document.body.innerText.split(q as string).length - 1 > (n as number),
        [query, before] as const,
        { timeout: ms },
      );
      return true;
    } catch {
      return false;
    }
  };
  if (!(await grew(3000))) {
    await box.press('Enter');
    await page.waitForLoadState('load');
    if (!(await grew(3000))) return 0;
  }
  return (await count()) - before;
}

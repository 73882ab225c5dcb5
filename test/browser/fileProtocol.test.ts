import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { SiteBuild } from '../helpers/buildOnce.ts';
import { SAMPLE_INTERNAL, siteBuild } from './helpers/builds.ts';
import { launchChromium } from './helpers/browser.ts';
import { crawl, formatProblems } from './helpers/crawl.ts';
import { latestBulletin, searchFor, watchPage } from './helpers/site.ts';

// Opened straight from a folder (file://), as an office opens a copy of the site from a shared
// drive or a USB stick. Chromium blocks module scripts, fetch(), workers and import() there, so
// every page must work without them.

let browser: Browser;
let context: BrowserContext;
let build: SiteBuild;
let scope: string;
beforeAll(async () => {
  build = await siteBuild(SAMPLE_INTERNAL);
  scope = pathToFileURL(build.dist).href + '/';
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const fileOnly = (u: string) => u.startsWith('file://') || /^(data|blob|about):/.test(u);

// Every reachable page gets the HTML checks from file:// too; Chromium opens every page of the top
// folder and the first PER_FOLDER of each sub-folder (pages of one folder share a template, and so
// their scripts). ZS_CRAWL_ALL=1 opens every page.
const PER_FOLDER = process.env.ZS_CRAWL_ALL === '1' ? undefined : 20;

test('pages reachable from index.html load cleanly from file://', { timeout: 240_000 }, async () => {
  const result = await crawl({
    context,
    start: `${scope}index.html`,
    scope,
    maxOpenPerFolder: PER_FOLDER,
    concurrency: 4,
  });
  console.log(
    `[file:// crawl] ${result.pages.size} pages opened, ${result.reached.size} URLs (${result.files} files) reached, ${result.linksChecked} links, ${result.downloads.size} downloads, ${result.requests} requests, ${result.problems.length} problems, ${result.seconds} s`,
  );
  expect(result.capHit).toBe(false);
  expect(result.problems.length, formatProblems(result.problems)).toBe(0);
});

test('nav 月度通报 leads to the latest bulletin, and back works', async () => {
  const latest = latestBulletin(build.dist);
  expect(latest, 'no bulletins/YYYY-MM.html in the build').not.toBeNull();
  const page = await context.newPage();
  const watch = watchPage(page, fileOnly);
  try {
    await page.goto(`${scope}index.html`);
    const indexTitle = await page.title();
    expect(indexTitle.trim()).not.toBe('');

    const navLink = page.locator('nav a, header a').filter({ hasText: '月度通报' }).first();
    expect(await navLink.count(), 'index.html has no nav link whose text is 月度通报').toBe(1);
    await Promise.all([page.waitForURL((u) => u.href !== `${scope}index.html`), navLink.click()]);
    await page.waitForLoadState('load');

    // The nav may lead to the bulletin itself or to a list of bulletins: then open the latest.
    if (!/\/bulletins\/\d{4}-\d{2}\.html$/.test(page.url())) {
      const links = page.locator('a[href]');
      const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const bulletins = hrefs.filter((h) => /\/bulletins\/\d{4}-\d{2}\.html$/.test(h)).sort();
      expect(bulletins.length, `${page.url()} links to no bulletins/YYYY-MM.html`).toBeGreaterThan(0);
      const newest = bulletins.at(-1)!;
      const from = page.url();
      await Promise.all([page.waitForURL(newest), links.nth(hrefs.indexOf(newest)).click()]);
      await page.waitForLoadState('load');
      expect(page.url()).not.toBe(from);
    }
    expect(page.url()).toBe(`${scope}${latest}`);
    expect((await page.title()).trim()).not.toBe('');
    expect(await page.locator('table').count(), 'the bulletin has no table').toBeGreaterThan(0);

    const bulletinUrl = page.url();
    await page.goBack({ waitUntil: 'load' });
    expect(page.url()).not.toBe(bulletinUrl);
    expect((await page.title()).trim()).not.toBe('');
    await page.goForward({ waitUntil: 'load' });
    expect(page.url()).toBe(bulletinUrl);
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

test('search works from file://: typing a unit name shows results that link to existing pages', async () => {
  const page = await context.newPage();
  const watch = watchPage(page, fileOnly);
  try {
    await page.goto(`${scope}index.html`);
    const searchHref = await page
      .locator('a[href]')
      .evaluateAll(
        (as) => (as as HTMLAnchorElement[]).map((a) => a.href).find((h) => /\/search\.html(\?|#|$)/.test(h)) ?? null,
      );
    expect(searchHref, 'index.html has no link to search.html').not.toBeNull();
    await page.goto(searchHref!);
    expect((await page.title()).trim()).not.toBe('');

    const query = searchQuery(build);
    const shown = await searchFor(page, query);
    expect(shown, `typing “${query}” into the search box of search.html showed no results`).toBeGreaterThan(0);
    const results = await page
      .locator('main a[href], [role=main] a[href], body a[href]')
      .evaluateAll(
        (as, q) =>
          (as as HTMLAnchorElement[])
            .filter((a) => (a.textContent ?? '').includes(q as string) && !a.closest('nav, header, footer'))
            .map((a) => a.href),
        query,
      );
    expect(results.length, `no result link whose text contains “${query}”`).toBeGreaterThan(0);
    for (const href of results) {
      expect(href.startsWith(scope), `result link leaves the site: ${href}`).toBe(true);
      expect(existsSync(fileURLToPath(href.split(/[?#]/)[0]!)), `result link to a missing file: ${href}`).toBe(true);
    }
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

/** A unit that signed projects in the latest period (from the build report), else a sample-zone unit. */
function searchQuery(b: SiteBuild): string {
  if (b.report && existsSync(b.report)) {
    const report = JSON.parse(readFileSync(b.report, 'utf8')) as {
      periods?: string[];
      summary?: Record<string, { signed?: { byUnit?: Record<string, unknown> } }>;
    };
    const period = report.periods?.at(-1);
    const units = Object.keys((period && report.summary?.[period]?.signed?.byUnit) ?? {});
    if (units.length) return units.sort()[0]!;
  }
  return '项目';
}

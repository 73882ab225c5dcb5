import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SiteBuild } from '../helpers/buildOnce.ts';
import { SAMPLE_INTERNAL, SAMPLE_PUBLIC, siteBuild } from './helpers/builds.ts';
import { startStaticServer } from '../helpers/staticServer.ts';
import { launchChromium } from './helpers/browser.ts';
import { crawl, formatProblems, type CrawlResult } from './helpers/crawl.ts';
import { listFiles } from './helpers/site.ts';

// Over http, under a deep sub-path of a file server: every reachable page must be clean (see
// helpers/crawl.ts for the checks). Every page gets the HTML checks (links, fragments, downloads,
// root-absolute URLs, title, icon); Chromium opens every page of the top folder and the first
// OPEN_PER_FOLDER URLs of each sub-folder for the run-time checks (console errors, requests).
// The sample zone has ~1,700 project pages and ~4,000 drill-down URLs, about 80 ms of CPU each in
// Chromium: opening them all takes minutes. ZS_CRAWL_ALL=1 opens every page.

const MAX_PAGES = 20_000;
const OPEN_PER_FOLDER = process.env.ZS_CRAWL_ALL === '1' ? undefined : 50;

// Start both builds now, so they overlap when globalSetup has not started them already.
const internalBuild = siteBuild(SAMPLE_INTERNAL);
const publicBuild = siteBuild(SAMPLE_PUBLIC);
internalBuild.catch(() => {});
publicBuild.catch(() => {});

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function crawlOverHttp(
  build: SiteBuild,
): Promise<{ result: CrawlResult; outside: string[]; serverRequests: number }> {
  const server = await startStaticServer({ root: build.dist });
  const context = await browser.newContext();
  try {
    const result = await crawl({
      context,
      start: `${server.url}index.html`,
      scope: server.url,
      root: build.dist,
      maxPages: MAX_PAGES,
      maxOpenPerFolder: OPEN_PER_FOLDER,
      concurrency: 4,
    });
    const html = listFiles(build.dist).filter((f) => f.endsWith('.html'));
    const reached = new Set([...result.reached].map((u) => decodeURI(u.slice(server.url.length).split('?')[0]!)));
    const unreached = html.filter((f) => !reached.has(f));
    console.log(
      `[crawl ${build.name}] ${result.pages.size} pages opened, ${result.reached.size} URLs (${result.files} files) reached, ${result.linksChecked} links, ${result.downloads.size} downloads, ` +
        `${result.requests} browser requests, ${server.requests.length} server requests, ${result.problems.length} problems, ${result.seconds} s` +
        ` (build ${build.seconds} s); ${unreached.length} of ${html.length} HTML files not linked from any page` +
        (unreached.length ? `: ${unreached.slice(0, 10).join(', ')}${unreached.length > 10 ? ' …' : ''}` : ''),
    );
    // GET /favicon.ico comes from Chromium when a page declares no icon; the crawl reports those pages.
    return {
      result,
      outside: server.outside().filter((r) => r !== 'GET /favicon.ico'),
      serverRequests: server.requests.length,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

function expectClean(run: { result: CrawlResult; outside: string[] }): void {
  const { result, outside } = run;
  expect(result.capHit, `crawl stopped at ${MAX_PAGES} pages: raise MAX_PAGES or find the link loop`).toBe(false);
  expect(result.problems.length, formatProblems(result.problems)).toBe(0);
  expect(outside, 'requests that reached the server outside the site sub-path').toEqual([]);
  expect(result.pages.size).toBeGreaterThan(0);
}

describe('internal site over http under /intranet/zhaoshang/site/', () => {
  let build: SiteBuild;
  let run: Awaited<ReturnType<typeof crawlOverHttp>> | undefined;
  beforeAll(async () => {
    build = await internalBuild;
  });

  test('every reachable page loads cleanly and every link resolves', { timeout: 240_000 }, async () => {
    run = await crawlOverHttp(build);
    expectClean(run);
  });

  test('the crawl reaches every kind of page', () => {
    expect(run, 'the crawl did not run').toBeDefined();
    const paths = [...run!.result.reached].map((u) =>
      decodeURI(new URL(u).pathname).replace(/^.*?\/intranet\/zhaoshang\/site\//, ''),
    );
    const kinds: Record<string, RegExp> = {
      home: /^index\.html$/,
      bulletin: /^bulletins\/\d{4}-\d{2}\.html$/,
      rankings: /^rankings\//,
      targets: /^targets\//,
      projects: /^projects\//,
      units: /^units\//,
      quality: /^quality\.html$/,
      search: /^search\.html$/,
      drill: /^drill\//,
    };
    const missing = Object.entries(kinds)
      .filter(([, re]) => !paths.some((p) => re.test(p)))
      .map(([k]) => k);
    expect(
      missing,
      `page kinds not reached from index.html (reached: ${paths.slice(0, 20).join(', ')}${paths.length > 20 ? ' …' : ''})`,
    ).toEqual([]);
  });
});

describe('public site over http under /intranet/zhaoshang/site/', () => {
  let build: SiteBuild;
  beforeAll(async () => {
    build = await publicBuild;
  });

  test('every reachable page loads cleanly and every link resolves', { timeout: 240_000 }, async () => {
    expectClean(await crawlOverHttp(build));
  });

  test('has no internal-only pages (contract §10: no rankings, targets or data-quality report)', () => {
    expect(existsSync(`${build.dist}/index.html`)).toBe(true);
    const internalOnly = listFiles(build.dist).filter((f) => /^(quality\.html|rankings\/|targets\/)/.test(f));
    expect(internalOnly).toEqual([]);
  });
});

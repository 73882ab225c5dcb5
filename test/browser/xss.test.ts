import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { SiteBuild } from '../helpers/buildOnce.ts';
import { siteBuild, XSS_BUILD } from './helpers/builds.ts';
import { startStaticServer, type StaticServer } from '../helpers/staticServer.ts';
import { launchChromium } from './helpers/browser.ts';
import { crawl, formatProblems, type CrawlResult } from './helpers/crawl.ts';
import { listFiles, searchFor, watchPage } from './helpers/site.ts';
import { PAYLOAD_ATTR, PAYLOAD_IMG, PAYLOAD_SCRIPT } from './helpers/xssFixture.ts';

// Names from the ledgers are data, never markup: a fixture zone whose project, unit, chain and zone
// names carry <script>, <img onerror> and attribute-breaking payloads is built with the real CLI;
// every page must show them as text and run none of them.

let browser: Browser;
let context: BrowserContext;
let build: SiteBuild;
let server: StaticServer;
let result: CrawlResult | undefined;
const texts = new Map<string, string>();

beforeAll(async () => {
  build = await siteBuild(XSS_BUILD);
  server = await startStaticServer({ root: build.dist });
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Throws when the page ran or holds a payload as markup. */
async function assertNotPwned(page: import('playwright-core').Page): Promise<string> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: [...document.scripts].filter((s) => (s.textContent ?? '').trim() === 'window.__pwned=1').length,
    handlers: [...document.querySelectorAll('[onerror], [onload]')].map((e) => e.outerHTML.slice(0, 80)),
    text: document.body.innerText + '\n' + document.title,
  }));
  if (state.pwned !== undefined) throw new Error(`window.__pwned is ${JSON.stringify(state.pwned)}: a payload ran`);
  if (state.scripts) throw new Error(`${state.scripts} <script> element(s) made from a payload`);
  if (state.handlers.length)
    throw new Error(`elements with on* handlers made from a payload: ${state.handlers.join(' | ')}`);
  return state.text;
}

test('no page runs a payload from the data, over http', { timeout: 120_000 }, async () => {
  result = await crawl({
    context,
    start: `${server.url}index.html`,
    scope: server.url,
    concurrency: 4,
    onPage: async (page, url) => {
      texts.set(url, await assertNotPwned(page));
    },
  });
  console.log(`[xss] ${result.pages.size} pages, ${result.problems.length} problems, ${result.seconds} s`);
  expect(result.capHit).toBe(false);
  expect(result.problems.length, formatProblems(result.problems)).toBe(0);
  expect(result.pages.size, 'the fixture site has only one page: nothing was tested').toBeGreaterThan(1);
});

test('the payloads are shown literally as text', () => {
  expect(result, 'the crawl did not run').toBeDefined();
  const all = [...texts.values()].join('\n');
  const missing = [PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_ATTR].filter((p) => !all.includes(p));
  expect(missing, `payloads not shown as text on any page; build report issues:\n${reportIssues(build)}`).toEqual([]);
});

test('no HTML file holds a payload as markup (e.g. inline JSON that closes its <script>)', () => {
  const bad: string[] = [];
  for (const f of listFiles(build.dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(build.dist, f), 'utf8');
    for (const needle of [/<script>window\.__pwned/i, /<img src=x onerror/i, /<svg onload=/i])
      if (needle.test(html)) bad.push(`${f}: ${needle.source}`);
  }
  expect(bad).toEqual([]);
});

test('search results show a payload name as text and run nothing', async () => {
  expect(result, 'the crawl did not run').toBeDefined();
  const search = [...result!.pages.keys()].find((u) => /\/search\.html$/.test(u));
  expect(search, 'the fixture site has no search.html reachable from index.html').toBeDefined();
  const page = await context.newPage();
  const watch = watchPage(page, (u) => u.startsWith(server.url) || /^(data|blob|about):/.test(u));
  try {
    await page.goto(search!, { waitUntil: 'load' });
    const shown = await searchFor(page, '电池');
    expect(shown, 'searching 电池 showed no results').toBeGreaterThan(0);
    await page.waitForTimeout(100);
    const text = await assertNotPwned(page);
    expect(text).toContain(PAYLOAD_SCRIPT);
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

function reportIssues(b: SiteBuild): string {
  try {
    const report = JSON.parse(readFileSync(b.report!, 'utf8')) as {
      issues?: { severity: string; file?: string; row?: number; message: string }[];
    };
    return (report.issues ?? [])
      .slice(0, 30)
      .map((i) => `  ${i.severity} ${i.file ?? ''}:${i.row ?? ''} ${i.message}`)
      .join('\n');
  } catch (e) {
    return `  (no report: ${(e as Error).message})`;
  }
}

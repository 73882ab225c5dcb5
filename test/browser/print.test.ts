import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type SiteBuild } from '../helpers/buildOnce.ts';
import { SAMPLE_INTERNAL, siteBuild } from './helpers/builds.ts';
import { startStaticServer, type StaticServer } from '../helpers/staticServer.ts';
import { launchChromium } from './helpers/browser.ts';
import { isA4, readPdf } from './helpers/pdf.ts';
import { latestBulletin, watchPage } from './helpers/site.ts';

// The monthly bulletin is printed and handed to leaders: it must print on A4 with its tables and
// without the site navigation, and read on a phone without sideways scrolling of the page.
// Screenshots and the PDF go to test-results/ for a human to look at.

const OUT = join(REPO_ROOT, 'test-results');
const PHONE = 390;

let browser: Browser;
let build: SiteBuild;
let server: StaticServer;
beforeAll(async () => {
  build = await siteBuild(SAMPLE_INTERNAL);
  server = await startStaticServer({ root: build.dist });
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function requireBulletin(): string {
  const latest = latestBulletin(build.dist);
  expect(latest, `no bulletins/YYYY-MM.html in ${build.dist}: the latest bulletin cannot be printed`).not.toBeNull();
  return latest!;
}

const normalise = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether `needle` is in `hay`, allowing other text between its characters within a short window:
 * the PDF's text runs interleave the lines of table cells that wrap (`签约金额（亿` … `元）`).
 */
function looselyContains(hay: string, needle: string): boolean {
  if (hay.includes(needle)) return true;
  const window = needle.length * 4 + 20;
  for (let start = hay.indexOf(needle[0]!); start >= 0; start = hay.indexOf(needle[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of needle.slice(1)) {
      at = hay.indexOf(ch, at + 1);
      if (at < 0 || at - start > window) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

async function open(page: Page, path: string) {
  const watch = watchPage(page, (u) => u.startsWith(server.url) || /^(data|blob|about):/.test(u));
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return watch;
}

test('the latest bulletin prints on A4 with its tables and without the navigation', async () => {
  const bulletin = requireBulletin();
  const page = await browser.newPage();
  try {
    const watch = await open(page, bulletin);
    const screen = await page.evaluate(() => ({
      nav: [...document.querySelectorAll('nav')].map((n) => (n as HTMLElement).innerText).join('\n'),
      main: (document.querySelector('main') ?? document.body).innerText,
      headers: [...document.querySelectorAll('table th')]
        .map((th) => (th as HTMLElement).innerText.trim())
        .filter((t) => t.length > 0),
      firstRows: [...document.querySelectorAll('table')].map((t) =>
        [...(t.querySelector('tbody tr, tr:nth-child(2)')?.querySelectorAll('td') ?? [])]
          .map((td) => (td as HTMLElement).innerText.trim())
          .filter((x) => x.length > 0),
      ),
      tables: document.querySelectorAll('table').length,
    }));
    expect(screen.tables, 'the bulletin has no table').toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const navShown = await page.evaluate(
      () =>
        [...document.querySelectorAll('nav')].filter((n) => {
          const r = n.getBoundingClientRect();
          return (
            getComputedStyle(n).display !== 'none' &&
            getComputedStyle(n).visibility !== 'hidden' &&
            r.width > 0 &&
            r.height > 0
          );
        }).length,
    );
    expect(navShown, 'nav elements still visible under print media').toBe(0);

    const pdfPath = join(OUT, `bulletin-${bulletin.slice(10, 17)}.pdf`);
    await page.pdf({ format: 'A4', printBackground: true, path: pdfPath });
    const pdf = await readPdf(pdfPath);
    const pages = pdf.pages;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(30);
    const notA4 = pdf.sizes.map((size, i) => ({ page: i + 1, size })).filter(({ size }) => !isA4(size));
    expect(notA4, 'pages that are not A4 (595 × 842 pt)').toEqual([]);

    const flat = normalise(pdf.text.join('\n'));
    expect(flat).toContain('签约');
    const headers = [...new Set(screen.headers.map(normalise))];
    const missingHeaders = headers.filter((h) => !looselyContains(flat, h));
    expect(missingHeaders, `table headers not in the PDF text (of ${headers.length})`).toEqual([]);
    const cells = [...new Set(screen.firstRows.flat().map(normalise))];
    const missingCells = cells.filter((c) => !looselyContains(flat, c));
    expect(missingCells, `cells of the tables' first rows not in the PDF text (of ${cells.length})`).toEqual([]);
    if (screen.nav.includes('数据质量') && !screen.main.includes('数据质量')) expect(flat).not.toContain('数据质量');
    for (const item of screen.nav
      .split('\n')
      .map(normalise)
      .filter((t) => t.length >= 2 && !normalise(screen.main).includes(t))) {
      expect(flat, `nav item “${item}” is printed`).not.toContain(item);
    }
    console.log(
      `[print] ${bulletin}: ${pages} A4 pages, ${screen.tables} tables, ${headers.length} distinct headers; ${pdfPath}`,
    );
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

test('screenshots at desktop width; at phone width the page never scrolls sideways', async () => {
  const bulletin = requireBulletin();
  const desktop = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  try {
    const watch = await open(desktop, bulletin);
    await desktop.screenshot({ path: join(OUT, 'bulletin-desktop.png'), fullPage: true });
    expect(watch.problems).toEqual([]);
  } finally {
    await desktop.close();
  }

  // Not isMobile: Chromium's mobile emulation widens the layout viewport to fit overflowing
  // content, which would hide the overflow. The viewport meta tag is checked on its own.
  const phone = await browser.newContext({ viewport: { width: PHONE, height: 844 }, deviceScaleFactor: 2 });
  try {
    for (const path of [bulletin, 'index.html']) {
      const page = await phone.newPage();
      const watch = await open(page, path);
      if (path === bulletin) await page.screenshot({ path: join(OUT, 'bulletin-phone.png'), fullPage: true });
      const m = await page.evaluate(() => {
        const vw = window.innerWidth;
        const meta = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '';
        const scrollsX = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
        const offenders: string[] = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= vw + 1) continue;
          let contained = false;
          for (
            let a = el.parentElement;
            a && a !== document.body && a !== document.documentElement;
            a = a.parentElement
          ) {
            if (scrollsX(a) && a.getBoundingClientRect().right <= vw + 1) {
              contained = true;
              break;
            }
          }
          if (!contained)
            offenders.push(
              `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''} (right edge ${Math.round(r.right)}px)`,
            );
        }
        return {
          vw,
          meta,
          scrollWidth: document.documentElement.scrollWidth,
          offenders: offenders.slice(0, 10),
          tables: document.querySelectorAll('table').length,
        };
      });
      expect(
        m.meta,
        `${path}: <meta name="viewport" content="width=device-width, …"> is missing: phones would show a zoomed-out desktop page`,
      ).toMatch(/width\s*=\s*device-width/);
      expect(m.vw).toBe(PHONE);
      expect(m.scrollWidth, `${path}: the page scrolls sideways at ${PHONE}px`).toBeLessThanOrEqual(m.vw + 1);
      expect(
        m.offenders,
        `${path}: elements sticking out of the ${PHONE}px viewport, not inside a scrolling wrapper`,
      ).toEqual([]);
      expect(watch.problems).toEqual([]);
      await page.close();
    }
  } finally {
    await phone.close();
  }
});

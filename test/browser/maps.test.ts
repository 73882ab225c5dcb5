import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type SiteBuild } from '../helpers/buildOnce.ts';
import { startStaticServer, type StaticServer } from '../helpers/staticServer.ts';
import { chainPage } from '../../src/site/chain/chainModel.ts';
import { SAMPLE_INTERNAL, SAMPLE_PUBLIC, siteBuild } from './helpers/builds.ts';
import { launchChromium } from './helpers/browser.ts';
import { readPdf } from './helpers/pdf.ts';
import { watchPage } from './helpers/site.ts';

// The 招商图谱 and the 存量资产地图 as an investor sees them (public build) and as the research team
// prints them (internal build): with the real CJK fonts, no text of a map overlaps another or
// leaves its box, phones get the stacked drawing without sideways scrolling, and a chain page
// prints its two maps on A4 landscape sheets. Screenshots, the PDF and its first pages as PNG go
// to test-results/ for a human to look at.

const OUT = join(REPO_ROOT, 'test-results');
const PHONE = 390;
const CHAIN = chainPage('新能源');

let browser: Browser;
let pub: SiteBuild;
let internal: SiteBuild;
let pubServer: StaticServer;
let intServer: StaticServer;
beforeAll(async () => {
  [pub, internal] = await Promise.all([siteBuild(SAMPLE_PUBLIC), siteBuild(SAMPLE_INTERNAL)]);
  pubServer = await startStaticServer({ root: pub.dist });
  intServer = await startStaticServer({ root: internal.dist });
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await pubServer?.close();
  await intServer?.close();
});

async function open(page: Page, server: StaticServer, path: string) {
  const watch = watchPage(page, (u) => u.startsWith(server.url) || /^(data|blob|about):/.test(u));
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return watch;
}

/**
 * In the page: for every visible map (`selector`), the texts of each group (`group`) measured
 * with the real fonts: a text sticking out of its group's box, and two texts of the map that
 * overlap (by more than `slack` px, line boxes being taller than the glyphs).
 */
function measureTexts(page: Page, selector: string, group: string, slack = 2) {
  return page.evaluate(
    ({ selector, group, slack }) => {
      const out = { maps: 0, groups: 0, texts: 0, outside: [] as string[], overlaps: [] as string[] };
      for (const svg of document.querySelectorAll(selector)) {
        if ((svg as SVGElement).getBoundingClientRect().width === 0) continue; // the hidden drawing
        out.maps++;
        const all: { r: DOMRect; t: string }[] = [];
        const seen = new Set<Element>();
        for (const g of svg.querySelectorAll(group)) {
          out.groups++;
          const box = g.querySelector('rect[fill="none"]')?.getBoundingClientRect();
          for (const t of g.tagName === 'text' ? [g] : g.querySelectorAll('text')) {
            const r = t.getBoundingClientRect();
            if (r.width === 0 || seen.has(t)) continue;
            seen.add(t);
            out.texts++;
            all.push({ r, t: t.textContent ?? '' });
            if (
              group === 'g.zs-segment' &&
              box &&
              (r.left < box.left - 0.5 ||
                r.right > box.right + 0.5 ||
                r.top < box.top - slack ||
                r.bottom > box.bottom + slack)
            )
              out.outside.push(`${t.textContent} (${Math.round(r.right - box.right)}px past the right edge)`);
          }
        }
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) {
            const a = all[i]!.r;
            const b = all[j]!.r;
            const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (dx > slack && dy > slack + 2) out.overlaps.push(`“${all[i]!.t}” × “${all[j]!.t}”`);
          }
      }
      return out;
    },
    { selector, group, slack },
  );
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => ({ vw: window.innerWidth, scrollWidth: document.documentElement.scrollWidth }));

describe('招商图谱', () => {
  test('desktop: the wide drawing, enterprises named, no text overlapping or leaving its node', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const watch = await open(page, pubServer, CHAIN);
      await page.screenshot({ path: join(OUT, 'chain-desktop.png'), fullPage: true });
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.chain-map svg')].map((s) => Math.round(s.getBoundingClientRect().width)),
      );
      expect(shown).toEqual([1120, 0, 1120, 0]); // 现状 wide, phone hidden, 远景 wide, phone hidden
      const m = await measureTexts(page, '.chain-map svg', 'g.zs-segment');
      expect(m.maps).toBe(2);
      expect(m.groups).toBeGreaterThanOrEqual(18);
      expect(m.outside).toEqual([]);
      expect(m.overlaps).toEqual([]);
      const text = await page.evaluate(() => document.querySelector('#map-current')?.textContent ?? '');
      expect(text).toMatch(/链主.*本地.*目标/s);
      await page.goto(pubServer.url + 'chains.html');
      await page.screenshot({ path: join(OUT, 'chains-overview-desktop.png'), fullPage: true });
      const mini = await measureTexts(page, '.mini-map svg', 'g.zs-mini');
      expect(mini.maps).toBe(4);
      expect(mini.overlaps).toEqual([]);
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('phone: the stacked drawing, readable (text ≥ 11 px on screen), no sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: PHONE, height: 844 }, deviceScaleFactor: 2 });
    try {
      for (const path of [CHAIN, 'chains.html']) {
        const page = await phone.newPage();
        const watch = await open(page, pubServer, path);
        if (path === CHAIN) await page.screenshot({ path: join(OUT, 'chain-phone.png'), fullPage: true });
        else await page.screenshot({ path: join(OUT, 'chains-overview-phone.png'), fullPage: true });
        const s = await noSidewaysScroll(page);
        expect(s.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(s.vw + 1);
        if (path === CHAIN) {
          const m = await measureTexts(page, '.chain-map .map-narrow svg', 'g.zs-segment');
          expect(m.maps).toBe(2);
          expect(m.outside).toEqual([]);
          expect(m.overlaps).toEqual([]);
          // enterprise names are drawn at 12.5 px in a 352-wide drawing: on screen they stay ≥ 11 px
          const smallest = await page.evaluate(() => {
            const svg = document.querySelector('.chain-map .map-narrow svg') as SVGSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return 12.5 * scale;
          });
          expect(smallest).toBeGreaterThanOrEqual(11);
        }
        expect(watch.problems).toEqual([]);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });

  test('print: A4 landscape, 现状 on the first sheet and 远景 on the second, the whole map on its sheet', async () => {
    const page = await browser.newPage();
    try {
      await open(page, intServer, CHAIN);
      const pdf = join(OUT, 'chain-print.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      // read with PDF.js (unpdf), as the print test does: no poppler on a fresh machine
      const printed = await readPdf(pdf);
      const [width, height] = printed.sizes[0]!;
      expect(width).toBeGreaterThanOrEqual(841); // A4 landscape: 841.89 × 595.28 pt
      expect(width).toBeLessThan(842);
      expect(height).toBeGreaterThanOrEqual(594);
      expect(height).toBeLessThan(596);
      expect(printed.pages).toBeGreaterThanOrEqual(3);
      const pageText = (n: number) => (printed.text[n - 1] ?? '').replace(/\s+/g, '');
      const first = pageText(1);
      expect(first).toContain('新能源产业链招商图谱（现状）');
      expect(first).toContain('上游');
      expect(first).toContain('下游');
      expect(first).toContain('企业名称略去'); // the legend's note: the bottom of the map is on the sheet
      const second = pageText(2);
      expect(second).toContain('新能源产业链招商图谱（远景）');
      expect(second).toContain('企业名称略去');
    } finally {
      await page.close();
    }
  });
});

describe('存量资产地图', () => {
  test('desktop and phone: marks for every located public asset, labels apart, no sideways scrolling', async () => {
    for (const width of [1280, PHONE]) {
      const ctx = await browser.newContext({
        viewport: { width, height: 900 },
        deviceScaleFactor: width === PHONE ? 2 : 1,
      });
      const page = await ctx.newPage();
      try {
        const watch = await open(page, pubServer, 'assets.html');
        await page.screenshot({
          path: join(OUT, `assets-${width === PHONE ? 'phone' : 'desktop'}.png`),
          fullPage: true,
        });
        const marks = await page.evaluate(() =>
          [...document.querySelectorAll('#map svg')]
            .filter((s) => s.getBoundingClientRect().width > 0)
            .map((s) => s.querySelectorAll('g.zs-asset').length),
        );
        expect(marks).toEqual([7]); // the sample zone: 9 public assets, 2 without coordinates
        // asset labels and park names (dark blue)
        const m = await measureTexts(page, '#map svg', 'g.zs-asset, text[fill="#0B4F7C"]');
        expect(m.texts).toBeGreaterThanOrEqual(7 + 5);
        expect(m.overlaps).toEqual([]);
        const s = await noSidewaysScroll(page);
        expect(s.scrollWidth).toBeLessThanOrEqual(s.vw + 1);
        expect(watch.problems).toEqual([]);
      } finally {
        await ctx.close();
      }
    }
  });
});

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, type SiteBuild } from '../helpers/buildOnce.ts';
import { SAMPLE_INTERNAL, siteBuild } from './helpers/builds.ts';
import { launchChromium } from './helpers/browser.ts';
import { readPdf } from './helpers/pdf.ts';
import { watchPage } from './helpers/site.ts';

// The brief 通报 (contract §11: 2–4 pages, long lists in 附件) and the weekly 调度 sheet, opened
// from file:// as an office opens them. PDFs and screenshots go to test-results/ for a human.

const OUT = join(REPO_ROOT, 'test-results');
const PERIOD = '2025-10';

let browser: Browser;
let build: SiteBuild;
beforeAll(async () => {
  build = await siteBuild(SAMPLE_INTERNAL);
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const flat = (s: string) => s.replace(/\s+/g, '');
const fileUrl = (path: string) => pathToFileURL(join(build.dist, path)).href;

test(`the ${PERIOD} bulletin: body at most 4 A4 pages, every 附件 printed on its own page, collapsed on screen`, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  try {
    const watch = watchPage(page, (u) => u.startsWith('file:') || /^(data|blob|about):/.test(u));
    await page.goto(fileUrl(`bulletins/${PERIOD}.html`), { waitUntil: 'load' });
    const screen = await page.evaluate(() => ({
      annexes: [...document.querySelectorAll('details.bl-annex')].map((d) => ({
        id: d.id,
        open: (d as HTMLDetailsElement).open,
        title: (d.querySelector('summary') as HTMLElement).innerText.trim(),
      })),
      // the first overdue project (附件4), hidden on screen while collapsed
      overdueName: (document.querySelector('#annex-overdue tbody tr td:nth-child(2)') as HTMLElement | null)
        ?.textContent,
      overdueVisible: (document.querySelector('#annex-overdue table') as HTMLElement | null)?.checkVisibility(),
      docx: document.querySelector('a[href$=".docx"]')?.getAttribute('href'),
    }));
    expect(screen.annexes.map((a) => a.id)).toEqual([
      'annex-units',
      'annex-new',
      'annex-trips',
      'annex-overdue',
      'annex-diff',
    ]);
    expect(screen.annexes.every((a) => !a.open)).toBe(true);
    expect(screen.overdueName, 'the sample zone has overdue projects').toBeTruthy();
    expect(screen.overdueVisible).toBe(false);
    expect(screen.docx).toBe(`${PERIOD}.docx`);
    await page.screenshot({ path: join(OUT, 'bulletin-brief-screen.png'), fullPage: true });

    const pdfPath = join(OUT, `bulletin-brief-${PERIOD}.pdf`);
    await page.pdf({ format: 'A4', printBackground: true, path: pdfPath });
    const pdf = await readPdf(pdfPath);
    const pages = pdf.text.map(flat);
    // each 附件 starts a page: its title is on that page, and the body ends before 附件1
    const starts = screen.annexes.map((a) => pages.findIndex((t) => t.includes(flat(a.title))));
    expect(starts.every((i) => i > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const bodyPages = starts[0]!;
    expect(bodyPages, `body pages of ${PERIOD}`).toBeGreaterThanOrEqual(2);
    expect(bodyPages).toBeLessThanOrEqual(4);
    expect(pages.slice(0, bodyPages).join('')).toContain('附件：');
    // the collapsed 附件 are printed: the overdue list is in the PDF, after the body
    expect(pages.slice(bodyPages).join('')).toContain(flat(screen.overdueName!));
    // printing left the page as it was
    expect(await page.evaluate(() => [...document.querySelectorAll('details.bl-annex[open]')].length)).toBe(0);
    console.log(`[brief] bulletins/${PERIOD}.html: body ${bodyPages} A4 pages, ${pdf.pages} with 附件; ${pdfPath}`);

    // a link to a unit's table (in 附件1) opens the 附件 holding it
    await page.click('table.t4u tbody tr:first-child td:nth-child(2) a');
    expect(await page.evaluate(() => (document.querySelector('#annex-units') as HTMLDetailsElement).open)).toBe(true);
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

test('the latest 调度 sheet: lists linked to existing project pages, prints, its .docx beside it', async () => {
  const sheets = readdirSync(join(build.dist, 'dispatch'))
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.html$/.test(f))
    .sort();
  expect(sheets.length).toBeGreaterThan(0);
  const latest = `dispatch/${sheets[sheets.length - 1]!}`;
  expect(existsSync(join(build.dist, latest.replace(/\.html$/, '.docx')))).toBe(true);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const watch = watchPage(page, (u) => u.startsWith('file:') || /^(data|blob|about):/.test(u));
    await page.goto(fileUrl(latest), { waitUntil: 'load' });
    const v = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('section.dp-section h2')].map((h) => (h as HTMLElement).innerText),
      projectLinks: [...document.querySelectorAll('section.dp-section a[href*="projects/"]')].map(
        (a) => (a as HTMLAnchorElement).href,
      ),
      nav: [...document.querySelectorAll('.site-nav a')].map((a) => (a as HTMLElement).innerText),
    }));
    expect(v.sections).toEqual([
      '分单位调度情况',
      '一、新签约、新开工、新投产项目',
      '二、新增招商信息及研判',
      '三、在谈项目进展',
      '四、停滞项目（30天、60天无进展）',
      '五、签约超期未开工督办',
    ]);
    expect(v.nav).toContain('周调度');
    expect(v.projectLinks.length).toBeGreaterThan(0);
    const broken = v.projectLinks.filter((href) => !existsSync(new URL(href)));
    expect(broken).toEqual([]);
    await page.screenshot({ path: join(OUT, 'dispatch-screen.png'), fullPage: true });
    await page.pdf({ format: 'A4', printBackground: true, path: join(OUT, 'dispatch.pdf') });
    expect(watch.problems).toEqual([]);
  } finally {
    await page.close();
  }
});

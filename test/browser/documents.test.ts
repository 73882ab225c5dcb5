import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, type SiteBuild } from '../helpers/buildOnce.ts';
import { docxParagraphs, docxParts, docxTables } from '../helpers/docx.ts';
import { SAMPLE_INTERNAL, siteBuild } from './helpers/builds.ts';
import { convertToPdf, ensureSoffice } from './helpers/libreoffice.ts';
import { isA4, readPdf } from './helpers/pdf.ts';

// The Word documents of contract §11 as a user's Word or WPS lays them out: the sample site's
// latest 通报 and 公示 converted to PDF by LibreOffice (installed as root when missing, like the
// browser). The PDFs go to test-results/documents/ for a human to look at.

const OUT = join(REPO_ROOT, 'test-results', 'documents');
const flat = (s: string) => s.replace(/\s+/g, '');

let build: SiteBuild;
let soffice: string;
let latest: string;
beforeAll(async () => {
  [build, soffice] = await Promise.all([siteBuild(SAMPLE_INTERNAL), ensureSoffice()]);
  mkdirSync(OUT, { recursive: true });
  const docs = readdirSync(join(build.dist, 'bulletins')).filter((f) => /^\d{4}-\d{2}\.docx$/.test(f));
  latest = docs.sort().at(-1)!.slice(0, 7);
}, 900_000);

async function pdfOf(rel: string) {
  const src = join(build.dist, rel);
  const copy = join(OUT, rel.replace('/', '-'));
  copyFileSync(src, copy);
  return readPdf(await convertToPdf(soffice, copy, OUT));
}

describe('bulletins/<latest>.docx rendered', () => {
  test('A4, Chinese text, the body on 2–4 pages before 附件 (each on a new page)', async () => {
    const pdf = await pdfOf(`bulletins/${latest}.docx`);
    expect(pdf.sizes.every(isA4)).toBe(true);
    const pages = pdf.text.map(flat);
    expect(pages[0]).toContain('招商引资工作情况的通报');
    expect(pages[0]).toContain('一、总体情况');
    expect(pages[0]).toMatch(/全区累计签约项目\d+个/);
    const first = pages.findIndex((p) => p.startsWith('附件1'));
    expect(first, pages.map((p, i) => `${i + 1}: ${p.slice(0, 40)}`).join('\n')).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThanOrEqual(4);
    expect(pages.findIndex((p) => p.startsWith('附件2'))).toBeGreaterThan(first);
    // the office's marked places and the 成文日期 are in the body
    const body = pages.slice(0, first).join('');
    expect(body).toContain('四、存在问题');
    expect(body).toContain('五、下一步工作');
    expect(body).toContain('【请填写：');
    // page numbers — 1 — … at the foot
    expect(pages[0]).toMatch(/—1—/);
  });

  test('the figures equal the web bulletin’s, to the cent', () => {
    const html = readFileSync(join(build.dist, `bulletins/${latest}.html`), 'utf8');
    const { document } = parseHTML(html);
    const pageTable = [...document.querySelectorAll('table')].find((t) =>
      t.querySelector('caption')?.textContent?.includes('主要指标'),
    )!;
    const pageRows = [...pageTable.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => flat(td.textContent ?? '')),
    );
    const xml = docxParts(readFileSync(join(build.dist, `bulletins/${latest}.docx`))).get('word/document.xml')!;
    const t1 = docxTables(xml)[0]!.slice(1);
    // 指标, 本月, 累计, 去年同期 of the page (columns 0, 2, 4, 5) against the document's (0, 1, 2, 3)
    expect(t1.map((r) => [flat(r[0]!).replace(/（[^）]*）$/, ''), r[1], r[2], r[3]])).toEqual(
      pageRows.map((r) => [r[0], r[2], r[4], r[5]]),
    );
    // the 总体情况 sentence: 累计签约 count and 亿元 as the page says them
    const pageText = flat(document.querySelector('article')!.textContent ?? '');
    const docText = flat(docxParagraphs(xml).join(''));
    const count = pageText.match(/全区累计签约项目(\d+)个/)![1];
    const yi = pageText.match(/签约金额([\d.]+)亿元/)![1];
    expect(docText).toContain(`全区累计签约项目${count}个`);
    expect(docText).toContain(`签约金额${yi}亿元`);
  });
});

describe('rankings/<latest>.docx rendered', () => {
  test('Chinese text, every unit of the ranking page with its score', async () => {
    const pdf = await pdfOf(`rankings/${latest}.docx`);
    expect(pdf.sizes.every(isA4)).toBe(true);
    const all = flat(pdf.text.join(''));
    expect(all).toContain('招商引资考核结果的公示');
    expect(all).toContain('得分=分值');
    expect(all).toContain('三、异议');
    const { document } = parseHTML(readFileSync(join(build.dist, `rankings/${latest}.html`), 'utf8'));
    const xml = docxParts(readFileSync(join(build.dist, `rankings/${latest}.docx`))).get('word/document.xml')!;
    const summary = docxTables(xml)[0]!.slice(1);
    expect(summary.length).toBeGreaterThan(0);
    const pageText = flat(document.body.textContent ?? '');
    for (const [, unit, , , , , , total] of summary) {
      expect(all).toContain(flat(unit!));
      expect(pageText).toContain(flat(unit!));
      expect(pageText).toContain(total!);
    }
  });
});

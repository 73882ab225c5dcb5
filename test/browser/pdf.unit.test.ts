import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { isA4, readPdf } from './helpers/pdf.ts';

// readPdf on PDFs written here by hand (not by Chromium), whose page count, sizes and text are
// known: one A4 page and one US Letter page; ActualText spans as Chromium writes them.

/**
 * A minimal PDF: one page per entry, each with its MediaBox and a content stream drawing `text` in
 * Helvetica (or the given content operators), Flate-compressed when `deflate`.
 */
function handMadePdf(pages: { box: [number, number]; text?: string; ops?: string; deflate?: boolean }[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach(({ box, text, ops, deflate }, i) => {
    const plain = `BT /F1 24 Tf 72 700 Td ${ops ?? `(${text}) Tj`} ET`;
    const stream = deflate ? deflateSync(plain).toString('latin1') : plain;
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${box[0]} ${box[1]}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] =
      `<< /Length ${stream.length}${deflate ? ' /Filter /FlateDecode' : ''} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const dir = mkdtempSync(join(tmpdir(), 'zs-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('readPdf: page count, page sizes in points and the text of each page', async () => {
  const path = join(dir, 'two.pdf');
  writeFileSync(
    path,
    handMadePdf([
      { box: [595.28, 841.89], text: 'Monthly bulletin' },
      { box: [612, 792], text: 'Second page' },
    ]),
  );
  const pdf = await readPdf(path);
  expect(pdf.pages).toBe(2);
  expect(pdf.sizes[0]![0]).toBeCloseTo(595.28, 2);
  expect(pdf.sizes[0]![1]).toBeCloseTo(841.89, 2);
  expect(pdf.sizes[1]).toEqual([612, 792]);
  expect(pdf.text[0]!.trim()).toBe('Monthly bulletin');
  expect(pdf.text[1]!.trim()).toBe('Second page');
});

test('readPdf: an ActualText span replaces the glyph it wraps, on every page, compressed or not', async () => {
  // As Chromium writes a glyph whose ToUnicode is a radical: /Span <</ActualText <FEFF…>>> BDC … EMC.
  const span = (hex: string, glyph: string) => `/Span <</ActualText <FEFF${hex}> >> BDC (${glyph}) Tj EMC`;
  const path = join(dir, 'spans.pdf');
  writeFileSync(
    path,
    handMadePdf([
      { box: [595.28, 841.89], ops: `${span('9752', 'Q')} (ing) Tj ${span('6708', 'M')}`, deflate: true },
      { box: [595.28, 841.89], ops: `(Page ) Tj ${span('9875', 'P')}` },
    ]),
  );
  const pdf = await readPdf(path);
  expect(pdf.text.map((t) => t.trim())).toEqual(['青ing月', 'Page 页']);
});

test("isA4: 210 × 297 mm portrait within 2 pt (Chromium's A4 included), not Letter or landscape", () => {
  expect(isA4([595.28, 841.89])).toBe(true);
  expect(isA4([(210 / 25.4) * 72, (297 / 25.4) * 72])).toBe(true);
  expect(isA4([595.92, 842.88])).toBe(true); // what Chromium 150 prints for format: 'A4'
  expect(isA4([8.27 * 72, 11.7 * 72])).toBe(true); // Playwright's A4 in inches
  expect(isA4([598, 842])).toBe(false);
  expect(isA4([595, 845])).toBe(false);
  expect(isA4([612, 792])).toBe(false);
  expect(isA4([841.89, 595.28])).toBe(false);
});

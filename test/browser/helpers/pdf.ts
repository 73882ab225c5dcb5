import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { getDocumentProxy } from 'unpdf';

/** A printed PDF as the print test reads it (with PDF.js, through unpdf: no poppler needed). */
export interface PdfSummary {
  pages: number;
  /** Each page's width and height in points (A4 is 595.28 × 841.89). */
  sizes: [number, number][];
  /**
   * Each page's text: its runs joined in content order, a newline where PDF.js marks a line end,
   * each `/ActualText` span replaced by its actual text (see `actualTexts`).
   */
  text: string[];
}

/**
 * Page count, page sizes and the text of every page of the PDF file at `path`.
 *
 * Chromium (Skia) maps a glyph that a CJK font shares between a radical and an ideograph to the
 * radical in the font's ToUnicode table (⽉ U+2F49 for 月, ⻘ U+2ED8 for 青, ⼾ U+2F3E for 户) and
 * puts the real character in a `/Span <</ActualText …>> BDC … EMC` around it. PDF.js reports the
 * span but not its ActualText, so the spans' texts are read from the content streams here and put
 * back in order: the n-th span PDF.js reports gets the n-th ActualText of the file (Skia writes the
 * pages and their content streams in page order). A count that differs throws.
 */
export async function readPdf(path: string): Promise<PdfSummary> {
  const bytes = new Uint8Array(await readFile(path));
  const actual = actualTexts(bytes);
  const pdf = await getDocumentProxy(bytes.slice());
  let used = 0;
  try {
    const sizes: [number, number][] = [];
    const text: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      sizes.push([x1! - x0!, y1! - y0!]);
      const content = await page.getTextContent({ includeMarkedContent: true });
      let out = '';
      /** Nesting depth of marked content; the depth at which the current ActualText span opened; whether its text is out. */
      let depth = 0;
      let spanAt = -1;
      let replaced = false;
      const nextActual = () => {
        if (used >= actual.length) throw new Error(`${path}: more /Span marks than /ActualText strings`);
        return actual[used++]!;
      };
      for (const item of content.items) {
        if ('str' in item) {
          // In a span, the first glyph run is the span's ActualText; the gaps PDF.js adds stay.
          const blank = item.str.trim() === '';
          if (spanAt < 0 || blank) out += item.str;
          else if (!replaced) {
            out += nextActual();
            replaced = true;
          }
          if (item.hasEOL) out += '\n';
        } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          depth++;
          // PDF.js gives marked content its tag, though its type omits it.
          const tag = (item as { tag?: string | null }).tag;
          if (spanAt < 0 && item.type === 'beginMarkedContentProps' && tag === 'Span') {
            spanAt = depth;
            replaced = false;
          }
        } else if (item.type === 'endMarkedContent') {
          if (depth === spanAt) {
            if (!replaced) out += nextActual();
            spanAt = -1;
          }
          depth--;
        }
      }
      text.push(out);
    }
    if (used !== actual.length)
      throw new Error(`${path}: ${actual.length} /ActualText strings but PDF.js reported ${used} spans`);
    return { pages: pdf.numPages, sizes, text };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The `/ActualText` strings of the PDF's (Flate-compressed or plain) streams, in file order. */
export function actualTexts(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file = buf.toString('latin1');
  const out: string[] = [];
  const starts = /(?<!end)stream\r?\n/g;
  for (let m = starts.exec(file); m; m = starts.exec(file)) {
    const begin = m.index + m[0].length;
    const end = file.indexOf('endstream', begin);
    if (end < 0) break;
    let data: string;
    try {
      data = inflateSync(buf.subarray(begin, end)).toString('latin1');
    } catch {
      data = file.slice(begin, end);
    }
    for (const [, hex, literal] of data.matchAll(/\/ActualText\s*(?:<([0-9A-Fa-f\s]*)>|(\())/g)) {
      if (literal !== undefined)
        throw new Error('a literal-string /ActualText: only hex strings (as Skia writes) are read');
      out.push(decodeTextString(Buffer.from(hex!.replace(/\s+/g, ''), 'hex')));
    }
    starts.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** A PDF text string: UTF-16BE after a FEFF mark, else PDFDocEncoding (taken as Latin-1). */
function decodeTextString(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
  return b.toString('latin1');
}

/**
 * Whether a size in points is A4 portrait (210 × 297 mm = 595.28 × 841.89 pt) within 2 pt (0.7 mm):
 * Chromium prints Playwright's A4 (8.27 × 11.7 in) on its pixel grid, 595.92 × 842.88 pt. US Letter
 * (612 × 792) and A4 landscape are far off.
 */
export const isA4 = ([w, h]: [number, number]): boolean => Math.abs(w - 595.28) <= 2 && Math.abs(h - 841.89) <= 2;

import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

/** A printed PDF as the print test reads it (with PDF.js, through unpdf: no poppler needed). */
export interface PdfSummary {
  pages: number;
  /** Each page's width and height in points (A4 is 595.28 × 841.89). */
  sizes: [number, number][];
  /** Each page's text, its runs joined in content order, a newline where PDF.js marks a line end. */
  text: string[];
}

/** Page count, page sizes and the text of every page of the PDF file at `path`. */
export async function readPdf(path: string): Promise<PdfSummary> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  try {
    const sizes: [number, number][] = [];
    const text: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      sizes.push([x1! - x0!, y1! - y0!]);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { pages: pdf.numPages, sizes, text };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Whether a size in points is A4 portrait (210 × 297 mm = 595.28 × 841.89 pt), to the nearest point. */
export const isA4 = ([w, h]: [number, number]): boolean => Math.round(w) === 595 && Math.round(h) === 842;

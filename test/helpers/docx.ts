import { unzip } from '../fixtures/ingest/make.ts';

/** The parts of a .docx as text, by path (`word/document.xml`, …). */
export const docxParts = (bytes: Uint8Array): Map<string, string> => unzip(bytes);

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The text of each paragraph of `word/document.xml` (its `w:t` runs joined; a `w:br` is a newline). */
export function docxParagraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[1] === undefined ? '\n' : decode(t[1])))
      .join(''),
  );
}

/** Each table of `word/document.xml` as rows of cell texts (a cell's paragraphs joined by a newline). */
export function docxTables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => docxParagraphs(c[0]).join('\n')),
    ),
  );
}

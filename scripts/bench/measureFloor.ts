// Child process of `npm run bench`: the floor any .xlsx reader must pay — inflate every sheet XML
// and the shared strings of every workbook and scan them once (count `<row`), and decode every
// CSV and count its lines. No cell is read; nothing is kept. Prints one JSON line.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { listZipEntries, type ZipEntry } from '../../src/ingest/zip.ts';

const dir = process.argv[2] as string;
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name))
  .sort();

/** The entry's bytes, inflated (the local header's name and extra fields skipped). */
function inflate(bytes: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const slice = bytes.subarray(start, start + e.compressedSize);
  return e.method === 0 ? slice : inflateRawSync(slice);
}

/** Occurrences of `needle` in `hay`. */
function count(hay: Buffer, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

const t0 = performance.now();
let rows = 0;
let xmlBytes = 0;
for (const f of files) {
  if (f.endsWith('.xlsx')) {
    const bytes = readFileSync(f);
    for (const e of listZipEntries(bytes) ?? []) {
      const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
      if (!sheet && !/^xl\/sharedStrings\.xml$/i.test(e.name)) continue;
      const xml = inflate(bytes, e);
      xmlBytes += xml.length;
      if (sheet) rows += count(xml, '<row');
      else count(xml, '<si');
    }
  } else if (f.endsWith('.csv')) {
    const bytes = readFileSync(f);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, xmlBytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

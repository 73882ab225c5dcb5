import { looksLikeText, decodeText } from './encoding.ts';
import { listZipEntries } from './zip.ts';

/**
 * What a file really is, whatever its extension says:
 * - `xlsx` a zip holding `[Content_Types].xml` and `xl/` parts (also a corrupt zip whose first part
 *   is one of those, so the reader can say "damaged workbook" rather than "not a workbook");
 * - `zip` any other zip (.docx, .ods, a zipped folder);
 * - `ole` an OLE compound file: legacy .xls (BIFF5/BIFF8), WPS .et, or a password-protected .xlsx;
 * - `html` a web page holding a table, saved with an .xls name (OA systems, Excel "网页");
 * - `spreadsheetml` SpreadsheetML 2003 XML ("XML 电子表格"), saved with an .xls name;
 * - `text` decodes as UTF-8/GB18030/UTF-16 with few control characters (CSV, TSV);
 * - `binary` anything else; `empty` zero bytes (or white space only).
 */
export type FileFormat = 'xlsx' | 'ole' | 'html' | 'spreadsheetml' | 'zip' | 'text' | 'binary' | 'empty';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Tells a file's format from its bytes (magic numbers, then a text check).
 *
 * @example sniffFormat(await readFile('签约项目表.xls')) // 'ole'
 */
export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))
    return sniffZip(bytes);
  if (!looksLikeText(bytes)) return isBlank(bytes) ? 'empty' : 'binary';
  const text = decodeText(bytes.subarray(0, HEAD_BYTES)).text;
  const start = markupStart(text);
  if (start === null) return 'text';
  const head = text.slice(start, start + HEAD_BYTES).toLowerCase();
  if (head === '') return 'empty';
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && head.includes('<workbook'))
    return 'spreadsheetml';
  if (
    /^<(?:!doctype\s+html|html|table|head|body|meta|style|title|tbody|tr|div)\b/.test(head) ||
    head.includes('<table')
  )
    return 'html';
  return 'text';
}

/** How much of the start of a file the sniffer looks at. */
const HEAD_BYTES = 64 * 1024;

/**
 * Where the markup of a web page or XML file starts, past white space, BOMs, comments
 * (`<!-- saved from url=(0041)… -->`, which browsers and OA systems put first), `<?xml …?>` and
 * `<!DOCTYPE …>`; null when the text does not start with markup at all (a CSV). Linear time.
 */
function markupStart(text: string): number | null {
  let i = 0;
  for (;;) {
    while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return i; // a comment longer than the head: markup all the same
      i = end + 3;
    } else if (text.startsWith('<?', i) || /^<!doctype\s+(?!html)/i.test(text.slice(i, i + 16))) {
      const end = text.indexOf('>', i + 2);
      if (end === -1) return i;
      i = end + 1;
    } else {
      return text.charCodeAt(i) === 0x3c /* < */ ? i : i >= text.length ? i : null;
    }
  }
}

function sniffZip(bytes: Uint8Array): 'xlsx' | 'zip' {
  const entries = listZipEntries(bytes);
  if (entries === null) {
    // Damaged archive: judge from the first local header's file name.
    const nameLen = bytes.length >= 30 ? bytes[26]! | (bytes[27]! << 8) : 0;
    const first = new TextDecoder().decode(bytes.subarray(30, 30 + nameLen));
    return first === '[Content_Types].xml' ||
      first.startsWith('xl/') ||
      first.startsWith('_rels/') ||
      first.startsWith('docProps/')
      ? 'xlsx'
      : 'zip';
  }
  const names = entries.map((e) => e.name);
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/')) ? 'xlsx' : 'zip';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x00);
}

/**
 * Text decoding for CSV files as Chinese offices save them: UTF-8 with or without BOM (WPS, Excel
 * "CSV UTF-8"), GB18030/GBK (Excel on Chinese Windows, "CSV（逗号分隔）"), and UTF-16 with BOM
 * (Excel "Unicode 文本", often renamed to .csv).
 */

/** How a text file was decoded; `utf-8-bom` and `utf-16*` were told by their byte-order mark. */
export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without its BOM, e.g. `项目名称,总投资\n…`. */
  text: string;
  /** How the bytes were decoded, e.g. `gb18030`. */
  encoding: TextEncodingName;
}

/**
 * Decodes a text file: BOM first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
 * Bytes that are valid in neither fall back to a lenient GB18030 decode; call
 * {@link looksLikeText} first when junk must be told apart from text.
 *
 * @example decodeText(iconv.encode('项目名称', 'gb18030')) // { text: '项目名称', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomOf(bytes);
  if (bom !== null) {
    const label = bom === 'utf-8-bom' ? 'utf-8' : bom;
    const skip = bom === 'utf-8-bom' ? 3 : 2;
    return { text: new TextDecoder(label).decode(bytes.subarray(skip)), encoding: bom };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  return { text: gb ?? new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** The encoding named by a byte-order mark at the start, or null. */
export function bomOf(bytes: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * True when the start of the bytes (up to 64 KB) decodes strictly as UTF-8 or GB18030 (or carries a
 * BOM) and holds almost no control characters: the test that tells a CSV from binary junk.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const head = bytes.subarray(0, 64 * 1024);
  const bom = bomOf(head);
  let text: string | null;
  if (bom !== null) {
    const label = bom === 'utf-8-bom' ? 'utf-8' : bom;
    text = tryDecode(label, head.subarray(bom === 'utf-8-bom' ? 3 : 2), true);
  } else {
    // `stream: true` holds back a character cut in half at the 64 KB boundary instead of failing.
    text = tryDecode('utf-8', head, true) ?? tryDecode('gb18030', head, true);
  }
  if (text === null) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return control <= Math.max(2, text.length * 0.01);
}

function tryDecode(label: string, bytes: Uint8Array, partial = false): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    return null;
  }
}

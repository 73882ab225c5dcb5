import { bomOf } from './encoding.ts';

/**
 * Text of a web page or XML file saved under an .xls name, decoded the way its author meant:
 * a byte-order mark first; else the charset the file declares (`<meta charset="gbk">`,
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, `<?xml … encoding="GB2312"?>`)
 * when the bytes really are in it; else strict UTF-8; else GB18030 (a superset of GBK and GB2312,
 * what Chinese OA systems write).
 *
 * @example decodeMarkup(iconv.encode('<meta charset="gbk"><table><tr><td>项目</td></tr></table>', 'gbk')).text
 *   // '<meta charset="gbk"><table>…项目…'
 */
export function decodeMarkup(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomOf(bytes);
  if (bom !== null) {
    const label = bom === 'utf-8-bom' ? 'utf-8' : bom;
    return { text: new TextDecoder(label).decode(bytes.subarray(bom === 'utf-8-bom' ? 3 : 2)), encoding: label };
  }
  const declared = declaredCharset(bytes);
  for (const label of [declared, 'utf-8', 'gb18030']) {
    if (label === null) continue;
    const text = strictDecode(label, bytes);
    if (text !== null) return { text, encoding: label };
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/**
 * The charset a page or XML declaration names in its first 4 KB, normalised to a label
 * `TextDecoder` knows (`gb2312`, `gbk`, `x-gbk` → `gb18030`), or null.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m =
    /<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([\w.:-]{1,40})["']/i.exec(head) ??
    /<meta\b[^>]{0,400}?\bcharset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head);
  if (m === null) return null;
  const label = m[1]!.toLowerCase();
  if (label === 'gb2312' || label === 'gbk' || label === 'x-gbk' || label === 'cp936' || label === 'gb_2312-80') {
    return 'gb18030';
  }
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // a label the platform does not know: fall back to UTF-8, then GB18030
  }
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

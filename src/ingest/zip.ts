import { inflateRawSync, constants as zlibConstants } from 'node:zlib';

/**
 * Just enough of the ZIP format to look inside an .xlsx before handing it to exceljs: the
 * central directory gives every part's name and uncompressed size without inflating anything, so a
 * workbook that would exhaust memory is refused first (see `limits.ts`).
 */

/** One file inside a zip, from its central-directory record. */
export interface ZipEntry {
  /** Path inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  /** Uncompressed size in bytes as the archive claims it (zip64 sizes resolved). */
  size: number;
  /** Compressed size in bytes. */
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Offset of the local file header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * Lists the entries of a zip archive from its central directory, or returns null when the bytes
 * are not a readable zip (no end-of-central-directory record, truncated, corrupt).
 *
 * @example listZipEntries(bytes)?.find((e) => e.name === 'xl/sharedStrings.xml')?.size // 4853674
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  const cdOffset = view.getUint32(eocd + 16, true);
  const cdSize = view.getUint32(eocd + 12, true);
  if (cdOffset === MAX32 || cdOffset + cdSize > eocd) return null; // zip64 archive (> 4 GB) or corrupt
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  // Walk records until the signature stops matching: the 16-bit entry count can overflow.
  while (p + 46 <= eocd && view.getUint32(p, true) === CENTRAL) {
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > eocd) return null;
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extra field: 8-byte values for exactly those fields that are 0xFFFFFFFF, in this order.
    let q = p + 46 + nameLen;
    const extraEnd = q + extraLen;
    while (q + 4 <= extraEnd) {
      const id = view.getUint16(q, true);
      const len = view.getUint16(q + 2, true);
      if (id === 0x0001) {
        let r = q + 4;
        const next = (): number => {
          const v = r + 8 <= q + 4 + len ? Number(view.getBigUint64(r, true)) : MAX32;
          r += 8;
          return v;
        };
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localOffset === MAX32) localOffset = next();
      }
      q += 4 + len;
    }
    entries.push({ name, size, compressedSize, method, localOffset });
    p = end;
  }
  return entries.length > 0 || cdSize === 0 ? entries : null;
}

/**
 * The first `maxBytes` of an entry's uncompressed content, or null when it cannot be read. Used to
 * peek at a sheet's `<dimension ref="A1:O5001"/>` without inflating the whole sheet.
 */
export function peekZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = 4096): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  // Deflate rarely expands XML below a tenth; read a generous compressed slice.
  const slice = bytes.subarray(start, Math.min(start + entry.compressedSize, start + maxBytes * 4, bytes.length));
  try {
    if (entry.method === 0) return slice.subarray(0, maxBytes);
    if (entry.method !== 8) return null;
    const out = inflateRawSync(slice, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    return out.subarray(0, maxBytes);
  } catch {
    return null;
  }
}

/**
 * Inflates one entry in full, never producing more than `maxBytes`: the real size counts, not the
 * size the zip headers claim (which a hostile file understates). Returns the content, `'too-large'`
 * when it would exceed `maxBytes`, or null when the entry cannot be read (bad offset, unknown
 * method, corrupt deflate data).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer | 'too-large' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const slice = bytes.subarray(start, Math.min(start + entry.compressedSize, bytes.length));
  if (entry.method === 0) return slice.length > maxBytes ? 'too-large' : Buffer.from(slice);
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(slice, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : null;
  }
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  return -1;
}

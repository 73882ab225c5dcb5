import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip.ts';

/**
 * Reads one part of an .xlsx as text, in chunks, never holding more than a few MB of it: small
 * parts are inflated at once, large ones through a streaming inflater. The real inflated size
 * counts (a zip directory can lie), and a part larger than `maxBytes` stops with
 * {@link PartTooLarge} before more is read.
 */

/** A part's real size passed `maxBytes`. */
export class PartTooLarge extends Error {
  readonly part: string;
  readonly bytes: number;
  constructor(part: string, bytes: number) {
    super(`${part} 超过 ${bytes} 字节`);
    this.part = part;
    this.bytes = bytes;
  }
}

/** A part could not be inflated (damaged deflate data, unknown method, bad local header). */
export class PartDamaged extends Error {
  readonly part: string;
  constructor(part: string) {
    super(`${part} 无法解压`);
    this.part = part;
  }
}

/** Parts up to this size are inflated in one call (fast); larger ones are streamed. */
const WHOLE_PART_BYTES = 8 * 1024 * 1024;
/** Output chunk of the streaming inflater. */
const CHUNK_BYTES = 1024 * 1024;

/** The compressed bytes of an entry, or null when its local header is not where the directory says. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start > bytes.length) return null;
  return bytes.subarray(start, Math.min(start + entry.compressedSize, bytes.length));
}

/**
 * The text of a part, chunk by chunk (UTF-8, BOM dropped). Throws {@link PartTooLarge} past
 * `maxBytes` of inflated content, or an Error for a damaged entry. `budget.bytes`, when given,
 * is decreased by the part's real size (several parts sharing one limit).
 */
export async function* partText(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  budget?: { bytes: number },
): AsyncGenerator<string> {
  let total = 0;
  for await (const chunk of partChunks(bytes, entry, maxBytes)) {
    total += chunk.bytes;
    if (total > maxBytes) throw new PartTooLarge(entry.name, maxBytes);
    yield chunk.text;
  }
  if (budget) budget.bytes -= total;
}

async function* partChunks(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): AsyncGenerator<{ text: string; bytes: number }> {
  const data = entryData(bytes, entry);
  if (data === null) throw new PartDamaged(entry.name);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new PartTooLarge(entry.name, maxBytes);
    for (let i = 0; i < data.length; i += CHUNK_BYTES) {
      const piece = data.subarray(i, i + CHUNK_BYTES);
      yield { text: decoder.decode(piece, { stream: true }), bytes: piece.length };
    }
    yield { text: decoder.decode(), bytes: 0 };
    return;
  }
  if (entry.method !== 8) throw new PartDamaged(entry.name);
  const whole = Math.min(WHOLE_PART_BYTES, maxBytes);
  if (entry.size <= whole) {
    let out: Buffer | null = null;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, whole) });
    } catch (error) {
      // The directory understated the size: stream it instead (and count for real).
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw new PartDamaged(entry.name);
      if (whole === maxBytes) throw new PartTooLarge(entry.name, maxBytes);
    }
    if (out !== null) {
      yield { text: decoder.decode(out), bytes: out.length };
      return;
    }
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflater.end(data);
  try {
    const chunks = (inflater as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch {
        throw new PartDamaged(entry.name);
      }
      if (next.done === true) break;
      yield { text: decoder.decode(next.value, { stream: true }), bytes: next.value.length };
    }
  } finally {
    inflater.destroy();
  }
  yield { text: decoder.decode(), bytes: 0 };
}

/** A small part's whole text (workbook, relationships, styles), or null when absent. */
export async function smallPartText(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  maxBytes: number,
): Promise<string | null> {
  if (entry === undefined) return null;
  let text = '';
  for await (const chunk of partText(bytes, entry, maxBytes)) text += chunk;
  return text;
}

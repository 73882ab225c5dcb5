import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';

/**
 * A content-addressed cache of data-stage results on disk (`.cache/` beside the data folder by
 * default, `--cache DIR`, `--no-cache`). A key is a SHA-256 over everything that decides the
 * value (the file's bytes, the code's fingerprint, the settings …, see `cacheKey`), so an entry is
 * never stale: it is either the right value or absent. A hit returns exactly what was stored
 * (`v8.serialize`: key order, `undefined` fields, `Date`s and `Map`s survive), so a warm build
 * writes the same bytes as a cold one.
 *
 * Each entry is one file `<dir>/v1/<ab>/<key>`: a JSON header line — format, version, key,
 * body length and SHA-256 — then the body. An entry whose header, length, checksum or key does
 * not match (truncated, corrupt, written by something else, another key at that path) is ignored
 * and rewritten; a body that does not deserialise likewise. Writes go to a temporary file renamed
 * into place, so a reader never sees half an entry and two builds writing the same key at once
 * both leave a whole one. Any error of the cache itself (read-only folder, full disk) only turns
 * the cache off for the rest of the build: the build never fails because of it.
 */
export interface BuildCache {
  /** The stored value, or undefined (absent, or an entry that failed its checks). */
  get<T>(key: string): T | undefined;
  /** Stores a value (serialised now: later changes to it are not stored). */
  set(key: string, value: unknown): void;
  /** Hits, misses, entries rejected by their checks, writes, for the bench and tests. */
  readonly stats: { hits: number; misses: number; rejected: number; writes: number };
}

const FORMAT = 'zs-data-cache';
const VERSION = 1;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  key: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The SHA-256 (hex) of the parts, each length-prefixed so that no two lists hash alike. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${typeof p === 'string' ? 's' : 'b'}${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** A cache that stores nothing (`--no-cache`). */
export const NO_CACHE: BuildCache = {
  get: () => undefined,
  set: () => {},
  stats: { hits: 0, misses: 0, rejected: 0, writes: 0 },
};

/** Entries not used for this long are removed (at most once a day, after a build). */
const MAX_AGE_MS = 60 * 24 * 3600_000;

/** Opens (creating lazily) the cache in `dir`. */
export function openCache(dir: string): BuildCache {
  const root = join(dir, `v${VERSION}`);
  let broken = false;
  const stats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);

  return {
    stats,
    get<T>(key: string): T | undefined {
      if (broken || !/^[0-9a-f]{64}$/.test(key)) return undefined;
      let data: Buffer;
      try {
        data = readFileSync(pathOf(key));
      } catch {
        stats.misses++;
        return undefined;
      }
      const value = decodeEntry(data, key);
      if (value === REJECTED) {
        stats.rejected++;
        return undefined;
      }
      stats.hits++;
      try {
        const now = new Date();
        utimesSync(pathOf(key), now, now); // in use: pruning keeps it
      } catch {
        // read-only cache: still usable
      }
      return value as T;
    },
    set(key: string, value: unknown): void {
      if (broken || !/^[0-9a-f]{64}$/.test(key)) return;
      const path = pathOf(key);
      const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        mkdirSync(join(root, key.slice(0, 2)), { recursive: true });
        // Header and body written one after the other: a large entry (a 1,000,000-row ledger's
        // records serialise to a few hundred MB) is never copied into one more buffer.
        const { header, body } = entryParts(key, value);
        const fd = openSync(tmp, 'w');
        try {
          for (const part of [header, body])
            for (let at = 0; at < part.length;) at += writeSync(fd, part, at, part.length - at);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, path);
        stats.writes++;
      } catch {
        broken = true;
        try {
          rmSync(tmp, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}

const REJECTED = Symbol('rejected');

/** Header line + body. */
export function encodeEntry(key: string, value: unknown): Buffer {
  const { header, body } = entryParts(key, value);
  return Buffer.concat([header, body]);
}

/** The header line and the body of an entry, apart. */
function entryParts(key: string, value: unknown): { header: Buffer; body: Buffer } {
  const body = serialize(value);
  const header = JSON.stringify({
    format: FORMAT,
    version: VERSION,
    key,
    bytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  });
  return { header: Buffer.from(`${header}\n`, 'utf8'), body };
}

function decodeEntry(data: Buffer, key: string): unknown {
  const nl = data.indexOf(0x0a);
  if (nl <= 0 || nl > 1024) return REJECTED;
  let header;
  try {
    header = headerSchema.safeParse(JSON.parse(data.subarray(0, nl).toString('utf8')));
  } catch {
    return REJECTED;
  }
  if (!header.success || header.data.key !== key) return REJECTED;
  const body = data.subarray(nl + 1);
  if (body.length !== header.data.bytes) return REJECTED;
  if (createHash('sha256').update(body).digest('hex') !== header.data.sha256) return REJECTED;
  try {
    return deserialize(body);
  } catch {
    return REJECTED;
  }
}

/**
 * Removes entries (and stray temporary files) unused for {@link MAX_AGE_MS}, at most once a day;
 * a hit refreshes an entry's time. Never throws.
 */
export function pruneCache(dir: string, now = Date.now()): void {
  const root = join(dir, `v${VERSION}`);
  const marker = join(root, '.pruned');
  try {
    if (now - statSync(marker).mtimeMs < 24 * 3600_000) return;
  } catch {
    // never pruned (or no cache yet)
  }
  try {
    for (const sub of readdirSync(root)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of readdirSync(join(root, sub))) {
        const p = join(root, sub, name);
        const age = now - statSync(p).mtimeMs;
        if (age > MAX_AGE_MS || (name.includes('.tmp-') && age > 3600_000)) rmSync(p, { force: true });
      }
    }
    writeFileSync(marker, '');
  } catch {
    // a cache that cannot be pruned is still a cache
  }
}

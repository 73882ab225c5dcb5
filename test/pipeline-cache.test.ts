import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cacheKey, encodeEntry, openCache, pruneCache } from '../src/pipeline/cache.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const fresh = () => mkdtempSync(join(tmpdir(), 'zs-cache-'));
const KEY = cacheKey('test', 'a');
const OTHER = cacheKey('test', 'b');
const entryPath = (dir: string, key: string) => join(dir, 'v1', key.slice(0, 2), key);

/** A value with what JSON would lose: key order, undefined fields, dates, maps, nested sharing. */
function sample() {
  const shared = { unit: '经开区招商局' };
  return {
    records: [
      { src: { file: 'a.xlsx', sheet: 'S', row: 3 }, name: '甲', key: undefined, investmentYi: 0.8, a: shared },
      { name: '乙', src: { file: 'a.xlsx', sheet: 'S', row: 4 }, b: shared },
    ],
    unknownUnits: new Map([['某局', 2]]),
    when: new Date(Date.UTC(2025, 9, 8)),
  };
}

describe('entries', () => {
  test('a value comes back exactly: key order, undefined fields, dates, maps, shared objects', () => {
    const dir = fresh();
    const cache = openCache(dir);
    expect(cache.get(KEY)).toBeUndefined();
    cache.set(KEY, sample());
    const back = openCache(dir).get<ReturnType<typeof sample>>(KEY)!;
    expect(back).toEqual(sample());
    expect(Object.keys(back.records[0]!)).toEqual(['src', 'name', 'key', 'investmentYi', 'a']);
    expect('key' in back.records[0]!).toBe(true);
    expect(back.unknownUnits).toBeInstanceOf(Map);
    expect(back.when).toBeInstanceOf(Date);
    expect(back.records[0]!.a).toBe(back.records[1]!.b);
    expect(cache.stats).toMatchObject({ misses: 1, writes: 1 });
  });

  test('stored when set: later changes to the value are not in the cache', () => {
    const dir = fresh();
    const cache = openCache(dir);
    const v = sample();
    cache.set(KEY, v);
    v.records[0]!.name = '改了';
    expect(cache.get<ReturnType<typeof sample>>(KEY)!.records[0]!.name).toBe('甲');
  });

  test('the entry file: one JSON header line (format, version, key, length, SHA-256), then the body', () => {
    const dir = fresh();
    openCache(dir).set(KEY, { a: 1 });
    const data = readFileSync(entryPath(dir, KEY));
    const header = JSON.parse(data.subarray(0, data.indexOf(0x0a)).toString());
    expect(Object.keys(header)).toEqual(['format', 'version', 'key', 'bytes', 'sha256']);
    expect(header).toMatchObject({ format: 'zs-data-cache', version: 1, key: KEY });
    expect(header.bytes).toBe(data.length - data.indexOf(0x0a) - 1);
  });

  test('keys: every part counts, and parts are not confused when concatenated', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey('a')).not.toBe(cacheKey(new TextEncoder().encode('a')));
    expect(cacheKey('a', 'b')).toBe(cacheKey('a', 'b'));
    expect(cacheKey('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('entries that are not to be trusted are ignored, then rewritten', () => {
  /** Writes `bytes` where KEY's entry lives and checks that it is rejected and then replaced. */
  function rejected(bytes: Uint8Array | string): void {
    const dir = fresh();
    mkdirSync(join(dir, 'v1', KEY.slice(0, 2)), { recursive: true });
    writeFileSync(entryPath(dir, KEY), bytes);
    const cache = openCache(dir);
    expect(cache.get(KEY)).toBeUndefined();
    expect(cache.stats.rejected).toBe(1);
    cache.set(KEY, { ok: true });
    expect(openCache(dir).get(KEY)).toEqual({ ok: true });
  }
  const good = () => encodeEntry(KEY, sample());

  test('truncated (a build killed while copying the cache folder)', () => {
    const b = good();
    rejected(b.subarray(0, Math.floor(b.length / 2)));
    rejected(b.subarray(0, b.indexOf(0x0a)));
    rejected(new Uint8Array(0));
  });

  test('corrupt: one byte of the body changed, or the header garbled', () => {
    const b = Buffer.from(good());
    b[b.length - 3] = b[b.length - 3]! ^ 0xff;
    rejected(b);
    const h = Buffer.from(good());
    h[5] = 0x7b;
    rejected(h);
  });

  test('foreign: another key’s entry, another format or version, plain JSON, random bytes', () => {
    rejected(encodeEntry(OTHER, sample()));
    rejected(Buffer.from(good().toString('latin1').replace('zs-data-cache', 'zs-data-cachf'), 'latin1'));
    rejected(Buffer.from(good().toString('latin1').replace('"version":1', '"version":2'), 'latin1'));
    rejected(JSON.stringify({ records: [] }));
    rejected(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  });

  test('a valid header and checksum over a body that is not a serialised value', () => {
    const body = Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x01]);
    const header = JSON.stringify({
      format: 'zs-data-cache',
      version: 1,
      key: KEY,
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    rejected(Buffer.concat([Buffer.from(`${header}\n`), body]));
  });
});

describe('failures of the cache never fail the build', () => {
  test('a folder that cannot be written: no error, nothing stored', () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: use a path below a file instead
      const file = join(fresh(), 'a-file');
      writeFileSync(file, '');
      const cache = openCache(join(file, 'cache'));
      expect(() => cache.set(KEY, { a: 1 })).not.toThrow();
      expect(cache.get(KEY)).toBeUndefined();
      expect(cache.stats.writes).toBe(0);
      return;
    }
    const dir = fresh();
    chmodSync(dir, 0o500);
    const cache = openCache(join(dir, 'cache'));
    expect(() => cache.set(KEY, { a: 1 })).not.toThrow();
    expect(cache.get(KEY)).toBeUndefined();
  });

  test('keys that are not SHA-256 hex are refused (no path outside the cache)', () => {
    const dir = fresh();
    const cache = openCache(dir);
    cache.set('../../escape', { a: 1 });
    expect(cache.get('../../escape')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});

test('pruning removes entries unused for 60 days and stray temporary files, keeps the rest', () => {
  const dir = fresh();
  const cache = openCache(dir);
  cache.set(KEY, 1);
  cache.set(OTHER, 2);
  const old = new Date(Date.now() - 61 * 24 * 3600_000);
  utimesSync(entryPath(dir, OTHER), old, old);
  const tmp = `${entryPath(dir, KEY)}.tmp-1-abcd`;
  writeFileSync(tmp, 'half');
  utimesSync(tmp, old, old);
  pruneCache(dir);
  const left = readdirSync(join(dir, 'v1'), { recursive: true }).map(String);
  expect(left.some((p) => p.endsWith(KEY))).toBe(true);
  expect(left.some((p) => p.endsWith(OTHER))).toBe(false);
  expect(left.some((p) => p.includes('.tmp-'))).toBe(false);
  // A hit refreshes an entry's time, so a used entry is never old.
  utimesSync(entryPath(dir, KEY), old, old);
  expect(openCache(dir).get(KEY)).toBe(1);
  expect(Date.now() - statSync(entryPath(dir, KEY)).mtimeMs).toBeLessThan(60_000);
});

test('two processes writing the same entries while a third reads: every read is whole', async () => {
  const dir = fresh();
  const script = join(fresh(), 'writer.ts');
  writeFileSync(
    script,
    `import { openCache, cacheKey } from ${JSON.stringify(join(ROOT, 'src/pipeline/cache.ts'))};
const cache = openCache(process.argv[2]);
const value = { rows: Array.from({ length: 20000 }, (_, i) => ({ row: i, name: '项目' + i, when: new Date(i * 86400000) })) };
for (let n = 0; n < 40; n++) for (let k = 0; k < 4; k++) cache.set(cacheKey('race', String(k)), value);
console.log(JSON.stringify(cache.stats));`,
  );
  const run = () =>
    new Promise<string>((ok, fail) => {
      const child = spawn(NODE, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`writer exited ${code}`))));
    });
  const writers = Promise.all([run(), run()]);
  let done = false;
  void writers.finally(() => (done = true));
  const reader = openCache(dir);
  let whole = 0;
  while (!done) {
    for (let k = 0; k < 4; k++) {
      const v = reader.get<{ rows: { row: number; name: string }[] }>(cacheKey('race', String(k)));
      if (v !== undefined) {
        expect(v.rows).toHaveLength(20000);
        expect(v.rows[19999]!.name).toBe('项目19999');
        whole++;
      }
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const stats = (await writers).map((s) => JSON.parse(s));
  expect(stats.every((s) => s.writes === 160)).toBe(true);
  expect(reader.stats.rejected).toBe(0);
  expect(whole).toBeGreaterThan(0);
  const files = readdirSync(join(dir, 'v1'), { recursive: true }).map(String);
  expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
}, 120_000);

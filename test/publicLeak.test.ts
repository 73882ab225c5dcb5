/**
 * Contract §10 end to end: a zone whose every confidential field holds a unique marker
 * (test/fixtures/public-leak) is built with the real CLI in the public profile, and every byte
 * under the output folder is searched — HTML, JSON, CSV, and the XML inside every .xlsx (zip
 * entries inflated). No marker may appear anywhere; the public values must.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDataStage } from '../src/pipeline/dataStage.ts';
import { buildReport } from '../src/pipeline/report.ts';
import { writeSiteData } from '../src/pipeline/writeSiteData.ts';
import { makeLeakZone, PUBLIC, SECRET_SCORE, SECRETS } from './fixtures/public-leak/makeLeakZone.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The texts of a file: itself, or for a zip (xlsx) each entry, inflated. */
function texts(buf: Buffer): string[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return [buf.toString('utf8')];
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('zip without an end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method === 0) out.push(raw.toString('utf8'));
    else if (method === 8) out.push(inflateRawSync(raw).toString('utf8'));
    else throw new Error(`zip entry ${name}: compression method ${method}`);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return [`\u0000zip\u0000`, ...out];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every file of a folder as searchable lower-case text, keyed by relative path. */
function readAll(dir: string): Map<string, string> {
  return new Map(walk(dir).map((f) => [relative(dir, f), texts(readFileSync(f)).join('\n').toLowerCase()]));
}

/** Files (relative paths) containing `needle`, case-insensitive. */
const hits = (files: Map<string, string>, needle: string | RegExp): string[] =>
  [...files]
    .filter(([, text]) => (typeof needle === 'string' ? text.includes(needle.toLowerCase()) : needle.test(text)))
    .map(([f]) => f);

/** The 6-character token at the end of a marker, e.g. `k3q7zx`. */
const token = (s: string) => s.slice(s.lastIndexOf('-') + 1);
/** The score as a number on its own (not a digit run inside e.g. a coordinate 186.413). */
const SCORE = new RegExp(`(?<![0-9.])${SECRET_SCORE.shown.replace('.', '\\.')}`);

let work: string;
let zone: string;
let out: string;
let files: Map<string, string>;
let log = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zs-leak-'));
  zone = join(work, 'zone');
  out = join(work, 'site');
  await makeLeakZone(zone);
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/node'),
    ['scripts/build.ts', '--data', zone, '--out', out, '--profile', 'public'],
    { cwd: ROOT, encoding: 'utf8', timeout: 480_000 },
  );
  log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`public build failed (exit ${r.status}):\n${log.slice(-4000)}`);
  files = readAll(out);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the fixture plants every marker where the data stage reads it', () => {
  test('each secret is in the internal site data (so its absence below means something)', async () => {
    const model = await runDataStage(zone, { log: () => {} });
    const dir = join(work, 'internal-data');
    writeSiteData(model, buildReport(model, 'internal'), 'internal', dir);
    const internal = [...readAll(dir).values()].join('\n');
    // a rejected row keeps only its bad value (in the issue list), not its name
    const missing = Object.entries(SECRETS).filter(
      ([k, s]) => k !== 'rejectedName' && !internal.includes(s.toLowerCase()),
    );
    expect(missing).toEqual([]);
    expect(internal).toContain(SECRET_SCORE.full);
    for (const s of Object.values(PUBLIC)) if (s !== PUBLIC.content) expect(internal).toContain(s.toLowerCase());
    // the dated snapshot is read for the internal 调度 (so its absence from the public build means something)
    expect(model.dispatch.map((d) => d.date)).toEqual(['2025-10-15', '2025-10-31']);
  });
});

describe('public build', () => {
  test('writes the public sections and their downloads', () => {
    expect(log).toContain('公开版');
    for (const f of [
      'index.html',
      'industries.html',
      'chains.html',
      'parks.html',
      'assets.html',
      'results.html',
      'search.html',
    ])
      expect(files.has(f), f).toBe(true);
    expect([...files.keys()].some((f) => /^chains\/c-[0-9a-f]{8}\.html$/.test(f))).toBe(true);
    expect([...files.keys()].some((f) => f.endsWith('.xlsx'))).toBe(true);
    expect([...files.keys()].some((f) => f.endsWith('.csv'))).toBe(true);
  });

  test.each(Object.entries(SECRETS))('no file contains %s', (_key, secret) => {
    expect(hits(files, secret)).toEqual([]);
    expect(hits(files, token(secret))).toEqual([]);
  });

  test('no 调度 page, document or link (internal only)', () => {
    expect([...files.keys()].filter((f) => f.startsWith('dispatch'))).toEqual([]);
    expect(hits(files, '周调度')).toEqual([]);
    expect(hits(files, '调度表')).toEqual([]);
  });

  test('no file contains the score', () => {
    expect(hits(files, SCORE)).toEqual([]);
  });

  test('the public values are shown where a visitor looks for them', () => {
    const chainPages = [...files.keys()].filter((f) => f.startsWith('chains/c-'));
    expect(hits(files, PUBLIC.signed)).toEqual(
      expect.arrayContaining(['results.html', 'downloads/signed-public.csv', 'downloads/signed-public.xlsx']),
    );
    expect(hits(files, PUBLIC.investor)).toContain('results.html');
    expect(hits(files, PUBLIC.asset)).toEqual(
      expect.arrayContaining(['assets.html', 'downloads/assets.csv', 'downloads/assets.xlsx']),
    );
    expect(hits(files, PUBLIC.assetUnit)).toContain('assets.html');
    expect(hits(files, PUBLIC.targetCompany)).toEqual(expect.arrayContaining(['chains.html', ...chainPages]));
    expect(hits(files, PUBLIC.leader)).toEqual(expect.arrayContaining(['industries.html', ...chainPages]));
    expect(hits(files, PUBLIC.park)).toEqual(expect.arrayContaining(['parks.html', 'industries.html']));
    expect(hits(files, PUBLIC.content).length).toBeGreaterThan(0);
  });

  test('the asset map draws the public asset on the public park, and nothing else', () => {
    const assets = files.get('assets.html') ?? '';
    expect(assets).toContain('zs-chart--asset-map-960');
    expect(assets).toContain(`>1 ${PUBLIC.asset.toLowerCase()}</tspan>`);
    expect(assets).toContain(`>${PUBLIC.park.toLowerCase()}</text>`);
    expect((assets.match(/<g class="zs-asset">/g) ?? []).length).toBe(2); // one mark × two drawings (screen, phone)
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Archive integrity and reproducibility, with the real CLI and the sample generator:
 *
 * (a) the same data folder built twice gives byte-identical output folders (every file);
 * (b) adding a month does not change what was already published: every bulletin of an earlier
 *     period and every finished year's annual report are byte-identical between the build up to
 *     2025-09 and the build up to 2025-10.
 *
 * The zone is the sample scenario at a small scale (`--scale 0.3`): generating it `--to 2025-09`
 * and `--to 2025-10` writes the same earlier snapshots byte for byte (checked first). Builds go
 * to `.zs/archive-test/` inside the repository (Astro shares its prerender chunks between
 * builds whose output is outside the working directory). On a difference the failure names each
 * file and shows where both builds differ.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = resolve(ROOT, 'node_modules/.bin/node');
/**
 * Each run works in its own folder (another run, e.g. the whole suite started elsewhere, must not
 * empty it mid-build), removed afterwards. `ZS_ARCHIVE_DIR=<folder>` keeps the folder and, when it
 * already holds the three builds, re-checks them without building (to look into a failure).
 */
const KEEP = process.env.ZS_ARCHIVE_DIR;
let WORK = '';
const SCALE = '0.3';

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, args, {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

async function runOk(args: string[]): Promise<void> {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`node ${args.join(' ')} exited ${r.code}:\n${r.out.slice(-4000)}`);
}

const generate = (to: string) =>
  runOk([
    'scripts/generate-sample.ts',
    '--out',
    join(WORK, `data-${to}`),
    '--from',
    '2024-01',
    '--to',
    to,
    '--scale',
    SCALE,
    '--quiet',
  ]);
const build = (data: string, out: string) =>
  runOk(['scripts/build.ts', '--data', join(WORK, data), '--out', join(WORK, out), '--quiet']);

/** Every file under a folder, as paths relative to it, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const clip = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Tags and the text between them, with the offset of each. */
function tokens(s: string): { t: string; at: number }[] {
  const out: { t: string; at: number }[] = [];
  const re = /<[^>]*>|[^<]+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ t: m[0], at: m.index });
  return out;
}

/** `第 2 行第 1045 列` of an offset. */
function where(s: string, at: number): string {
  const before = s.slice(0, at);
  const line = before.split('\n').length;
  return `第 ${line} 行第 ${at - before.lastIndexOf('\n')} 列`;
}

/**
 * Where two versions of a text file differ: up to `max` hunks, each with its line and column and
 * the differing tags or text of both versions (pages are long, few-line HTML, so a line diff
 * would say little). Tokens are tags and text runs; after a mismatch the two sides are
 * re-synchronised on the nearest run of 4 equal tokens.
 */
function describeDifference(a: string, b: string, max = 4): string[] {
  const ta = tokens(a);
  const tb = tokens(b);
  const hunks: string[] = [];
  const same = (i: number, j: number, n: number) => {
    for (let k = 0; k < n; k++) if (ta[i + k]?.t !== tb[j + k]?.t || ta[i + k] === undefined) return false;
    return true;
  };
  let i = 0;
  let j = 0;
  while (i < ta.length || j < tb.length) {
    if (i < ta.length && j < tb.length && ta[i]!.t === tb[j]!.t) {
      i++;
      j++;
      continue;
    }
    if (hunks.length === max) {
      hunks.push('……（其后还有不同）');
      break;
    }
    // nearest resync point by total tokens skipped
    let next: [number, number] = [ta.length, tb.length];
    search: for (let d = 1; d < 800; d++) {
      for (let x = 0; x <= d; x++) {
        if (
          i + x <= ta.length &&
          j + d - x <= tb.length &&
          (same(i + x, j + d - x, 4) || (i + x === ta.length && j + d - x === tb.length))
        ) {
          next = [i + x, j + d - x];
          break search;
        }
      }
    }
    const at = ta[i]?.at ?? a.length;
    const partA = ta
      .slice(i, next[0])
      .map((x) => x.t)
      .join('');
    const partB = tb
      .slice(j, next[1])
      .map((x) => x.t)
      .join('');
    hunks.push(`${where(a, at)}:\n    A: ${clip(partA) || '（无）'}\n    B: ${clip(partB) || '（无）'}`);
    [i, j] = next;
  }
  return hunks;
}

/** The files of `paths` that differ between two folders, each with where it differs. */
function compare(dirA: string, dirB: string, paths: readonly string[]): string[] {
  const report: string[] = [];
  for (const p of paths) {
    const fa = join(dirA, p);
    const fb = join(dirB, p);
    if (!existsSync(fa) || !existsSync(fb)) {
      report.push(`${p}: ${existsSync(fa) ? '只在 A 中' : '只在 B 中'}`);
      continue;
    }
    const a = readFileSync(fa);
    const b = readFileSync(fb);
    if (a.equals(b)) continue;
    const text = /\.(html|csv|json|txt|svg|css|js|md)$/i.test(p);
    report.push(
      text
        ? `${p}\n  ${describeDifference(a.toString('utf8'), b.toString('utf8')).join('\n  ')}`
        : `${p}: 二进制内容不同（${a.length} / ${b.length} 字节）`,
    );
  }
  return report;
}

/** Fails with every differing file listed (not just the first). */
function expectSame(report: string[], what: string): void {
  expect(report, `${what}：${report.length} 个文件不同\n\n${report.join('\n\n')}`).toEqual([]);
}

describe('archive integrity (CLI, sample zone at --scale 0.3)', () => {
  beforeAll(async () => {
    mkdirSync(resolve(ROOT, '.zs'), { recursive: true });
    WORK = KEEP ? resolve(KEEP) : mkdtempSync(resolve(ROOT, '.zs/archive-test-'));
    if (KEEP && ['out-10a', 'out-10b', 'out-09'].every((d) => existsSync(join(WORK, d, 'index.html')))) return;
    mkdirSync(WORK, { recursive: true });
    await Promise.all([generate('2025-09'), generate('2025-10')]);
    // two outputs of the same folder, and the folder one month shorter (separate output folders
    // inside the repository, so parallel builds never share Astro's chunks)
    await Promise.all([
      build('data-2025-10', 'out-10a'),
      build('data-2025-10', 'out-10b'),
      build('data-2025-09', 'out-09'),
    ]);
  }, 600_000);

  afterAll(() => {
    if (!KEEP && WORK) rmSync(WORK, { recursive: true, force: true });
  });

  it('the generator writes the same earlier snapshots whatever the last month', () => {
    const a = join(WORK, 'data-2025-09');
    const b = join(WORK, 'data-2025-10');
    const shared = files(a).filter((p) => p !== 'README.md');
    expect(shared.some((p) => p.startsWith('ledgers/2025-09/'))).toBe(true);
    // October's folders (the month and its dated 2025-10-15 snapshot) are the only difference
    expect(files(b).filter((p) => !/^ledgers\/2025-10(-\d\d)?\//.test(p) && p !== 'README.md')).toEqual(shared);
    expectSame(compare(a, b, shared), '两次生成的早期快照');
  });

  it('(a) the same data folder built twice gives byte-identical output folders', () => {
    const a = join(WORK, 'out-10a');
    const b = join(WORK, 'out-10b');
    const list = files(a);
    expect(list.length).toBeGreaterThan(100);
    expect(files(b)).toEqual(list);
    expectSame(compare(a, b, list), '同一数据两次生成');
  });

  it('(b) adding a month leaves every earlier bulletin byte-identical', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    const bulletins = files(before).filter(
      (p) => /^bulletins\/\d{4}-\d{2}\.html$/.test(p) && p <= 'bulletins/2025-09.html',
    );
    expect(bulletins).toHaveLength(21);
    expect(files(after)).toContain('bulletins/2025-10.html');
    expectSame(compare(before, after, bulletins), '增加2025年10月后，以前各期通报');
  });

  it('(b) … and the drill pages an earlier bulletin’s figures link to', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    const drill = files(before).filter((p) => /^drill\/\d{4}-\d{2}\.html$/.test(p));
    expect(drill).toHaveLength(21);
    expectSame(compare(before, after, drill), '增加2025年10月后，以前各期的明细（drill）页');
  });

  it('(b) … and every earlier monthly and quarterly ranking', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    const rankings = files(before).filter((p) => /^rankings\/\d{4}-(\d{2}|Q\d)\.html$/.test(p));
    // 21 months 2024-01 … 2025-09 and 7 quarters 2024-Q1 … 2025-Q3.
    expect(rankings).toHaveLength(28);
    expectSame(compare(before, after, rankings), '增加2025年10月后，以前各期排名');
  });

  it('(b) … and every earlier 通报 .docx and 考核结果公示 .docx / .xlsx (contract §11)', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    const bulletins = files(before).filter((p) => /^bulletins\/\d{4}-\d{2}\.docx$/.test(p));
    expect(bulletins).toHaveLength(21);
    expect(files(after)).toContain('bulletins/2025-10.docx');
    const rankings = files(before).filter((p) => /^rankings\/\d{4}-(\d{2}|Q\d)\.(docx|xlsx)$/.test(p));
    // 21 months and 7 quarters, each as .docx and .xlsx
    expect(rankings).toHaveLength(56);
    expectSame(
      compare(before, after, [...bulletins, ...rankings]),
      '增加2025年10月后，以前各期的通报和考核结果公示文档',
    );
  });

  it('(b) … and every earlier 调度表 page and .docx (contract §11)', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    // one per month end, 2024-01 to 2025-09 (html and docx), and one per dated folder if the zone has any
    const sheets = files(before).filter((p) => /^dispatch\/\d{4}-\d{2}-\d{2}\.(html|docx)$/.test(p));
    expect(sheets.length).toBeGreaterThanOrEqual(42);
    expect(files(after)).toContain('dispatch/2025-10-31.html');
    expectSame(compare(before, after, sheets), '增加2025年10月后，以前各期调度表');
  });

  it('(b) adding a month leaves every finished year’s annual report byte-identical', () => {
    const before = join(WORK, 'out-09');
    const after = join(WORK, 'out-10a');
    expect(files(before)).toContain('reports/2024.html');
    expectSame(compare(before, after, ['reports/2024.html']), '增加2025年10月后，2024年度报告');
  });
});

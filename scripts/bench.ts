// npm run bench: speed and memory, as ratios measured in one run (the machines are noisy).
// Runs each measurement in its own process (so peak memory is its own), alternating the
// candidates and taking medians.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench-out');
const node = process.execPath;
/** Zones to measure, e.g. `BENCH_SCALE=2,8` (the default); the full build is of the largest. */
const scales = (process.env.BENCH_SCALE ?? '2,8').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
/** Sections to run (default all): `ratios`, `builds`, `full`, `hostile`, `large`. */
const sections = new Set((process.env.BENCH_SECTIONS ?? 'ratios,builds,full,hostile,large').split(','));
const zoneOf = (scale: number) => join(out, `zone-x${scale}`);
const scale = scales[0] as number;
const zone = zoneOf(scale);

const run = (script: string, args: string[]) =>
  JSON.parse(
    execFileSync(node, [join(root, script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
      .trim()
      .split('\n')
      .pop() as string,
  );
const timed = (args: string[]) => {
  const t0 = performance.now();
  execFileSync(node, [join(root, 'scripts/build.ts'), '--quiet', ...args], { cwd: root, stdio: 'ignore' });
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (x: number, d = 1) => x.toFixed(d);
const num = (x: number) => Math.round(x).toLocaleString('en-US');
type Measure = { ms: number; rows: number; maxRssMb: number; cache?: { hits: number; misses: number } };
const peakOf = (xs: Measure[]) => fmt(Math.max(...xs.map((x) => x.maxRssMb)), 0);

for (const s of scales) {
  if (!existsSync(join(zoneOf(s), 'ledgers'))) {
    console.log(`生成 ×${s} 规模测试数据 → ${zoneOf(s)}`);
    execFileSync(node, [join(root, 'scripts/generate-sample.ts'), '--out', zoneOf(s), '--scale', String(s)], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}

/**
 * The zone without its last month folder (`bench-out/zone-xN-before/`), and a cache filled by a
 * build of it, for the "clerk adds a month" measurement. Returns the copy, the month folder and
 * the filled cache (in the system's temporary folder).
 */
function beforeLastMonth(s: number): { copy: string; month: string; filled: string } {
  const ledgers = join(zoneOf(s), 'ledgers');
  // The last month's folder (a dated folder such as `2025-10-15/` arrives before its month's end and stays).
  const month = readdirSync(ledgers)
    .filter((name) => /^\d{4}-\d{2}$/.test(name))
    .sort()
    .pop() as string;
  const copy = join(out, `zone-x${s}-before`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(zoneOf(s), copy, { recursive: true, filter: (src) => src !== join(ledgers, month) });
  const filled = mkdtempSync(join(tmpdir(), 'zs-bench-cache-'));
  run('scripts/bench/measureDataStage.ts', [copy, '--cache', filled]);
  return { copy, month, filled };
}

// 1. Data stage, cold, against exceljs alone and the inflate-and-scan floor on the same files; and
// a warm build after adding the last month against the cold build of the full zone.
if (sections.has('ratios')) {
  for (const s of scales) {
    const z = zoneOf(s);
    const before = beforeLastMonth(s);
    const stage: Measure[] = [];
    const base: Measure[] = [];
    const floor: Measure[] = [];
    const warm: Measure[] = [];
    const filling: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(run('scripts/bench/measureFloor.ts', [z]));
      base.push(run('scripts/bench/measureExcelJs.ts', [z]));
      stage.push(run('scripts/bench/measureDataStage.ts', [z]));
      // Each round: the filled cache copied, the month added, built again; then the month removed.
      const cacheDir = mkdtempSync(join(tmpdir(), 'zs-bench-cache-'));
      cpSync(before.filled, cacheDir, { recursive: true });
      cpSync(join(z, 'ledgers', before.month), join(before.copy, 'ledgers', before.month), { recursive: true });
      warm.push(run('scripts/bench/measureDataStage.ts', [before.copy, '--cache', cacheDir]));
      rmSync(join(before.copy, 'ledgers', before.month), { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
      // A cold build into an empty cache (what the first build with a cache costs).
      const empty = mkdtempSync(join(tmpdir(), 'zs-bench-cache-'));
      filling.push(run('scripts/bench/measureDataStage.ts', [z, '--cache', empty]));
      rmSync(empty, { recursive: true, force: true });
    }
    rmSync(before.filled, { recursive: true, force: true });
    const st = median(stage.map((x) => x.ms));
    const b = median(base.map((x) => x.ms));
    const fl = median(floor.map((x) => x.ms));
    const w = median(warm.map((x) => x.ms));
    const fi = median(filling.map((x) => x.ms));
    const rows = stage[0]?.rows ?? 0;
    const hits = warm[0]?.cache;
    console.log(`\n数据阶段（×${s} 规模，${num(rows)} 行，${runs} 轮交替取中位数）`);
    console.log(
      `  data stage, cold (--no-cache)   ${fmt(st / 1000, 2).padStart(6)} s   ${num(rows / (st / 1000)).padStart(7)} rows/s   peak RSS ${peakOf(stage)} MB`,
    );
    console.log(
      `  data stage, empty cache dir     ${fmt(fi / 1000, 2).padStart(6)} s   ${num(rows / (fi / 1000)).padStart(7)} rows/s   peak RSS ${peakOf(filling)} MB`,
    );
    console.log(`  exceljs readFile only           ${fmt(b / 1000, 2).padStart(6)} s   peak RSS ${peakOf(base)} MB`);
    console.log(
      `  inflate-and-scan floor          ${fmt(fl / 1000, 2).padStart(6)} s   peak RSS ${peakOf(floor)} MB   (${fmt((floor[0] as { xmlBytes?: number }).xmlBytes! / 1e6, 0)} MB of XML)`,
    );
    console.log(
      `  warm, ${before.month} added            ${fmt(w / 1000, 2).padStart(6)} s   peak RSS ${peakOf(warm)} MB   (cache ${hits?.hits ?? 0} hits, ${hits?.misses ?? 0} misses)`,
    );
    console.log(`  ratio cold data stage / exceljs        = ${fmt(st / b, 2)}   (target ≤ 1.0)`);
    console.log(`  ratio cold data stage / floor          = ${fmt(st / fl, 1)}`);
    console.log(`  ratio warm (month added) / cold        = ${fmt(w / st, 2)}   (target ≤ 0.2)`);
  }
}

// 1b. A full build of the largest zone: data stage, site data and pages, each with its peak RSS.
if (sections.has('full')) {
  const s = Math.max(...scales);
  const m = run('scripts/bench/measureBuild.ts', [zoneOf(s), join(out, `dist-x${s}`)]);
  console.log(`\n完整生成（×${s} 规模，${num(m.rows)} 行，不用缓存，1 轮）`);
  console.log(
    `  data stage   ${fmt(m.data.ms / 1000, 1).padStart(6)} s   ${num(m.rows / (m.data.ms / 1000)).padStart(7)} rows/s   peak RSS ${fmt(m.data.maxRssMb, 0)} MB`,
  );
  console.log(
    `  site data    ${fmt(m.siteData.ms / 1000, 1).padStart(6)} s   peak RSS ${fmt(m.siteData.maxRssMb, 0)} MB`,
  );
  console.log(
    `  pages        ${fmt(m.pagesStage.ms / 1000, 1).padStart(6)} s   ${num(m.pages / (m.pagesStage.ms / 1000)).padStart(7)} pages/s  peak RSS ${fmt(m.pagesStage.maxRssMb, 0)} MB`,
  );
  console.log(
    `  total        ${fmt(m.ms / 1000, 1).padStart(6)} s, ${m.pages} pages, peak RSS ${fmt(m.maxRssMb, 0)} MB   (target ≤ 180 s, ≤ 2048 MB)`,
  );
}

if (sections.has('builds')) {
  // 2. Full builds: sample zone, scaled zone, public profile.
  const pages = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => join(e.parentPath, e.name));
  /** Requests a page makes: itself plus every external stylesheet, script, image or frame it loads. */
  const requests = (html: string) =>
    1 +
    [...html.matchAll(/<(?:link[^>]+rel="?stylesheet|script[^>]+src=|img[^>]+src=|iframe[^>]+src=|source[^>]+src=)/g)]
      .length;
  const heaviest = (files: string[]) =>
    files.map((f) => ({ f, bytes: statSync(f).size })).sort((x, y) => y.bytes - x.bytes)[0];

  const sample = timed(['--out', join(out, 'dist')]);
  const sampleScaled = timed(['--data', zone, '--out', join(out, 'dist-scaled')]);
  const pub = timed(['--profile', 'public', '--out', join(out, 'dist-public')]);
  const all = pages(join(out, 'dist'));
  const bulletins = all.filter((f) => f.includes('/bulletins/') && !f.endsWith('index.html'));
  const hb = heaviest(bulletins);
  console.log(`\n完整生成（数据阶段 + Astro）`);
  console.log(`  sample zone   ${fmt(sample / 1000)} s, ${all.length} pages (target ≤ 60 s)`);
  console.log(`  ×${scale} zone      ${fmt(sampleScaled / 1000)} s, ${pages(join(out, 'dist-scaled')).length} pages`);
  if (hb) {
    const html = readFileSync(hb.f, 'utf8');
    const charts = (html.match(/<svg/g) ?? []).length;
    console.log(
      `  heaviest bulletin ${hb.f.slice(out.length + 1)}: ${fmt(hb.bytes / 1024)} KB, ${requests(html)} request(s), ${charts} charts (target ≤ 150 KB, ≤ 5 requests)`,
    );
  }
  const pubPages = pages(join(out, 'dist-public'));
  const hp = heaviest(pubPages);
  const chains = pubPages.filter((f) => /chain/.test(f));
  const hc = heaviest(chains);
  console.log(
    `  public profile ${fmt(pub / 1000)} s, ${pubPages.length} pages; heaviest ${hp ? `${hp.f.slice(out.length + 1)} ${fmt(hp.bytes / 1024)} KB, ${requests(readFileSync(hp.f, 'utf8'))} request(s)` : '—'}`,
  );
  if (hc)
    console.log(
      `  heaviest chain page ${hc.f.slice(out.length + 1)}: ${fmt(hc.bytes / 1024)} KB, ${requests(readFileSync(hc.f, 'utf8'))} request(s)`,
    );
  // 招商图谱 and 存量资产地图: each map is drawn twice (wide for screens and print, stacked for phones)
  const mapLine = (label: string, file: string | undefined) => {
    if (!file || !existsSync(file)) return;
    const html = readFileSync(file, 'utf8');
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0].length);
    console.log(
      `  ${label} ${file.slice(out.length + 1)}: ${fmt(statSync(file).size / 1024)} KB, ${requests(html)} request(s), ${svgs.length} drawings, largest ${fmt(svgs.reduce((a, b) => Math.max(a, b), 0) / 1024)} KB (target ≤ 150 KB)`,
    );
  };
  mapLine('heaviest internal chain page', heaviest(all.filter((f) => /\/chains\/c-[0-9a-f]{8}\.html$/.test(f)))?.f);
  mapLine('asset map page', join(out, 'dist-public', 'assets.html'));
}

// 3. Hostile shapes (issue 12): each zone is a good ledger beside one hostile file; each must stay
// under 1.5 GB and take no more than a few times a normal build, with one message for the file.
if (sections.has('hostile')) {
  const hostileDir = join(out, 'hostile');
  const hostile: string[] = run('scripts/bench/makeHostileZones.ts', [hostileDir]);
  console.log(`\n敌意输入（每个一个数据阶段进程；目标：峰值 ≤ 1536 MB，时间不超过正常生成的几倍）`);
  for (const name of hostile) {
    const m = run('scripts/bench/measureDataStage.ts', [join(hostileDir, name)]);
    console.log(
      `  ${name.padEnd(26)} ${fmt(m.ms / 1000, 2).padStart(6)} s   peak RSS ${fmt(m.maxRssMb, 0).padStart(5)} MB   ${(m.issue ?? '').replace(/\s+/g, ' ')}`,
    );
  }
}

// 4. One sheet at the row limit (issue 12): a 1,000,000-row 招商信息台账 (the fixture is kept in
// bench-out/), the data stage on a zone holding only it and the units table.
if (sections.has('large')) {
  const large: string = run('scripts/bench/makeLargeSheet.ts', [out]);
  const m = run('scripts/bench/measureDataStage.ts', [large]);
  console.log(`\n100 万行工作表（招商信息台账，1,000,000 行 × 11 列，共享字符串；目标：读入而非拒收，峰值 ≤ 1536 MB）`);
  console.log(
    `  data stage   ${fmt(m.ms / 1000, 1).padStart(6)} s   ${num(m.rows / (m.ms / 1000)).padStart(7)} rows/s   peak RSS ${fmt(m.maxRssMb, 0)} MB   ${m.issue ?? ''}`,
  );
}

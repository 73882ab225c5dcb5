// npm run bench: speed and memory, as ratios measured in one run (the machines are noisy).
// Runs each measurement in its own process (so peak memory is its own), alternating the
// candidates and taking medians.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench-out');
const node = process.execPath;
const scale = Number(process.env.BENCH_SCALE ?? 2);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const zone = join(out, `zone-x${scale}`);

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

if (!existsSync(join(zone, 'ledgers'))) {
  console.log(`生成 ×${scale} 规模测试数据 → ${zone}`);
  execFileSync(node, [join(root, 'scripts/generate-sample.ts'), '--out', zone, '--scale', String(scale)], {
    cwd: root,
    stdio: 'inherit',
  });
}

// 1. Data stage against exceljs alone on the same files.
const stage: { ms: number; rows: number; maxRssMb: number }[] = [];
const base: { ms: number; rows: number; maxRssMb: number }[] = [];
for (let i = 0; i < runs; i++) {
  base.push(run('scripts/bench/measureExcelJs.ts', [zone]));
  stage.push(run('scripts/bench/measureDataStage.ts', [zone]));
}
const s = median(stage.map((x) => x.ms));
const b = median(base.map((x) => x.ms));
const rows = stage[0]?.rows ?? 0;
console.log(`\n数据阶段（×${scale} 规模，${rows.toLocaleString('en-US')} 行，${runs} 轮交替取中位数）`);
console.log(
  `  data stage            ${fmt(s / 1000, 2)} s   ${Math.round(rows / (s / 1000)).toLocaleString('en-US')} rows/s   peak RSS ${fmt(Math.max(...stage.map((x) => x.maxRssMb)), 0)} MB`,
);
console.log(
  `  exceljs readFile only ${fmt(b / 1000, 2)} s   peak RSS ${fmt(Math.max(...base.map((x) => x.maxRssMb)), 0)} MB`,
);
console.log(`  ratio data stage / exceljs = ${fmt(s / b, 2)}   (target ≤ 1.3; peak memory target ≤ 1024 MB)`);

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

// 3. Hostile shapes (issue 12): each zone is a good ledger beside one hostile file; each must stay
// under 1.5 GB and take no more than a few times a normal build, with one message for the file.
const hostileDir = join(out, 'hostile');
const hostile: string[] = run('scripts/bench/makeHostileZones.ts', [hostileDir]);
console.log(`\n敌意输入（每个一个数据阶段进程；目标：峰值 ≤ 1536 MB，时间不超过正常生成的几倍）`);
for (const name of hostile) {
  const m = run('scripts/bench/measureDataStage.ts', [join(hostileDir, name)]);
  console.log(
    `  ${name.padEnd(26)} ${fmt(m.ms / 1000, 2).padStart(6)} s   peak RSS ${fmt(m.maxRssMb, 0).padStart(5)} MB   ${m.issue ?? ''}`,
  );
}

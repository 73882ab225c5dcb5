import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateSample, type GenerateResult } from '../scripts/sample/generate.ts';

// A small zone: 0.2× the rows, only the last two snapshots (the last one holds every bad row).
const ARGS = ['--scale', '0.2', '--from', '2025-09', '--to', '2025-10', '--quiet'];
const root = join(import.meta.dirname, '..');

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(
      full.slice(dir.length + 1).replaceAll('\\', '/'),
      createHash('sha256')
        .update(await readFile(full))
        .digest('hex'),
    );
  }
  return out;
}

let dirA = '';
let dirB = '';
let result: GenerateResult;

beforeAll(async () => {
  dirA = await mkdtemp(join(tmpdir(), 'zs-sample-a-'));
  dirB = await mkdtemp(join(tmpdir(), 'zs-sample-b-'));
  // Run 1: the CLI, as `npm run generate` does.
  execFileSync(process.execPath, [join(root, 'scripts/generate-sample.ts'), '--out', dirA, ...ARGS], {
    cwd: root,
    stdio: 'pipe',
  });
  // Run 2: the library, in process.
  result = await generateSample(
    { scale: 0.2, from: '2025-09', to: '2025-10' },
    {
      async writeFile(path, data) {
        await mkdir(dirname(join(dirB, path)), { recursive: true });
        await writeFile(join(dirB, path), data);
      },
    },
  );
});

afterAll(async () => {
  await rm(dirA, { recursive: true, force: true });
  await rm(dirB, { recursive: true, force: true });
});

describe('generate-sample', () => {
  test('two runs give byte-identical files', async () => {
    const a = await hashes(dirA);
    const b = await hashes(dirB);
    expect(a.size).toBeGreaterThan(20);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, h] of a) expect(b.get(path), path).toBe(h);
  });

  test('writes the expected folders and files', async () => {
    const files = [...(await hashes(dirA)).keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        'site.json',
        'README.md',
        'reference/单位名单.xlsx',
        'reference/目标任务分解表.xlsx',
        'reference/产业链图谱.xlsx',
        'reference/园区载体.xlsx',
        'reference/存量资产.xlsx',
      ]),
    );
    expect(files.filter((f) => f.startsWith('content/') && f.endsWith('.md')).length).toBeGreaterThanOrEqual(4);
    // seven ledgers plus 白沙镇's own 签约 file (from 2025-08); the last month adds the unreadable .xls
    expect(files.filter((f) => f.startsWith('ledgers/2025-09/'))).toHaveLength(8);
    const latest = files.filter((f) => f.startsWith('ledgers/2025-10/')).sort();
    expect(latest).toHaveLength(9);
    expect(latest).toContain('ledgers/2025-10/2025年签约项目台账（定稿）.xlsx');
    expect(latest).toContain('ledgers/2025-10/白沙镇2025年签约项目报送表.xlsx');
    // the dated mid-month snapshot: the same ledgers as of 15 October, without the unreadable .xls
    const dated = files.filter((f) => f.startsWith('ledgers/2025-10-15/'));
    expect(dated).toHaveLength(8);
    expect(dated).not.toContain('ledgers/2025-10-15/外出招商补充表（旧版）.xls');
    expect(latest).toContain('ledgers/2025-10/外出招商补充表（旧版）.xls');
    expect(files.some((f) => f.startsWith('ledgers/2025-08/'))).toBe(false);
    const site = JSON.parse(await readFile(join(dirA, 'site.json'), 'utf8'));
    expect(site).toEqual({
      zoneName: '青川经济开发区',
      office: '青川经济开发区投资促进局',
      defaultAmountUnit: '万元',
      overdueDays: 180,
      publicFigures: true,
    });
    const xls = await readFile(join(dirA, 'ledgers/2025-10/外出招商补充表（旧版）.xls'));
    expect(xls.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
  });

  test('every documented bad row holds the documented value at the documented place', async () => {
    const latest = result.periods.find((p) => p.period === '2025-10');
    const errors = latest?.marks.filter((m) => m.severity === 'error') ?? [];
    expect(errors.map((m) => m.value).sort()).toEqual(['', '', '2025-12-03', '9月下旬', '待定', '若干']);
    for (const m of latest?.marks ?? []) {
      const full = join(dirB, m.file);
      let header: string[];
      let cells: string[];
      if (m.file.endsWith('.csv')) {
        const lines = iconv.decode(await readFile(full), m.file.includes('外出') ? 'gb18030' : 'utf8').split('\r\n');
        header = (lines[0] ?? '').split(',');
        cells = (lines[m.row - 1] ?? '').split(',');
      } else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(full);
        const ws = wb.getWorksheet(m.sheet);
        if (ws === undefined) throw new Error(`no sheet ${m.sheet} in ${m.file}`);
        const text = (v: ExcelJS.CellValue): string =>
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v === null || v === undefined
              ? ''
              : typeof v === 'object'
                ? String('result' in v ? v.result : v)
                : String(v);
        const headerRow = [1, 2, 3, 4, 5]
          .map((r) => ws.getRow(r))
          .find((row) => (row.values as ExcelJS.CellValue[]).some((v) => v === m.column));
        header = Array.from((headerRow?.values ?? []) as ExcelJS.CellValue[], text).slice(1);
        cells = Array.from(ws.getRow(m.row).values as ExcelJS.CellValue[], text).slice(1);
        while (cells.length < header.length) cells.push('');
      }
      const col = header.indexOf(m.column);
      expect(col, `${m.file} › ${m.column}`).toBeGreaterThanOrEqual(0);
      expect(cells[col], `${m.file} › ${m.sheet} › 第${m.row}行 › ${m.column}`).toBe(m.value);
    }
  });

  test('README lists the bad rows of the latest snapshot', async () => {
    const readme = await readFile(join(dirA, 'README.md'), 'utf8');
    expect(readme).toContain('外出招商补充表（旧版）.xls');
    for (const m of result.periods.at(-1)?.marks ?? []) expect(readme).toContain(`| ${m.row} | ${m.column} |`);
  });

  test('the 外出 CSV is GB18030 without BOM, the 投产 CSV UTF-8 with BOM', async () => {
    const trips = await readFile(join(dirA, 'ledgers/2025-10/外出招商情况统计表（2025年10月）.csv'));
    expect(trips.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect(iconv.decode(trips, 'gb18030').split('\r\n')[0]).toBe(
      '序号,日期,返回日期,带队领导,带队单位,地点,拜访企业,拜访数量,成果',
    );
    const producing = await readFile(join(dirA, 'ledgers/2025-10/竣工投产项目表（2025年10月）.csv'));
    expect(producing.subarray(0, 3).toString('hex')).toBe('efbbbf');
  });
});

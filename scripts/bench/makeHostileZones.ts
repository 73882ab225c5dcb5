// Child process of `npm run bench`: writes one small zone per hostile shape (issue 12) under the
// folder given, each with a good ledger beside the hostile file, and prints their names as JSON.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBiff } from '../../test/fixtures/ingest/biff.ts';
import { mergeBomb, rebuild, signedParts, stylesBomb, understatedSheet } from '../../test/fixtures/ingest/hostile.ts';

const out = process.argv[2] as string;
const GOOD = '项目名称,总投资（亿元）,签约日期,责任单位\n好项目一,5,2025-10-08,招商一局\n';

function zone(name: string, file: string, bytes: Uint8Array | string): string {
  const root = join(out, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'ledgers', '2025-10'), { recursive: true });
  writeFileSync(join(root, 'ledgers', '2025-10', '签约项目表（好）.csv'), GOOD);
  writeFileSync(join(root, 'ledgers', '2025-10', file), bytes);
  return name;
}

const parts = await signedParts();
const sheet = parts.get('xl/worksheets/sheet1.xml')!;
const [head, tail] = sheet.split('</sheetData>') as [string, string];
const rowsOf = (n: number, row: (i: number) => string) =>
  function* () {
    yield Buffer.from(head.replace(/<sheetData>[\s\S]*$/, '<sheetData>'));
    for (let i = 1; i <= n; i++) yield Buffer.from(row(i));
    yield Buffer.from(`</sheetData>${tail}`);
  };

const names = [
  zone('merge-bomb-xlsx', '签约项目表（合并）.xlsx', await mergeBomb()),
  zone('styles-400MiB', '签约项目表（样式）.xlsx', await stylesBomb(400 * 1024 * 1024)),
  zone('sheet-understated-1GiB', '签约项目表（假尺寸）.xlsx', await understatedSheet(1024 * 1024 * 1024)),
  zone(
    'far-right-cells-30k-rows',
    '签约项目表（宽）.xlsx',
    await rebuild(parts, [
      {
        name: 'xl/worksheets/sheet1.xml',
        data: rowsOf(
          30_000,
          (i) =>
            `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>项目${i}</t></is></c><c r="XFD${i}"><v>1</v></c></row>`,
        ),
      },
    ]),
  ),
  zone(
    'merge-bomb-xls',
    '签约项目表（合并）.xls',
    writeBiff(
      [
        {
          name: '签约',
          rows: Object.assign([['项目名称']], {
            65535: Array.from({ length: 256 }, (_, c) => (c === 255 ? '末尾' : null)),
          }),
          merges: [{ r1: 0, c1: 0, r2: 65535, c2: 255 }],
        },
      ],
      { version: 8 },
    ),
  ),
  zone(
    'html-span-bomb',
    '签约项目表（网页）.xls',
    `<table><tr><td colspan="1000000000" rowspan="1000000000">标题</td></tr>${'<tr><td>甲</td><td>1</td></tr>'.repeat(50_000)}</table>`,
  ),
  zone(
    'html-60MiB',
    '签约项目表（网页大表）.xls',
    `<table><tr><td>项目名称</td><td>总投资（亿元）</td><td>签约日期</td><td>责任单位</td></tr>${'<tr><td>某某新能源汽车零部件生产基地项目</td><td>1.5</td><td>2025/10/8</td><td>招商一局</td></tr>'.repeat(500_000)}</table>`,
  ),
  zone(
    'csv-130k-rows',
    '签约项目表（大）.csv',
    [
      '项目名称,总投资（亿元）,签约日期,责任单位',
      ...Array.from({ length: 130_000 }, (_, i) => `批量项目${i},0.01,2025-10-08,招商一局`),
    ].join('\n'),
  ),
  zone(
    'cell-200k-chars',
    '签约项目表（长）.csv',
    `${'（'.repeat(200_000)}\n项目名称,总投资（亿元）,签约日期,责任单位\n长项目,${'9'.repeat(200_000)},2025-10-08,招商一局\n`,
  ),
];
console.log(JSON.stringify(names));

/**
 * Hostile data folders (issue 12, "Large and hostile sheets"): each shape, built in code and small
 * on disk, is one clear message, and the rest of the zone still builds. Memory is measured in
 * `npm run bench`, not here.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test, vi } from 'vitest';
import { runDataStage, type DataModel } from '../src/pipeline/dataStage.ts';
import type { Issue } from '../src/schemas/issue.ts';
import { readWorkbookFile } from '../src/ingest/readWorkbook.ts';
import { writeBiff } from './fixtures/ingest/biff.ts';
import { mergeBomb, rebuild, repeat, signedParts, stylesBomb, understatedSheet } from './fixtures/ingest/hostile.ts';

const UNITS = '单位名称,简称,类型\n招商一局,一局,部门\n招商二局,二局,部门\n';
const GOOD =
  '项目名称,总投资（亿元）,签约日期,责任单位\n好项目一,5,2025-10-08,招商一局\n好项目二,2.5,2025-09-30,招商二局\n';

/** A zone with a units table, a good signed ledger for 2025-10, and `extra` files beside it. */
function zone(extra: Record<string, Uint8Array | string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'zs-hostile-'));
  mkdirSync(join(root, 'reference'), { recursive: true });
  mkdirSync(join(root, 'ledgers', '2025-10'), { recursive: true });
  writeFileSync(join(root, 'reference', '单位名单.csv'), UNITS);
  writeFileSync(join(root, 'ledgers', '2025-10', '签约项目表（好）.csv'), GOOD);
  for (const [path, bytes] of Object.entries(extra)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return root;
}

const run = (root: string): Promise<DataModel> => runDataStage(root, { log: () => {} });

/** The good ledger still counts: two projects, 7.5 亿元. */
function expectGoodLedgerCounted(model: DataModel): void {
  const snapshot = model.snapshots.find((s) => s.period === '2025-10')!;
  const good = snapshot.records.signed.filter((r) => r.src.file.endsWith('签约项目表（好）.csv'));
  expect(good.map((r) => [r.name, r.investmentYi])).toEqual([
    ['好项目一', 5],
    ['好项目二', 2.5],
  ]);
}

/** The issues about one file. */
const about = (model: DataModel, file: string): Issue[] => model.issues.filter((i) => i.file === file);

describe('workbooks that took the build down', () => {
  test('merge bomb: a few-KB .xlsx with one merged range over the whole sheet is one error', async () => {
    const bytes = await mergeBomb();
    expect(bytes.length).toBeLessThan(8 * 1024);
    const file = 'ledgers/2025-10/签约项目表（合并）.xlsx';
    const model = await run(zone({ [file]: bytes }));
    expect(about(model, file)).toEqual([
      {
        severity: 'error',
        code: 'file_too_large',
        file,
        period: '2025-10',
        message:
          '合并单元格共覆盖约 171.8 亿个单元格（最大的一处是 A1:XFD1048576），远超表格的实际内容，为保护内存未读取：请在 Excel 或 WPS 中全选工作表后“取消合并单元格”，只合并标题、单位等需要合并的格子，另存为 .xlsx 后放回原处',
      },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('merge bomb in a legacy .xls (A1:IV65536 with a cell at IV65536): one error', async () => {
    const rows: (string | null)[][] = [['项目名称']];
    rows[65535] = Array.from({ length: 256 }, (_, c) => (c === 255 ? '末尾' : null));
    const bytes = writeBiff([{ name: '签约', rows, merges: [{ r1: 0, c1: 0, r2: 65535, c2: 255 }] }], { version: 8 });
    const file = 'ledgers/2025-10/签约项目表（合并）.xls';
    const model = await run(zone({ [file]: bytes }));
    expect(about(model, file)).toMatchObject([
      {
        severity: 'error',
        code: 'file_too_large',
        message: expect.stringContaining('合并单元格共覆盖约 1677.7 万个单元格，远超表格的实际内容'),
      },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('a 400 MiB xl/styles.xml (a few hundred KB on disk): one error', async () => {
    const bytes = await stylesBomb(400 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const file = 'ledgers/2025-10/签约项目表（样式）.xlsx';
    const model = await run(zone({ [file]: bytes }));
    expect(about(model, file)).toEqual([
      {
        severity: 'error',
        code: 'file_too_large',
        file,
        period: '2025-10',
        message:
          '文件中的单元格样式（xl/styles.xml）解压后超过 16 MB，远超正常台账，为保护内存未读取：请在 WPS 或 Excel 中把数据复制到一个新建的工作簿（选择性粘贴“数值”）后另存为 .xlsx',
      },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('a sheet whose zip headers understate its size (claims 1 KB, inflates to 48 MiB): its real size counts', async () => {
    // The default limit (1 GiB of sheet XML, `limits.ts`) reads 48 MiB; a 32 MiB limit shows that
    // the real size is measured while streaming, not the size the headers claim.
    const bytes = await understatedSheet(48 * 1024 * 1024);
    const file = 'ledgers/2025-10/签约项目表（假尺寸）.xlsx';
    const path = join(mkdtempSync(join(tmpdir(), 'zs-hostile-')), '假尺寸.xlsx');
    writeFileSync(path, bytes);
    expect(await readWorkbookFile(path, file, { maxXlsxXmlBytes: 32 * 1024 * 1024 })).toEqual({
      issue: {
        severity: 'error',
        code: 'file_too_large',
        file,
        message:
          '文件过大：工作表内容解压后超过 32 MB 的上限（实际大小比文件声明的更大），为保护内存未读取：请按月份或年度拆分为多个文件（每个不超过约 100 万行）后放回原处',
      },
    });
  });

  test('a 64 MiB picture that deflates to almost nothing (xl/media): one error', async () => {
    const parts = await signedParts();
    const bytes = await rebuild(parts, [{ name: 'xl/media/image1.png', data: () => repeat('\0', 80 * 1024 * 1024) }]);
    const file = 'ledgers/2025-10/签约项目表（图片）.xlsx';
    const model = await run(zone({ [file]: bytes }));
    expect(about(model, file)).toMatchObject([
      { code: 'file_too_large', message: expect.stringContaining('“xl/media/image1.png”') },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('a workbook of 20 000 zip entries: one error', async () => {
    const parts = await signedParts();
    const extra = Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from('x') }));
    const file = 'ledgers/2025-10/签约项目表（部件）.xlsx';
    const model = await run(zone({ [file]: await rebuild(parts, extra) }));
    expect(about(model, file)).toEqual([
      {
        severity: 'error',
        code: 'file_too_large',
        file,
        period: '2025-10',
        message: `文件内部由 ${20_000 + parts.size} 个部件组成，远超正常工作簿（一般不到一百个），为保护内存未读取：请把数据复制到一个新建的工作簿后另存为 .xlsx 放回原处`,
      },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('a cell far to the right in every row (column XFD): read up to column 1024, one warning', async () => {
    const parts = await signedParts();
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    const far = sheet.replace(/<\/row>/g, '<c r="XFD1" t="inlineStr"><is><t>远</t></is></c></row>');
    const file = 'ledgers/2025-10/签约项目表（宽）.xlsx';
    const model = await run(
      zone({ [file]: await rebuild(parts, [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(far) }]) }),
    );
    expect(about(model, file).filter((i) => i.severity !== 'info')).toEqual([
      {
        severity: 'warning',
        code: 'sheet_clipped',
        file,
        sheet: '签约项目',
        period: '2025-10',
        message: '第 1024 列以右还有 2 个单元格有内容，超出台账的正常宽度，未读取：请删除表格右侧多余的内容后重新保存',
      },
    ]);
    const rows = model.snapshots[0]!.records.signed.filter((r) => r.src.file === file);
    expect(rows.map((r) => r.name)).toEqual(['甲项目']);
  });
});

describe('values and cells', () => {
  test('amounts like 9.9e307 (two of them summed to Infinity): each row rejected with a message, figures stay finite', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('签约项目');
    ws.addRow(['项目名称', '总投资（亿元）', '签约日期', '责任单位']);
    ws.addRow(['天文项目', 9.9e307, new Date(Date.UTC(2025, 9, 8)), '招商一局']);
    ws.addRow(['天文项目二', 9.9e307, new Date(Date.UTC(2025, 9, 9)), '招商一局']);
    ws.addRow(['正常项目', 1, new Date(Date.UTC(2025, 9, 10)), '招商一局']);
    const file = 'ledgers/2025-10/签约项目表（天文）.xlsx';
    const trips = 'ledgers/2025-10/外出招商情况统计表.csv';
    const model = await run(
      zone({
        [file]: new Uint8Array(await wb.xlsx.writeBuffer()),
        [trips]: '出发日期,单位,拜访数量\n2025-10-08,招商一局,1e400\n2025-10-09,招商一局,3\n',
      }),
    );
    const message = '金额“9.9e+307”超过 10万亿元，明显有误：请检查单位（亿元/万元/元）和位数后重新填写';
    expect(about(model, file).map((i) => [i.row, i.code, i.message])).toEqual([
      [2, 'invalid_amount', message],
      [3, 'invalid_amount', message],
    ]);
    expect(about(model, trips).map((i) => [i.row, i.code, i.message])).toEqual([
      [2, 'invalid_number', '数值“1e400”超过一万亿，明显有误：请检查位数后重新填写（本次按空值处理）'],
    ]);
    const snapshot = model.snapshots[0]!;
    expect(snapshot.records.signed.filter((r) => r.src.file === file).map((r) => r.investmentYi)).toEqual([1]);
    expect(JSON.stringify(snapshot.metrics)).not.toMatch(/Infinity|NaN/);
    expectGoodLedgerCounted(model);
  });

  test('a 200 000-character cell in the header area and in a data row: read in linear time, one message', async () => {
    const huge = `（${'（'.repeat(100_000)}${'项'.repeat(100_000)}`;
    const csv = `${huge}\n项目名称,总投资（亿元）,签约日期,责任单位\n长项目,${'9'.repeat(200_000)},2025-10-08,招商一局\n`;
    const file = 'ledgers/2025-10/签约项目表（长）.csv';
    const model = await run(zone({ [file]: csv }));
    expect(about(model, file).map((i) => [i.row, i.code, i.message])).toEqual([
      [
        3,
        'invalid_amount',
        '内容过长（200000 个字符），不是一个金额：请只填写金额，如 5、5亿、8000万元，说明写在备注列',
      ],
    ]);
    expectGoodLedgerCounted(model);
  });
});

describe('large tables', () => {
  test('130 000 accepted rows in one table (an argument spread over the records overflowed the stack)', async () => {
    const n = 130_000;
    const lines = ['项目名称,总投资（亿元）,签约日期,责任单位'];
    for (let i = 1; i <= n; i++)
      lines.push(`批量项目${i},0.01,2025-10-${String((i % 28) + 1).padStart(2, '0')},招商一局`);
    const file = 'ledgers/2025-10/签约项目表（大）.csv';
    const model = await run(zone({ [file]: lines.join('\n') }));
    expect(about(model, file)).toEqual([]);
    const signed = model.snapshots[0]!.records.signed;
    expect(signed.filter((r) => r.src.file === file)).toHaveLength(n);
    // 130 000 × 0.01 亿元 plus the good ledger's 7.5, computed by hand.
    expect(model.snapshots[0]!.metrics.ytd.signed.investmentYi).toBeCloseTo(1300 + 7.5, 6);
    expectGoodLedgerCounted(model);
  }, 120_000);
});

describe('data folders', () => {
  test('two folders naming one month: 2025-10/ is read, 2025年10月/ is one error', async () => {
    const root = zone({ 'ledgers/2025年10月/签约项目表.csv': GOOD.replaceAll('好项目', '副本项目') });
    const model = await run(root);
    expect(model.snapshots.map((s) => s.period)).toEqual(['2025-10']);
    expect(about(model, 'ledgers/2025年10月')).toEqual([
      {
        severity: 'error',
        code: 'period_folder_duplicate',
        file: 'ledgers/2025年10月',
        period: '2025-10',
        message:
          '文件夹“2025年10月”与“2025-10”是同一个月份（2025-10），未读取：请把两者中的台账合并到“2025-10”后删除“2025年10月”',
      },
    ]);
    expectGoodLedgerCounted(model);
  });

  test('neither written YYYY-MM: the first in code-point order is read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zs-hostile-'));
    for (const name of ['2025年10月', '2025.10']) {
      mkdirSync(join(root, 'ledgers', name), { recursive: true });
      writeFileSync(join(root, 'ledgers', name, '签约项目表.csv'), GOOD);
    }
    const model = await run(root);
    expect(model.issues.filter((i) => i.code === 'period_folder_duplicate').map((i) => i.file)).toEqual([
      'ledgers/2025年10月',
    ]);
    expect(model.snapshots[0]!.records.signed[0]!.src.file).toBe('ledgers/2025.10/签约项目表.csv');
  });

  test('a symlink loop and a dangling link in the data folder: one issue each, the rest is read', async () => {
    const root = zone();
    symlinkSync(join(root, 'ledgers'), join(root, 'ledgers', '2025-10', '循环'));
    symlinkSync(
      join(root, 'ledgers', '2025-10', '不存在.xlsx'),
      join(root, 'ledgers', '2025-10', '签约项目表（快捷方式）.xlsx'),
    );
    symlinkSync(join(root, 'nowhere'), join(root, 'ledgers', '2025-11'));
    const model = await run(root);
    const dangling =
      '这是一个快捷方式或链接，但它指向的文件或文件夹不存在，未读取：请删除这个链接，或把真正的文件放到这里';
    expect(
      model.issues.filter((i) => i.code === 'path_unreadable').map((i) => [i.severity, i.file, i.message]),
    ).toEqual([
      ['error', 'ledgers/2025-11', dangling],
      // The loop leads back to ledgers/: 2025-10 was walked already, 2025-11 dangles there too.
      [
        'warning',
        'ledgers/2025-10/循环/2025-10',
        '这个文件夹（或指向它的链接）已经读过一次（链接循环或重复链接），未再读取：请删除多余的快捷方式或链接',
      ],
      ['error', 'ledgers/2025-10/循环/2025-11', dangling],
      ['error', 'ledgers/2025-10/签约项目表（快捷方式）.xlsx', dangling],
    ]);
    expectGoodLedgerCounted(model);
  });
});

describe('an internal error', () => {
  test('exits 3 with a message saying it is a bug, not 1 ("data errors")', async () => {
    vi.resetModules();
    vi.doMock('../src/pipeline/dataStage.ts', () => ({
      runDataStage: () => Promise.reject(new TypeError('boom')),
    }));
    const { runCli } = await import('../src/cli/runCli.ts');
    const lines: string[] = [];
    const code = await runCli(['--data', zone()], 'check', (l) => lines.push(l));
    expect(code).toBe(3);
    expect(lines.at(-1)).toMatch(
      /^内部错误（程序缺陷，不是台账数据的问题），生成已中止，退出码 3：请把下面的信息和所用的数据目录一并报告给维护人员\nTypeError: boom/,
    );
    vi.doUnmock('../src/pipeline/dataStage.ts');
  });
});

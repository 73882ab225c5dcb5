import { describe, expect, test } from 'vitest';
import { classifySheet, confirmKindByHeader, periodOfFolder } from '../src/ingest/classify.ts';
import type { Grid } from '../src/ingest/grid.ts';

const ledger = (file: string, sheetName: string, sheetCount = 1) =>
  classifySheet({ relPath: `ledgers/2025-10/${file}`, sheetName, area: 'ledgers', sheetCount });
const reference = (file: string, sheetName: string, sheetCount = 1) =>
  classifySheet({ relPath: `reference/${file}`, sheetName, area: 'reference', sheetCount });

describe('classifySheet', () => {
  test.each([
    ['签约项目表（定稿）.xlsx', 'Sheet1', { kind: 'signed', source: 'file' }],
    ['2025年1-10月 签约项目台账 - 副本.xlsx', 'Sheet1', { kind: 'signed', source: 'file' }],
    ['开工项目表.csv', '开工项目表', { kind: 'started', source: 'sheet' }],
    ['竣工投产项目.xlsx', 'Sheet1', { kind: 'producing', source: 'file' }],
    ['到位资金台账.xlsx', 'Sheet1', { kind: 'funds', source: 'file' }],
    ['在谈项目.xlsx', 'Sheet1', { kind: 'negotiating', source: 'file' }],
    ['招商信息台账.xlsx', 'Sheet1', { kind: 'leads', source: 'file' }],
    ['外出招商情况统计表.xlsx', 'Sheet1', { kind: 'trips', source: 'file' }],
    // Sheet name first: a monthly workbook with one sheet per ledger.
    ['10月台账.xlsx', '签约', { kind: 'signed', source: 'sheet' }],
    ['10月台账.xlsx', '到位资金', { kind: 'funds', source: 'sheet' }],
    ['签约项目表.xlsx', '开工', { kind: 'started', source: 'sheet' }],
    // A sheet per unit in a kinded file.
    ['签约项目表.xlsx', '高新区', { kind: 'signed', source: 'file' }],
    // Weak keywords yield: 信息 and 单位 alone decide only when nothing else matches.
    ['签约项目信息表.xlsx', 'Sheet1', { kind: 'signed', source: 'file' }],
    ['外出招商信息.xlsx', 'Sheet1', { kind: 'trips', source: 'file' }],
    // The suffix in brackets is ignored when the stem decides…
    ['签约项目表（含资金到位情况）.xlsx', 'Sheet1', { kind: 'signed', source: 'file' }],
    // …and read when the stem says nothing.
    ['台账（开工）.xlsx', 'Sheet1', { kind: 'started', source: 'file' }],
  ])('ledgers/2025-10/%s › %s', (file, sheet, expected) => {
    expect(ledger(file, sheet, 3)).toEqual(expected);
  });

  test('two kinds in one name: ambiguous, the build asks to rename', () => {
    expect(ledger('签约及开工项目.xlsx', 'Sheet1')).toEqual({ ambiguous: ['signed', 'started'] });
    expect(ledger('台账.xlsx', '签约开工')).toEqual({ ambiguous: ['signed', 'started'] });
  });

  test('under ledgers/ only ledger kinds: 单位 or 园区 mean nothing there', () => {
    expect(ledger('园区单位.xlsx', '园区')).toMatchObject({ skip: expect.any(String) });
  });

  test('instructions, covers and empty sheets are skipped with a reason', () => {
    expect(ledger('签约项目表.xlsx', '填表说明', 2)).toMatchInlineSnapshot(`
      {
        "skip": "工作表“填表说明”是说明、目录或选项页，不是台账数据，已跳过",
      }
    `);
    expect(ledger('签约项目表.xlsx', '目录', 2)).toMatchObject({ skip: expect.stringContaining('目录') });
    expect(
      classifySheet({
        relPath: 'ledgers/2025-10/签约项目表.xlsx',
        sheetName: 'Sheet3',
        area: 'ledgers',
        sheetCount: 3,
        rowCount: 0,
      }),
    ).toMatchInlineSnapshot(`
      {
        "skip": "工作表“Sheet3”是空的，已跳过",
      }
    `);
  });

  test('no kind in the file or sheet name: skipped with a hint', () => {
    expect(ledger('10月台账.xlsx', 'Sheet1')).toMatchInlineSnapshot(`
      {
        "skip": "无法从文件名或工作表名“Sheet1”判断是哪种表，已跳过：请把文件或工作表改名，含有表的类型，如“签约项目表”“开工项目表”“到位资金台账”",
      }
    `);
    expect(ledger('10月台账.xlsx', '汇总')).toMatchInlineSnapshot(`
      {
        "skip": "工作表“汇总”的名称和文件名都不含表类型关键词，已跳过：如果它是台账，请改名，如“签约项目表”“开工项目表”“到位资金台账”",
      }
    `);
  });

  test.each([
    ['单位名单.xlsx', 'Sheet1', { kind: 'units', source: 'file' }],
    ['2025年目标任务分解表.xlsx', '2025年', { kind: 'targets', source: 'file' }],
    ['2025年各单位目标任务分解表.xlsx', 'Sheet1', { kind: 'targets', source: 'file' }],
    ['园区载体.xlsx', 'Sheet1', { kind: 'parks', source: 'file' }],
    ['存量资产（闲置厂房）.xlsx', 'Sheet1', { kind: 'assets', source: 'file' }],
    ['产业链图谱.xlsx', '环节', { kind: 'chainSegments', source: 'sheet' }],
    ['产业链图谱.xlsx', '链上企业', { kind: 'chainCompanies', source: 'sheet' }],
    ['新能源汽车产业链.xlsx', '新能源汽车', { ambiguous: ['chainSegments', 'chainCompanies'] }],
    ['招商图谱.xlsx', 'Sheet1', { ambiguous: ['chainSegments', 'chainCompanies'] }],
  ])('reference/%s › %s', (file, sheet, expected) => {
    expect(reference(file, sheet, 2)).toEqual(expected);
  });

  test('under reference/ only reference kinds; 企业 outside a chain workbook means nothing', () => {
    expect(reference('签约项目.xlsx', 'Sheet1')).toMatchObject({ skip: expect.stringContaining('单位名单') });
    expect(reference('重点企业.xlsx', 'Sheet1')).toMatchObject({ skip: expect.any(String) });
  });
});

describe('confirmKindByHeader', () => {
  const grid = (header: string[]): Grid => ({
    name: 'S',
    merges: [],
    rows: [
      { row: 1, cells: header },
      { row: 2, cells: header.map(() => 'x') },
    ],
  });

  test('a 产业链图谱 sheet: the headers decide', () => {
    expect(
      confirmKindByHeader(grid(['产业链', '环节', '位置', '强弱']), ['chainSegments', 'chainCompanies'])?.kind,
    ).toBe('chainSegments');
    expect(
      confirmKindByHeader(grid(['企业名称', '产业链', '环节', '类别', '所在地']), ['chainSegments', 'chainCompanies'])
        ?.kind,
    ).toBe('chainCompanies');
  });

  test('headers that fit no candidate, or two equally: null', () => {
    expect(confirmKindByHeader(grid(['名称', '备注']), ['chainSegments', 'chainCompanies'])).toBeNull();
    expect(
      confirmKindByHeader(grid(['项目名称', '投资方', '签约日期', '开工日期', '总投资', '责任单位']), [
        'signed',
        'started',
      ])?.kind,
    ).toBe('signed');
    expect(
      confirmKindByHeader(grid(['项目名称', '签约日期', '开工日期', '总投资', '责任单位']), ['signed', 'started']),
    ).toBeNull();
    expect(confirmKindByHeader(grid(['项目名称', '开工日期', '投产日期']), ['started', 'producing'])).toBeNull();
  });
});

describe('periodOfFolder', () => {
  test.each([
    ['2025-10', '2025-10'],
    ['2025-1', '2025-01'],
    ['2025-01', '2025-01'],
    ['2025.10', '2025-10'],
    ['2025_9', '2025-09'],
    ['202510', '2025-10'],
    ['2025年10月', '2025-10'],
    ['２０２５－１０', '2025-10'],
    [' 2025-10 ', '2025-10'],
  ])('%s → %s', (name, period) => {
    expect(periodOfFolder(name)).toBe(period);
  });

  test.each(['2025-13', '2025-0', '2025', '十月', '2025-10-01', '25-10', 'old', '2025-10备份'])('%s → null', (name) => {
    expect(periodOfFolder(name)).toBeNull();
  });
});

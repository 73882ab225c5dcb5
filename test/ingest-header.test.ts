import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Grid } from '../src/ingest/grid.ts';
import type { CellValue } from '../src/schemas/table.ts';
import { locateTable, reconcileTotals, splitRows } from '../src/ingest/header.ts';
import { type TableLayout } from '../src/schemas/table.ts';
import { readXlsx } from '../src/ingest/xlsx.ts';
import { tempDir, writeMessySigned } from './fixtures/ingest/make.ts';

/** A grid from rows numbered from 1; `null` is a blank row (left out, numbering goes on). */
function grid(rows: (CellValue[] | null)[], merges: Grid['merges'] = []): Grid {
  return { name: 'S', merges, rows: rows.flatMap((cells, i) => (cells === null ? [] : [{ row: i + 1, cells }])) };
}
const fields = (layout: TableLayout | null) => layout?.columns.map((c) => c.field);
const statuses = (g: Grid, layout: TableLayout) => splitRows(g, layout).map((r) => [r.row, r.status, r.reason ?? null]);

describe('the messy signed ledger', () => {
  let sheets: Grid[];
  let signed: Grid;
  let layout: TableLayout;
  beforeAll(async () => {
    const path = join(tempDir(), '签约项目台账.xlsx');
    await writeMessySigned(path);
    sheets = await readXlsx(path);
    signed = sheets[0]!;
    layout = locateTable(signed, 'signed')!;
  });

  test('two-row header under a title, a 填报单位 line and a blank row', () => {
    expect(layout.headerRows).toEqual([4, 5]);
    expect(signed.rows[layout.dataStartIndex]!.row).toBe(6);
    expect(layout.missingRequired).toEqual([]);
    expect(layout.columns).toEqual([
      { index: 0, header: '序号', field: null, unit: null },
      { index: 1, header: '项目名称', field: 'name', unit: null },
      { index: 2, header: '投资方', field: 'investor', unit: null },
      { index: 3, header: '总投资', field: 'investment', unit: '亿元', group: '投资额（亿元）' },
      { index: 4, header: '其中：一期', field: null, unit: '亿元', group: '投资额（亿元）' },
      { index: 5, header: '签约日期', field: 'signDate', unit: null },
      { index: 6, header: '责任单位', field: 'unit', unit: null },
      { index: 7, header: '产业链', field: 'chain', unit: null },
      { index: 8, header: '项目编号', field: 'code', unit: null },
      { index: 9, header: '备注', field: 'remark', unit: null },
    ]);
  });

  test('every non-empty row below the header is data, total, note or repeated header', () => {
    expect(statuses(signed, layout)).toEqual([
      [6, 'data', null],
      [7, 'data', null],
      // 8 holds only the merged 责任单位: not a row
      [9, 'total', '小计行'],
      [10, 'data', null],
      [11, 'data', null],
      [12, 'header', '重复的表头行'],
      [13, 'data', null],
      [14, 'total', '合计行'],
      [16, 'note', '表尾注释'],
      [17, 'note', '表尾注释'],
    ]);
  });

  test('values by field (vertical merge applied), only the columns of fields, hidden flag kept', () => {
    const rows = splitRows(signed, layout);
    expect(rows[1]!.values).toMatchObject({ name: '智能制造产业园项目', investment: 3.5, unit: '经开区招商局' });
    // 序号 and 其中：一期 are no field: not among the values
    expect(Object.keys(rows[1]!.values)).not.toContain('序号');
    expect(Object.values(rows[1]!.values)).not.toContain(1.75);
    expect(rows[0]!.values['code']).toBe('0012025001');
    expect(rows.find((r) => r.row === 11)!.hidden).toBe(true);
    expect(rows.find((r) => r.row === 9)!.total).toBe('subtotal');
    expect(rows.find((r) => r.row === 14)!.total).toBe('grand');
  });

  test('reconcileTotals: the 小计 is right, the 合计 is not', () => {
    const num = (v: CellValue) => (typeof v === 'number' ? v : null);
    expect(reconcileTotals(splitRows(signed, layout), ['investment'], num)).toEqual([
      { row: 14, field: 'investment', stated: 99, computed: 14.5, covered: 5 },
    ]);
  });

  test('a plain one-row header with a unit in brackets', () => {
    const started = locateTable(sheets[2]!, 'started')!;
    expect(started.headerRows).toEqual([1]);
    expect(started.columns.map((c) => [c.header, c.field, c.unit])).toEqual([
      ['项目名称', 'name', null],
      ['开工日期', 'startDate', null],
      ['总投资（万元）', 'investment', '万元'],
      ['责任单位', 'unit', null],
    ]);
    expect(statuses(sheets[2]!, started)).toEqual([
      [2, 'data', null],
      [3, 'data', null],
    ]);
  });

  test('a sheet with no recognisable header: null', () => {
    expect(locateTable(sheets[1]!, 'signed')).toBeNull();
    expect(locateTable(sheets[3]!, 'signed')).toBeNull();
    expect(locateTable(signed, 'trips')).toBeNull();
  });
});

describe('locateTable', () => {
  test('title merged right above the header is not a group row', () => {
    const g = grid(
      [
        ['签约项目台账', '签约项目台账', '签约项目台账', '签约项目台账'],
        ['项目名称', '总投资', '签约日期', '责任单位'],
        ['甲', 1, '2025-10-08', '经开区'],
      ],
      [{ top: 1, left: 1, bottom: 1, right: 4 }],
    );
    expect(locateTable(g, 'signed')?.headerRows).toEqual([2]);
  });

  test('a 填报单位 line merged in two parts right above the header is not a group row', () => {
    const g = grid(
      [
        ['填报单位：经开区', '填报单位：经开区', '截止：2025-10-31', '截止：2025-10-31'],
        ['项目名称', '总投资', '签约日期', '责任单位'],
        ['甲', 1, '2025-10-08', '经开区'],
      ],
      [
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 1, right: 4 },
      ],
    );
    expect(locateTable(g, 'signed')?.headerRows).toEqual([2]);
  });

  test('a group whose leaves are 合计 / 其中 gives its name to the 合计 column; group+leaf names match', () => {
    const g = grid(
      [
        ['项目名称', '总投资（万元）', '总投资（万元）', '外资', '签约日期', '责任单位'],
        ['项目名称', '合计', '其中：省外', '金额（万美元）', '签约日期', '责任单位'],
        ['甲', 50000, 100, 20, '2025-10-08', '经开区'],
      ],
      [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 3 },
        { top: 1, left: 5, bottom: 2, right: 5 },
        { top: 1, left: 6, bottom: 2, right: 6 },
      ],
    );
    const layout = locateTable(g, 'signed')!;
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns.map((c) => [c.header, c.field, c.unit])).toEqual([
      ['项目名称', 'name', null],
      ['总投资（万元）·合计', 'investment', '万元'],
      ['其中：省外', null, '万元'],
      ['金额（万美元）', 'foreignUsd', '万美元'],
      ['签约日期', 'signDate', null],
      ['责任单位', 'unit', null],
    ]);
  });

  test('a required column missing: located, and missingRequired names it', () => {
    const g = grid([
      ['序号', '项目名称', '投资方', '签约日期', '责任单位', '备注'],
      [1, '甲', '乙', '2025-10-08', '经开区', null],
    ]);
    expect(locateTable(g, 'signed')?.missingRequired).toEqual(['总投资']);
  });

  test('a sheet of another kind is not taken for this one', () => {
    const companies = grid([
      ['企业名称', '产业链', '环节', '类别', '所在地', '主要产品'],
      ['甲', '新能源汽车', '电池', '链主', '宁德', '电芯'],
    ]);
    expect(locateTable(companies, 'chainSegments')).toBeNull();
    expect(locateTable(companies, 'chainCompanies')?.missingRequired).toEqual([]);
  });

  test('a kind with one required field needs two known columns', () => {
    expect(locateTable(grid([['名称'], ['经开区']]), 'parks')).toBeNull();
    expect(
      locateTable(
        grid([
          ['名称', '面积'],
          ['经开区', '10平方公里'],
        ]),
        'parks',
      )?.headerRows,
    ).toEqual([1]);
  });

  test('aliases from site.json, spaces, full-width brackets, line breaks and * markers in headers', () => {
    const g = grid([
      ['项 目 名 称', '协议总投资（亿元）', '*签约\n日期', '责任单位(全称)'],
      ['甲', 1, '2025-10-08', '经开区'],
    ]);
    expect(fields(locateTable(g, 'signed'))).toEqual(['name', null, 'signDate', 'unit']);
    expect(fields(locateTable(g, 'signed', { investment: ['协议总投资'] }))).toEqual([
      'name',
      'investment',
      'signDate',
      'unit',
    ]);
  });

  test('a field matched by two columns goes to the first', () => {
    const g = grid([
      ['项目名称', '总投资', '计划总投资', '签约日期', '责任单位'],
      ['甲', 1, 2, '2025-10-08', '经开区'],
    ]);
    expect(fields(locateTable(g, 'signed'))).toEqual(['name', 'investment', null, 'signDate', 'unit']);
  });

  test('the header is searched in the first 15 rows only', () => {
    const rows: (CellValue[] | null)[] = Array.from({ length: 15 }, (_, i) => [`说明第${i + 1}行`]);
    rows.push(['项目名称', '总投资', '签约日期', '责任单位'], ['甲', 1, '2025-10-08', '经开区']);
    expect(locateTable(grid(rows), 'signed')).toBeNull();
    expect(locateTable(grid(rows.slice(1)), 'signed')?.headerRows).toEqual([15]);
  });
});

describe('splitRows', () => {
  const header = ['序号', '项目名称', '总投资（亿元）', '签约日期', '责任单位'];

  test('CSV-like grid: section rows, spaced totals, 共N个, prose notes, incomplete rows stay data', () => {
    const g = grid([
      header,
      ['一、工业项目'],
      [1, '甲项目', '5', '2025-10-08', '经开区'],
      [null, '乙项目'],
      ['小  计', null, '5'],
      [null, '经开区小计', '5'],
      [null, '共2个项目', '5'],
      null,
      ['说明：金额单位为亿元'],
      ['以上数据由各责任单位报送，经局办公室汇总，如有出入以财政口径为准。'],
      ['制表：王五', null, '审核：赵六'],
    ]);
    expect(statuses(g, locateTable(g, 'signed')!)).toEqual([
      [2, 'note', '说明或分组标题行'],
      [3, 'data', null],
      [4, 'data', null],
      [5, 'total', '小计行'],
      [6, 'total', '小计行'],
      [7, 'total', '合计行'],
      [9, 'note', '表尾注释'],
      [10, 'note', '说明或分组标题行'],
      [11, 'note', '表尾注释'],
    ]);
  });

  test('a column-number row under the header, and 序号 pre-filled down an empty template', () => {
    const g = grid([
      header,
      [1, 2, 3, 4, 5],
      [1, '甲项目', 5, '2025-10-08', '经开区'],
      [2],
      [3],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
    ]);
    expect(statuses(g, locateTable(g, 'signed')!)).toEqual([
      [2, 'header', '列编号行'],
      [3, 'data', null],
      [6, 'header', '列编号行'],
    ]);
  });

  test('a lone project name in the first column is data (rejected later), not a note', () => {
    const g = grid([['项目名称', '总投资', '签约日期', '责任单位'], ['年产10万吨新材料项目']]);
    expect(statuses(g, locateTable(g, 'signed')!)).toEqual([[2, 'data', null]]);
  });
});

describe('reconcileTotals', () => {
  const row = (n: number, status: 'data' | 'total', v: CellValue, total?: 'subtotal' | 'grand') => ({
    row: n,
    status,
    values: { investment: v },
    ...(total ? { total } : {}),
  });
  const num = (v: CellValue) =>
    typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;

  test('小计 covers rows since the previous 小计; 合计 all rows; tolerance 0.01; unreadable totals skipped', () => {
    const rows = [
      row(2, 'data', 1.1),
      row(3, 'data', 2.2),
      row(4, 'total', 3.3, 'subtotal'),
      row(5, 'data', '4'),
      row(6, 'data', null),
      row(7, 'total', 4.02, 'subtotal'),
      row(8, 'total', 7.32, 'grand'),
      row(9, 'total', '待定', 'grand'),
    ];
    expect(reconcileTotals(rows, ['investment'], num)).toEqual([
      { row: 7, field: 'investment', stated: 4.02, computed: 4, covered: 2 },
      { row: 8, field: 'investment', stated: 7.32, computed: 7.300000000000001, covered: 4 },
    ]);
    // Within tolerance: 0.01 off is not a mismatch.
    expect(
      reconcileTotals([row(2, 'data', 1), row(3, 'data', 2.3), row(4, 'total', 3.31, 'grand')], ['investment'], num),
    ).toEqual([]);
  });
});

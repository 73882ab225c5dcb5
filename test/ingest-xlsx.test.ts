import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Grid } from '../src/ingest/grid.ts';
import { readXlsx } from '../src/ingest/xlsx.ts';
import { tempDir, unzip, writeBuiltinChineseDate, writeDates, writeMessySigned } from './fixtures/ingest/make.ts';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readXlsx on the messy signed ledger', () => {
  let sheets: Grid[];
  let signed: Grid;
  const row = (n: number) => signed.rows.find((r) => r.row === n);
  beforeAll(async () => {
    const path = join(tempDir(), '签约项目台账（定稿）.xlsx');
    await writeMessySigned(path);
    sheets = await readXlsx(path);
    signed = sheets[0]!;
  });

  test('every sheet, in order, empty ones included', () => {
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['签约项目', 15],
      ['填表说明', 1],
      ['开工', 3],
      ['Sheet3', 0],
    ]);
  });

  test('blank rows are left out but rows keep their Excel numbers', () => {
    expect(signed.rows.map((r) => r.row)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17]);
  });

  test('merged ranges are listed and filled with the master value', () => {
    expect(signed.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 10 });
    expect(signed.merges).toContainEqual({ top: 4, left: 4, bottom: 4, right: 5 });
    expect(signed.merges).toContainEqual({ top: 6, left: 7, bottom: 8, right: 7 });
    expect(new Set(row(1)!.cells)).toEqual(new Set(['2025年1-10月签约项目台账']));
    expect(row(4)!.cells.slice(3, 5)).toEqual(['投资额（亿元）', '投资额（亿元）']);
    expect(row(5)!.cells[0]).toBe('序号'); // merged down A4:A5
    expect(row(8)!.cells).toEqual([null, null, null, null, null, null, '经开区招商局']);
  });

  test('rich text, hyperlink, text code, date, formula results, errors', () => {
    expect(row(6)!.cells).toEqual([
      1,
      '年产10万套汽车零部件项目',
      '某某汽车科技有限公司',
      5,
      2,
      day(2025, 3, 15),
      '经开区招商局',
      '新能源汽车',
      '0012025001',
      '官网',
    ]);
    expect(row(7)!.cells.slice(3, 6)).toEqual([3.5, 1.75, day(2025, 4, 2)]); // formula → cached; number with date format → Date
    expect(row(9)!.cells[3]).toBe(8.5);
    expect(row(10)!.cells[3]).toEqual({ error: '#REF!' });
    expect(row(11)!.cells[4]).toBe(0.5); // shared-formula master
    expect(row(13)!.cells.slice(3, 5)).toEqual([5, 2.5]); // plain formula and shared-formula child
  });

  test('a formula with no cached result is empty (its row 18 is left out)', () => {
    expect(row(18)).toBeUndefined();
  });

  test('hidden rows and columns are read and marked', () => {
    expect(row(11)!.hidden).toBe(true);
    expect(row(10)!.hidden).toBeUndefined();
    expect(signed.hiddenColumns).toEqual([9]);
    expect(row(6)!.cells[9]).toBe('官网');
  });
});

describe('dates', () => {
  test.each([
    ['1900 system', false],
    ['1904 system', true],
  ])(
    '%s: Date cell, number with a date format, formula result, date-time → UTC midnight of the day shown',
    async (_name, date1904) => {
      const path = join(tempDir(), 'dates.xlsx');
      await writeDates(path, date1904);
      const xml = unzip(readFileSync(path)).get('xl/workbook.xml')!;
      expect(xml.includes('date1904="1"')).toBe(date1904);
      const [grid] = await readXlsx(path);
      expect(grid!.rows[1]!.cells).toEqual([day(2025, 10, 8), day(2025, 10, 8), day(2025, 10, 8), day(2025, 10, 8)]);
    },
  );

  test('Chinese built-in date style (numFmtId 58, not defined in the file) still reads as a date', async () => {
    const path = join(tempDir(), 'builtin.xlsx');
    await writeBuiltinChineseDate(path);
    const styles = unzip(readFileSync(path)).get('xl/styles.xml')!;
    expect(styles).toContain('numFmtId="58"');
    expect(styles).not.toContain('numFmtId="58" formatCode');
    const [grid] = await readXlsx(path);
    expect(grid!.rows[0]!.cells).toEqual([day(2025, 10, 8)]);
  });
});

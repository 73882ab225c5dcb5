import { describe, expect, test } from 'vitest';
import { excelSerialToIso, isAfterPeriodEnd, parseDate, periodEnd } from '../src/normalize/date.ts';
import type { ParseResult } from '../src/normalize/result.ts';

function messageOf(r: ParseResult<unknown>): string {
  if (r.ok || r.empty) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
}

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe('parseDate: day precision', () => {
  test.each([
    [utc(2025, 10, 8), '2025-10-08'],
    [new Date(Date.UTC(2025, 9, 8, 14, 30)), '2025-10-08'],
    [utc(2024, 2, 29), '2024-02-29'],
    ['2025-10-08', '2025-10-08'],
    ['2025/10/8', '2025-10-08'],
    ['2025.10.8', '2025-10-08'],
    ['2025-1-5', '2025-01-05'],
    ['2025年10月8日', '2025-10-08'],
    ['2025年10月8号', '2025-10-08'],
    ['2025年10月8', '2025-10-08'],
    ['2025 年 10 月 8 日', '2025-10-08'],
    ['２０２５年１０月８日', '2025-10-08'],
    ['２０２５－１０－０８', '2025-10-08'],
    ['  2025-10-08  ', '2025-10-08'],
    ['20251008', '2025-10-08'],
    [20251008, '2025-10-08'],
    ['2025-10-08 00:00:00', '2025-10-08'],
    ['2025/10/8 14:30', '2025-10-08'],
    ['2025-10-08T00:00:00', '2025-10-08'],
    ['2024-02-29', '2024-02-29'],
  ] as const)('%j → %s', (input, date) => {
    expect(parseDate(input)).toEqual({ ok: true, value: { date, precision: 'day' } });
  });
});

describe('parseDate: month precision (the month’s first day)', () => {
  test.each([
    ['2025年10月', '2025-10-01'],
    ['2025年10月份', '2025-10-01'],
    ['2025年1月', '2025-01-01'],
    ['2025.10', '2025-10-01'],
    ['2025-10', '2025-10-01'],
    ['2025/10', '2025-10-01'],
    ['2025.1', '2025-01-01'], // text keeps the digits as typed
    ['202510', '2025-10-01'],
    [202510, '2025-10-01'],
    ['２０２５年１０月', '2025-10-01'],
    // `2025.11` typed into a General cell is stored as a number; only .1 is ambiguous.
    [2025.11, '2025-11-01'],
    [2025.5, '2025-05-01'],
  ] as const)('%j → %s', (input, date) => {
    expect(parseDate(input)).toEqual({ ok: true, value: { date, precision: 'month' } });
  });
});

describe('parseDate: Excel serial numbers (1900 system)', () => {
  test.each([
    [45938, '2025-10-08'],
    [45938.75, '2025-10-08'],
    [45658, '2025-01-01'],
    [45351, '2024-02-29'],
    [20000, '1954-10-03'],
    ['45938', '2025-10-08'],
  ] as const)('%j → %s, with a note', (input, date) => {
    expect(parseDate(input)).toEqual({
      ok: true,
      value: { date, precision: 'day' },
      note: `“${input}”按 Excel 日期序号读作 ${date}`,
    });
  });

  test('the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBe(null); // Excel's fictitious 1900-02-29
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(0)).toBe(null);
  });
});

describe('parseDate: no value', () => {
  test.each([null, '', '  ', '待定', '—', '/', '-'])('%j', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, empty: true });
  });
});

describe('parseDate: errors say how to fix', () => {
  test('text', () => {
    const bad = [
      '2025年13月',
      '2025-02-30',
      '2025-04-31',
      '2023-02-29',
      '2025-10-00',
      '2025-10-32',
      '25-10-08',
      '25/10/8',
      '25年10月8日',
      '25.10',
      '10/8/2025',
      '2025',
      '2025年',
      '上旬',
      '2025年1-10月',
      '1900-01-05',
      '2150-01-01',
      '12345678',
    ];
    expect(Object.fromEntries(bad.map((s) => [s, messageOf(parseDate(s))]))).toMatchInlineSnapshot(`
      {
        "10/8/2025": "日期“10/8/2025”分不清月和日，请按 年-月-日 的顺序写，如 2025-10-08",
        "12345678": "无法识别日期“12345678”，请写成 2025-10-08 或 2025年10月8日",
        "1900-01-05": "日期“1900-01-05”的年份不合理，请填写实际日期，如 2025-10-08",
        "2023-02-29": "日期“2023-02-29”不存在：2023年2月只有28天，请检查",
        "2025": "日期“2025”只有年份，请写明月份，如 2025年10月",
        "2025-02-30": "日期“2025-02-30”不存在：2025年2月只有28天，请检查",
        "2025-04-31": "日期“2025-04-31”不存在：2025年4月只有30天，请检查",
        "2025-10-00": "无法识别日期“2025-10-00”，请写成 2025-10-08 或 2025年10月8日",
        "2025-10-32": "无法识别日期“2025-10-32”，请写成 2025-10-08 或 2025年10月8日",
        "2025年": "日期“2025年”只有年份，请写明月份，如 2025年10月",
        "2025年1-10月": "无法识别日期“2025年1-10月”，请写成 2025-10-08 或 2025年10月8日",
        "2025年13月": "无法识别日期“2025年13月”，请写成 2025-10-08 或 2025年10月8日",
        "2150-01-01": "日期“2150-01-01”的年份不合理，请填写实际日期，如 2025-10-08",
        "25-10-08": "日期“25-10-08”的年份只有两位，请写成四位年份，如 2025-10-08",
        "25.10": "日期“25.10”的年份只有两位，请写成四位年份，如 2025-10-08",
        "25/10/8": "日期“25/10/8”的年份只有两位，请写成四位年份，如 2025-10-08",
        "25年10月8日": "日期“25年10月8日”的年份只有两位，请写成四位年份，如 2025-10-08",
        "上旬": "无法识别日期“上旬”，请写成 2025-10-08 或 2025年10月8日",
      }
    `);
  });

  test('numbers and other cells', () => {
    expect(messageOf(parseDate(2025.1))).toMatchInlineSnapshot(
      `"“2025.1”被 Excel 存成了数字，分不清是1月还是10月，请写成 2025年1月 或 2025年10月"`,
    );
    expect(messageOf(parseDate(2025))).toMatchInlineSnapshot(`"日期“2025”只有年份，请写明月份，如 2025年10月"`);
    expect(messageOf(parseDate(123))).toMatchInlineSnapshot(`"无法识别日期“123”，请写成 2025-10-08 或 2025年10月8日"`);
    expect(messageOf(parseDate(90000))).toMatchInlineSnapshot(
      `"无法识别日期“90000”，请写成 2025-10-08 或 2025年10月8日"`,
    );
    expect(messageOf(parseDate(utc(1900, 1, 5)))).toMatchInlineSnapshot(
      `"日期“1900-01-05”的年份不合理，请填写实际日期，如 2025-10-08"`,
    );
    expect(messageOf(parseDate(true))).toMatchInlineSnapshot(`"无法识别“TRUE”，请填写日期"`);
    expect(messageOf(parseDate({ error: '#VALUE!' }))).toMatchInlineSnapshot(
      `"单元格是公式错误“#VALUE!”，请修正公式或直接填写日期"`,
    );
  });
});

describe('period end', () => {
  test.each([
    ['2025-10', '2025-10-31'],
    ['2025-09', '2025-09-30'],
    ['2024-02', '2024-02-29'],
    ['2025-02', '2025-02-28'],
    ['2025-12', '2025-12-31'],
  ])('periodEnd(%s) = %s', (period, end) => {
    expect(periodEnd(period)).toBe(end);
  });

  test('a malformed period is a bug', () => {
    expect(() => periodEnd('2025-13')).toThrow(/YYYY-MM/);
    expect(() => periodEnd('2025-1')).toThrow(/YYYY-MM/);
  });

  test.each([
    ['2025-10-31', false],
    ['2025-11-01', true],
    ['2025-10-01', false],
    ['2026-01-01', true],
    ['2024-12-31', false],
  ] as const)('isAfterPeriodEnd(%s, 2025-10) = %s', (date, after) => {
    expect(isAfterPeriodEnd(date, '2025-10')).toBe(after);
  });

  test('a month-precision date is within its own month', () => {
    const r = parseDate('2025年11月');
    expect(r.ok && isAfterPeriodEnd(r.value.date, '2025-10')).toBe(true);
    expect(r.ok && isAfterPeriodEnd(r.value.date, '2025-11')).toBe(false);
  });
});

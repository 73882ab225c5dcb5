import { describe, expect, test } from 'vitest';
import { parseNumber, stripApproximation } from '../src/normalize/number.ts';
import type { ParseResult } from '../src/normalize/result.ts';

function messageOf(r: ParseResult<unknown>): string {
  if (r.ok || r.empty) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
}

describe('parseNumber', () => {
  test.each([
    [1200, 1200],
    [0, 0],
    [-3.5, -3.5],
    ['1200', 1200],
    ['１２００', 1200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['１，２００', 1200],
    ['12,345,678.5', 12345678.5],
    [' 3.5 ', 3.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+5', 5],
    ['-5', -5],
    ['1.2E+3', 1200],
    ['5家', 5],
    ['3次', 3],
    ['12个', 12],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['约30', 30],
    ['大约30', 30],
    ['近30', 30],
    ['超30', 30],
    ['30左右', 30],
    ['30多', 30],
    ['30余', 30],
    ['约30家', 30],
  ] as const)('approximate %j → %j with a note', (input, expected) => {
    const r = parseNumber(input);
    expect(r.ok && r.value).toBe(expected);
    expect(r.ok && r.note).toBe(`“${input}”是约数，已按 ${expected} 计入`);
  });

  test.each([null, '', '  ', '待定', '—', '/', '-', '无', 'N/A'])('%j is empty', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, empty: true });
  });

  test('error messages say how to fix', () => {
    const bad = ['若干', 'abc', '1,20', '5%', '3-5', '三', '1.2.3'];
    expect(Object.fromEntries(bad.map((s) => [s, messageOf(parseNumber(s))]))).toMatchInlineSnapshot(`
      {
        "1,20": "无法识别“1,20”，请填写数字，如 12 或 3.5",
        "1.2.3": "无法识别“1.2.3”，请填写数字，如 12 或 3.5",
        "3-5": "无法识别“3-5”，请填写数字，如 12 或 3.5",
        "5%": "无法识别“5%”，请填写数字，如 12 或 3.5",
        "abc": "无法识别“abc”，请填写数字，如 12 或 3.5",
        "三": "无法识别“三”，请填写数字，如 12 或 3.5",
        "若干": "无法识别“若干”，请填写数字，如 12 或 3.5",
      }
    `);
    expect(messageOf(parseNumber(new Date(Date.UTC(2025, 9, 8))))).toMatchInlineSnapshot(
      `"这里应填数字，单元格却是日期“2025-10-08”，请把单元格格式改为“常规”后重新填写"`,
    );
    expect(messageOf(parseNumber(true))).toMatchInlineSnapshot(`"无法识别“TRUE”，请填写数字"`);
    expect(messageOf(parseNumber({ error: '#DIV/0!' }))).toMatchInlineSnapshot(
      `"单元格是公式错误“#DIV/0!”，请修正公式或直接填写数字"`,
    );
    expect(messageOf(parseNumber(Number.NaN))).toMatchInlineSnapshot(`"无法识别“NaN”，请填写数字，如 12 或 3.5"`);
  });

  test('stripApproximation', () => {
    expect(stripApproximation('约3亿')).toEqual({ core: '3亿', approximate: true });
    expect(stripApproximation('1200')).toEqual({ core: '1200', approximate: false });
  });
});

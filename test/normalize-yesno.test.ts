import { describe, expect, test } from 'vitest';
import type { ParseResult } from '../src/normalize/result.ts';
import { parseYesNo } from '../src/normalize/yesno.ts';

function messageOf(r: ParseResult<unknown>): string {
  if (r.ok || r.empty) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
}

describe('parseYesNo', () => {
  test.each([
    '是',
    ' 是 ',
    'Y',
    'y',
    'Yes',
    'YES',
    '√',
    '✓',
    '✔',
    '1',
    1,
    true,
    '有',
    'TRUE',
    'true',
    '是（省重点）',
    '是(已入库)',
    'Ｙ',
  ])('%j → true', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: true });
  });

  test.each([
    '否',
    'N',
    'n',
    'No',
    'NO',
    '×',
    '✗',
    'x',
    'X',
    '0',
    0,
    false,
    '无',
    'FALSE',
    'false',
    '否（暂缓）',
    '不是',
  ])('%j → false', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false });
  });

  test.each([null, '', '  ', '/', '—', '-', '待定'])('%j → empty (the caller reads it as 否)', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: false, empty: true });
  });

  test('errors say how to fix', () => {
    const bad = ['可能', '是否', '2', '已入库'];
    expect(Object.fromEntries(bad.map((s) => [s, messageOf(parseYesNo(s))]))).toMatchInlineSnapshot(`
      {
        "2": "无法识别“2”，请填写“是”或“否”",
        "可能": "无法识别“可能”，请填写“是”或“否”",
        "已入库": "无法识别“已入库”，请填写“是”或“否”",
        "是否": "无法识别“是否”，请填写“是”或“否”",
      }
    `);
    expect(messageOf(parseYesNo(2))).toMatchInlineSnapshot(`"无法识别“2”，请填写“是”或“否”（也可写 1 或 0）"`);
    expect(messageOf(parseYesNo(new Date(Date.UTC(2025, 9, 8))))).toMatchInlineSnapshot(
      `"这里应填“是”或“否”，单元格却是日期“2025-10-08”，请把单元格格式改为“常规”后重新填写"`,
    );
    expect(messageOf(parseYesNo({ error: '#N/A' }))).toMatchInlineSnapshot(
      `"单元格是公式错误“#N/A”，请修正公式或直接填写“是”或“否”"`,
    );
  });
});

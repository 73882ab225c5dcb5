import { describe, expect, test } from 'vitest';
import { parseAmount, type AmountContext } from '../src/normalize/amount.ts';
import type { ParseResult } from '../src/normalize/result.ts';

const cny: AmountContext = { headerUnit: null, defaultUnit: '万元', currency: 'cny' };
const usd: AmountContext = { headerUnit: null, defaultUnit: '万元', currency: 'usd' };
const col = (headerUnit: AmountContext['headerUnit'], base = cny): AmountContext => ({ ...base, headerUnit });

function messageOf(r: ParseResult<unknown>): string {
  if (r.ok || r.empty) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
}

describe('parseAmount: the cell names its unit (亿元 out)', () => {
  // The header says 万元 throughout: the cell's own unit must win.
  test.each([
    ['5亿', 5],
    ['0.5亿元', 0.5],
    ['8000万元', 0.8],
    ['8000万', 0.8],
    ['1亿8千万元', 1.8],
    ['1亿2000万', 1.2],
    ['3千万', 0.3],
    ['５亿', 5],
    ['5 亿 元', 5],
    ['1.5亿元', 1.5],
    ['2,000万元', 0.2],
    ['1，200万元', 0.12],
    ['12万元', 0.0012],
    ['5000元', 0.00005],
    ['50000000元', 0.5],
    ['3百万', 0.03],
    ['2十亿', 20],
    ['1万亿', 10000],
    ['0.35亿元人民币', 0.35],
    ['人民币5亿元', 5],
    ['5亿人民币', 5],
    ['￥8000万', 0.8],
    ['0亿', 0],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseAmount(input, col('万元'))).toEqual({ ok: true, value: { value: expected, unitSource: 'cell' } });
  });

  test('conversion is exact decimal arithmetic: the nearest float, never one ulp off', () => {
    expect(3 * 1e-4).not.toBe(0.0003); // what multiplying by 1e-4 would give
    expect(parseAmount('3万元', cny)).toEqual({ ok: true, value: { value: 0.0003, unitSource: 'cell' } });
    expect((1.11 * 1e4) / 1e8 === 0.000111).toBe(false);
    expect(parseAmount('1.11万元', cny)).toEqual({ ok: true, value: { value: 0.000111, unitSource: 'cell' } });
    expect(parseAmount(0.07, col('万元'))).toEqual({ ok: true, value: { value: 0.000007, unitSource: 'header' } });
    expect(parseAmount('8000万元', cny)).toEqual({ ok: true, value: { value: 0.8, unitSource: 'cell' } });
  });
});

describe('parseAmount: approximations', () => {
  test.each([
    ['约3亿', 3, '“约3亿”是约数，已按 3亿元 计入'],
    ['大约3亿', 3, '“大约3亿”是约数，已按 3亿元 计入'],
    ['近3亿元', 3, '“近3亿元”是约数，已按 3亿元 计入'],
    ['超3亿', 3, '“超3亿”是约数，已按 3亿元 计入'],
    ['3亿元左右', 3, '“3亿元左右”是约数，已按 3亿元 计入'],
    ['3亿多元', 3, '“3亿多元”是约数，已按 3亿元 计入'],
    ['约3亿元左右', 3, '“约3亿元左右”是约数，已按 3亿元 计入'],
    ['8000万元以上', 0.8, '“8000万元以上”是约数，已按 0.8亿元 计入'],
  ] as const)('%j → %j', (input, value, note) => {
    expect(parseAmount(input, cny)).toEqual({ ok: true, value: { value, unitSource: 'cell' }, note });
  });
});

describe('parseAmount: the header or the default gives the unit', () => {
  test.each([
    [1200, '万元', 0.12],
    ['1,200', '万元', 0.12],
    ['１２００', '万元', 0.12],
    ['1200', '亿元', 1200],
    [2.5, '亿元', 2.5],
    [50000000, '元', 0.5],
    ['0.3', '万元', 0.00003],
    [0.1 + 0.2, '亿元', 0.3],
    ['￥1200', '万元', 0.12],
  ] as const)('%j under （%s）→ %j', (input, unit, expected) => {
    expect(parseAmount(input, col(unit))).toEqual({ ok: true, value: { value: expected, unitSource: 'header' } });
  });

  test.each([
    ['１２００', '万元', 0.12],
    [1200, '万元', 0.12],
    [3, '亿元', 3],
    [80000000, '元', 0.8],
  ] as const)('%j with no unit anywhere → default %s', (input, defaultUnit, expected) => {
    expect(parseAmount(input, { headerUnit: null, defaultUnit, currency: 'cny' })).toEqual({
      ok: true,
      value: { value: expected, unitSource: 'default' },
    });
  });
});

describe('parseAmount: foreign capital (万美元 out)', () => {
  test.each([
    ['500万美元', null, 500, 'cell'],
    ['300万美元', '万美元', 300, 'cell'],
    ['12亿美元', null, 120000, 'cell'],
    ['2000美元', null, 0.2, 'cell'],
    ['500万美金', null, 500, 'cell'],
    ['$500万', null, 500, 'cell'],
    ['500万', '美元', 500, 'cell'],
    [300, '万美元', 300, 'header'],
    ['2,000', '美元', 0.2, 'header'],
    [300, null, 300, 'default'],
  ] as const)('%j under %j → %j (%s)', (input, headerUnit, value, unitSource) => {
    expect(parseAmount(input, col(headerUnit, usd))).toEqual({ ok: true, value: { value, unitSource } });
  });
});

describe('parseAmount: no value', () => {
  test.each([null, '', ' ', '待定', '—', '——', '/', '-', '无', '暂无'])('%j', (input) => {
    expect(parseAmount(input, cny)).toEqual({ ok: false, empty: true });
  });
});

describe('parseAmount: errors say how to fix', () => {
  test('人民币 column', () => {
    const bad = [
      '若干',
      'abc',
      '3亿-5亿',
      '3-5亿',
      '3~5亿',
      '3至5亿',
      '-5',
      '负5亿',
      '1亿2000',
      '8千万1亿',
      '500万美元',
      '1,20',
      '5%',
      '五亿',
    ];
    expect(Object.fromEntries(bad.map((s) => [s, messageOf(parseAmount(s, cny))]))).toMatchInlineSnapshot(`
      {
        "-5": "金额“-5”不能为负数，请填写 0 或正数",
        "1,20": "无法识别“1,20”，请填写数字，如 5、5亿、8000万元",
        "1亿2000": "“1亿2000”最后一段没有单位，请写完整，如 1亿2000万 或 1.2亿",
        "3-5亿": "“3-5亿”是一个范围，请只填写一个金额，如 5、5亿、8000万元",
        "3~5亿": "“3~5亿”是一个范围，请只填写一个金额，如 5、5亿、8000万元",
        "3亿-5亿": "“3亿-5亿”是一个范围，请只填写一个金额，如 5、5亿、8000万元",
        "3至5亿": "“3至5亿”是一个范围，请只填写一个金额，如 5、5亿、8000万元",
        "5%": "无法识别“5%”，请填写数字，如 5、5亿、8000万元",
        "500万美元": "“500万美元”是美元金额，这一列按人民币统计（亿元），请折算为人民币后填写",
        "8千万1亿": "无法识别“8千万1亿”，请填写数字，如 5、5亿、8000万元",
        "abc": "无法识别“abc”，请填写数字，如 5、5亿、8000万元",
        "五亿": "无法识别“五亿”，请填写数字，如 5、5亿、8000万元",
        "若干": "无法识别“若干”，请填写数字，如 5、5亿、8000万元",
        "负5亿": "金额“负5亿”不能为负数，请填写 0 或正数",
      }
    `);
  });

  test('外资 column', () => {
    const bad = ['若干', '500万元', '￥500', '3亿-5亿'];
    expect(Object.fromEntries(bad.map((s) => [s, messageOf(parseAmount(s, usd))]))).toMatchInlineSnapshot(`
      {
        "3亿-5亿": "“3亿-5亿”是一个范围，请只填写一个金额，如 500、500万美元",
        "500万元": "“500万元”是人民币金额，这一列按美元统计（万美元），请折算为美元后填写",
        "若干": "无法识别“若干”，请填写数字，如 500、500万美元",
        "￥500": "“￥500”是人民币金额，这一列按美元统计（万美元），请折算为美元后填写",
      }
    `);
  });

  test('cells that are not text or numbers, and a header in the wrong currency', () => {
    expect(messageOf(parseAmount(-5, cny))).toMatchInlineSnapshot(`"金额“-5”不能为负数，请填写 0 或正数"`);
    expect(messageOf(parseAmount(new Date(Date.UTC(2025, 9, 8)), cny))).toMatchInlineSnapshot(
      `"这里应填金额，单元格却是日期“2025-10-08”，请把单元格格式改为“常规”后重新填写"`,
    );
    expect(messageOf(parseAmount(true, cny))).toMatchInlineSnapshot(`"无法识别“TRUE”，请填写金额"`);
    expect(messageOf(parseAmount({ error: '#REF!' }, cny))).toMatchInlineSnapshot(
      `"单元格是公式错误“#REF!”，请修正公式或直接填写金额"`,
    );
    expect(messageOf(parseAmount(300, col('万美元')))).toMatchInlineSnapshot(
      `"表头单位是万美元，但这一列按人民币统计（亿元），请把表头改为（亿元）并折算后填写"`,
    );
    expect(messageOf(parseAmount(300, col('万元', usd)))).toMatchInlineSnapshot(
      `"表头单位是万元，但这一列按美元统计（万美元），请把表头改为（万美元）并折算后填写"`,
    );
  });
});

import { describe, expect, test } from 'vitest';
import { parseUnitLabel } from '../src/normalize/amountUnit.ts';
import {
  cellToText,
  compactText,
  foldText,
  formatNumber,
  hasLostDigits,
  isNoValue,
  normalizeHeader,
} from '../src/normalize/text.ts';

describe('foldText', () => {
  test.each([
    ['  某某公司  ', '某某公司'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['ｓｉｔｅ＠ｍａｉｌ．ｃｏｍ', 'site@mail.com'],
    ['１００％', '100%'],
    ['某某\u3000\u3000公司', '某某 公司'],
    ['某某\n\n公司', '某某 公司'],
    ['某某\r\n公司', '某某 公司'],
    ['某某\u00A0公司', '某某 公司'],
    ['某某\t 公司', '某某 公司'],
    ['某某_x000D_公司', '某某 公司'],
    ['某\u200B某公司', '某某公司'],
    // Chinese punctuation stays, including the full-width forms of the FF01–FF5E block.
    ['某某（集团）有限公司', '某某（集团）有限公司'],
    ['甲、乙，丙。“丁”', '甲、乙，丙。“丁”'],
    ['备注：已签约；待开工！是否？', '备注：已签约；待开工！是否？'],
    ['《某某》', '《某某》'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  test('compactText removes every white space', () => {
    expect(compactText(' 项 目\n名\u3000称 ')).toBe('项目名称');
  });
});

describe('normalizeHeader', () => {
  test.each([
    ['总投资（亿元）', '总投资', '亿元'],
    ['外资金额(万美元)', '外资金额', '万美元'],
    ['项目\n名称', '项目名称', null],
    ['投资下限（亿元）', '投资下限', '亿元'],
    ['项 目 名 称', '项目名称', null],
    ['总投资(万元)', '总投资', '万元'],
    ['总投资（元）', '总投资', '元'],
    ['外资到位（美元）', '外资到位', '美元'],
    ['总投资（亿）', '总投资', '亿元'],
    ['到位资金（万）', '到位资金', '万元'],
    ['外资金额（万美金）', '外资金额', '万美元'],
    ['金额【单位：万元】', '金额', '万元'],
    ['金额[单位:万元]', '金额', '万元'],
    ['金额（单位：亿元）', '金额', '亿元'],
    ['金额（万元人民币）', '金额', '万元'],
    ['总投资（亿元', '总投资', '亿元'],
    ['总投资（ 亿 元 ）', '总投资', '亿元'],
    ['ＡＢ总投资（亿元）', 'AB总投资', '亿元'],
    ['*项目名称', '项目名称', null],
    ['项目名称*', '项目名称', null],
    ['项目名称★', '项目名称', null],
    ['项目名称（全称）', '项目名称', null],
    ['企业名称【必填】', '企业名称', null],
    ['项目名称_x000D_', '项目名称', null],
    ['签约日期\r\n（2025-10-08）', '签约日期', null],
    // `其中` stays in the name, so a sub-column never equals a field.
    ['其中：一期（亿元）', '其中一期', '亿元'],
    ['其中:一期(亿元)', '其中一期', '亿元'],
    ['简称/别名', '简称/别名', null],
    ['', '', null],
  ])('%j → %j %j', (raw, name, unit) => {
    expect(normalizeHeader(raw)).toEqual({ name, unit });
  });

  test('the first bracket that names a unit wins', () => {
    expect(normalizeHeader('总投资（协议）（亿元）')).toEqual({ name: '总投资', unit: '亿元' });
  });

  test('parseUnitLabel', () => {
    expect(parseUnitLabel('单位：万元')).toBe('万元');
    expect(parseUnitLabel('人民币亿元')).toBe('亿元');
    expect(parseUnitLabel('元/平方米')).toBe(null);
  });
});

describe('cellToText', () => {
  test.each([
    [null, null],
    ['', null],
    ['   ', null],
    ['  某某 公司 ', '某某 公司'],
    ['ＸＪ－２０２５－００１', 'XJ-2025-001'],
    [1200, '1200'],
    [0.1 + 0.2, '0.3'],
    [0.30000000000000004, '0.3'],
    [12.5, '12.5'],
    [-3, '-3'],
    [0, '0'],
    [20250001, '20250001'],
    [9007199254740991, '9007199254740991'],
    [1e21, '1000000000000000000000'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2025, 9, 8)), '2025-10-08'],
    [new Date(Number.NaN), null],
    [{ error: '#REF!' }, null],
    [Number.NaN, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(cellToText(input)).toBe(expected);
  });

  test('a long code typed as a number keeps the digits Excel stored, and is flagged', () => {
    // 18-digit code typed without a text format: Excel kept 15 significant digits.
    const stored = 123456789012345678;
    expect(cellToText(stored)).toBe('123456789012345680');
    expect(hasLostDigits(stored)).toBe(true);
    expect(hasLostDigits(999999999999999)).toBe(false);
    expect(hasLostDigits('123456789012345678')).toBe(false);
  });

  test('formatNumber never shows float noise', () => {
    expect(formatNumber(1.1 * 3)).toBe('3.3');
    expect(formatNumber(1e15)).toBe('1000000000000000');
  });
});

describe('isNoValue', () => {
  test.each([
    '',
    '  ',
    '待定',
    '未定',
    '—',
    '——',
    '–',
    '-',
    '--',
    '－',
    '/',
    '／',
    '\\',
    '无',
    '暂无',
    '不详',
    'N/A',
    'n/a',
    'NA',
    ' 待 定 ',
  ])('%j is no value', (s) => {
    expect(isNoValue(s)).toBe(true);
  });
  test('null is no value', () => {
    expect(isNoValue(null)).toBe(true);
  });
  test.each(['0', '5亿', '无锡', '待定项目', '-5', '是'])('%j is a value', (s) => {
    expect(isNoValue(s)).toBe(false);
  });
});

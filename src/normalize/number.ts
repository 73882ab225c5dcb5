/**
 * Plain numbers typed by hand: `1,200`, `１２００`, `约3`, `5家` (contract §3).
 */
import type { CellValue } from '../schemas/table.ts';
import { EMPTY, fail, ok, type ParseFailure, type ParseResult } from './result.ts';
import { compactText, foldText, formatNumber, isNoValue, isoDay } from './text.ts';

const APPROX_PREFIX = /^(?:大约|约|接近|将近|近|超过|超|逾|不少于|不低于)/;
const APPROX_SUFFIX = /(?:左右|上下|以上|多|余)$/;

/**
 * Removes the words that make a figure approximate (`约`, `近`, `超`, `左右`, `多` …). Applied
 * repeatedly, since `约3亿元左右` carries both and `3亿多元` has `多` before `元`.
 *
 * @example stripApproximation('约3亿') // {core: '3亿', approximate: true}
 * @example stripApproximation('1200') // {core: '1200', approximate: false}
 */
export function stripApproximation(s: string): { core: string; approximate: boolean } {
  const core = s.replace(APPROX_PREFIX, '').replace(APPROX_SUFFIX, '');
  return { core, approximate: core !== s };
}

/** Digits with optional thousands separators (`1,200`, `1，200`) and decimals; no sign. */
export const UNSIGNED_NUMBER = String.raw`(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d*)?|\.\d+`;
const NUMBER_TEXT = new RegExp(`^(?:${UNSIGNED_NUMBER})(?:[eE][+-]?\\d+)?$`);

/** The largest plain number a cell may hold (a count, a score, a target): larger is a typing error. */
export const MAX_PLAIN_NUMBER = 1e12;
/** Longer text is never a number. */
const MAX_NUMBER_TEXT_LENGTH = 64;

/** Measure words clerks append to counts: `5家`, `3次`, `12个`. */
const MEASURE_WORD = /[个家次条项人批户名]$/;

/** The shared message for cells that are not text or numbers. */
export function nonTextCellFailure(v: Date | boolean | { error: string }, expected: string): ParseFailure {
  if (v instanceof Date)
    return fail(`这里应填${expected}，单元格却是日期“${isoDay(v) ?? '无效日期'}”，请把单元格格式改为“常规”后重新填写`);
  if (typeof v === 'boolean') return fail(`无法识别“${v ? 'TRUE' : 'FALSE'}”，请填写${expected}`);
  return fail(`单元格是公式错误“${v.error}”，请修正公式或直接填写${expected}`);
}

/**
 * A plain number: a number cell, or text with full-width digits, thousands separators, a sign,
 * approximation words (`约`, `近`, `超`, `左右`, `多` → `note` says so) or a trailing measure word.
 * Percent and Chinese numerals are not read.
 *
 * @example parseNumber('１，２００') // {ok: true, value: 1200}
 * @example parseNumber('约30') // {ok: true, value: 30, note: '“约30”是约数，已按 30 计入'}
 * @example parseNumber('若干') // {ok: false, empty: false, message: '无法识别“若干”，请填写数字，如 12 或 3.5'}
 */
export function parseNumber(v: CellValue): ParseResult<number> {
  if (v === null) return EMPTY;
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? bounded(v, Math.abs(v) >= 1e21 ? String(v) : formatNumber(v))
      : fail(`无法识别“${v}”，请填写数字，如 12 或 3.5`);
  if (typeof v !== 'string') return nonTextCellFailure(v, '数字');
  if (isNoValue(v)) return EMPTY;
  if (v.length > MAX_NUMBER_TEXT_LENGTH)
    return fail(`内容过长（${v.length} 个字符），不是一个数字：请只填写数字，如 12 或 3.5`);
  const shown = foldText(v);
  const { core, approximate } = stripApproximation(compactText(v));
  const m = /^([+-]?)(.*)$/.exec(core.replace(MEASURE_WORD, ''));
  const digits = m?.[2] ?? '';
  if (!NUMBER_TEXT.test(digits)) return fail(`无法识别“${shown}”，请填写数字，如 12 或 3.5`);
  const value = Number((m?.[1] ?? '') + digits.replace(/[,，]/g, ''));
  if (!(Math.abs(value) <= MAX_PLAIN_NUMBER)) return bounded(value, shown);
  return approximate ? ok(value, `“${shown}”是约数，已按 ${formatNumber(value)} 计入`) : ok(value);
}

/** `value` when it is within ±{@link MAX_PLAIN_NUMBER}, else a failure naming the cell as shown. */
function bounded(value: number, shown: string): ParseResult<number> {
  if (Math.abs(value) <= MAX_PLAIN_NUMBER) return ok(value);
  return fail(
    `数值“${shown.length > 24 ? `${shown.slice(0, 24)}…` : shown}”超过一万亿，明显有误：请检查位数后重新填写`,
  );
}

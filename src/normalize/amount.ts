/**
 * Money cells (contract §3 "Amounts"): a number, or text with its own unit such as `5亿`,
 * `8000万元`, `1亿8千万元`, `500万美元`. 人民币 comes out in 亿元, foreign capital in 万美元.
 */
import { memoize } from './memo.ts';
import type { CellValue } from '../schemas/table.ts';
import { AMOUNT_UNITS, TARGET_UNIT, type Currency } from './amountUnit.ts';
import { type AmountUnit } from '../schemas/table.ts';
export type { Currency } from './amountUnit.ts';
import { addDecimals, decimalFromNumber, parseDecimal, toNumber, type Decimal } from './decimal.ts';
import { nonTextCellFailure, stripApproximation, UNSIGNED_NUMBER } from './number.ts';
import { EMPTY, fail, ok, type ParseFailure, type ParseResult } from './result.ts';
import { compactText, foldText, formatNumber, isNoValue } from './text.ts';

export interface AmountContext {
  /** Unit from the column header, e.g. `亿元` from `总投资（亿元）`; null when the header names none. */
  headerUnit: AmountUnit | null;
  /** `site.json`'s `defaultAmountUnit`, used for a plain number when neither cell nor header says. */
  defaultUnit: '亿元' | '万元' | '元';
  /** `cny` for 人民币 fields (result in 亿元), `usd` for 外资 fields (result in 万美元). */
  currency: Currency;
}

export interface Amount {
  /** 亿元 for `cny`, 万美元 for `usd`, e.g. 0.8 for `8000万元`. */
  value: number;
  /**
   * Where the unit came from. `default` means it was assumed from `site.json` (for `usd`, 万美元):
   * the caller lists one `unit_assumed` warning per column.
   */
  unitSource: 'cell' | 'header' | 'default';
}

const CURRENCY_PREFIX: ReadonlyArray<readonly [RegExp, Currency]> = [
  [/^(?:人民币|RMB|CNY|[¥￥])/i, 'cny'],
  [/^(?:US\$|USD|\$)/i, 'usd'],
];
/** A unit word at the end; `元` after a magnitude (`8000万元`) is the same word. */
const CURRENCY_SUFFIX: ReadonlyArray<readonly [RegExp, Currency]> = [
  [/(?:美元|美金|USD)$/i, 'usd'],
  [/(?:元人民币|元|人民币|RMB|CNY)$/i, 'cny'],
];
const NEGATIVE = /^[-−负]/;
/** Anything that joins two figures: `3亿-5亿`, `3~5亿`, `3至5亿`, `3或5亿`. */
const RANGE = /[-~～–—―至到或]/;
const MAGNITUDE_EXPONENT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const TERM = new RegExp(`(${UNSIGNED_NUMBER})([十百千万亿]*)`, 'y');

/**
 * The largest amount one row may hold: 10 万亿元 (10^5 亿元) or 1 万亿美元 (10^8 万美元), far above
 * any real project and far below where a sum over a few hundred thousand rows stops being finite.
 * A larger figure (`9.9e307`, a 400-digit number, a unit typed twice) is a typing error.
 */
export const MAX_AMOUNT: Readonly<Record<Currency, number>> = { cny: 1e5, usd: 1e8 };
const MAX_AMOUNT_TEXT: Readonly<Record<Currency, string>> = { cny: '10万亿元', usd: '1万亿美元' };
/** Longer text is never an amount (`1亿2000万元（其中一期5000万元）` is 20 characters). */
const MAX_AMOUNT_TEXT_LENGTH = 64;

const EXAMPLES: Readonly<Record<Currency, string>> = { cny: '如 5、5亿、8000万元', usd: '如 500、500万美元' };
const CURRENCY_NAMES: Readonly<Record<Currency, string>> = { cny: '人民币', usd: '美元' };

/**
 * Reads an amount. Unit precedence: the cell's own words (`亿`, `万`, `千万`, `元`, `美元` …),
 * else the header's unit, else `ctx.defaultUnit` (for `usd`, 万美元). Conversion is exact
 * decimal arithmetic, so `8000万元` is exactly 0.8.
 *
 * Rejected with a Chinese message: negative amounts, ranges (`3亿-5亿`), words (`若干`), a
 * currency other than the column's (`500万美元` in a 人民币 column), and a last part without a
 * unit (`1亿2000`). `待定`, `—`, `/` and empty give `{ok: false, empty: true}`.
 *
 * @example parseAmount('1亿8千万元', {headerUnit: null, defaultUnit: '万元', currency: 'cny'})
 *   // {ok: true, value: 1.8, unitSource: 'cell'}
 * @example parseAmount(1200, {headerUnit: '万元', defaultUnit: '亿元', currency: 'cny'})
 *   // {ok: true, value: 0.12, unitSource: 'header'}
 * @example parseAmount('12亿美元', {headerUnit: null, defaultUnit: '万元', currency: 'usd'})
 *   // {ok: true, value: 120000, unitSource: 'cell'}
 */
function parseAmountUncached(v: CellValue, ctx: AmountContext): ParseResult<Amount> {
  if (v === null) return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail(`无法识别“${v}”，请填写金额，${EXAMPLES[ctx.currency]}`);
    if (v < 0) return negative(formatNumber(v));
    // 9.9e307 is shown as Excel shows it, not as 308 digits.
    const shown = Math.abs(v) >= 1e21 ? String(v) : formatNumber(v);
    return convert(decimalFromNumber(v), { inCell: false, currency: null, approximate: false }, ctx, shown);
  }
  if (typeof v !== 'string') return nonTextCellFailure(v, '金额');
  if (isNoValue(v)) return EMPTY;
  return parseAmountText(v, ctx);
}

function parseAmountText(raw: string, ctx: AmountContext): ParseResult<Amount> {
  if (raw.length > MAX_AMOUNT_TEXT_LENGTH) {
    return fail(
      `内容过长（${raw.length} 个字符），不是一个金额：请只填写金额，${EXAMPLES[ctx.currency]}，说明写在备注列`,
    );
  }
  const shown = foldText(raw);
  const unrecognised = fail(`无法识别“${shown}”，请填写数字，${EXAMPLES[ctx.currency]}`);
  let s = compactText(raw);
  let approximate = false;
  let currency: Currency | null = null;
  let unitWord = false;

  // `约3亿元左右`, `3亿多元`, `约￥500`: approximation words on both sides of currency words.
  for (let i = 0; i < 3; i++) {
    const stripped = stripApproximation(s);
    approximate ||= stripped.approximate;
    s = stripped.core;
    for (const [re, c] of currency === null ? CURRENCY_PREFIX : []) {
      if (re.test(s)) {
        s = s.replace(re, '');
        currency = c;
        break;
      }
    }
    for (const [re, c] of unitWord ? [] : CURRENCY_SUFFIX) {
      if (re.test(s)) {
        if (currency !== null && currency !== c) return unrecognised;
        s = s.replace(re, '');
        currency = c;
        unitWord = true;
        break;
      }
    }
  }

  if (NEGATIVE.test(s)) return negative(shown);
  if (RANGE.test(s)) return fail(`“${shown}”是一个范围，请只填写一个金额，${EXAMPLES[ctx.currency]}`);

  const terms: { value: Decimal; magnitude: number }[] = [];
  TERM.lastIndex = 0;
  while (TERM.lastIndex < s.length) {
    const m = TERM.exec(s);
    if (m === null) return unrecognised;
    const magnitude = magnitudeExponent(m[2] ?? '');
    const value = parseDecimal((m[1] ?? '').replace(/[,，]/g, ''));
    if (magnitude === null || value === null) return unrecognised;
    terms.push({ value: { mantissa: value.mantissa, exponent: value.exponent + magnitude }, magnitude });
  }
  if (terms.length === 0) return unrecognised;
  if (terms.length > 1) {
    if (terms.at(-1)?.magnitude === 0) {
      return fail(`“${shown}”最后一段没有单位，请写完整，如 1亿2000万 或 1.2亿`);
    }
    for (let i = 1; i < terms.length; i++) {
      if ((terms[i]?.magnitude ?? 0) >= (terms[i - 1]?.magnitude ?? 0)) return unrecognised;
    }
  }
  const total = addDecimals(terms.map((t) => t.value));
  const inCell = unitWord || terms.some((t) => t.magnitude > 0);
  return convert(total, { inCell, currency, approximate }, ctx, shown);
}

/** `千万` → 7; null for an order that is not Chinese (`万千`). */
function magnitudeExponent(word: string): number | null {
  let sum = 0;
  let last = 0;
  for (const ch of word) {
    const e = MAGNITUDE_EXPONENT[ch] ?? 0;
    if (e <= last) return null;
    sum += e;
    last = e;
  }
  return sum;
}

/** What the cell text said besides its digits. */
interface CellHints {
  /** The text carried its unit (`亿`, `万`, `元`, `美元` …): the figure is already in 元 or 美元. */
  inCell: boolean;
  /** Currency named by the text (`美元`, `￥`, `人民币` …), if any. */
  currency: Currency | null;
  approximate: boolean;
}

/** Applies the unit: the cell's own, else the header's, else the default. */
function convert(figure: Decimal, cell: CellHints, ctx: AmountContext, shown: string): ParseResult<Amount> {
  let unitSource: Amount['unitSource'] = 'cell';
  const currency = cell.currency ?? ctx.currency;
  let exponent = 0;
  if (!cell.inCell) {
    const unit = ctx.headerUnit ?? (ctx.currency === 'cny' ? ctx.defaultUnit : '万美元');
    unitSource = ctx.headerUnit === null ? 'default' : 'header';
    exponent = AMOUNT_UNITS[unit].exponent;
    if (AMOUNT_UNITS[unit].currency !== ctx.currency) {
      return fail(
        `表头单位是${unit}，但这一列按${CURRENCY_NAMES[ctx.currency]}统计（${TARGET_UNIT[ctx.currency]}），` +
          `请把表头改为（${TARGET_UNIT[ctx.currency]}）并折算后填写`,
      );
    }
  }
  if (currency !== ctx.currency) return currencyMismatch(shown, currency, ctx.currency);
  const target = TARGET_UNIT[ctx.currency];
  const value = toNumber(figure, exponent - AMOUNT_UNITS[target].exponent);
  if (!(value <= MAX_AMOUNT[ctx.currency])) {
    return fail(
      `金额“${shown.length > 24 ? `${shown.slice(0, 24)}…` : shown}”超过 ${MAX_AMOUNT_TEXT[ctx.currency]}，明显有误：请检查单位（亿元/万元/元）和位数后重新填写`,
    );
  }
  const note = cell.approximate ? `“${shown}”是约数，已按 ${formatNumber(value)}${target} 计入` : undefined;
  return ok({ value, unitSource }, note);
}

function currencyMismatch(shown: string, found: Currency, column: Currency): ParseFailure {
  return fail(
    `“${shown}”是${CURRENCY_NAMES[found]}金额，这一列按${CURRENCY_NAMES[column]}统计（${TARGET_UNIT[column]}），` +
      `请折算为${CURRENCY_NAMES[column]}后填写`,
  );
}

function negative(shown: string): ParseFailure {
  return fail(`金额“${shown}”不能为负数，请填写 0 或正数`);
}

const amountCache = new Map<string, (v: string | number) => ParseResult<Amount>>();

/**
 * Reads an amount cell (see `parseAmountUncached` for every accepted form). Text and number cells
 * are memoised per column context: the same amounts recur across snapshots. The result is
 * shared: do not mutate it.
 */
export function parseAmount(v: CellValue, ctx: AmountContext): ParseResult<Amount> {
  if (typeof v !== 'string' && typeof v !== 'number') return parseAmountUncached(v, ctx);
  const key = `${ctx.currency}|${ctx.headerUnit ?? ''}|${ctx.defaultUnit}`;
  let parse = amountCache.get(key);
  if (!parse) {
    const fixed = { ...ctx };
    parse = memoize((x: string | number) => parseAmountUncached(x, fixed));
    amountCache.set(key, parse);
  }
  return parse(v);
}

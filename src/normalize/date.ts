/**
 * Date cells (contract §3 "Dates") and the snapshot period's month end (§1, §7).
 */
import { memoize } from './memo.ts';
import type { CellValue } from '../schemas/table.ts';
import { nonTextCellFailure } from './number.ts';
import { EMPTY, fail, ok, type ParseFailure, type ParseResult } from './result.ts';
import { foldText, formatNumber, isNoValue, isoDay } from './text.ts';

export interface DateValue {
  /** `YYYY-MM-DD`; a month without a day is its first day, e.g. `2025年10月` → `2025-10-01`. */
  date: string;
  /** `month` when the cell gave no day. */
  precision: 'day' | 'month';
}

/**
 * Years outside this range are typing or format slips (a number 5 formatted as a date shows as
 * 1900-01-05), not ledger dates.
 */
const YEAR_MIN = 1950;
const YEAR_MAX = 2099;

/** Excel serial numbers read as dates: 20000 = 1954-10-03, 80000 = 2119-01-10. */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

const HOW = '请写成 2025-10-08 或 2025年10月8日';
const DAY_MS = 86_400_000;

/**
 * An Excel serial day number in the 1900 date system as `YYYY-MM-DD`, or null for 60 (the
 * 1900-02-29 that Excel invents, copying Lotus 1-2-3) and anything below 1. A fraction (time of
 * day) is dropped.
 *
 * @example excelSerialToIso(45938) // '2025-10-08'
 * @example excelSerialToIso(61) // '1900-03-01'
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(day) || day < 1 || day === 60) return null;
  // Serials after the fictitious leap day are one ahead of the real calendar.
  const epoch = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return isoDay(new Date(epoch + day * DAY_MS));
}

/**
 * Reads a date: a Date cell (its UTC day), an Excel serial number (1900 system, note says so),
 * or text in the forms of contract §3 with full-width digits, spaces and a trailing time allowed.
 *
 * @example parseDate('2025年10月8号') // {ok: true, value: {date: '2025-10-08', precision: 'day'}}
 * @example parseDate('2025.10') // {ok: true, value: {date: '2025-10-01', precision: 'month'}}
 * @example parseDate('2025-02-30') // {ok: false, empty: false, message: '日期“2025-02-30”不存在：2025年2月只有28天，请检查'}
 */
function parseDateUncached(v: CellValue): ParseResult<DateValue> {
  if (v === null) return EMPTY;
  if (v instanceof Date) {
    const iso = isoDay(v);
    if (iso === null) return fail(`无法识别日期，${HOW}`);
    return checked(iso, Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), 'day');
  }
  if (typeof v === 'number') return parseDateNumber(v);
  if (typeof v !== 'string') return nonTextCellFailure(v, '日期');
  if (isNoValue(v)) return EMPTY;
  return parseDateText(foldText(v));
}

function parseDateNumber(n: number): ParseResult<DateValue> {
  const shown = formatNumber(n);
  if (!Number.isFinite(n)) return fail(`无法识别日期“${shown}”，${HOW}`);
  // 20251008 and 202510 typed into a General cell become numbers: read their digits.
  if (Number.isInteger(n) && (shown.length === 8 || shown.length === 6)) return parseDateText(shown);
  if (n >= SERIAL_MIN && n < SERIAL_MAX + 1) return serial(n, shown);
  // `2025.10` typed into a General cell is stored as the number 2025.1.
  const january = /^(\d{4})\.1$/.exec(shown);
  if (january !== null) {
    return fail(`“${shown}”被 Excel 存成了数字，分不清是1月还是10月，请写成 ${january[1]}年1月 或 ${january[1]}年10月`);
  }
  return parseDateText(shown);
}

function serial(n: number, shown: string): ParseResult<DateValue> {
  const iso = excelSerialToIso(n);
  if (iso === null) return fail(`无法识别日期“${shown}”，${HOW}`);
  return ok({ date: iso, precision: 'day' }, `“${shown}”按 Excel 日期序号读作 ${iso}`);
}

const DAY_FORMS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[日号]?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_FORMS = [/^(\d{4})年(\d{1,2})月份?$/, /^(\d{4})[-/.](\d{1,2})(?:月份?)?$/, /^(\d{4})(\d{2})$/];
/** `25-10-08`, `25/10/8`, `25年10月8日`, `25.10`. */
const TWO_DIGIT_YEAR = /^(\d{2})(?:[-/.](\d{1,2})(?:[-/.]\d{1,2})?|年\d{1,2}月(?:\d{1,2}[日号]?)?)$/;
/** `10/8/2025` as English-locale Excel exports it: month and day order unknown. */
const YEAR_LAST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;
/** A time of day after the date, as CSV exports write it: `2025-10-08 00:00:00`, `2025/10/8 14:30`. */
const TIME_SUFFIX = /(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function parseDateText(shown: string): ParseResult<DateValue> {
  const s = shown.replace(TIME_SUFFIX, '').replace(/\s+/g, '');
  for (const re of DAY_FORMS) {
    const m = re.exec(s);
    if (m !== null) return fromParts(shown, m[1], m[2], m[3]);
  }
  for (const re of MONTH_FORMS) {
    const m = re.exec(s);
    if (m !== null) return fromParts(shown, m[1], m[2], undefined);
  }
  if (/^\d{5}(?:\.\d+)?$/.test(s) && Number(s) >= SERIAL_MIN && Number(s) < SERIAL_MAX + 1)
    return serial(Number(s), shown);
  if (/^\d{4}年?$/.test(s)) return fail(`日期“${shown}”只有年份，请写明月份，如 ${s.slice(0, 4)}年10月`);
  if (TWO_DIGIT_YEAR.test(s)) return fail(`日期“${shown}”的年份只有两位，请写成四位年份，如 2025-10-08`);
  if (YEAR_LAST.test(s)) return fail(`日期“${shown}”分不清月和日，请按 年-月-日 的顺序写，如 2025-10-08`);
  return fail(`无法识别日期“${shown}”，${HOW}`);
}

function fromParts(
  shown: string,
  y: string | undefined,
  m: string | undefined,
  d: string | undefined,
): ParseResult<DateValue> {
  const year = Number(y);
  const month = Number(m);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return fail(`无法识别日期“${shown}”，${HOW}`);
  const iso = `${y}-${pad(month)}-${pad(day)}`;
  return checked(iso, year, month, day, d === undefined ? 'month' : 'day', shown);
}

function checked(
  iso: string,
  year: number,
  month: number,
  day: number,
  precision: DateValue['precision'],
  shown = iso,
): ParseResult<DateValue> {
  if (year < YEAR_MIN || year > YEAR_MAX) return fail(`日期“${shown}”的年份不合理，请填写实际日期，如 2025-10-08`);
  const last = daysInMonth(year, month);
  if (day > last) return impossible(shown, year, month, last);
  return ok({ date: iso, precision });
}

function impossible(shown: string, year: number, month: number, last: number): ParseFailure {
  return fail(`日期“${shown}”不存在：${year}年${month}月只有${last}天，请检查`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Last day of a snapshot period.
 *
 * @example periodEnd('2025-10') // '2025-10-31'
 * @example periodEnd('2024-02') // '2024-02-29'
 * @throws on a period that is not `YYYY-MM` (ingest validates folder names first).
 */
export function periodEnd(period: string): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m === null) throw new Error(`period must be YYYY-MM, got ${JSON.stringify(period)}`);
  return `${period}-${pad(daysInMonth(Number(m[1]), Number(m[2])))}`;
}

/**
 * True when a date lies after the period's last day: a ledger cannot record the future
 * (`future_date`). A month-precision date is its first day, so `2025-10` is within `2025-10`.
 *
 * @example isAfterPeriodEnd('2025-11-01', '2025-10') // true
 * @example isAfterPeriodEnd('2025-10-31', '2025-10') // false
 */
export function isAfterPeriodEnd(date: string, period: string): boolean {
  return date > periodEnd(period);
}

const parseDateCached = memoize((v: string | number) => parseDateUncached(v));

/**
 * Reads a date cell (see `parseDateUncached` for every accepted form). Text and number cells are
 * memoised: the same dates recur across snapshots. The result is shared: do not mutate it.
 */
export function parseDate(v: CellValue): ParseResult<DateValue> {
  return typeof v === 'string' || typeof v === 'number' ? parseDateCached(v) : parseDateUncached(v);
}

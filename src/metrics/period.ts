/**
 * Reporting periods (contract §7). A period is a month written `YYYY-MM`, e.g. `2025-10`; dates are
 * ISO calendar days `YYYY-MM-DD`, compared as strings (they sort chronologically). Nothing here
 * reads the clock or the local time zone.
 */

/** A reporting period `YYYY-MM`, e.g. `'2025-10'`. */
export type Period = string;

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Splits and validates a period; throws on anything but `YYYY-MM` (a caller bug: ledger folder
 * names are validated by the ingest stage).
 *
 * @example parsePeriod('2025-10') // { year: 2025, month: 10 }
 */
export function parsePeriod(p: Period): { year: number; month: number } {
  const m = PERIOD_RE.exec(p);
  if (!m) throw new Error(`无效的统计期“${p}”，应为 YYYY-MM`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** @example yearOf('2025-10') // 2025 */
export function yearOf(p: Period): number {
  return parsePeriod(p).year;
}

/** @example monthOf('2025-10') // 10 */
export function monthOf(p: Period): number {
  return parsePeriod(p).month;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Builds a period from its parts. @example makePeriod(2025, 3) // '2025-03' */
export function makePeriod(year: number, month: number): Period {
  return `${year}-${pad2(month)}`;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Last day of the period, the 统计截止日期.
 *
 * @example periodEnd('2024-02') // '2024-02-29'
 */
export function periodEnd(p: Period): string {
  const { year, month } = parsePeriod(p);
  return `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

/**
 * 本月: the date lies within the period's month.
 *
 * @example inMonth('2025-10-08', '2025-10') // true
 * @example inMonth('2025-09-30', '2025-10') // false
 */
export function inMonth(date: string, p: Period): boolean {
  parsePeriod(p);
  return date.slice(0, 7) === p;
}

/**
 * 累计 (year to date): from 1 January of the period's year to the period end, inclusive.
 *
 * @example inYearToDate('2025-01-01', '2025-10') // true
 * @example inYearToDate('2024-12-31', '2025-01') // false — last year's December
 * @example inYearToDate('2025-11-01', '2025-10') // false — after the period end
 */
export function inYearToDate(date: string, p: Period): boolean {
  return inRange(date, yearToDate(p));
}

/** An inclusive range of ISO dates, `{from: '2025-01-01', to: '2025-10-31'}`. */
export interface DateRange {
  from: string;
  to: string;
}

/** The 累计 range of a period. @example yearToDate('2025-10') // { from: '2025-01-01', to: '2025-10-31' } */
export function yearToDate(p: Period): DateRange {
  return { from: `${yearOf(p)}-01-01`, to: periodEnd(p) };
}

/** The 本月 range of a period. @example monthRange('2025-02') // { from: '2025-02-01', to: '2025-02-28' } */
export function monthRange(p: Period): DateRange {
  return { from: `${p}-01`, to: periodEnd(p) };
}

/** @example inRange('2025-03-01', { from: '2025-01-01', to: '2025-03-31' }) // true */
export function inRange(date: string, r: DateRange): boolean {
  return date >= r.from && date <= r.to;
}

/**
 * 序时进度 = month / 12.
 *
 * @example timeProgress('2025-10') // 0.8333…
 */
export function timeProgress(p: Period): number {
  return monthOf(p) / 12;
}

/** Quarter 1–4 of the period. @example quarterOf('2025-08') // 3 */
export function quarterOf(p: Period): number {
  return Math.ceil(monthOf(p) / 3);
}

/**
 * True for March, June, September and December. A quarter's ranking (季度排名) is the ranking at
 * its quarter-end period, because every figure is cumulative for the year.
 *
 * @example isQuarterEnd('2025-09') // true
 */
export function isQuarterEnd(p: Period): boolean {
  return monthOf(p) % 3 === 0;
}

/** The quarter-end period of the period's quarter. @example quarterEnd('2025-08') // '2025-09' */
export function quarterEnd(p: Period): Period {
  return makePeriod(yearOf(p), quarterOf(p) * 3);
}

/**
 * The month before, across a year boundary.
 *
 * @example previousPeriod('2025-01') // '2024-12'
 */
export function previousPeriod(p: Period): Period {
  const { year, month } = parsePeriod(p);
  return month === 1 ? makePeriod(year - 1, 12) : makePeriod(year, month - 1);
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`无效的日期“${date}”，应为 YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/**
 * Whole calendar days from `a` to `b` (negative when `b` is earlier), independent of time zone.
 *
 * @example daysBetween('2025-01-01', '2025-03-01') // 59
 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The date `days` calendar days after `date`, independent of time zone.
 *
 * @example addDays('2025-01-01', 180) // '2025-06-30'
 */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

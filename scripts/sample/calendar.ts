/**
 * Calendar days and months of the sample zone. A day is `YYYY-MM-DD`, a month `YYYY-MM`; both
 * are plain strings so they sort and compare as text and never depend on the local time zone.
 */

export type Day = string;
export type Month = string;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function parseDay(d: Day): { y: number; m: number; d: number } {
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function makeDay(y: number, m: number, d: number): Day {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function monthOf(d: Day): Month {
  return d.slice(0, 7);
}

export function monthEnd(m: Month): Day {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5, 7));
  return makeDay(y, mm, daysInMonth(y, mm));
}

export function addDays(d: Day, n: number): Day {
  const { y, m, d: dd } = parseDay(d);
  return new Date(Date.UTC(y, m - 1, dd + n)).toISOString().slice(0, 10);
}

export function addMonths(m: Month, n: number): Month {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(mm / 12);
  return `${yy}-${pad2((((mm % 12) + 12) % 12) + 1)}`;
}

/** Months from `from` to `to`, inclusive. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The day as a JS Date at UTC midnight, which exceljs writes as that calendar day. */
export function utcDate(d: Day): Date {
  const { y, m, d: dd } = parseDay(d);
  return new Date(Date.UTC(y, m - 1, dd));
}

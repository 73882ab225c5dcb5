/**
 * How a clerk writes a value in a cell: amounts as numbers or `1亿8千万元`, dates as real Excel
 * dates or `2025.10.8`, yes/no as √/×, unit names by their 简称. Each choice is stable per
 * (file kind, row, column), so a row keeps its look from one monthly snapshot to the next.
 */
import type { CellValue } from 'exceljs';
import { parseDay, utcDate, type Day } from './calendar.ts';
import { stableFloat } from './prng.ts';
import { UNITS } from './zone.ts';

/** A cell as the writers take it; `null` is an empty cell. */
export type Cell = CellValue;

/** Pick by weight, stable per key. */
export function stableWeighted<T>(key: string, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = stableFloat(key) * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('stableWeighted from an empty list');
  return last[0];
}

/** Round away binary noise: `0.1 + 0.2` → `0.3`. */
export function clean(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/\./g, '．');
}

function thousands(n: number): string {
  const [int = '0', frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export type AmountForm = 'number' | 'yi' | 'yiYuan' | 'about' | 'wanYuan' | 'yiQian' | 'yiWan' | 'commas' | 'fullWidth';

/** Text forms that can state `yi` 亿元 exactly; `undefined` when the form does not fit the value. */
function amountText(yi: number, form: AmountForm, column: '亿元' | '万元'): Cell | undefined {
  const wan = clean(yi * 1e4, 2);
  const whole = Math.floor(yi);
  const restWan = clean((yi - whole) * 1e4, 2);
  switch (form) {
    case 'number':
      return column === '亿元' ? clean(yi) : wan;
    case 'yi':
      return `${clean(yi)}亿`;
    case 'yiYuan':
      return `${clean(yi)}亿元`;
    case 'about':
      return Number.isInteger(yi) ? `约${yi}亿` : undefined;
    case 'wanYuan':
      return `${wan}万元`;
    case 'yiQian':
      // 1亿8千万元 = 1.8亿
      return whole >= 1 && restWan > 0 && restWan % 1000 === 0 ? `${whole}亿${restWan / 1000}千万元` : undefined;
    case 'yiWan':
      return whole >= 1 && restWan > 0 && Number.isInteger(restWan) ? `${whole}亿${restWan}万` : undefined;
    case 'commas':
      return column === '万元' && wan >= 1000 ? thousands(wan) : undefined;
    case 'fullWidth':
      return column === '万元' ? fullWidth(String(wan)) : undefined;
  }
}

/**
 * An amount held in 亿元, written into a column whose header says `column`. `textShare` is the
 * share of rows written as text; the rest are numbers in the column's unit.
 */
export function amountCell(
  yi: number,
  key: string,
  column: '亿元' | '万元',
  textShare: number,
  forms: readonly AmountForm[],
): Cell {
  if (stableFloat(`${key}:text`) >= textShare) return amountText(yi, 'number', column) ?? null;
  const start = Math.floor(stableFloat(`${key}:form`) * forms.length);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[(start + i) % forms.length];
    if (form === undefined) continue;
    const cell = amountText(yi, form, column);
    if (cell !== undefined) return cell;
  }
  return amountText(yi, 'number', column) ?? null;
}

export type DateForm = 'excel' | 'iso' | 'slash' | 'dot' | 'cn' | 'cnMonth' | 'dotMonth' | 'yyyymm' | 'yyyymmdd';

export function dateCell(day: Day, form: DateForm): Cell {
  const { y, m, d } = parseDay(day);
  switch (form) {
    case 'excel':
      return utcDate(day);
    case 'iso':
      return day;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cnMonth':
      return `${y}年${m}月`;
    case 'dotMonth':
      return `${y}.${String(m).padStart(2, '0')}`;
    case 'yyyymm':
      return `${y}${String(m).padStart(2, '0')}`;
    case 'yyyymmdd':
      return day.replaceAll('-', '');
  }
}

/** A date in one of `forms`, chosen stably by `key`. */
export function dateCellFor(day: Day, key: string, forms: readonly (readonly [DateForm, number])[]): Cell {
  return dateCell(day, stableWeighted(key, forms));
}

export type YesNoForm = 'cn' | 'yn' | 'check' | 'digit' | 'cnEmpty';

export function yesNoCell(v: boolean, form: YesNoForm): Cell {
  switch (form) {
    case 'cn':
      return v ? '是' : '否';
    case 'yn':
      return v ? 'Y' : 'N';
    case 'check':
      return v ? '√' : '×';
    case 'digit':
      return v ? 1 : 0;
    case 'cnEmpty':
      return v ? '是' : null;
  }
}

/** A unit's canonical name, or now and then one of its 简称. */
export function unitCell(name: string | undefined, key: string, aliasShare = 0.15): Cell {
  if (name === undefined) return null;
  const unit = UNITS.find((u) => u.name === name);
  if (unit === undefined || unit.aliases.length === 0 || stableFloat(`${key}:alias`) >= aliasShare) return name;
  return unit.aliases[Math.floor(stableFloat(`${key}:which`) * unit.aliases.length)] ?? name;
}

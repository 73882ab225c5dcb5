import type { AmountUnit } from '../schemas/table.ts';
/**
 * Amount units that appear in headers (`总投资（亿元）`) and cells (`8000万元`), and how they relate.
 * Internally 人民币 amounts are held in 亿元 and foreign ones in 万美元 (contract §3).
 */

export type Currency = 'cny' | 'usd';

/** Each unit as a power of ten of its currency's base (元 or 美元), e.g. 万元 = 10^4 元. */
export const AMOUNT_UNITS: Readonly<Record<AmountUnit, { currency: Currency; exponent: number }>> = {
  亿元: { currency: 'cny', exponent: 8 },
  万元: { currency: 'cny', exponent: 4 },
  元: { currency: 'cny', exponent: 0 },
  万美元: { currency: 'usd', exponent: 4 },
  美元: { currency: 'usd', exponent: 0 },
};

/** The unit amounts are held in, per currency: 亿元 for 人民币, 万美元 for foreign capital. */
export const TARGET_UNIT: Readonly<Record<Currency, AmountUnit>> = { cny: '亿元', usd: '万美元' };

/**
 * Spellings of a unit as written in a header bracket. `亿`/`万` alone are how clerks shorten
 * `亿元`/`万元`; `美金` is colloquial for 美元.
 */
const LABELS: ReadonlyMap<string, AmountUnit> = new Map<string, AmountUnit>([
  ['亿元', '亿元'],
  ['亿', '亿元'],
  ['万元', '万元'],
  ['万', '万元'],
  ['元', '元'],
  ['万美元', '万美元'],
  ['万美金', '万美元'],
  ['美元', '美元'],
  ['美金', '美元'],
]);

/**
 * The unit named by a header's bracket content, or null when the bracket says something else.
 * Accepts a `单位：` prefix and a `人民币` prefix or suffix.
 *
 * @example parseUnitLabel('亿元') // '亿元'
 * @example parseUnitLabel('单位：万元') // '万元'
 * @example parseUnitLabel('万元人民币') // '万元'
 * @example parseUnitLabel('全称') // null
 */
export function parseUnitLabel(label: string): AmountUnit | null {
  const s = label
    .replace(/\s+/g, '')
    .replace(/^单位[:：]?/, '')
    .replace(/^人民币/, '')
    .replace(/人民币$/, '');
  return LABELS.get(s) ?? null;
}

import { Numbering } from '../schemas/arrays.ts';

/**
 * A compact form of one table's records for the build cache (`cachedTables.ts`): a warm build reads
 * every earlier month's records back, and `v8.deserialize` of plain records spends most of its time
 * on what repeats — every record's property names, its `src.file` and `src.sheet` (the same for
 * the whole table), and values such as unit names and dates that recur down a column.
 *
 * The compact form keeps each distinct list of property names once (a "shape"), `src` as its row
 * number, strings once each in a dictionary, and the values as typed arrays (copied, not parsed,
 * on reading). `decodeRecords(encodeRecords(rs))` gives records equal to `rs`: the same
 * properties in the same order, `undefined` values, `-0` and `NaN`, nested values (stored as they
 * are). A table whose records do not fit (a `src` of another file, or not `{ file, sheet, row }`)
 * is kept as it is.
 */

/** The compact records of one table. */
export interface CompactRecords {
  compact: 1;
  file: string;
  sheet: string;
  /** Each distinct list of property names. */
  shapes: string[][];
  /** Per record, its shape. */
  shapeOf: Uint32Array;
  /** Per value slot (records in order, properties in shape order), what it holds: see `T_*`. */
  types: Uint8Array;
  /** Per slot: the number, the string's dictionary index, or `src.row`. */
  numbers: Float64Array;
  strings: string[];
  /** Values that are neither primitives nor `src` (arrays, objects), in slot order. */
  others: unknown[];
}

const T_UNDEFINED = 0;
const T_NUMBER = 1;
const T_STRING = 2;
const T_TRUE = 3;
const T_FALSE = 4;
const T_NULL = 5;
const T_SRC = 6;
const T_OTHER = 7;

/** True when `v` is `{ file, sheet, row }` in that order, of this table. */
function isTableSrc(v: unknown, file: string, sheet: string): v is { file: string; sheet: string; row: number } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  return (
    keys.length === 3 &&
    keys[0] === 'file' &&
    keys[1] === 'sheet' &&
    keys[2] === 'row' &&
    o.file === file &&
    o.sheet === sheet &&
    typeof o.row === 'number' &&
    Object.getPrototypeOf(o) === Object.prototype
  );
}

/** The compact form of `records`, or the records themselves when they do not fit (see above). */
export function encodeRecords(
  records: readonly Record<string, unknown>[],
  file: string,
  sheet: string,
): CompactRecords | readonly Record<string, unknown>[] {
  const shapeIds = new Numbering<string>();
  const shapes: string[][] = [];
  const shapeOf = new Uint32Array(records.length);
  let slots = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    if (Object.getPrototypeOf(r) !== Object.prototype) return records;
    const keys = Object.keys(r);
    if (keys.includes('__proto__')) return records; // would set the prototype when decoded
    const s = shapeIds.of(keys.join('\u0000'));
    if (s === shapes.length) shapes.push(keys);
    shapeOf[i] = s;
    slots += keys.length;
  }
  const types = new Uint8Array(slots);
  const numbers = new Float64Array(slots);
  const strings = new Numbering<string>();
  const others: unknown[] = [];
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    for (const k of shapes[shapeOf[i] as number] as string[]) {
      const v = r[k];
      if (v === undefined) types[at] = T_UNDEFINED;
      else if (typeof v === 'number') {
        types[at] = T_NUMBER;
        numbers[at] = v;
      } else if (typeof v === 'string') {
        types[at] = T_STRING;
        numbers[at] = strings.of(v);
      } else if (v === true) types[at] = T_TRUE;
      else if (v === false) types[at] = T_FALSE;
      else if (v === null) types[at] = T_NULL;
      else if (k === 'src' && isTableSrc(v, file, sheet)) {
        types[at] = T_SRC;
        numbers[at] = v.row;
      } else if (k === 'src') return records;
      else {
        types[at] = T_OTHER;
        others.push(v);
      }
      at++;
    }
  }
  return { compact: 1, file, sheet, shapes, shapeOf, types, numbers, strings: strings.values, others };
}

/** True for the compact form (a table kept as it is is an array). */
export const isCompact = (v: unknown): v is CompactRecords =>
  typeof v === 'object' && v !== null && (v as { compact?: unknown }).compact === 1;

/** The records of a compact form (each its own objects). */
export function decodeRecords(c: CompactRecords): Record<string, unknown>[] {
  const { file, sheet, shapes, shapeOf, types, numbers, strings, others } = c;
  const out: Record<string, unknown>[] = [];
  let at = 0;
  let other = 0;
  for (let i = 0; i < shapeOf.length; i++) {
    const keys = shapes[shapeOf[i] as number] as string[];
    const r: Record<string, unknown> = {};
    for (let j = 0; j < keys.length; j++) {
      const t = types[at];
      const n = numbers[at] as number;
      r[keys[j] as string] =
        t === T_NUMBER
          ? (n | 0) === n && !Object.is(n, -0)
            ? n | 0 // a small integer, as the record had it (not a boxed double)
            : n
          : t === T_STRING
            ? strings[n]
            : t === T_SRC
              ? { file, sheet, row: n | 0 }
              : t === T_TRUE
                ? true
                : t === T_FALSE
                  ? false
                  : t === T_NULL
                    ? null
                    : t === T_OTHER
                      ? others[other++]
                      : undefined;
      at++;
    }
    out.push(r);
  }
  return out;
}

import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { decodeRecords, encodeRecords, isCompact } from '../src/pipeline/recordCodec.ts';

const FILE = 'ledgers/2025-10/签约项目表.xlsx';
const SHEET = '2025年';
const src = (row: number) => ({ file: FILE, sheet: SHEET, row });

/** Records as the normaliser gives them, with what a compact form could lose. */
const records = (): Record<string, unknown>[] => [
  { src: src(3), name: '甲项目', investmentYi: 1.5, signDate: '2025-10-01', unit: '青川镇', public: true },
  { src: src(4), name: '乙项目', investmentYi: -0, signDate: '2025-10-01', unit: '青川镇', public: false },
  // another shape: other order, an undefined value, a null, nested values
  { name: '丙项目', src: src(5), code: undefined, units: ['青川镇', '白沙镇'], extra: { a: 1 }, n: NaN, z: null },
  { src: src(6), name: '', investmentYi: 1e-12, signDate: '2025-10-01', unit: '青川镇', public: true },
];

describe('compact records in the cache', () => {
  test('decode(encode(records)) gives the same records: property order, undefined, -0, NaN, nesting', () => {
    const rs = records();
    const enc = encodeRecords(rs, FILE, SHEET);
    if (!isCompact(enc)) throw new Error('not compact');
    const back = decodeRecords(deserialize(serialize(enc)) as typeof enc);
    expect(back).toStrictEqual(rs); // undefined properties and -0 count
    expect(back.map((r) => Object.keys(r))).toEqual(rs.map((r) => Object.keys(r)));
    expect(Object.is(back[1]!.investmentYi, -0)).toBe(true);
    expect(back[0]!.src).not.toBe(back[1]!.src);
  });

  test('repeated property lists, src file/sheet and strings are stored once', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      src: src(i + 2),
      unit: '青川镇',
      date: '2025-10-01',
      n: i,
    }));
    const enc = encodeRecords(many, FILE, SHEET);
    if (!isCompact(enc)) throw new Error('not compact');
    expect(enc.shapes).toEqual([['src', 'unit', 'date', 'n']]);
    expect(enc.strings).toEqual(['青川镇', '2025-10-01']);
    expect(serialize(enc).length).toBeLessThan(serialize(many).length / 3);
    expect(decodeRecords(enc)).toEqual(many);
  });

  test('records that do not fit are kept as they are', () => {
    const otherFile = [{ src: { file: 'other.xlsx', sheet: SHEET, row: 2 }, name: '甲' }];
    expect(encodeRecords(otherFile, FILE, SHEET)).toBe(otherFile);
    const extraSrcKey = [{ src: { ...src(2), col: 1 }, name: '甲' }];
    expect(encodeRecords(extraSrcKey, FILE, SHEET)).toBe(extraSrcKey);
    const proto = [JSON.parse('{"__proto__": {"polluted": true}, "name": "甲"}') as Record<string, unknown>];
    expect(encodeRecords(proto, FILE, SHEET)).toBe(proto);
    expect(encodeRecords([], FILE, SHEET)).toMatchObject({ compact: 1, shapes: [] });
  });
});

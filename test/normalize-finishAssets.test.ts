import { describe, expect, test } from 'vitest';
import { finishAssets } from '../src/normalize/finishAssets.ts';
import type { AssetRow } from '../src/schemas/records.ts';
import { AREAS } from './fixtures/zone-map/mapInputs.ts';

const row = (n: number, extra: Partial<AssetRow>): AssetRow => ({
  src: { file: 'reference/存量资产.xlsx', sheet: '存量资产', row: n },
  name: `资产${n}`,
  public: true,
  ...extra,
});
const geo = { areas: AREAS.map((a) => ({ ...a, file: 'reference/边界.geojson' })) } as Parameters<
  typeof finishAssets
>[1];

describe('finishAssets', () => {
  test('without a boundary every readable position is kept, however far away', () => {
    const r = finishAssets([row(3, { lngText: '-73.98', latText: '40.75' })], { areas: [] });
    expect(r.issues).toEqual([]);
    expect(r.assets[0]).toEqual({ src: row(3, {}).src, name: '资产3', public: true, lng: -73.98, lat: 40.75 });
  });

  test('经度 without 纬度 is a warning naming the missing one; 经度/纬度 win over 坐标', () => {
    const r = finishAssets(
      [row(4, { lngText: '116.4' }), row(5, { lngText: '116.4', latText: '29.75', coordText: '0,0' })],
      geo,
    );
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.message])).toEqual([
      ['coordinate_invalid', 4, '纬度', '只填了经度：请同时填写经度和纬度；“资产4”在地图上暂不标注位置'],
    ]);
    expect(r.assets[0]).not.toHaveProperty('lng');
    expect(r.assets[1]).toMatchObject({ lng: 116.4, lat: 29.75 });
  });

  test('inside a park but outside no boundary is fine; a point in the sea is outside', () => {
    const r = finishAssets([row(6, { coordText: '116.41,29.74' }), row(7, { coordText: '122.0,29.74' })], geo);
    expect(r.assets[0]).toMatchObject({ lng: 116.41, lat: 29.74 });
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['coordinate_outside', 7, '坐标', '122.0,29.74'],
    ]);
  });
});

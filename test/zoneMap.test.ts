/**
 * The 存量资产地图 end to end below the pages: a zone with coordinates and a boundary
 * (test/fixtures/zone-map/makeMapZone.ts) through the data stage, the site data files of both
 * profiles and the page data of the assets page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoArea } from 'd3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DataModel, runDataStage } from '../src/pipeline/dataStage.ts';
import { buildReport } from '../src/pipeline/report.ts';
import { writeSiteData } from '../src/pipeline/writeSiteData.ts';
import { assetMap } from '../src/charts/assetMap.ts';
import { assetMapView } from '../src/site/public/assetMapView.ts';
import { assetsView } from '../src/site/public/publicViews.ts';
import type { Reference } from '../src/schemas/siteData.ts';
import type { ZoneGeo } from '../src/schemas/geo.ts';
import { deg } from './fixtures/zone-map/mapInputs.ts';
import { makeMapZone } from './fixtures/zone-map/makeMapZone.ts';

let work = '';
let model: DataModel;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zs-map-'));
  makeMapZone(join(work, 'zone'));
  model = await runDataStage(join(work, 'zone'), { log: () => {} });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const byName = (name: string) => model.reference.assets.find((a) => a.name === name);

describe('data stage', () => {
  test('a GeoJSON file that is not JSON is one error, and the build goes on with the other file', () => {
    const geoIssues = model.issues.filter((i) => i.file.endsWith('.geojson'));
    expect(geoIssues.map((i) => [i.severity, i.code, i.file])).toEqual([
      ['error', 'geojson_invalid', 'reference/坏文件.geojson'],
      ['warning', 'geojson_feature_ignored', 'reference/边界.geojson'],
    ]);
    expect(geoIssues[0]?.message).toMatch(/^不是有效的 JSON（.*），地图不使用此文件：请用 GIS 软件/);
    expect(geoIssues[1]?.message).toContain('第 4 个“管委会”（Point）');
    // not listed as a skipped non-table file either
    expect(model.issues.some((i) => i.code === 'sheet_unknown_kind' && i.file.endsWith('.geojson'))).toBe(false);
  });

  test('boundary by 类型, a park by type = park, a park by its name in the parks table; rings rewound', () => {
    expect(model.geo.areas.map((a) => [a.kind, a.name])).toEqual([
      ['边界', '示例开发区'],
      ['园区', '东区产业园'],
      ['园区', '西区'],
    ]);
    // each ring went in counter-clockwise; d3-geo must see the small side: ≈ 60 km² / 6371² sr
    const sr = geoArea({ type: 'MultiPolygon', coordinates: model.geo.areas[0]!.polygons });
    expect(sr * 6371 ** 2).toBeCloseTo(60, 0);
  });

  test('positions from 经度/纬度 (decimal or 度分秒) or 坐标; every asset still counts', () => {
    const sheet = model.sheets.find((s) => s.kind === 'assets');
    expect(sheet).toMatchObject({ read: 8, accepted: 8, rejected: 0 });
    const [lng1, lat1] = deg(7.5, 4);
    expect(byName('东区北侧工业用地')).toMatchObject({ lng: lng1, lat: lat1 });
    // 116°25′43.0″ = 116 + 25/60 + 43/3600
    expect(byName('东区标准厂房3栋')?.lng).toBeCloseTo(116 + 25 / 60 + 43 / 3600, 9);
    const [lng3, lat3] = deg(2.5, 2.5);
    expect(byName('西区孵化楼')).toMatchObject({ lng: lng3, lat: lat3 });
    for (const n of ['河口闲置地块', '界外地块', '坐标写错的厂房', '无坐标楼宇']) {
      expect(byName(n)?.lng, n).toBeUndefined();
      expect(byName(n)).not.toHaveProperty('coordText');
    }
  });

  test('unreadable, swapped and out-of-boundary positions are warnings with row and column', () => {
    const w = model.issues.filter((i) => i.code.startsWith('coordinate_'));
    expect(w.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['warning', 'coordinate_invalid', 5, '坐标'],
      ['warning', 'coordinate_outside', 6, '经度'],
      ['warning', 'coordinate_invalid', 7, '经度'],
    ]);
    expect(w[0]?.message).toMatch(/看起来先写了纬度.*“河口闲置地块”在地图上暂不标注位置$/);
    expect(w[1]?.message).toContain('位置（经度 116.9，纬度 29.9）在 reference/边界.geojson 的边界之外');
    expect(w[2]?.message).toContain('无法识别经度“东经一百一十六度”');
    expect(model.issues.filter((i) => i.severity === 'error')).toHaveLength(1); // the bad GeoJSON only
  });
});

describe('site data and the assets page', () => {
  const read = (profile: 'internal' | 'public') => {
    const dir = join(work, `site-${profile}`);
    writeSiteData(model, buildReport(model, profile), profile, dir);
    return {
      geo: JSON.parse(readFileSync(join(dir, 'geo.json'), 'utf8')) as ZoneGeo,
      ref: JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as Reference,
      text: readFileSync(join(dir, 'reference.json'), 'utf8'),
    };
  };

  test('both profiles get the map; the public one only public assets, with positions, without contacts', () => {
    const internal = read('internal');
    const pub = read('public');
    expect(pub.geo).toEqual(internal.geo);
    expect(pub.ref.assets.map((a) => a.name)).not.toContain('内部地块');
    expect(pub.ref.assets.find((a) => a.name === '东区北侧工业用地')).toMatchObject({ lng: deg(7.5, 4)[0] });
    expect(pub.text).not.toMatch(/周明|0000-1|吴丽/);
    expect(internal.text).toContain('周明');
  });

  test('located public assets on the map, the others on the schematic by park; numbers follow the page', () => {
    const { geo, ref } = read('public');
    const view = assetMapView(assetsView(ref.assets).groups, ref.parks, geo, '示例开发区', 'assets.html', 'parks.html');
    expect(view.numbered.map((n) => `${n.no}${n.row.name}`)).toEqual([
      '1东区北侧工业用地',
      '2界外地块',
      '3东区标准厂房3栋',
      '4坐标写错的厂房',
      '5西区孵化楼',
      '6无坐标楼宇',
      '7河口闲置地块',
    ]);
    expect(view.map?.assets.map((a) => [a.no, a.availability, a.href])).toEqual([
      [1, '可用', 'assets.html#asset-1'],
      [3, '部分', 'assets.html#asset-2'],
      [5, '筹备', 'assets.html#asset-3'],
    ]);
    expect(view.map?.areas.map((a) => a.href)).toEqual([undefined, 'parks.html#park-1', 'parks.html#park-2']);
    expect(view.schematic?.title).toBe('暂无坐标的资产（4 处，按园区示意）');
    expect(view.schematic?.groups.map((g) => [g.name, g.href, g.assets.map((a) => [a.no, a.size])])).toEqual([
      [
        '东区产业园',
        'parks.html#park-1',
        [
          [4, 5000],
          [6, 3000],
        ],
      ],
      [
        '其他位置',
        undefined,
        [
          [2, 50 * (10000 / 15)],
          [7, 30 * (10000 / 15)],
        ],
      ],
    ]);
    expect((assetMap(view.map!).match(/<g class="zs-asset">/g) ?? []).length).toBe(3);
  });
});

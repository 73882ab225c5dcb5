/**
 * Reading the zone map's GeoJSON: a bad or hostile file is one clear error naming the file and
 * the fix; nothing throws and a good file beside it is still read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readZoneGeo } from '../src/pipeline/readZoneGeo.ts';
import { RINGS } from './fixtures/zone-map/mapInputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'zs-geo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const polygon = { type: 'Polygon', coordinates: [RINGS.boundary] };
function read(name: string, content: string, limits?: { maxBytes: number; maxPositions: number }) {
  writeFileSync(join(dir, name), content);
  return readZoneGeo(dir, [name], ['东区产业园'], limits);
}
const only = (r: ReturnType<typeof read>) => {
  expect(r.issues).toHaveLength(1);
  expect(r.geo.areas).toEqual([]);
  return r.issues[0]!;
};

describe('readZoneGeo', () => {
  test('a bare Polygon is the boundary; a UTF-8 BOM is fine', () => {
    const r = read('a.geojson', `\uFEFF${JSON.stringify(polygon)}`);
    expect(r.issues).toEqual([]);
    expect(r.geo.areas).toHaveLength(1);
    expect(r.geo.areas[0]).toMatchObject({ name: '', kind: '边界', file: 'a.geojson' });
  });

  test('a single Feature named after a park, an unclosed ring (closed for it), an altitude (dropped)', () => {
    const ring = [...RINGS.east.slice(0, -1).map(([x, y]) => [x, y, 12.5])];
    const r = read(
      'b.geojson',
      JSON.stringify({
        type: 'Feature',
        properties: { NAME: '东区产业园' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    );
    expect(r.issues).toEqual([]);
    const ringOut = r.geo.areas[0]?.polygons[0]?.[0] ?? [];
    expect(r.geo.areas[0]?.kind).toBe('园区');
    expect(ringOut).toHaveLength(5);
    expect(ringOut[0]).toEqual(ringOut[4]);
    expect(ringOut.every((p) => p.length === 2)).toBe(true);
  });

  test('too large: refused before parsing', () => {
    const i = only(read('big.geojson', JSON.stringify(polygon), { maxBytes: 100, maxPositions: 1000 }));
    expect(i).toMatchObject({ severity: 'error', code: 'file_too_large', file: 'big.geojson' });
    expect(i.message).toMatch(/^文件 \d+ B，超过 100 B 上限（请先简化边界/);
  });

  test('not JSON, not GeoJSON, a TopoJSON: each says what it is and how to export', () => {
    expect(only(read('c.geojson', '<html>')).message).toMatch(/^不是有效的 JSON（/);
    expect(only(read('d.geojson', '[1,2,3]')).message).toMatch(/^不是 GeoJSON（没有 type，/);
    const topo = only(read('e.geojson', '{"type":"Topology","objects":{}}'));
    expect(topo).toMatchObject({ severity: 'error', code: 'geojson_invalid' });
    expect(topo.message).toBe(
      '不是 GeoJSON（type 为“Topology”，应为 FeatureCollection、Feature 或 Polygon），地图不使用此文件：请用 GIS 软件（如 QGIS）导出为 GeoJSON（坐标系 WGS84 或 CGCS2000 经纬度），边界和园区为多边形',
    );
  });

  test('projected metres, a two-point ring, text coordinates: the feature and the problem are named', () => {
    const fc = (coordinates: unknown) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { 名称: '甲' }, geometry: polygon },
          { type: 'Feature', properties: { 名称: '乙区' }, geometry: { type: 'Polygon', coordinates } },
        ],
      });
    expect(
      only(
        read(
          'f.geojson',
          fc([
            [
              [500000, 3000000],
              [500100, 3000000],
              [500100, 3000100],
              [500000, 3000000],
            ],
          ]),
        ),
      ).message,
    ).toMatch(/^第 2 个要素“乙区”：坐标超出经纬度范围/);
    expect(
      only(
        read(
          'g.geojson',
          fc([
            [
              [116, 29],
              [116.1, 29],
            ],
          ]),
        ),
      ).message,
    ).toMatch(/^第 2 个要素“乙区”：多边形的一个环至少要 4 个点/);
    expect(
      only(
        read(
          'h.geojson',
          fc([
            [
              ['116', '29'],
              [116.1, 29],
              [116.1, 29.1],
              [116, 29],
            ],
          ]),
        ),
      ).code,
    ).toBe('geojson_invalid');
  });

  test('hostile: nesting 100 000 deep, 3 000 features, too many points — one error each, no throw', () => {
    const deep = `{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(only(read('i.geojson', deep)).code).toBe('geojson_invalid');
    const many = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 3000 }, () => ({ type: 'Feature', properties: null, geometry: polygon })),
    });
    expect(only(read('j.geojson', many)).message).toContain('要素超过 2000 个');
    const points = only(read('k.geojson', JSON.stringify(polygon), { maxBytes: 1 << 20, maxPositions: 3 }));
    expect(points.message).toMatch(/^共 5 个坐标点，超过 3 个上限/);
  });

  test('points and lines are ignored with a warning; a file of points only says the map has no area', () => {
    const mixed = read(
      'l.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { 名称: '示例开发区' }, geometry: polygon },
          {
            type: 'Feature',
            properties: { 名称: '路' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [116, 29],
                [116.1, 29],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: null },
        ],
      }),
    );
    expect(mixed.geo.areas.map((a) => a.kind)).toEqual(['边界']);
    expect(mixed.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'geojson_feature_ignored']]);
    expect(mixed.issues[0]?.message).toMatch(
      /^2 个要素不是多边形，地图未使用：第 2 个“路”（LineString）、第 3 个（null）/,
    );
    const pts = read(
      'm.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116, 29] } }],
      }),
    );
    expect(pts.issues[0]?.message).toMatch(/^文件中没有多边形/);
  });
});

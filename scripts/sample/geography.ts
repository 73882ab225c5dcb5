/**
 * The fictional zone's map: its boundary and five parks as polygons, and where each idle asset
 * lies. Drawn in kilometres east/north of an origin and converted to degrees, so the shapes are
 * easy to read and edit. Written as `reference/边界.geojson` (RFC 7946: exterior rings
 * counter-clockwise) and as the 经度/纬度 columns of 存量资产.xlsx.
 */
import { ZONE_NAME } from './zone.ts';

/** South-west corner of the drawing (fictional; any real place there is not meant). */
const ORIGIN = { lng: 116.35, lat: 29.72 };
const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LNG = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** `[x km east, y km north]` → `[经度, 纬度]`. */
export function toLngLat([x, y]: readonly [number, number]): [number, number] {
  return [round6(ORIGIN.lng + x / KM_PER_DEG_LNG), round6(ORIGIN.lat + y / KM_PER_DEG_LAT)];
}

type Km = readonly [number, number];

/** The zone boundary, counter-clockwise. */
const BOUNDARY: readonly Km[] = [
  [0, 2],
  [3, 0],
  [8, -1],
  [13, 0.5],
  [17, 0],
  [20, 2.5],
  [21, 6],
  [19.5, 9.5],
  [16, 12],
  [11, 13],
  [6, 12.5],
  [2.5, 10.5],
  [0.5, 7],
];

/** Park outlines, counter-clockwise. One has no 类型 property: the reader knows it by its name. */
const PARK_SHAPES: readonly { name: string; typed: boolean; ring: readonly Km[] }[] = [
  {
    name: '高新产业园',
    typed: true,
    ring: [
      [8, 5],
      [12.5, 5],
      [13, 8.5],
      [9.5, 9.5],
      [7.5, 8],
    ],
  },
  {
    name: '临港物流园',
    typed: true,
    ring: [
      [16, 3],
      [19.5, 3.5],
      [20, 6.5],
      [17, 7],
    ],
  },
  {
    name: '生物医药产业园',
    typed: true,
    ring: [
      [5, 0.8],
      [9, 0.5],
      [9.5, 3.5],
      [5.5, 3.8],
    ],
  },
  {
    name: '智能装备产业园',
    typed: true,
    ring: [
      [1.5, 4],
      [5, 4.5],
      [5.5, 8],
      [2, 8.5],
    ],
  },
  {
    name: '青川镇工业集中区',
    typed: false,
    ring: [
      [9, 10.5],
      [12.5, 10.5],
      [12, 12.3],
      [9.5, 12.3],
    ],
  },
];

/**
 * Where the assets lie (km), by name; assets not listed have no coordinates in the table (the
 * map draws them on its schematic part).
 */
export const ASSET_SPOTS: Readonly<Record<string, Km>> = {
  科创大道北侧工业用地: [10.5, 8.7],
  港城路东地块: [18.8, 5.2],
  药谷路3号地块: [7.2, 1.6],
  装备大道南侧地块: [3.2, 5.0],
  原宏达机械闲置厂房: [10.5, 11.4],
  高新园标准厂房B区3栋: [11.8, 6.2],
  原锦程纺织厂房: [4.2, 7.4],
  临港冷链仓库: [17.6, 4.2],
  科创中心A座: [9.6, 7.4],
};

/** The asset whose 经度 is written in degrees–minutes–seconds, as copied from a map app. */
export const DMS_ASSET = '装备大道南侧地块';

/** `116°21′36.5″` (seconds to one decimal). */
export function toDms(deg: number): string {
  const d = Math.floor(deg);
  const mFull = (deg - d) * 60;
  const m = Math.floor(mFull);
  const s = Math.round((mFull - m) * 600) / 10;
  return `${d}°${String(m).padStart(2, '0')}′${s.toFixed(1)}″`;
}

const ring = (pts: readonly Km[]) => {
  const r = pts.map(toLngLat);
  return [...r, r[0] as [number, number]];
};

/** `reference/边界.geojson`: the boundary, then the parks; one feature per line. */
export function boundaryGeoJson(): string {
  const features = [
    {
      type: 'Feature',
      properties: { 名称: ZONE_NAME, 类型: '边界' },
      geometry: { type: 'Polygon', coordinates: [ring(BOUNDARY)] },
    },
    ...PARK_SHAPES.map((p) => ({
      type: 'Feature',
      properties: p.typed ? { 名称: p.name, 类型: '园区' } : { 名称: p.name },
      geometry: { type: 'Polygon', coordinates: [ring(p.ring)] },
    })),
  ];
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * GeoJSON features → the zone's map areas: which feature is the boundary and which a park, and
 * rings wound the way d3-geo expects. Pure.
 *
 * - A feature's name is its `名称`, `name`, `NAME` or `园区名称` property.
 * - Its kind is its `类型` / `type` / `kind` property (`边界`, `区界`, `范围`, `boundary` → 边界;
 *   `园区`, `载体`, `park` → 园区); without one, a feature named like a park of the 园区载体 table is
 *   a park and any other is part of the boundary.
 * - GeoJSON (RFC 7946) winds exterior rings counter-clockwise, d3-geo clockwise, and files in
 *   the wild do either: every ring is rewound by its spherical area so a polygon never becomes
 *   "the whole globe except the zone".
 */
import { geoArea } from 'd3';
import type { AreaGeometry, GeoJsonFile, ZoneArea } from '../schemas/geo.ts';

type Position = readonly number[];
type Ring = readonly Position[];

const NAME_KEYS = ['名称', 'name', 'NAME', 'Name', '园区名称'];
const KIND_KEYS = ['类型', 'type', 'kind', 'TYPE'];
const BOUNDARY_WORDS = new Set(['边界', '区界', '范围', '辖区', 'boundary', 'zone']);
const PARK_WORDS = new Set(['园区', '载体', '园', 'park']);

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function prop(props: Record<string, unknown> | null | undefined, keys: readonly string[]): string {
  for (const k of keys) {
    const v = props?.[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return '';
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Closes a ring and drops the altitude; rounds to 6 decimals. */
function cleanRing(ring: Ring): [number, number][] {
  const out = ring.map((p) => [round6(p[0] ?? 0), round6(p[1] ?? 0)] as [number, number]);
  const [fx, fy] = out[0] ?? [0, 0];
  const [lx, ly] = out[out.length - 1] ?? [0, 0];
  if (fx !== lx || fy !== ly) out.push([fx, fy]);
  return out;
}

/** A ring wound so that, alone, it encloses the small side (exterior) or the large side (hole). */
function wind(ring: [number, number][], hole: boolean): [number, number][] {
  const small = geoArea({ type: 'Polygon', coordinates: [ring] }) <= 2 * Math.PI;
  return small === !hole ? ring : [...ring].reverse();
}

/** MultiPolygon coordinates of an area geometry, cleaned and rewound. */
export function windPolygons(g: AreaGeometry): [number, number][][][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((r, i) => wind(cleanRing(r), i > 0)));
}

/** What a file holds: its areas, and the features it ignored (not a polygon). */
export interface ZoneAreasResult {
  areas: ZoneArea[];
  ignored: { index: number; name: string; type: string }[];
}

/**
 * The areas of one GeoJSON file. `parkNames` are the 园区载体 table's names (a feature named
 * after one is a park when it has no 类型).
 *
 * @example zoneAreas({ type: 'Polygon', coordinates: [ring] }, [], 'reference/边界.geojson').areas[0]?.kind // '边界'
 */
export function zoneAreas(file: GeoJsonFile, parkNames: readonly string[], path: string): ZoneAreasResult {
  const parks = new Set(parkNames.map(compact));
  const features =
    file.type === 'FeatureCollection'
      ? file.features
      : file.type === 'Feature'
        ? [file]
        : [{ type: 'Feature' as const, properties: null, geometry: file }];
  const areas: ZoneArea[] = [];
  const ignored: ZoneAreasResult['ignored'] = [];
  features.forEach((f, index) => {
    const name = prop(f.properties, NAME_KEYS);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      ignored.push({ index, name, type: g?.type ?? 'null' });
      return;
    }
    const kindWord = compact(prop(f.properties, KIND_KEYS));
    const kind = BOUNDARY_WORDS.has(kindWord)
      ? '边界'
      : PARK_WORDS.has(kindWord) || parks.has(compact(name))
        ? '园区'
        : '边界';
    areas.push({ name, kind, polygons: windPolygons(g as AreaGeometry), file: path });
  });
  return { areas, ignored };
}

import { z } from 'zod';

/**
 * The zone's map: GeoJSON files under `reference/` (`边界.geojson`) as read, and what the data
 * stage keeps of them for the 存量资产地图 (`geo.json` in the site data).
 */

/** A position `[经度, 纬度]` in degrees (a third value, the altitude, is allowed and ignored). */
export const geoPositionSchema = z
  .array(z.number().finite(), { error: '坐标应为 [经度, 纬度] 数字' })
  .min(2, { error: '坐标应为 [经度, 纬度] 两个数字' })
  .max(3, { error: '坐标最多三个数字 [经度, 纬度, 高程]' })
  .refine((p) => Math.abs(p[0] ?? 0) <= 180 && Math.abs(p[1] ?? 0) <= 90, {
    error: '坐标超出经纬度范围（应为度，不是投影坐标的米）',
  });

const ring = z.array(geoPositionSchema).min(4, { error: '多边形的一个环至少要 4 个点（首尾相同）' });
const polygonCoordinates = z.array(ring).min(1, { error: '多边形没有坐标' });

/** The geometries a boundary or park can have. */
export const areaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }),
]);
export type AreaGeometry = z.output<typeof areaGeometrySchema>;

/** Any other geometry: accepted in the file, ignored with a warning. */
const otherGeometrySchema = z.object({
  type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection']),
});

const properties = z.record(z.string(), z.unknown()).nullable().optional();

/** One feature; `properties` may name it (`名称` / `name`) and say what it is (`类型`: 边界 / 园区). */
export const geoFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties,
  geometry: z.union([areaGeometrySchema, otherGeometrySchema]).nullable(),
});

/**
 * A GeoJSON file as accepted: a FeatureCollection, one Feature, or a bare Polygon/MultiPolygon.
 * Validated after a size check (see `src/pipeline/readZoneGeo.ts`); limits keep a hostile file
 * from costing the build more than a clear error.
 */
export const geoFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(geoFeatureSchema).max(2000, { error: '要素超过 2000 个（边界和园区只需几十个）' }),
});
export const geoJsonFileSchema = z.union([geoFeatureCollectionSchema, geoFeatureSchema, areaGeometrySchema]);
export type GeoJsonFile = z.output<typeof geoJsonFileSchema>;

/** `[经度, 纬度]`, rounded to 6 decimals (≈ 0.1 m). */
const lngLat = z.tuple([z.number(), z.number()]);

/**
 * One area of the zone map, its rings wound the way d3-geo expects (exterior clockwise), e.g.
 * `{name: '高新产业园', kind: '园区', polygons: [[[[114.01, 22.52], …]]], file: 'reference/边界.geojson'}`.
 */
export const zoneAreaSchema = z.object({
  /** As the feature names it; empty for an unnamed boundary. */
  name: z.string(),
  kind: z.enum(['边界', '园区']),
  /** MultiPolygon coordinates. */
  polygons: z.array(z.array(z.array(lngLat))),
  /** Data-folder path of the file it came from. */
  file: z.string(),
});
export type ZoneArea = z.output<typeof zoneAreaSchema>;

/** `geo.json`: the boundary and park areas of every GeoJSON file under `reference/`, in file order. */
export const zoneGeoSchema = z.object({ areas: z.array(zoneAreaSchema) });
export type ZoneGeo = z.output<typeof zoneGeoSchema>;

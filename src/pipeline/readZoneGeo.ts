import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Issue } from '../schemas/issue.ts';
import {
  areaGeometrySchema,
  geoFeatureCollectionSchema,
  geoFeatureSchema,
  type GeoJsonFile,
  type ZoneGeo,
} from '../schemas/geo.ts';
import { zoneAreas } from '../normalize/zoneGeo.ts';
import { appendAll } from '../schemas/arrays.ts';

/**
 * Reads the zone map: every `reference/*.geojson` file (`边界.geojson` with the boundary and the
 * parks). Each unusable file — too large, not JSON, not GeoJSON, coordinates that are not
 * degrees — is one error naming the file and what to fix, and the build goes on without it.
 */

/** Most bytes of one GeoJSON file: a district boundary with its parks is tens of KB; 8 MiB is plenty. */
export const MAX_GEOJSON_BYTES = 8 * 1024 * 1024;
/** Most positions in one file (a boundary simplified for print needs a few thousand). */
export const MAX_GEOJSON_POSITIONS = 200_000;

export interface ZoneGeoLimits {
  maxBytes: number;
  maxPositions: number;
}

const HOW = '请用 GIS 软件（如 QGIS）导出为 GeoJSON（坐标系 WGS84 或 CGCS2000 经纬度），边界和园区为多边形';

/** `8 MB`, `1.5 MB`, `120 KB`, `300 B`. */
const bytes = (n: number) =>
  n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;

/** Where a zod issue points, in words: `第 3 个要素“高新产业园”的坐标`. */
function where(file: unknown, path: readonly PropertyKey[]): string {
  const i = path[0] === 'features' && typeof path[1] === 'number' ? path[1] : null;
  if (i === null) return '';
  const props = (file as { features?: { properties?: Record<string, unknown> }[] }).features?.[i]?.properties;
  const name =
    typeof props?.['名称'] === 'string' ? props['名称'] : typeof props?.['name'] === 'string' ? props['name'] : '';
  return `第 ${i + 1} 个要素${name ? `“${name}”` : ''}：`;
}

/** Parses with the schema of the object's own `type`, so the first problem is named precisely. */
function validate(raw: unknown): { ok: true; value: GeoJsonFile } | { ok: false; message: string } {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const schema: z.ZodType | null =
    type === 'FeatureCollection'
      ? geoFeatureCollectionSchema
      : type === 'Feature'
        ? geoFeatureSchema
        : type === 'Polygon' || type === 'MultiPolygon'
          ? areaGeometrySchema
          : null;
  if (schema === null)
    return {
      ok: false,
      message: `不是 GeoJSON（${typeof type === 'string' ? `type 为“${type.slice(0, 40)}”` : '没有 type'}，应为 FeatureCollection、Feature 或 Polygon）`,
    };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as GeoJsonFile };
  const first = r.error.issues[0];
  return { ok: false, message: `${where(raw, first?.path ?? [])}${first?.message ?? '格式不符'}` };
}

function countPositions(file: GeoJsonFile): number {
  const features =
    file.type === 'FeatureCollection' ? file.features : file.type === 'Feature' ? [file] : [{ geometry: file }];
  let n = 0;
  for (const f of features) {
    const g = f.geometry;
    if (!g || !('coordinates' in g)) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) for (const r of rings) n += r.length;
  }
  return n;
}

/**
 * Reads `files` (data-folder paths) under `root`; `parkNames` tell unmarked park features from
 * the boundary.
 */
export function readZoneGeo(
  root: string,
  files: readonly string[],
  parkNames: readonly string[],
  limits: ZoneGeoLimits = { maxBytes: MAX_GEOJSON_BYTES, maxPositions: MAX_GEOJSON_POSITIONS },
): { geo: ZoneGeo; issues: Issue[] } {
  const geo: ZoneGeo = { areas: [] };
  const issues: Issue[] = [];
  for (const file of files) {
    const error = (code: Issue['code'], message: string) =>
      issues.push({ severity: 'error', code, file, message: `${message}，地图不使用此文件：${HOW}` });
    const full = join(root, file);
    const size = statSync(full).size;
    if (size > limits.maxBytes) {
      error(
        'file_too_large',
        `文件 ${bytes(size)}，超过 ${bytes(limits.maxBytes)} 上限（请先简化边界，如 QGIS“简化”工具）`,
      );
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(full, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      error('geojson_invalid', `不是有效的 JSON（${(e as Error).message.slice(0, 80)}）`);
      continue;
    }
    const v = validate(raw);
    if (!v.ok) {
      error('geojson_invalid', v.message);
      continue;
    }
    const positions = countPositions(v.value);
    if (positions > limits.maxPositions) {
      error('geojson_invalid', `共 ${positions} 个坐标点，超过 ${limits.maxPositions} 个上限（请先简化边界）`);
      continue;
    }
    const { areas, ignored } = zoneAreas(v.value, parkNames, file);
    appendAll(geo.areas, areas);
    if (ignored.length > 0 || areas.length === 0) {
      const list = ignored
        .slice(0, 5)
        .map((x) => `第 ${x.index + 1} 个${x.name ? `“${x.name}”` : ''}（${x.type}）`)
        .join('、');
      issues.push({
        severity: 'warning',
        code: 'geojson_feature_ignored',
        file,
        message:
          areas.length === 0
            ? '文件中没有多边形（Polygon / MultiPolygon），地图上没有边界和园区：请导出边界和园区的面图层'
            : `${ignored.length} 个要素不是多边形，地图未使用：${list}${ignored.length > 5 ? ' 等' : ''}。边界和园区请用面图层；资产位置请填在存量资产表的经度、纬度列`,
      });
    }
  }
  return { geo, issues };
}

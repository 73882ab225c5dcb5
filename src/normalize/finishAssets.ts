import { geoContains } from 'd3';
import type { ZoneGeo } from '../schemas/geo.ts';
import type { Issue } from '../schemas/issue.ts';
import type { Asset, AssetRow } from '../schemas/records.ts';
import { parseCoordinatePair, parseDegree } from './coordinate.ts';

/**
 * Turns 存量资产 rows into assets with a map position: 经度 + 纬度, else 坐标 (`经度,纬度`). A
 * position that cannot be read, or that lies outside the zone boundary (when `reference/` has
 * one), is a warning and the asset is drawn without it (in the schematic part of the map); the
 * asset itself always counts.
 *
 * @example finishAssets(rows, geo) // {assets: [{name: '科创大道北侧工业用地', lng: 114.0523, lat: 22.5431, …}], issues: []}
 */
export function finishAssets(rows: readonly AssetRow[], geo: ZoneGeo): { assets: Asset[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const boundary = geo.areas
    .filter((a) => a.kind === '边界')
    .map((a) => ({ type: 'MultiPolygon' as const, coordinates: a.polygons }));
  const assets = rows.map((row) => {
    const { lngText, latText, coordText, ...asset } = row;
    const warn = (code: Issue['code'], column: string, value: string | undefined, message: string) =>
      issues.push({
        severity: 'warning',
        code,
        file: row.src?.file ?? 'reference',
        ...(row.src ? { sheet: row.src.sheet, row: row.src.row } : {}),
        column,
        ...(value ? { value } : {}),
        message: `${message}；“${row.name}”在地图上暂不标注位置`,
      });
    let pos: { lng: number; lat: number } | null = null;
    if (lngText !== undefined || latText !== undefined) {
      const lng = parseDegree(lngText, 'lng');
      const lat = parseDegree(latText, 'lat');
      if (lng.ok && lat.ok) pos = { lng: lng.value, lat: lat.value };
      else if (!lng.ok && !lng.empty) warn('coordinate_invalid', '经度', lngText, lng.message);
      else if (!lat.ok && !lat.empty) warn('coordinate_invalid', '纬度', latText, lat.message);
      else
        warn(
          'coordinate_invalid',
          lng.ok ? '纬度' : '经度',
          '',
          `只填了${lng.ok ? '经度' : '纬度'}：请同时填写经度和纬度`,
        );
    } else if (coordText !== undefined) {
      const p = parseCoordinatePair(coordText);
      if (p.ok) pos = p.value;
      else if (!p.empty) warn('coordinate_invalid', '坐标', coordText, p.message);
    }
    const at = pos;
    if (at && boundary.length > 0 && !boundary.some((b) => geoContains(b, [at.lng, at.lat]))) {
      warn(
        'coordinate_outside',
        lngText !== undefined ? '经度' : '坐标',
        lngText !== undefined ? `${lngText}, ${latText ?? ''}` : coordText,
        `位置（经度 ${at.lng}，纬度 ${at.lat}）在 ${geo.areas.find((a) => a.kind === '边界')?.file ?? '边界'} 的边界之外：请核对经纬度（是否填反、少了小数点，或与边界文件的坐标系不同）`,
      );
      pos = null;
    }
    return pos ? { ...asset, lng: pos.lng, lat: pos.lat } : asset;
  });
  return { assets, issues };
}

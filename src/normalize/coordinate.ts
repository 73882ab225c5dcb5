/**
 * Map positions of 存量资产 as clerks type them: one 经度 and one 纬度 cell in decimal degrees
 * (`114.0523`, `114.0523°`, `E114.0523`, `东经114.0523`) or degrees–minutes–seconds
 * (`114°03′25″`, `114度3分25秒`), or one 坐标 cell holding both, longitude first
 * (`114.0523,22.5431`; `22.5431N 114.0523E` is read by its letters).
 */
import { EMPTY, fail, ok, type ParseResult } from './result.ts';
import { foldText, isNoValue } from './text.ts';

export type Axis = 'lng' | 'lat';
/** A position in degrees, e.g. `{lng: 114.0523, lat: 22.5431}`. */
export interface LngLat {
  lng: number;
  lat: number;
}

const LIMIT: Record<Axis, number> = { lng: 180, lat: 90 };
const NAME: Record<Axis, string> = { lng: '经度', lat: '纬度' };
const HEMI = /^(?:东经|西经|北纬|南纬|[EWNS])|(?:东经|西经|北纬|南纬|[EWNS])$/i;
const DMS = /^(\d+(?:\.\d+)?)\s*(?:°|度)\s*(?:(\d+(?:\.\d+)?)\s*(?:′|'|分))?\s*(?:(\d+(?:\.\d+)?)\s*(?:″|"|''|秒))?$/;

/** The hemisphere a letter or word names, or null. */
function hemisphere(s: string): { axis: Axis; sign: 1 | -1 } | null {
  const m = HEMI.exec(s);
  if (!m) return null;
  const w = m[0].toUpperCase();
  if (w === 'E' || w === '东经') return { axis: 'lng', sign: 1 };
  if (w === 'W' || w === '西经') return { axis: 'lng', sign: -1 };
  if (w === 'N' || w === '北纬') return { axis: 'lat', sign: 1 };
  return { axis: 'lat', sign: -1 };
}

/** One angle, with the axis its letter names when it has one. */
function parseAngle(raw: string): { value: number; axis: Axis | null } | null {
  let s = foldText(raw).replace(/\s+/g, ' ').trim();
  const hemi = hemisphere(s);
  if (hemi) s = s.replace(HEMI, '').trim();
  let sign = hemi?.sign ?? 1;
  if (s.startsWith('-')) {
    sign = -sign as 1 | -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/°$/, '');
  let value: number;
  if (/^\d+(?:\.\d+)?$/.test(s)) value = Number(s);
  else {
    const m = DMS.exec(s);
    if (!m) return null;
    const min = Number(m[2] ?? 0);
    const sec = Number(m[3] ?? 0);
    if (min >= 60 || sec >= 60) return null;
    value = Number(m[1]) + min / 60 + sec / 3600;
  }
  return { value: sign * value, axis: hemi?.axis ?? null };
}

/**
 * One 经度 or 纬度 cell. A number cell is taken as decimal degrees.
 *
 * @example parseDegree('114°03′25.2″', 'lng') // {ok: true, value: 114.057}
 * @example parseDegree('北纬22.54', 'lat') // {ok: true, value: 22.54}
 * @example parseDegree('22.54', 'lng') // ok (a longitude of 22.54 is valid; the boundary check catches a swap)
 * @example parseDegree('190', 'lng') // fail: 经度应在 -180 到 180 之间
 */
export function parseDegree(v: string | number | null | undefined, axis: Axis): ParseResult<number> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string' && (v.trim() === '' || isNoValue(v))) return EMPTY;
  const a = typeof v === 'number' ? { value: v, axis: null } : parseAngle(v);
  if (!a || !Number.isFinite(a.value))
    return fail(`无法识别${NAME[axis]}“${v}”：请填写十进制度数，如 ${axis === 'lng' ? '114.0523' : '22.5431'}`);
  if (a.axis && a.axis !== axis) return fail(`“${v}”是${NAME[a.axis]}，却填在${NAME[axis]}列：请对调经度和纬度两列`);
  if (Math.abs(a.value) > LIMIT[axis])
    return fail(
      `${NAME[axis]}“${v}”超出范围（应在 -${LIMIT[axis]} 到 ${LIMIT[axis]} 之间）：请填写经纬度（度），不要填投影坐标（米）`,
    );
  return ok(a.value);
}

/**
 * One 坐标 cell with both values, longitude first unless letters say otherwise; separators
 * `,` `，` `;` `、` or spaces.
 *
 * @example parseCoordinatePair('114.0523,22.5431') // {ok: true, value: {lng: 114.0523, lat: 22.5431}}
 * @example parseCoordinatePair('22.5431N，114.0523E') // {ok: true, value: {lng: 114.0523, lat: 22.5431}}
 * @example parseCoordinatePair('22.5431,114.0523') // fail: 看起来先写了纬度
 */
export function parseCoordinatePair(v: string | null | undefined): ParseResult<LngLat> {
  if (v === null || v === undefined || v.trim() === '' || isNoValue(v)) return EMPTY;
  const text = foldText(v).trim();
  const parts = text
    .split(/\s*[,，;；、]\s*|\s+(?=[-+]?\d|[EWNS东西南北])/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const help = '请按“经度,纬度”填写，如 114.0523,22.5431';
  if (parts.length !== 2) return fail(`无法识别坐标“${v}”：${help}`);
  const [a, b] = parts.map(parseAngle);
  if (!a || !b) return fail(`无法识别坐标“${v}”：${help}`);
  let lng = a.value;
  let lat = b.value;
  if (a.axis === 'lat' || b.axis === 'lng') [lng, lat] = [b.value, a.value];
  else if (a.axis === null && b.axis === null && Math.abs(a.value) <= 90 && Math.abs(b.value) > 90)
    return fail(`坐标“${v}”看起来先写了纬度：${help}`);
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90)
    return fail(`坐标“${v}”超出经纬度范围：${help}（不要填投影坐标，单位应为度）`);
  return ok({ lng, lat });
}

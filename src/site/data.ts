import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { checkContract } from '../schemas/contract.ts';
import { projectSchema, type Project } from '../schemas/project.ts';
import {
  periodDataSchema,
  publicDataSchema,
  qualityDataSchema,
  referenceSchema,
  siteMetaSchema,
  type PeriodData,
  type PublicData,
  type QualityData,
  type Reference,
  type SiteMeta,
} from '../schemas/siteData.ts';
import { type ZoneGeo, zoneGeoSchema } from '../schemas/geo.ts';
import { dispatchDataSchema, type DispatchData } from '../schemas/dispatch.ts';

/**
 * Typed loaders for the site data folder (the file contract of `src/schemas/siteData.ts`), read
 * from the folder in `ZS_SITE_DATA`. Each file is parsed and checked against its schema once per
 * build and shared by every page,
 * so callers must treat the results as read-only.
 */

const cache = new Map<string, unknown>();

/** The site data folder; throws with a clear message when the build was started without it. */
export function siteDataDir(): string {
  const dir = process.env.ZS_SITE_DATA;
  if (!dir)
    throw new Error('ZS_SITE_DATA is not set: build the site with `npm run build` (or set it to a site-data folder)');
  return resolve(dir);
}

function readJson<S extends z.ZodType>(name: string, schema: S, internalOnly = false): z.output<S> {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as z.output<S>;
  const file = join(siteDataDir(), name);
  if (!existsSync(file)) {
    const why = internalOnly ? ' (internal profile only: a public page must not read it)' : '';
    throw new Error(`site data file missing: ${file}${why}`);
  }
  const value = checkContract(schema, JSON.parse(readFileSync(file, 'utf8')), file);
  cache.set(name, value);
  return value;
}

/** Forgets every parsed file (tests that switch `ZS_SITE_DATA`). */
export function clearSiteDataCache(): void {
  cache.clear();
}

/** `meta.json`: zone name, profile, periods, settings. */
export function loadMeta(): SiteMeta {
  return readJson('meta.json', siteMetaSchema);
}

/** `internal` or `public`: `meta.json` decides, since it says which files exist. */
export function siteProfile(): 'internal' | 'public' {
  return loadMeta().profile === 'public' ? 'public' : 'internal';
}

/** `reference.json`: units, targets, chains, parks, assets (already filtered for the public). */
export function loadReference(): Reference {
  return readJson('reference.json', referenceSchema);
}

/** `periods/<YYYY-MM>.json`: records, metrics and diff of one snapshot (internal only). */
export function loadPeriod(period: string): PeriodData {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new Error(`loadPeriod(): invalid period “${period}”`);
  return readJson(`periods/${period}.json`, periodDataSchema, true);
}

/** `projects.json`: every project across ledgers and snapshots (internal only). */
export function loadProjects(): Project[] {
  return readJson('projects.json', projectSchema.array(), true);
}

/**
 * `dispatch.json`: the weekly 调度 sheets in date order (internal only); a site-data folder written
 * before the 调度 existed (or a public one) reads as none.
 */
export function loadDispatch(): DispatchData {
  const hit = cache.get('dispatch.json');
  if (hit !== undefined) return hit as DispatchData;
  const file = join(siteDataDir(), 'dispatch.json');
  const value =
    loadMeta().profile === 'internal' && existsSync(file)
      ? checkContract(dispatchDataSchema, JSON.parse(readFileSync(file, 'utf8')), file)
      : [];
  cache.set('dispatch.json', value);
  return value;
}

/** `quality.json`: sheets read and every issue (internal only). */
export function loadQuality(): QualityData {
  return readJson('quality.json', qualityDataSchema, true);
}

/** `public.json`: what the public profile may show of the ledgers (public only). */
export function loadPublic(): PublicData {
  return readJson('public.json', publicDataSchema);
}

/**
 * `geo.json`: the zone boundary and parks for the 存量资产地图 (both profiles), validated by its
 * schema; a site-data folder written before the map existed reads as no map.
 */
export function loadGeo(): ZoneGeo {
  const hit = cache.get('geo.json');
  if (hit !== undefined) return hit as ZoneGeo;
  const file = join(siteDataDir(), 'geo.json');
  const geo = existsSync(file)
    ? checkContract(zoneGeoSchema, JSON.parse(readFileSync(file, 'utf8')), 'geo.json')
    : { areas: [] };
  cache.set('geo.json', geo);
  return geo;
}

/**
 * Absolute path of the content folder (`content/*.md`), or null. `meta.contentDir` is absolute
 * when written by the data stage; a relative one (hand-made fixtures) is taken from the site
 * data folder.
 */
export function contentDir(): string | null {
  const dir = loadMeta().contentDir;
  if (!dir) return null;
  return isAbsolute(dir) ? dir : resolve(siteDataDir(), dir);
}

const shortHash = (s: string, n: number) => createHash('sha1').update(s).digest('hex').slice(0, n);

/**
 * Stable, file-safe id of a unit for its page `units/<id>.html`.
 *
 * @example unitId('经济合作局') // 'u-' + 8 hex digits
 */
export function unitId(name: string): string {
  return `u-${shortHash(name, 8)}`;
}

/** Output path of a unit's page. @example unitPage('经济合作局') // 'units/u-….html' */
export function unitPage(name: string): string {
  return `units/${unitId(name)}.html`;
}

/** Output path of a project's page. @example projectPage('p-3f9a1c2b7d') // 'projects/p-3f9a1c2b7d.html' */
export function projectPage(id: string): string {
  return `projects/${id}.html`;
}

/**
 * `2025-10` → `2025年10月`; `asOf` gives the footer's `数据截至2025年10月底`.
 *
 * @example periodLabel('2025-03') // '2025年3月'
 */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
}

/**
 * @example asOfLabel('2025-10') // '数据截至2025年10月底'
 * @example asOfLabel('2025-11', '2025-11-15') // '数据截至2025年11月15日' — a month held by a dated snapshot
 */
export function asOfLabel(period: string, end?: string): string {
  if (end !== undefined && end.slice(0, 7) === period && !isMonthEnd(end))
    return `数据截至${periodLabel(period)}${Number(end.slice(8))}日`;
  return `数据截至${periodLabel(period)}底`;
}

const isMonthEnd = (date: string): boolean => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
};

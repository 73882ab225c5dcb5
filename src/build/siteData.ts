import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../schemas/issue.ts';
import type { ChainCompany, Asset, Signed, SnapshotRecords } from '../schemas/records.ts';
import type { PeriodMetrics } from '../schemas/metrics.ts';
import type { SiteSettings } from '../schemas/site.ts';
import type { DataModel, Reference } from './dataStage.ts';
import type { SnapshotDiff } from './projects.ts';
import type { Report } from './report.ts';
import type { SheetReport } from './readTables.ts';

/**
 * The files the site reads (the data stage's output contract). Astro pages never parse a
 * spreadsheet: they read these from the folder in `ZS_SITE_DATA`.
 *
 * - `meta.json`       SiteMeta
 * - `reference.json`  Reference (public: no targets; enterprises and assets filtered)
 * - `periods/<YYYY-MM>.json`  PeriodData (internal only)
 * - `projects.json`   Project[] (internal only)
 * - `quality.json`    QualityData (internal only)
 * - `public.json`     PublicData (public only)
 * - `geo.json`        ZoneGeo (both: the boundary and parks are public)
 */
export interface SiteMeta {
  profile: 'internal' | 'public';
  zoneName: string;
  office: string | null;
  periods: string[];
  latest: string | null;
  settings: Pick<SiteSettings, 'overdueDays' | 'publicFigures' | 'defaultAmountUnit'>;
  /** Absolute path of `content/` in the data folder, or null. */
  contentDir: string | null;
  counts: { errors: number; warnings: number; rejected: number };
}

export interface PeriodData {
  period: string;
  records: SnapshotRecords;
  metrics: PeriodMetrics;
  diff: SnapshotDiff;
}

export interface QualityData {
  sheets: SheetReport[];
  issues: Issue[];
  unknownUnits: DataModel['unknownUnits'];
}

/** A signed project as the public may see it: no contacts, notes, codes or source rows. */
export type PublicSigned = Pick<Signed, 'name' | 'investmentYi' | 'signDate'> &
  Partial<Pick<Signed, 'investor' | 'chain' | 'segment' | 'park' | 'projectType'>>;

export interface PublicData {
  period: string | null;
  signed: PublicSigned[];
  /** Zone totals for the year to date, when `publicFigures` allows. */
  headline: { signedCount: number; signedYi: number; startedCount: number; producingCount: number } | null;
  /** Signed projects this year by chain and segment (counts only). */
  chainSigned: { chain: string; segment: string | null; count: number }[];
}

/** Removes everything contract §10 forbids from the public profile, before any page is rendered. */
export function publicReference(ref: Reference): Reference {
  const company = ({
    name,
    chain,
    segment,
    category,
    location,
    products,
    public: pub,
  }: ChainCompany): ChainCompany => ({
    name,
    chain,
    category,
    public: pub,
    ...(segment ? { segment } : {}),
    ...(location ? { location } : {}),
    ...(products ? { products } : {}),
  });
  const asset = ({ name, type, area, location, status, contactUnit, lng, lat }: Asset): Asset => ({
    name,
    public: true,
    ...(lng !== undefined && lat !== undefined ? { lng, lat } : {}),
    ...(type ? { type } : {}),
    ...(area ? { area } : {}),
    ...(location ? { location } : {}),
    ...(status ? { status } : {}),
    ...(contactUnit ? { contactUnit } : {}),
  });
  return {
    units: [],
    targets: [],
    chainSegments: ref.chainSegments,
    chainCompanies: ref.chainCompanies.filter((c) => c.category !== '目标' || c.public).map(company),
    parks: ref.parks,
    assets: ref.assets.filter((a) => a.public).map(asset),
  };
}

function publicData(model: DataModel): PublicData {
  const last = model.snapshots[model.snapshots.length - 1];
  if (!last) return { period: null, signed: [], headline: null, chainSigned: [] };
  const year = last.period.slice(0, 4);
  const thisYear = last.records.signed.filter((s) => s.signDate.startsWith(year));
  const signed: PublicSigned[] = last.records.signed
    .filter((s) => s.public)
    .map((s) => ({
      name: s.name,
      investmentYi: s.investmentYi,
      signDate: s.signDate,
      ...(s.investor ? { investor: s.investor } : {}),
      ...(s.chain ? { chain: s.chain } : {}),
      ...(s.segment ? { segment: s.segment } : {}),
      ...(s.park ? { park: s.park } : {}),
      ...(s.projectType ? { projectType: s.projectType } : {}),
    }))
    .sort((a, b) => (a.signDate < b.signDate ? 1 : a.signDate > b.signDate ? -1 : a.name < b.name ? -1 : 1));
  const counts = new Map<string, number>();
  for (const s of thisYear) {
    if (!s.chain) continue;
    const k = `${s.chain}\u0000${s.segment ?? ''}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const t = last.metrics.ytd;
  return {
    period: last.period,
    signed,
    headline: model.settings.publicFigures
      ? {
          signedCount: t.signed.count,
          signedYi: t.signed.investmentYi,
          startedCount: t.started.count,
          producingCount: t.producing.count,
        }
      : null,
    chainSigned: [...counts].sort().map(([k, count]) => {
      const [chain = '', segment = ''] = k.split('\u0000');
      return { chain, segment: segment || null, count };
    }),
  };
}

/** Writes the site data folder for a profile (replacing it). */
export function writeSiteData(model: DataModel, report: Report, profile: 'internal' | 'public', dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'periods'), { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
  const meta: SiteMeta = {
    profile,
    zoneName: model.settings.zoneName,
    office: model.settings.office ?? null,
    periods: model.snapshots.map((s) => s.period),
    latest: model.snapshots[model.snapshots.length - 1]?.period ?? null,
    settings: {
      overdueDays: model.settings.overdueDays,
      publicFigures: model.settings.publicFigures,
      defaultAmountUnit: model.settings.defaultAmountUnit,
    },
    contentDir: model.folder.contentDir,
    counts: { errors: report.totals.errors, warnings: report.totals.warnings, rejected: report.totals.rejected },
  };
  write('meta.json', meta);
  write('geo.json', model.geo);
  if (profile === 'public') {
    write('reference.json', publicReference(model.reference));
    write('public.json', publicData(model));
    return;
  }
  write('reference.json', model.reference);
  for (const s of model.snapshots) {
    const data: PeriodData = { period: s.period, records: s.records, metrics: s.metrics, diff: s.diff };
    write(`periods/${s.period}.json`, data);
  }
  write('projects.json', model.projects);
  const quality: QualityData = { sheets: model.sheets, issues: report.issues, unknownUnits: report.unknownUnits };
  write('quality.json', quality);
}

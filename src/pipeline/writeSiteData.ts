import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Asset, ChainCompany } from '../schemas/records.ts';
import { STAGES, projectSchema, type Stage } from '../schemas/project.ts';
import { projectStates } from '../metrics/projects.ts';
import type { SnapshotRecords } from '../schemas/records.ts';
import type { Report } from '../schemas/report.ts';
import {
  periodDataSchema,
  publicDataSchema,
  qualityDataSchema,
  referenceSchema,
  siteMetaSchema,
  type PeriodData,
  type PublicData,
  type PublicSigned,
  type QualityData,
  type Reference,
  type SiteMeta,
} from '../schemas/siteData.ts';
import { checkContract } from '../schemas/contract.ts';
import { documentSettings } from '../schemas/site.ts';
import type { DataModel } from './dataStage.ts';
import { zoneGeoSchema } from '../schemas/geo.ts';
import { dispatchDataSchema } from '../schemas/dispatch.ts';

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
    manualScores: [],
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

/** Stage of every project at 签约 or later in one snapshot (`PeriodData.stages`). */
function signedStages(records: SnapshotRecords, period: string): Record<string, Stage> {
  const out: Record<string, Stage> = {};
  for (const [key, s] of projectStates(records, period)) if (STAGES.indexOf(s.stage) >= 2) out[key] = s.stage;
  return out;
}

/** Writes the site data folder for a profile (replacing it). */
export function writeSiteData(model: DataModel, report: Report, profile: 'internal' | 'public', dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'periods'), { recursive: true });
  // Every file is checked against its schema (src/schemas/siteData.ts) before it is written: a
  // mismatch is a bug in the data stage, never the user's data, so it throws.
  const write = <S extends z.ZodType>(name: string, schema: S, value: z.output<S>) =>
    writeFileSync(join(dir, name), JSON.stringify(checkContract(schema, value, name)));
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
    documents: profile === 'internal' ? documentSettings(model.settings) : null,
    contentDir: model.folder.contentDir,
    counts: { errors: report.totals.errors, warnings: report.totals.warnings, rejected: report.totals.rejected },
  };
  write('meta.json', siteMetaSchema, meta);
  write('geo.json', zoneGeoSchema, model.geo);
  if (profile === 'public') {
    write('reference.json', referenceSchema, publicReference(model.reference));
    write('public.json', publicDataSchema, publicData(model));
    return;
  }
  write('reference.json', referenceSchema, model.reference);
  for (const s of model.snapshots) {
    const data: PeriodData = {
      period: s.period,
      records: s.records,
      metrics: s.metrics,
      diff: s.diff,
      stages: signedStages(s.records, s.period),
    };
    write(`periods/${s.period}.json`, periodDataSchema, data);
  }
  write('projects.json', projectSchema.array(), model.projects);
  write('dispatch.json', dispatchDataSchema, model.dispatch);
  const quality: QualityData = { sheets: model.sheets, issues: report.issues, unknownUnits: report.unknownUnits };
  write('quality.json', qualityDataSchema, quality);
}

import { z } from 'zod';
import { LEDGER_KINDS, REFERENCE_KINDS } from './fields.ts';
import { issueSchema } from './issue.ts';
import { periodMetricsSchema } from './metrics.ts';
import { STAGES, snapshotDiffSchema } from './project.ts';
import {
  assetSchema,
  chainCompanySchema,
  chainSegmentSchema,
  parkSchema,
  snapshotRecordsSchema,
  targetSchema,
  manualScoreSchema,
  unitSchema,
} from './records.ts';
import { documentSettingsSchema, siteSettingsSchema } from './site.ts';

/**
 * The site data folder: the file contract between the data stage (`src/pipeline/`) and the pages
 * (`src/site/`, `src/pages/`). The data stage validates every file against these schemas before
 * writing it, and `src/site/data.ts` validates it again when a page reads it, so a page never
 * sees a shape the schema does not allow.
 *
 * - `meta.json`       {@link siteMetaSchema}
 * - `reference.json`  {@link referenceSchema} (public: no units or targets; enterprises and assets filtered)
 * - `periods/<YYYY-MM>.json`  {@link periodDataSchema} (internal only)
 * - `projects.json`   `projectSchema[]` (`./project.ts`, internal only)
 * - `dispatch.json`   `dispatchDataSchema` (`./dispatch.ts`, the weekly 调度 sheets, internal only)
 * - `quality.json`    {@link qualityDataSchema} (internal only)
 * - `public.json`     {@link publicDataSchema} (public only)
 * - `geo.json`        `zoneGeoSchema` (`./geo.ts`, both profiles: the boundary and parks are public)
 */

/** Any table kind, ledger or reference, e.g. `signed`, `units`. */
export const tableKindSchema = z.enum([...LEDGER_KINDS, ...REFERENCE_KINDS]);

/** The reference tables of a zone. */
export const referenceSchema = z.object({
  units: z.array(unitSchema),
  targets: z.array(targetSchema),
  /** 人工评分 items of every year. */
  manualScores: z.array(manualScoreSchema),
  chainSegments: z.array(chainSegmentSchema),
  chainCompanies: z.array(chainCompanySchema),
  parks: z.array(parkSchema),
  assets: z.array(assetSchema),
});
export type Reference = z.output<typeof referenceSchema>;

/** Row accounting of one sheet, as in the report (contract §9): read = accepted + rejected + skipped. */
export const sheetReportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  kind: tableKindSchema.nullable(),
  period: z.string().nullable(),
  read: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
});
export type SheetReport = z.output<typeof sheetReportSchema>;

/** A unit name found in ledgers but not in the units table, e.g. `{ name: '招商三科', rows: 4, files: [...] }`. */
export const unknownUnitSchema = z.object({ name: z.string(), rows: z.number().int(), files: z.array(z.string()) });
export type UnknownUnit = z.output<typeof unknownUnitSchema>;

/** `meta.json`: zone, profile, periods, settings. */
export const siteMetaSchema = z.object({
  profile: z.enum(['internal', 'public']),
  zoneName: z.string(),
  office: z.string().nullable(),
  /** Snapshot periods in order, e.g. `['2024-01', …, '2025-10']`. */
  periods: z.array(z.string()),
  latest: z.string().nullable(),
  settings: siteSettingsSchema.pick({ overdueDays: true, publicFigures: true, defaultAmountUnit: true }).required(),
  /** Settings of the Word documents (contract §11); `null` in the public profile (it has none). */
  documents: documentSettingsSchema.nullable().optional(),
  /** Absolute path of `content/` in the data folder, or null. */
  contentDir: z.string().nullable(),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), rejected: z.number().int() }),
});
export type SiteMeta = z.output<typeof siteMetaSchema>;

/** `periods/<YYYY-MM>.json`: one snapshot's accepted records, its metrics and its diff against the previous one. */
export const periodDataSchema = z.object({
  period: z.string(),
  records: snapshotRecordsSchema,
  metrics: periodMetricsSchema,
  diff: snapshotDiffSchema,
  /**
   * Stage of every project signed or later in this snapshot, by project key, e.g.
   * `{ 'n:光伏组件': '开工' }` (leads and negotiations are on the project pages).
   */
  stages: z.record(z.string(), z.enum(STAGES)),
});
export type PeriodData = z.output<typeof periodDataSchema>;

/** `quality.json`: every sheet read and every issue. */
export const qualityDataSchema = z.object({
  sheets: z.array(sheetReportSchema),
  issues: z.array(issueSchema),
  unknownUnits: z.array(unknownUnitSchema),
});
export type QualityData = z.output<typeof qualityDataSchema>;

/** A signed project as the public may see it: no contacts, notes, codes or source rows (contract §10). */
export const publicSignedSchema = z
  .object({
    name: z.string(),
    investmentYi: z.number(),
    signDate: z.string(),
    investor: z.string().optional(),
    chain: z.string().optional(),
    segment: z.string().optional(),
    park: z.string().optional(),
    projectType: z.string().optional(),
  })
  .strict();
export type PublicSigned = z.output<typeof publicSignedSchema>;

/** `public.json`: what the public profile may show of the ledgers. */
export const publicDataSchema = z.object({
  period: z.string().nullable(),
  signed: z.array(publicSignedSchema),
  /** Zone totals for the year to date, when `publicFigures` allows. */
  headline: z
    .object({ signedCount: z.number(), signedYi: z.number(), startedCount: z.number(), producingCount: z.number() })
    .nullable(),
  /** Signed projects this year by chain and segment (counts only). */
  chainSigned: z.array(z.object({ chain: z.string(), segment: z.string().nullable(), count: z.number().int() })),
});
export type PublicData = z.output<typeof publicDataSchema>;

import { z } from 'zod';
import { recordShape } from './tables/define.ts';
import { TABLES } from './tables/index.ts';

/**
 * Normalised records (contract §4–5): each kind's schema is derived from its one definition in
 * `src/schemas/tables/`. The data stage builds these from raw rows (`src/normalize/`), and the
 * site reads them from the JSON files.
 * Amounts are 亿元 (`…Yi`) or 万美元 (`…Usd`); dates are `YYYY-MM-DD`.
 */

export { sourceRefSchema, type SourceRef } from './tables/define.ts';

export const leadSchema = TABLES.leads.schema;
export type Lead = z.output<typeof leadSchema>;

export const negotiatingSchema = TABLES.negotiating.schema;
export type Negotiating = z.output<typeof negotiatingSchema>;

export const signedSchema = TABLES.signed.schema;
export type Signed = z.output<typeof signedSchema>;

export const startedSchema = TABLES.started.schema;
export type Started = z.output<typeof startedSchema>;

export const producingSchema = TABLES.producing.schema;
export type Producing = z.output<typeof producingSchema>;

export const fundSchema = TABLES.funds.schema;
export type Fund = z.output<typeof fundSchema>;

export const tripSchema = TABLES.trips.schema;
export type Trip = z.output<typeof tripSchema>;

/** All accepted records of one monthly snapshot. */
export const snapshotRecordsSchema = z.object({
  leads: z.array(leadSchema),
  negotiating: z.array(negotiatingSchema),
  signed: z.array(signedSchema),
  started: z.array(startedSchema),
  producing: z.array(producingSchema),
  funds: z.array(fundSchema),
  trips: z.array(tripSchema),
});
export type SnapshotRecords = z.output<typeof snapshotRecordsSchema>;

// ---------------------------------------------------------------- reference tables

export const unitSchema = TABLES.units.schema;
export type Unit = z.output<typeof unitSchema>;

export const SCORING_METHODS = ['按比例', '达标', '按件', '扣分', '缺额扣分'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** 类别 of a target row (contract §5): 满分 sums the basic rows; bonus adds on top; deductions subtract. */
export const TARGET_CATEGORIES = ['基本', '加分', '扣分'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export const INDICATORS = [
  '签约项目数',
  '签约金额',
  '亿元以上签约项目数',
  '5亿元以上签约项目数',
  '10亿元以上签约项目数',
  '50亿元以上签约项目数',
  '开工项目数',
  '投产项目数',
  '到位资金',
  '外资到位',
  '有效信息条数',
  '外出招商次数',
  '拜访企业数',
  '签约超期未开工项目数',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** A 目标任务分解表 row as read, before its indicator and method are resolved (`src/normalize/targets.ts`). */
export const targetRowSchema = TABLES.targets.schema;
export type TargetRow = z.output<typeof targetRowSchema>;

/**
 * One row of the 目标任务分解表, its indicator, 计分方式, 类别 and year resolved and its 责任单位 split:
 * `units` the units it names (several for a joint task, none for a zone row), `unit` as shown
 * (`党政办、规划建设局`, or `全区`), `zone` for the zone's own target (no points, not a unit).
 */
export const targetSchema = z.object({
  ...z.object(recordShape(TABLES.targets)).shape,
  unit: z.string(),
  units: z.array(z.string()),
  zone: z.boolean(),
  year: z.number().int(),
  indicator: z.enum(INDICATORS),
  method: z.enum(SCORING_METHODS),
  category: z.enum(TARGET_CATEGORIES),
}) as unknown as z.ZodType<
  Omit<TargetRow, 'year' | 'indicator' | 'method' | 'unit' | 'category'> & {
    unit: string;
    units: string[];
    zone: boolean;
    year: number;
    indicator: Indicator;
    method: ScoringMethod;
    category: TargetCategory;
  }
>;
export type Target = z.output<typeof targetSchema>;

/** A 人工评分 row as read (`src/normalize/manualScores.ts` resolves its period). */
export const manualScoreRowSchema = TABLES.manualScores.schema;
export type ManualScoreRow = z.output<typeof manualScoreRowSchema>;

/**
 * A 人工评分 item: counts from `from` (`YYYY-MM`) to December of the same year, e.g.
 * `{year: 2025, from: '2025-06', unit: '商务局', item: '举行签约活动', points: 0.5, basis: '…'}`.
 */
export const manualScoreSchema = z.object({
  ...z.object(recordShape(TABLES.manualScores)).shape,
  year: z.number().int(),
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
}) as unknown as z.ZodType<Omit<ManualScoreRow, 'year'> & { year: number; from: string }>;
export type ManualScore = z.output<typeof manualScoreSchema>;

export const chainSegmentSchema = TABLES.chainSegments.schema;
export type ChainSegment = z.output<typeof chainSegmentSchema>;

export const chainCompanySchema = TABLES.chainCompanies.schema;
export type ChainCompany = z.output<typeof chainCompanySchema>;

export const parkSchema = TABLES.parks.schema;
export type Park = z.output<typeof parkSchema>;

/** A 存量资产 row as read, its position cells still text (`src/pipeline/finishAssets.ts`). */
export const assetRowSchema = TABLES.assets.schema;
export type AssetRow = z.output<typeof assetRowSchema>;
/**
 * An idle asset: the row without its position cells, with the map position in degrees (WGS84 or
 * CGCS2000, as the boundary GeoJSON) when 经度/纬度 or 坐标 gave a usable one.
 */
export const assetSchema = z.object({
  ...z.object(recordShape(TABLES.assets)).omit({ lngText: true, latText: true, coordText: true }).shape,
  /** @example 114.0523 */
  lng: z.number().min(-180).max(180).optional(),
  /** @example 22.5431 */
  lat: z.number().min(-90).max(90).optional(),
}) as unknown as z.ZodType<
  Omit<AssetRow, 'lngText' | 'latText' | 'coordText'> & { lng?: number | undefined; lat?: number | undefined }
>;
export type Asset = z.output<typeof assetSchema>;

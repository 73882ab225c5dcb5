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

export const SCORING_METHODS = ['按比例', '达标', '按件', '扣分'] as const;

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

/** One row of the 目标任务分解表, its indicator and 计分方式 resolved and its year known. */
export const targetSchema = z.object({
  ...z.object(recordShape(TABLES.targets)).shape,
  year: z.number().int(),
  indicator: z.enum(INDICATORS),
  method: z.enum(SCORING_METHODS),
}) as unknown as z.ZodType<
  Omit<TargetRow, 'year' | 'indicator' | 'method'> & {
    year: number;
    indicator: Indicator;
    method: (typeof SCORING_METHODS)[number];
  }
>;
export type Target = z.output<typeof targetSchema>;

export const chainSegmentSchema = TABLES.chainSegments.schema;
export type ChainSegment = z.output<typeof chainSegmentSchema>;

export const chainCompanySchema = TABLES.chainCompanies.schema;
export type ChainCompany = z.output<typeof chainCompanySchema>;

export const parkSchema = TABLES.parks.schema;
export type Park = z.output<typeof parkSchema>;

export const assetSchema = TABLES.assets.schema;
export type Asset = z.output<typeof assetSchema>;

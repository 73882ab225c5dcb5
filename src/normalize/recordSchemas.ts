import { z } from 'zod';
import type { TableKind } from '../schemas/fields.ts';
import {
  assetSchema,
  chainCompanySchema,
  chainSegmentSchema,
  fundSchema,
  leadSchema,
  negotiatingSchema,
  parkSchema,
  producingSchema,
  signedSchema,
  sourceRefSchema,
  startedSchema,
  targetSchema,
  tripSchema,
  unitSchema,
} from '../schemas/records.ts';

/**
 * A 目标任务分解表 row as read, before its indicator and method are resolved
 * (`src/build/targets.ts` turns it into a `Target`).
 */
export const targetRowSchema = targetSchema.extend({
  src: sourceRefSchema,
  year: z.number().int().optional(),
  indicator: z.string().min(1),
  method: z.enum(['按比例', '达标', '按件', '扣分']).optional(),
});
export type TargetRow = z.output<typeof targetRowSchema>;

const withSrc = <T extends z.ZodObject>(schema: T) => schema.extend({ src: sourceRefSchema });

/** The schema each table kind's rows are validated against. */
export const RECORD_SCHEMAS: Record<TableKind, z.ZodObject> = {
  leads: leadSchema,
  negotiating: negotiatingSchema,
  signed: signedSchema,
  started: startedSchema,
  producing: producingSchema,
  funds: fundSchema,
  trips: tripSchema,
  units: withSrc(unitSchema),
  targets: targetRowSchema,
  chainSegments: withSrc(chainSegmentSchema),
  chainCompanies: withSrc(chainCompanySchema),
  parks: withSrc(parkSchema),
  assets: withSrc(assetSchema),
};

import { z } from 'zod';
import { issueSchema } from './issue.ts';
import { reportSummarySchema } from './metrics.ts';
import { sheetReportSchema, unknownUnitSchema } from './siteData.ts';

/** The `--report FILE` JSON (contract §9), one schema for tests and readers. */
export const reportSchema = z.object({
  profile: z.enum(['internal', 'public']),
  periods: z.array(z.string()),
  sheets: z.array(sheetReportSchema),
  issues: z.array(issueSchema),
  /** Year-to-date figures per period, each from that period's own snapshot. */
  summary: z.record(z.string(), reportSummarySchema),
  totals: z.object({
    files: z.number().int(),
    sheets: z.number().int(),
    read: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  /** Unit names found in ledgers but not in the units table (shown as-is, never merged). */
  unknownUnits: z.array(unknownUnitSchema),
});
export type Report = z.output<typeof reportSchema>;

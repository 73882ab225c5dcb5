import { z } from 'zod';
import { issueSchema } from './issue.ts';
import { overdueProjectSchema } from './metrics.ts';

/**
 * The weekly 调度 (contract §11): `dispatch.json` of the internal site data, one sheet per dispatch
 * snapshot — every dated snapshot (`ledgers/2025-10-15/`) and every month end, in date order, each
 * compared with the one before it. Built by `src/metrics/dispatch.ts`; definitions in README
 * (“周调度”).
 */

const item = {
  /** Project key (contract §6), e.g. `code:QC-001` or `name:光伏组件`: links to the project page when it has one. */
  key: z.string(),
  name: z.string(),
  unit: z.string().optional(),
};

/** A 招商信息 row new since the previous snapshot, or whose 研判结果 changed. */
export const dispatchLeadSchema = z.object({
  ...item,
  company: z.string().optional(),
  chain: z.string().optional(),
  investmentYi: z.number().optional(),
  reportDate: z.string(),
  /** 研判结果 now, e.g. `有效`; absent when not yet written. */
  verdict: z.string().optional(),
  /** 研判结果 in the previous snapshot, only for a lead that was there already (its 研判 changed). */
  fromVerdict: z.string().optional(),
  /** `新增` or `研判变化`. */
  change: z.enum(['新增', '研判变化']),
});
export type DispatchLead = z.output<typeof dispatchLeadSchema>;

/** A 在谈 project new, changed (洽谈阶段 or 最新进展) or gone from the 在谈 table since the previous snapshot. */
export const dispatchNegotiatingSchema = z.object({
  ...item,
  change: z.enum(['新增', '阶段变化', '进展更新', '移出在谈']),
  stage: z.string().optional(),
  fromStage: z.string().optional(),
  progress: z.string().optional(),
  updatedDate: z.string().optional(),
  investmentYi: z.number().optional(),
});
export type DispatchNegotiating = z.output<typeof dispatchNegotiatingSchema>;

/** A project that newly reached 签约, 开工 or 投产 (its key absent from that ledger in the previous snapshot). */
export const dispatchMilestoneSchema = z.object({
  ...item,
  /** 签约日期, 开工日期 or 投产日期. */
  date: z.string(),
  investmentYi: z.number().optional(),
});
export type DispatchMilestone = z.output<typeof dispatchMilestoneSchema>;

/** A 在谈 project whose row has not changed for 30 days or more. */
export const dispatchStalledSchema = z.object({
  ...item,
  stage: z.string().optional(),
  progress: z.string().optional(),
  updatedDate: z.string().optional(),
  /** Last change (see README): e.g. `2025-08-20`. */
  since: z.string(),
  /** Days from `since` to the snapshot date, ≥ 30. */
  days: z.number().int(),
  /** `60` when days ≥ 60, else `30`. */
  level: z.union([z.literal(30), z.literal(60)]),
});
export type DispatchStalled = z.output<typeof dispatchStalledSchema>;

/** A 督办 row: 签约超期未开工 at the snapshot date; `isNew` when it was not overdue at the previous snapshot. */
export const dispatchOverdueSchema = overdueProjectSchema.extend({ isNew: z.boolean() });
export type DispatchOverdue = z.output<typeof dispatchOverdueSchema>;

/** One 调度 sheet. */
export const dispatchSheetSchema = z.object({
  /** Snapshot date, `YYYY-MM-DD`: a dated folder's date, or a month's last day (its `asOf` when held by a dated folder). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** `dated` (a mid-month folder, weekly 调度 only) or `month` (a month's snapshot). */
  kind: z.enum(['dated', 'month']),
  /** Month of the snapshot, `YYYY-MM`. */
  period: z.string(),
  /** The folder read, e.g. `ledgers/2025-10-15`. */
  folder: z.string(),
  /** Date of the snapshot compared with, or null for the first one. */
  previous: z.string().nullable(),
  leads: z.array(dispatchLeadSchema),
  negotiating: z.array(dispatchNegotiatingSchema),
  signed: z.array(dispatchMilestoneSchema),
  started: z.array(dispatchMilestoneSchema),
  producing: z.array(dispatchMilestoneSchema),
  stalled: z.array(dispatchStalledSchema),
  overdue: z.array(dispatchOverdueSchema),
  overdueDays: z.number().int(),
  /**
   * Errors and warnings of reading a dated folder (a month's are on the data-quality page): a
   * rejected row counts nowhere on the sheet.
   */
  issues: z.array(issueSchema),
});
export type DispatchSheet = z.output<typeof dispatchSheetSchema>;

/** `dispatch.json`: the sheets in date order. */
export const dispatchDataSchema = z.array(dispatchSheetSchema);
export type DispatchData = z.output<typeof dispatchDataSchema>;

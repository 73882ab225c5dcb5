import { z } from 'zod';
import { SIZE_BUCKET_LABELS } from './buckets.ts';
import { INDICATORS, SCORING_METHODS, sourceRefSchema } from './records.ts';

/**
 * Figures of one reporting period (`src/metrics/computePeriodMetrics`): what a bulletin (通报) and the
 * unit pages show. Amounts are full precision (亿元 / 万美元); rounding happens only when displayed
 * (`src/metrics/format.ts`). Every figure carries the rows it counts as `refs`
 * (`{file, sheet, row}`, see `sourceRefSchema`) so the site can drill down without copying records.
 *
 * Internal profile only: it holds targets, scores, rankings and project names.
 */

/** Rows counted by a figure, e.g. `[{file: 'ledgers/2025-10/签约项目表.xlsx', sheet: 'Sheet1', row: 5}]`. */
const refs = z.array(sourceRefSchema);
const count = z.number().int().nonnegative();
/** Canonical 单位名称, or `null` for rows whose unit is unknown even through their project (未落实单位). */
const unitOrNull = z.string().nullable();

// ------------------------------------------------------------------------------------ actuals

/** An actual value with its contributing rows: `{value: 3, refs: [...]}`. */
export const actualSchema = z.object({
  /** Count or sum, e.g. `12.5` (亿元) or `3` (projects). */
  value: z.number(),
  refs,
});
export type Actual = z.output<typeof actualSchema>;

/** The year-to-date actual of every indicator, e.g. `{签约项目数: 3, 签约金额: 12.5, …}`. */
export const indicatorValuesSchema = z.record(z.enum(INDICATORS), z.number());
export type IndicatorValues = z.output<typeof indicatorValuesSchema>;

// ------------------------------------------------------------------------------------ scoring

/** 超进度 when 完成率 ≥ 序时进度, else 欠进度 (contract §7). */
export const progressStatusSchema = z.enum(['超进度', '欠进度']);

/** One scored target row of a unit. */
export const scoreItemSchema = z.object({
  /** e.g. `'签约项目数'`. */
  indicator: z.enum(INDICATORS),
  /** The row's filters, e.g. `'产业链=新能源；投资≥5亿元'`; `''` when none. */
  filterLabel: z.string(),
  /** Filters set on the row that this indicator cannot apply (e.g. `['资金来源=境外']` on 签约项目数); they are ignored. */
  ignoredFilters: z.array(z.string()),
  /** 计分方式, e.g. `'按比例'`. */
  method: z.enum(SCORING_METHODS),
  /** 目标值, e.g. `10`. */
  target: z.number(),
  /** Year-to-date actual under the filters, e.g. `8`. */
  actual: z.number(),
  /** 完成率 = actual / target, e.g. `0.8`; `null` when the target is 0 or the method is 扣分. */
  rate: z.number().nullable(),
  /** Against 序时进度; `null` when `rate` is. */
  status: progressStatusSchema.nullable(),
  /** 完成率 − 序时进度 in percentage points, e.g. `-3.3`; `null` when `rate` is. */
  gapPp: z.number().nullable(),
  /** Points earned, e.g. `8` (negative for 扣分). */
  points: z.number(),
  /** Most points the row can give, e.g. `10` (0 for 扣分). */
  maxPoints: z.number(),
  /** The rows counted in `actual`. */
  refs,
  /** The target row in the 目标任务分解表. */
  src: sourceRefSchema,
});
export type ScoreItem = z.output<typeof scoreItemSchema>;

/** A unit's score: the sum over its target rows. */
export const unitScoreSchema = z.object({
  /** Unit as named in the targets, e.g. `'经济合作局'`. */
  unit: z.string(),
  /** In the units table; unknown names are scored as written but not ranked. */
  known: z.boolean(),
  /** Total points, e.g. `86.25`. */
  score: z.number(),
  /** Sum of `maxPoints`, e.g. `100`. */
  maxScore: z.number(),
  items: z.array(scoreItemSchema),
});
export type UnitScore = z.output<typeof unitScoreSchema>;

/** One line of a ranking. */
export const rankingEntrySchema = z.object({
  unit: z.string(),
  /** 分组, e.g. `'乡镇'`; `null` when the unit has none. */
  group: z.string().nullable(),
  /** 是否参与排名; unranked units are listed after the ranked ones with `rank: null`. */
  ranked: z.boolean(),
  /** Total score, full precision, e.g. `86.254`. */
  score: z.number(),
  /** 1-based; scores equal at two decimals share a rank and the next skips (1, 2, 2, 4). */
  rank: z.number().int().positive().nullable(),
  /** Rank within `group`, same rules; `null` without a group. */
  groupRank: z.number().int().positive().nullable(),
  /** Rank in the previous ranking given, e.g. `3`. */
  prevRank: z.number().int().positive().nullable(),
  /** `prevRank − rank`: positive = moved up, e.g. `2`; `null` when either is missing. */
  change: z.number().int().nullable(),
});
export type RankingEntry = z.output<typeof rankingEntrySchema>;

// ------------------------------------------------------------------------------------ rates

/** 开工率: of the projects signed this year, how many have started by the period end. */
export const startRateSchema = z.object({
  /** 签约 rows dated this year up to the period end, e.g. `20`. */
  projects: count,
  /** Of those, with a 开工 row of the same project dated ≤ period end, e.g. `12`. */
  started: count,
  /** `started / projects`, e.g. `0.6`; `null` when no project was signed. */
  rate: z.number().nullable(),
  /** 签约 rows counted as started. */
  startedRefs: refs,
  /** 签约 rows not started yet. */
  notStartedRefs: refs,
});
export type StartRate = z.output<typeof startRateSchema>;

/** 资金到位率: funds to date of the projects signed this year / their 签约金额. */
export const fundRateSchema = z.object({
  /** 到位金额 (亿元) dated ≤ period end, of projects signed this year, e.g. `3.2`. */
  fundsYi: z.number(),
  /** 签约金额 (亿元) of the projects signed this year, e.g. `40`. */
  investmentYi: z.number(),
  /** `fundsYi / investmentYi`, e.g. `0.08`; `null` when `investmentYi` is 0. */
  rate: z.number().nullable(),
  /** The funds rows counted. */
  refs,
});
export type FundRate = z.output<typeof fundRateSchema>;

/** A project signed more than `overdueDays` before the period end and not started (签约超期未开工). */
export const overdueProjectSchema = z.object({
  key: z.string().nullable(),
  /** e.g. `'年产10万吨新材料项目'`. */
  name: z.string(),
  unit: z.string(),
  /** e.g. `'2024-12-20'`. */
  signDate: z.string(),
  investmentYi: z.number(),
  /** Days from 签约日期 to the period end, e.g. `200`. */
  daysSinceSigned: z.number().int(),
  /** `daysSinceSigned − overdueDays`, e.g. `20` (always ≥ 1). */
  daysOverdue: z.number().int().positive(),
  src: sourceRefSchema,
});
export type OverdueProject = z.output<typeof overdueProjectSchema>;

// ------------------------------------------------------------------------------------ totals

/** 签约 figures of a set of rows. */
const signedFigure = z.object({
  /** Rows, e.g. `35`. */
  count,
  /** Sum of 总投资 (亿元), e.g. `123.45`. */
  investmentYi: z.number(),
  /** Sum of 外资金额 (万美元), e.g. `1200`. */
  foreignUsd: z.number(),
  refs,
});
/** 开工 / 投产 figures; `investmentYi` sums the row's 总投资, else its project's (0 when neither). */
const projectFigure = z.object({ count, investmentYi: z.number(), refs });
/** 到位资金 figures: `amountYi` 亿元, `foreignUsd` 外资到位 万美元, `count` rows. */
const fundsFigure = z.object({ count, amountYi: z.number(), foreignUsd: z.number(), refs });
/** 招商信息: `count` all leads, `valid` 研判结果 = 有效; `refs` lists all (the verdict is on the row). */
const leadsFigure = z.object({ count, valid: count, refs });
/** 外出招商: `count` trips, `visits` sum of 拜访数量. */
const tripsFigure = z.object({ count, visits: z.number(), refs });

/** Unit breakdowns: by unit in units-table order, unknown names after, `unit: null` last; units without rows are omitted. */
const unitKey = { unit: unitOrNull };

/** Totals of a date range (本月 or 累计), for the zone and broken down. */
export const flowTotalsSchema = z.object({
  signed: signedFigure.extend({
    /** By 总投资 bucket, every bucket listed, largest first. */
    bySize: z.array(signedFigure.extend({ bucket: z.enum(SIZE_BUCKET_LABELS) })),
    /** By 产业链 as written (`null` = not given), largest investment first. */
    byChain: z.array(signedFigure.extend({ chain: z.string().nullable() })),
    byUnit: z.array(signedFigure.extend(unitKey)),
  }),
  started: projectFigure.extend({ byUnit: z.array(projectFigure.extend(unitKey)) }),
  producing: projectFigure.extend({ byUnit: z.array(projectFigure.extend(unitKey)) }),
  funds: fundsFigure.extend({
    byUnit: z.array(fundsFigure.extend(unitKey)),
    /** By 资金来源 (`省外`/`市外`/`境外`, `null` = not given). */
    bySource: z.array(fundsFigure.extend({ source: z.string().nullable() })),
  }),
  leads: leadsFigure.extend({ byUnit: z.array(leadsFigure.extend(unitKey)) }),
  trips: tripsFigure.extend({ byUnit: z.array(tripsFigure.extend(unitKey)) }),
});
export type FlowTotals = z.output<typeof flowTotalsSchema>;

/** Key fields of a row new this month (no contacts, no remarks). */
export const newRowSchema = z.object({
  src: sourceRefSchema,
  key: z.string().nullable(),
  name: z.string(),
  unit: unitOrNull,
  /** The row's own date (签约/开工/投产日期), e.g. `'2025-10-08'`. */
  date: z.string(),
  /** 总投资 (亿元); for 开工/投产 the project's when the row has none. */
  investmentYi: z.number().nullable(),
  chain: z.string().nullable(),
});
export const newSignedRowSchema = newRowSchema.extend({
  foreign: z.boolean(),
  /** 是否公开: a public page may show the row only when true. */
  public: z.boolean(),
});

// ------------------------------------------------------------------------------------ per unit

export const unitMetricsSchema = z.object({
  /** Canonical 单位名称, e.g. `'经济合作局'`. */
  unit: z.string(),
  /** In the units table. */
  known: z.boolean(),
  group: z.string().nullable(),
  ranked: z.boolean(),
  /** Unfiltered year-to-date actuals (drill down through `ytd.*.byUnit`). */
  actuals: indicatorValuesSchema,
  /** Scored target rows of the year, with 完成率 and 序时进度 status. */
  items: z.array(scoreItemSchema),
  /** Total points, `null` when the unit has no target this year. */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  startRate: startRateSchema,
  fundRate: fundRateSchema,
});
export type UnitMetrics = z.output<typeof unitMetricsSchema>;

// ------------------------------------------------------------------------------------ period

export const periodMetricsSchema = z.object({
  /** e.g. `'2025-10'`. */
  period: z.string(),
  year: z.number().int(),
  /** 1–12. */
  month: z.number().int(),
  /** 统计截止日期, e.g. `'2025-10-31'`. */
  periodEnd: z.string(),
  /** 序时进度 = month / 12, e.g. `0.8333`. */
  timeProgress: z.number(),
  /** 1–4. */
  quarter: z.number().int(),
  /** March, June, September, December: `ranking` is then also the quarter's ranking. */
  isQuarterEnd: z.boolean(),
  /** 签约超期未开工 threshold used, e.g. `180`. */
  overdueDays: z.number().int(),
  /** 本月: rows dated within the month. */
  thisMonth: flowTotalsSchema,
  /** 累计: rows dated 1 January to the period end. */
  ytd: flowTotalsSchema,
  /** Zone-wide indicators (every row, with or without a unit) and rates. */
  zone: z.object({
    actuals: indicatorValuesSchema,
    startRate: startRateSchema,
    fundRate: fundRateSchema,
  }),
  /** Every unit of the units table, then unknown names met in this period's figures or targets. */
  units: z.array(unitMetricsSchema),
  /** Units with targets this year: ranked ones by rank, then unranked ones. */
  ranking: z.array(rankingEntrySchema),
  /** The period `ranking.change` is against, e.g. `'2025-09'`; `null` when none was given. */
  previousPeriod: z.string().nullable(),
  /**
   * At a quarter end (季度排名): the same ranking with `change` against the previous quarter end's
   * ranking (when given); `null` in other months. Figures are cumulative, so a quarter's ranking is
   * the ranking at its last month.
   */
  quarterRanking: z.array(rankingEntrySchema).nullable(),
  /** The period `quarterRanking.change` is against, e.g. `'2025-06'`; `null` when none. */
  previousQuarterPeriod: z.string().nullable(),
  /** Projects overdue at the period end (any signing year), longest first. */
  overdue: z.array(overdueProjectSchema),
  /** Rows dated within the month, for the bulletin's 本月新增 lists. */
  newThisMonth: z.object({
    signed: z.array(newSignedRowSchema),
    started: z.array(newRowSchema),
    producing: z.array(newRowSchema),
  }),
});
export type PeriodMetrics = z.output<typeof periodMetricsSchema>;

/** Report summary of one period (contract §9), figures year to date, full precision. */
export const reportSummarySchema = z.object({
  signed: z.object({
    count,
    investmentYi: z.number(),
    foreignUsd: z.number(),
    /** Canonical 单位名称 → figures, e.g. `{'经济合作局': {count: 10, investmentYi: 50.1}}`. */
    byUnit: z.record(z.string(), z.object({ count, investmentYi: z.number() })),
  }),
  started: z.object({ count }),
  producing: z.object({ count }),
  funds: z.object({ amountYi: z.number(), foreignUsd: z.number() }),
  leads: z.object({ count, valid: count }),
  trips: z.object({ count, visits: z.number() }),
  /** Ranked units only, by rank: `[{unit: '经济合作局', score: 12.34, rank: 1}]`. */
  ranking: z.array(z.object({ unit: z.string(), score: z.number(), rank: z.number().int().positive() })),
});
export type ReportSummary = z.output<typeof reportSummarySchema>;

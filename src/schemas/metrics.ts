import { z } from 'zod';
import { SIZE_BUCKET_LABELS } from './buckets.ts';
import { INDICATORS, SCORING_METHODS, TARGET_CATEGORIES, sourceRefSchema } from './records.ts';

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

/** 超进度 when 完成率 ≥ 序时进度, else 欠进度 (contract §7); the pages say it in words (`progressText`). */
export const progressStatusSchema = z.enum(['超进度', '欠进度']);

/** One scored target row of a unit (contract §5). */
export const scoreItemSchema = z.object({
  /** e.g. `'签约项目数'`. */
  indicator: z.enum(INDICATORS),
  /** The row's filters, e.g. `'产业链=新能源；投资≥10亿元；投资<50亿元'`; `''` when none. */
  filterLabel: z.string(),
  /** Filters set on the row that this indicator cannot apply (e.g. `['资金来源=境外']` on 签约项目数); they are ignored. */
  ignoredFilters: z.array(z.string()),
  /** 计分方式, e.g. `'按比例'`. */
  method: z.enum(SCORING_METHODS),
  /** 类别: 基本 rows make 满分; 加分 add on top; 扣分 subtract. */
  category: z.enum(TARGET_CATEGORIES),
  /** 分值 as written, e.g. `20`; `null` when empty. */
  weight: z.number().nullable(),
  /** 单项分值, e.g. `0.2`; `null` when empty. */
  perItem: z.number().nullable(),
  /** 封顶分, e.g. `3`; `null` when empty. */
  cap: z.number().nullable(),
  /** 封顶倍数 (按比例), `null` = 1. */
  capRatio: z.number().nullable(),
  /** 封顶组 the row shares a cap with, e.g. `'外出拜访加分'`; `null` when none. */
  capGroup: z.string().nullable(),
  /** Every unit of a joint task (`['党政办', '规划建设局']`); one for an ordinary row. */
  units: z.array(z.string()),
  /** 目标值 (annual), e.g. `10`. */
  target: z.number(),
  /**
   * What the row is scored against: 目标值, or 目标值 × m/12 under `scoreAgainst: timeProgress` for
   * 按比例, 达标 and 缺额扣分 rows, e.g. `8.333…`.
   */
  scoredTarget: z.number(),
  /** Year-to-date actual under the filters (the union of a joint task's units), e.g. `8`. */
  actual: z.number(),
  /** 完成率 = actual / 目标值 (annual), e.g. `0.8`; `null` when the target is 0 or the method is 扣分. */
  rate: z.number().nullable(),
  /** Against 序时进度; `null` when `rate` is. */
  status: progressStatusSchema.nullable(),
  /** 完成率 − 序时进度 in percentage points, e.g. `-3.3`; `null` when `rate` is. */
  gapPp: z.number().nullable(),
  /** Points of the row by its method, before any group cap, e.g. `8` (negative for deductions). */
  points: z.number(),
  /** Most points the row gives towards 满分 (basic rows: 分值, 按件 else 封顶分); 0 for bonus and deductions. */
  fullMarks: z.number(),
  /** The rule and the computation in words, e.g. `'按比例：分值20 × 完成率80.0% = 16.00'`. */
  formula: z.string(),
  /** The rows counted in `actual`. */
  refs,
  /** The target row in the 目标任务分解表. */
  src: sourceRefSchema,
});
export type ScoreItem = z.output<typeof scoreItemSchema>;

/** A 封顶组: rows of one unit sharing a cap (组封顶分). */
export const capGroupScoreSchema = z.object({
  /** e.g. `'外出拜访加分'`. */
  name: z.string(),
  category: z.enum(TARGET_CATEGORIES),
  /** 组封顶分, e.g. `3`; `null` when none was given (no cap). */
  cap: z.number().nullable(),
  /** Sum of its rows' points, e.g. `3.4`. */
  sum: z.number(),
  /** After the cap, e.g. `3` (deductions: never below −cap). */
  points: z.number(),
});
export type CapGroupScore = z.output<typeof capGroupScoreSchema>;

/** A 人工评分 item counted in the period. */
export const manualItemSchema = z.object({
  /** e.g. `'举行签约活动'`. */
  item: z.string(),
  /** Signed, e.g. `0.5` or `-1`. */
  points: z.number(),
  /** e.g. `'青开招〔2025〕12号'`; `null` when not given. */
  basis: z.string().nullable(),
  /** The month it counts from, e.g. `'2025-06'`. */
  from: z.string(),
  src: sourceRefSchema,
});
export type ManualItem = z.output<typeof manualItemSchema>;

/** A unit's score (contract §5, §7). */
export const unitScoreSchema = z.object({
  /** Canonical unit name, e.g. `'经济合作局'`. */
  unit: z.string(),
  /** In the units table; unknown names are scored as written but not ranked. */
  known: z.boolean(),
  /** The ranked score: `raw`, or `percent` under `rankingScale: percent`, e.g. `86.25`. */
  score: z.number(),
  /** Basic points + bonus + deduction, e.g. `21.2`. */
  raw: z.number(),
  /** 满分 = sum of the basic rows' full marks, e.g. `20`. */
  fullMarks: z.number(),
  /** Points of the basic rows (after group caps), e.g. `18.5`. */
  basic: z.number(),
  /** Bonus points (≥ 0): 加分 rows after group caps, positive manual items, e.g. `1.5`. */
  bonus: z.number(),
  /** Deduction points (≤ 0), e.g. `-0.3`. */
  deduction: z.number(),
  /** 百分制 = basic / 满分 × 100 + bonus + deduction, e.g. `93.7`; `null` when 满分 is 0. */
  percent: z.number().nullable(),
  /** 人数 from the units table, `null` when not given. */
  headcount: z.number().int().nullable(),
  /** 分值池 = raw × 人数, e.g. `49.36`; `null` without 人数. */
  pool: z.number().nullable(),
  /**
   * At or above 序时进度 for 红榜 (contract §7): basic points scored against the annual targets /
   * 满分 ≥ m/12, whatever `scoreAgainst` says. `false` when 满分 is 0.
   */
  onPace: z.boolean(),
  /** That basic share against the annual targets, e.g. `0.79`; `null` when 满分 is 0. */
  paceRate: z.number().nullable(),
  items: z.array(scoreItemSchema),
  groups: z.array(capGroupScoreSchema),
  manual: z.array(manualItemSchema),
});
export type UnitScore = z.output<typeof unitScoreSchema>;

/** One line of a ranking. */
export const rankingEntrySchema = z.object({
  unit: z.string(),
  /** 分组, e.g. `'乡镇'`; `null` when the unit has none. */
  group: z.string().nullable(),
  /** 是否参与排名; unranked units are listed after the ranked ones with `rank: null`. */
  ranked: z.boolean(),
  /** Ranked score (raw or 百分制, see `UnitScore.score`), full precision, e.g. `86.254`. */
  score: z.number(),
  raw: z.number(),
  fullMarks: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  percent: z.number().nullable(),
  pool: z.number().nullable(),
  onPace: z.boolean(),
  /** 1-based; scores equal at two decimals share a rank and the next skips (1, 2, 2, 4). */
  rank: z.number().int().positive().nullable(),
  /** Rank within `group`, same rules; `null` without a group. */
  groupRank: z.number().int().positive().nullable(),
  /** Rank in the previous ranking of the same assessment year, e.g. `3`. */
  prevRank: z.number().int().positive().nullable(),
  /** `prevRank − rank`: positive = moved up, e.g. `2`; `null` in a year's first period or when either is missing. */
  change: z.number().int().nullable(),
});
export type RankingEntry = z.output<typeof rankingEntrySchema>;

/** 红榜 / 黑榜 entry (contract §7). */
export const redBlackEntrySchema = z.object({
  /** 分组, `null` when the units have no groups (one overall list). */
  group: z.string().nullable(),
  unit: z.string(),
  rank: z.number().int().positive(),
});

/** The zone's completion of one indicator (contract §7). */
export const completionSchema = z.object({
  indicator: z.enum(INDICATORS),
  actual: z.number(),
  target: z.number(),
  /** actual / target, `null` when the target is 0. */
  rate: z.number().nullable(),
  /** 完成率 − 序时进度 in points; `null` when `rate` is. */
  gapPp: z.number().nullable(),
  /** `zone`: the 全区 row; `units`: the units holding the indicator, their targets and their actuals. */
  base: z.enum(['zone', 'units']),
  /** For `units`: which, e.g. `['商务局', '白沙镇']`. */
  units: z.array(z.string()),
  refs,
});
export type Completion = z.output<typeof completionSchema>;

/** A project claimed by two or more units in one snapshot (重复申报, contract §6). */
export const duplicateClaimSchema = z.object({
  key: z.string(),
  project: z.string(),
  units: z.array(z.string()),
  refs,
});
export type DuplicateClaim = z.output<typeof duplicateClaimSchema>;

/** Year-to-date headline figures of the same month last year, from that month's own snapshot. */
export const yoyFiguresSchema = z.object({
  /** e.g. `'2024-10'`. */
  period: z.string(),
  signed: z.object({ count, investmentYi: z.number() }),
  started: z.object({ count }),
  producing: z.object({ count }),
  funds: z.object({ amountYi: z.number(), foreignUsd: z.number() }),
  leads: z.object({ count, valid: count }),
  trips: z.object({ count, visits: z.number() }),
});
export type YoyFigures = z.output<typeof yoyFiguresSchema>;

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
  /** Units claiming the project when several do (重复申报), else `null`. */
  claimUnits: z.array(z.string()).nullable(),
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
/** 招商信息: `count` all leads, `valid` 研判结果 = 有效, `pending` 待研判 or not judged yet; `refs` lists all. */
const leadsFigure = z.object({ count, valid: count, pending: count, refs });
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
  /** Units claiming the project when several do (重复申报), else `null`. */
  claimUnits: z.array(z.string()).nullable(),
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
  /** Raw points (basic + bonus + deduction), `null` when the unit has no target or manual item this year. */
  score: z.number().nullable(),
  /** 满分 (basic rows only; bonus adds on top), `null` as `score`. */
  maxScore: z.number().nullable(),
  /** The rest of the unit's score (contract §5, §7), `null` as `score`. */
  scoreDetail: unitScoreSchema.omit({ unit: true, known: true, items: true }).nullable(),
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
  /**
   * What the ranking is called (一季一排名、半年一考核、年终结总账): `month` 月度排名, `quarter` 季度排名
   * (March, September), `half` 半年考核 (June), `year` 年度考核 (December).
   */
  rankingKind: z.enum(['month', 'quarter', 'half', 'year']),
  /** The ranked score: `raw` points or `percent` (百分制), from site.json `rankingScale`. */
  rankingScale: z.enum(['raw', 'percent']),
  /** site.json `scoreAgainst`. */
  scoreAgainst: z.enum(['annual', 'timeProgress']),
  /** site.json `alertGap`: the 驾驶舱 lists units behind 序时进度 by more than this many points. */
  alertGap: z.number().nonnegative(),
  /** site.json `redBlackSize`: the N of 红黑榜. */
  redBlackSize: z.number().int().positive(),
  redList: z.array(redBlackEntrySchema),
  blackList: z.array(redBlackEntrySchema),
  /** Zone completion, one entry per indicator with a target this year, in indicator order. */
  completion: z.array(completionSchema),
  /** The same figures of the same month last year; `null` when that snapshot does not exist. */
  yoy: yoyFiguresSchema.nullable(),
  /** 未认定 / 待认定 signings of the year to date: listed, counted nowhere (contract §4). */
  unrecognised: z.object({ count, investmentYi: z.number(), rows: z.array(newSignedRowSchema) }),
  /** Projects claimed by several units in this snapshot. */
  duplicateClaims: z.array(duplicateClaimSchema),
  /** The period `ranking.change` is against, e.g. `'2025-09'`; `null` in a year's first period (年度首期). */
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
  /** The same figures of the same month last year (its own snapshot); `null` when it does not exist. */
  yoy: z
    .object({
      signed: z.object({ count, investmentYi: z.number() }),
      started: z.object({ count }),
      producing: z.object({ count }),
      funds: z.object({ amountYi: z.number(), foreignUsd: z.number() }),
      leads: z.object({ count, valid: count }),
      trips: z.object({ count, visits: z.number() }),
    })
    .nullable(),
  /** Indicator → zone completion, e.g. `{签约金额: {actual: 123.45, target: 200, rate: 0.617, base: 'zone'}}`. */
  completion: z.record(
    z.string(),
    z.object({
      actual: z.number(),
      target: z.number(),
      rate: z.number().nullable(),
      base: z.enum(['zone', 'units']),
      units: z.array(z.string()).optional(),
    }),
  ),
  /** Ranked units only, by rank (contract §9 v2). */
  ranking: z.array(
    z.object({
      unit: z.string(),
      /** The ranked score (百分制 under `rankingScale: percent`). */
      score: z.number(),
      rank: z.number().int().positive(),
      group: z.string().nullable(),
      groupRank: z.number().int().positive().nullable(),
      change: z.number().int().nullable(),
      fullMarks: z.number(),
      bonus: z.number(),
      deduction: z.number(),
      percent: z.number().nullable(),
      /** Only where 人数 is given. */
      pool: z.number().optional(),
    }),
  ),
  redList: z.array(z.object({ group: z.string().nullable(), unit: z.string() })),
  blackList: z.array(z.object({ group: z.string().nullable(), unit: z.string() })),
  unrecognised: z.object({ count, investmentYi: z.number() }),
  duplicateClaims: z.array(z.object({ project: z.string(), units: z.array(z.string()) })),
});
export type ReportSummary = z.output<typeof reportSummarySchema>;

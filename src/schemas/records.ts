import { z } from 'zod';

/**
 * Normalised records: one zod schema per ledger concept (contract §4–5). The data stage builds
 * these from raw rows (`src/normalize/`), and the site reads them from the JSON files.
 * Amounts are 亿元 (`…Yi`) or 万美元 (`…Usd`); dates are `YYYY-MM-DD`.
 */

/** Where a record came from, for drill-down: `{file: 'ledgers/2025-10/签约项目表.xlsx', sheet: 'Sheet1', row: 17}`. */
export const sourceRefSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int(),
});
export type SourceRef = z.output<typeof sourceRefSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1);
const yi = z.number().finite(); // 亿元
const usd = z.number().finite(); // 万美元

/** Fields every ledger record has. */
const base = {
  src: sourceRefSchema,
  /** Stable project key across ledgers: `code:<项目编号>` or `name:<normalised name>` (contract §6). */
  key: z.string().optional(),
};

export const leadSchema = z.object({
  ...base,
  reportDate: isoDate,
  company: text.optional(),
  name: text,
  chain: text.optional(),
  investmentYi: yi.optional(),
  /** Canonical 单位名称 when resolved, else the name as written. */
  unit: text,
  verdict: z.enum(['有效', '无效', '待研判']).optional(),
  contact: text.optional(),
  phone: text.optional(),
  remark: text.optional(),
});
export type Lead = z.output<typeof leadSchema>;

export const negotiatingSchema = z.object({
  ...base,
  name: text,
  investor: text.optional(),
  investmentYi: yi.optional(),
  chain: text.optional(),
  unit: text,
  stage: z.enum(['初步接触', '考察', '实质性洽谈', '评审']).optional(),
  progress: text.optional(),
  updatedDate: isoDate.optional(),
  firstContactDate: isoDate.optional(),
  contact: text.optional(),
  phone: text.optional(),
});
export type Negotiating = z.output<typeof negotiatingSchema>;

export const signedSchema = z.object({
  ...base,
  code: text.optional(),
  name: text,
  investor: text.optional(),
  /** 总投资, e.g. `12.5` for 12.5亿元. */
  investmentYi: yi,
  chain: text.optional(),
  segment: text.optional(),
  signDate: isoDate,
  unit: text,
  referrer: text.optional(),
  park: text.optional(),
  projectType: text.optional(),
  foreign: z.boolean(),
  foreignUsd: usd.optional(),
  provincial: z.boolean(),
  public: z.boolean(),
  contact: text.optional(),
  phone: text.optional(),
  remark: text.optional(),
});
export type Signed = z.output<typeof signedSchema>;

export const startedSchema = z.object({
  ...base,
  code: text.optional(),
  name: text,
  startDate: isoDate,
  investmentYi: yi.optional(),
  yearPlanYi: yi.optional(),
  /** Falls back to the matching 签约 row's unit when the ledger leaves it empty. */
  unit: text.optional(),
  inStats: z.boolean(),
});
export type Started = z.output<typeof startedSchema>;

export const producingSchema = z.object({
  ...base,
  code: text.optional(),
  name: text,
  produceDate: isoDate,
  investmentYi: yi.optional(),
  unit: text.optional(),
});
export type Producing = z.output<typeof producingSchema>;

export const fundSchema = z.object({
  ...base,
  code: text.optional(),
  name: text,
  fundDate: isoDate,
  amountYi: yi,
  source: z.enum(['省外', '市外', '境外']).optional(),
  foreignUsd: usd.optional(),
  unit: text.optional(),
});
export type Fund = z.output<typeof fundSchema>;

export const tripSchema = z.object({
  src: sourceRefSchema,
  departDate: isoDate,
  returnDate: isoDate.optional(),
  leader: text.optional(),
  unit: text,
  destination: text.optional(),
  companies: text.optional(),
  visits: z.number().int().nonnegative().optional(),
  outcome: text.optional(),
});
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

export const unitSchema = z.object({
  name: text,
  aliases: z.array(text),
  type: text.optional(),
  group: text.optional(),
  /** 是否参与排名, default 是. */
  ranked: z.boolean(),
});
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

/** One row of the 目标任务分解表. */
export const targetSchema = z.object({
  src: sourceRefSchema,
  year: z.number().int(),
  unit: text,
  indicator: z.enum(INDICATORS),
  target: z.number().finite(),
  /** 分值: full points for 按比例/达标; default cap for 按件. */
  points: z.number().finite().optional(),
  method: z.enum(SCORING_METHODS),
  perItem: z.number().finite().optional(),
  cap: z.number().finite().optional(),
  /** 封顶倍数 for 按比例, default 1. */
  capRatio: z.number().finite().optional(),
  // optional filters on the records counted
  chain: text.optional(),
  minInvestmentYi: z.number().finite().optional(),
  foreign: z.boolean().optional(),
  provincial: z.boolean().optional(),
  fundSource: text.optional(),
});
export type Target = z.output<typeof targetSchema>;

export const chainSegmentSchema = z.object({
  chain: text,
  segment: text,
  position: z.enum(['上游', '中游', '下游']),
  description: text.optional(),
  strength: z.enum(['强', '弱', '缺', '风险']).optional(),
  order: z.number().int().optional(),
});
export type ChainSegment = z.output<typeof chainSegmentSchema>;

export const chainCompanySchema = z.object({
  name: text,
  chain: text,
  segment: text.optional(),
  category: z.enum(['本地', '链主', '目标']),
  location: text.optional(),
  products: text.optional(),
  public: z.boolean(),
});
export type ChainCompany = z.output<typeof chainCompanySchema>;

export const parkSchema = z.object({
  name: text,
  area: text.optional(),
  industries: text.optional(),
  intro: text.optional(),
  address: text.optional(),
});
export type Park = z.output<typeof parkSchema>;

export const assetSchema = z.object({
  name: text,
  type: z.enum(['土地', '厂房', '楼宇']).optional(),
  area: text.optional(),
  location: text.optional(),
  status: text.optional(),
  contactUnit: text.optional(),
  contact: text.optional(),
  phone: text.optional(),
  public: z.boolean(),
  // map position in degrees (WGS84/CGCS2000 as the boundary GeoJSON), from 经度/纬度 or 坐标
  /** @example 114.0523 */
  lng: z.number().min(-180).max(180).optional(),
  /** @example 22.5431 */
  lat: z.number().min(-90).max(90).optional(),
});
export type Asset = z.output<typeof assetSchema>;

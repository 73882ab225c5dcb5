import { makeTarget } from './helpers/targets.ts';
import { describe, expect, test } from 'vitest';
import { actualFor, computeActuals } from '../src/metrics/actuals.ts';
import { computePeriodMetrics, reportSummary } from '../src/metrics/periodMetrics.ts';
import { fundRates, overdueProjects, startRates } from '../src/metrics/rates.ts';
import { scoreUnits } from '../src/metrics/scoring.ts';
import { periodMetricsSchema, reportSummarySchema } from '../src/schemas/metrics.ts';
import type {
  Fund,
  Lead,
  Producing,
  Signed,
  SnapshotRecords,
  SourceRef,
  Started,
  Target,
  Trip,
  Unit,
} from '../src/schemas/records.ts';
import { signedRecord } from './helpers/records.ts';

// ------------------------------------------------------------------------------ fixture
// Row numbers identify rows: 1xx 签约, 2xx 开工, 3xx 投产, 4xx 到位, 5xx/6xx 信息, 7xx 外出.

const src = (row: number): SourceRef => ({
  file: 'ledgers/2025-10/台账.xlsx',
  sheet: String(Math.floor(row / 100)),
  row,
});
const rows = (refs: readonly SourceRef[]) => refs.map((r) => r.row).sort((a, b) => a - b);

function signed(
  row: number,
  key: string,
  unit: string,
  signDate: string,
  investmentYi: number,
  extra: Partial<Signed> = {},
): Signed {
  return signedRecord({ src: src(row), key, name: `项目${key}`, unit, signDate, investmentYi, ...extra });
}
function started(row: number, key: string, startDate: string, unit?: string): Started {
  return { src: src(row), key, name: `项目${key}`, startDate, inStats: true, ...(unit ? { unit } : {}) };
}
function producing(row: number, key: string, produceDate: string, unit?: string): Producing {
  return { src: src(row), key, name: `项目${key}`, produceDate, ...(unit ? { unit } : {}) };
}
function fund(row: number, key: string, fundDate: string, amountYi: number, extra: Partial<Fund> = {}): Fund {
  return { src: src(row), key, name: `项目${key}`, fundDate, amountYi, ...extra };
}
function leads(
  from: number,
  n: number,
  unit: string,
  reportDate: string,
  verdict: Lead['verdict'],
  extra: Partial<Lead> = {},
): Lead[] {
  return Array.from({ length: n }, (_, i) => ({
    src: src(from + i),
    name: `信息${from + i}`,
    unit,
    reportDate,
    ...(verdict ? { verdict } : {}),
    ...extra,
  }));
}
function trip(row: number, unit: string, departDate: string, visits?: number): Trip {
  return { src: src(row), unit, departDate, ...(visits === undefined ? {} : { visits }) };
}

/** The 2025-10 snapshot: every row recorded up to 2025-10-31, across years. */
const records: SnapshotRecords = {
  signed: [
    signed(101, 'k1', '甲局', '2025-03-01', 6, { chain: '新能源' }),
    signed(102, 'k2', '甲局', '2025-10-05', 12, { chain: '新能源产业', foreign: true, foreignUsd: 500, public: true }),
    signed(103, 'k3', '甲局', '2025-06-10', 0.5, { chain: '新材料' }),
    signed(104, 'k4', '乙局', '2024-12-20', 50, { chain: '新能源' }), // last year, started 2025-07-01
    signed(105, 'k5', '乙局', '2024-11-30', 1), // last year, never started
    signed(106, 'k6', '乙局', '2025-01-01', 50, { chain: '新能源', provincial: true }),
    signed(107, 'k7', '丙镇', '2025-05-04', 10), // exactly 180 days before 2025-10-31
    signed(108, 'k8', '丙镇', '2025-05-03', 1), // 181 days before 2025-10-31
  ],
  started: [
    started(201, 'k1', '2025-04-01'), // no unit: takes 甲局 from its 签约 row
    started(202, 'k4', '2025-07-01', '乙局'),
    started(203, 'k99', '2025-08-01'), // no unit, no 签约 row: zone only
    started(204, 'k3', '2025-10-20', '甲局'),
  ],
  producing: [producing(301, 'k1', '2025-09-15'), producing(302, 'k4', '2024-12-15', '乙局')],
  funds: [
    fund(401, 'k1', '2025-05-01', 2, { source: '省外' }), // no unit: takes 甲局
    fund(402, 'k6', '2025-10-10', 10, { unit: '乙局', source: '境外', foreignUsd: 100 }),
    fund(403, 'k99', '2025-06-01', 1), // no unit anywhere: zone only
    fund(404, 'k4', '2024-12-31', 3, { unit: '乙局' }), // last year
    fund(405, 'k2', '2025-10-25', 0.5, { unit: '甲局', source: '市外' }),
  ],
  leads: [
    ...leads(500, 30, '甲局', '2025-03-10', '有效'),
    ...leads(530, 2, '甲局', '2025-03-10', '无效'),
    ...leads(540, 1, '甲局', '2024-12-31', '有效'), // last year
    ...leads(600, 60, '乙局', '2025-03-10', '有效'),
    ...leads(690, 1, '丙镇', '2025-04-10', '有效', { chain: '新能源', investmentYi: 8 }),
  ],
  trips: [trip(701, '甲局', '2025-03-01', 3), trip(702, '甲局', '2025-10-02'), trip(703, '乙局', '2024-12-30', 5)],
  negotiating: [],
};

const unit = (name: string, group?: string, ranked = true): Unit => ({
  name,
  aliases: [],
  ranked,
  ...(group ? { group } : {}),
});
const units: Unit[] = [
  unit('甲局', '园区'),
  unit('乙局', '园区'),
  unit('丙镇', '乡镇'),
  unit('丁办', undefined, false),
];

let targetRow = 0;
function target(
  unitName: string,
  indicator: Target['indicator'],
  method: Target['method'],
  value: number,
  extra: Partial<Target> = {},
): Target {
  return makeTarget({
    src: { file: 'reference/目标任务.xlsx', sheet: '2025', row: ++targetRow },
    year: 2025,
    unit: unitName,
    indicator,
    method,
    target: value,
    ...extra,
  });
}
const targets: Target[] = [
  target('甲局', '签约项目数', '按比例', 4, { points: 20 }),
  target('甲局', '有效信息条数', '按件', 48, { perItem: 0.1, cap: 4.8 }),
  target('甲局', '签约项目数', '按比例', 99, { points: 50, year: 2024 }), // other year: ignored
  target('乙局', '有效信息条数', '按件', 48, { perItem: 0.1, cap: 4.8 }),
  target('乙局', '签约金额', '按比例', 40, { points: 10 }),
  target('丙镇', '签约金额', '达标', 10, { points: 10, minInvestmentYi: 5 }),
  target('丙镇', '签约超期未开工项目数', '扣分', 0, { perItem: 1, cap: 3 }),
  target('丁办', '签约项目数', '按比例', 1, { points: 10 }),
  target('戊处', '外出招商次数', '按比例', 2, { points: 5 }), // unit not in the table
];
const opts = { overdueDays: 180 };

// ------------------------------------------------------------------------------ actuals

describe('actualFor', () => {
  test.each([
    // indicator, unit, filter, period, value, rows — by hand from the fixture
    ['签约项目数', null, {}, '2025-10', 6, [101, 102, 103, 106, 107, 108]],
    ['签约金额', null, {}, '2025-10', 79.5, [101, 102, 103, 106, 107, 108]],
    ['签约项目数', '甲局', {}, '2025-10', 3, [101, 102, 103]],
    ['签约金额', '甲局', {}, '2025-10', 18.5, [101, 102, 103]],
    ['亿元以上签约项目数', null, {}, '2025-10', 5, [101, 102, 106, 107, 108]], // 1 counts, 0.5 does not
    ['5亿元以上签约项目数', null, {}, '2025-10', 4, [101, 102, 106, 107]],
    ['10亿元以上签约项目数', null, {}, '2025-10', 3, [102, 106, 107]], // 10 exactly counts
    ['50亿元以上签约项目数', null, {}, '2025-10', 1, [106]], // 50 exactly counts; 104 is last year
    ['签约项目数', null, {}, '2025-09', 5, [101, 103, 106, 107, 108]],
    ['签约项目数', null, {}, '2025-01', 1, [106]], // 2024-12 rows are not in 2025-01's year to date
    ['签约项目数', null, {}, '2024-12', 2, [104, 105]],
    // filters: 新能源产业 matches 新能源; multiple options; foreign; provincial
    ['签约金额', '甲局', { chain: '新能源', minInvestmentYi: 5 }, '2025-10', 18, [101, 102]],
    ['签约项目数', '甲局', { chain: '新能源、新材料' }, '2025-10', 3, [101, 102, 103]],
    ['签约项目数', null, { foreign: true }, '2025-10', 1, [102]],
    ['签约项目数', null, { foreign: false }, '2025-10', 5, [101, 103, 106, 107, 108]],
    ['签约项目数', null, { provincial: true }, '2025-10', 1, [106]],
    ['开工项目数', null, {}, '2025-10', 4, [201, 202, 203, 204]],
    ['开工项目数', '甲局', {}, '2025-10', 2, [201, 204]], // 201 takes its project's unit
    ['开工项目数', null, { chain: '新能源' }, '2025-10', 2, [201, 202]], // chain from the 签约 row
    ['投产项目数', null, {}, '2025-10', 1, [301]],
    ['投产项目数', '甲局', {}, '2025-10', 1, [301]],
    ['到位资金', null, {}, '2025-10', 13.5, [401, 402, 403, 405]],
    ['到位资金', '甲局', {}, '2025-10', 2.5, [401, 405]], // 401 has no unit: its project's
    ['到位资金', null, { fundSource: '境外' }, '2025-10', 10, [402]],
    ['到位资金', null, { chain: '新能源' }, '2025-10', 12.5, [401, 402, 405]],
    ['到位资金', null, {}, '2025-01', 0, []], // 404 is 2024-12-31
    ['外资到位', null, {}, '2025-10', 100, [402]],
    ['有效信息条数', '甲局', {}, '2025-10', 30, rangeOf(500, 30)], // not the 无效 two, not last year's
    ['有效信息条数', '乙局', {}, '2025-10', 60, rangeOf(600, 60)],
    ['有效信息条数', null, { chain: '新能源' }, '2025-10', 1, [690]],
    ['有效信息条数', null, { minInvestmentYi: 10 }, '2025-10', 0, []],
    ['外出招商次数', '甲局', {}, '2025-10', 2, [701, 702]],
    ['外出招商次数', '甲局', { chain: '新能源' }, '2025-10', 2, [701, 702]], // filter ignored for trips
    ['拜访企业数', '甲局', {}, '2025-10', 3, [701]],
    ['外出招商次数', '乙局', {}, '2025-01', 0, []],
    ['签约超期未开工项目数', null, {}, '2025-10', 3, [105, 106, 108]],
    ['签约超期未开工项目数', '乙局', {}, '2025-10', 2, [105, 106]],
    ['签约超期未开工项目数', '丙镇', {}, '2025-10', 1, [108]],
    ['签约超期未开工项目数', '丙镇', { minInvestmentYi: 5 }, '2025-10', 0, []],
    ['签约项目数', '未知单位', {}, '2025-10', 0, []],
  ] as const)('%s %s %o %s = %d', (indicator, u, filter, period, value, want) => {
    const a = actualFor(indicator, u, filter, records, period, opts);
    expect(a.value).toBeCloseTo(value, 9);
    expect(rows(a.refs)).toEqual(want);
  });

  test('computeActuals lists table units (zeros too), unknown names after', () => {
    const a = computeActuals(records, '2025-10', { ...opts, units });
    expect(a.units.map((u) => u.unit)).toEqual(['甲局', '乙局', '丙镇', '丁办']);
    expect(a.zone.签约金额.value).toBe(79.5);
    expect(a.units[0]?.actuals.签约项目数.value).toBe(3);
    expect(a.units[3]?.actuals.签约项目数).toEqual({ value: 0, refs: [] });
    const b = computeActuals(records, '2025-10', { ...opts, units: [unit('乙局')] });
    expect(b.units.map((u) => u.unit)).toEqual(['乙局', '丙镇', '甲局']); // 丙 U+4E19 < 甲 U+7532
  });
});

function rangeOf(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

// ------------------------------------------------------------------------------ rates

describe('rates', () => {
  test('开工率: signed this year, started by the period end', () => {
    const r = startRates(records, '2025-10');
    // k1 and k3 started; k2, k6, k7, k8 not
    expect(r.zone).toMatchObject({ projects: 6, started: 2 });
    expect(r.zone.rate).toBeCloseTo(2 / 6, 12);
    expect(rows(r.zone.startedRefs)).toEqual([101, 103]);
    expect(rows(r.zone.notStartedRefs)).toEqual([102, 106, 107, 108]);
    expect(r.byUnit.get('甲局')).toMatchObject({ projects: 3, started: 2 });
    expect(r.byUnit.get('乙局')).toMatchObject({ projects: 1, started: 0, rate: 0 });
    expect(r.byUnit.get('丙镇')).toMatchObject({ projects: 2, started: 0, rate: 0 });
    // at 2025-09, k3's start on 2025-10-20 is in the future
    expect(startRates(records, '2025-09').zone).toMatchObject({ projects: 5, started: 1, rate: 0.2 });
    expect(startRates(records, '2024-06').zone).toMatchObject({ projects: 0, started: 0, rate: null });
  });

  test("资金到位率: funds to date of this year's projects / their 签约金额", () => {
    const r = fundRates(records, '2025-10');
    // k1 2 + k6 10 + k2 0.5 = 12.5 over 79.5; k99 has no 签约 row, k4 was signed last year
    expect(r.zone.fundsYi).toBe(12.5);
    expect(r.zone.investmentYi).toBe(79.5);
    expect(r.zone.rate).toBeCloseTo(12.5 / 79.5, 12);
    expect(rows(r.zone.refs)).toEqual([401, 402, 405]);
    expect(r.byUnit.get('甲局')).toMatchObject({ fundsYi: 2.5, investmentYi: 18.5 });
    expect(r.byUnit.get('乙局')).toMatchObject({ fundsYi: 10, investmentYi: 50, rate: 0.2 });
    expect(r.byUnit.get('丙镇')).toMatchObject({ fundsYi: 0, investmentYi: 11, rate: 0 });
  });

  test('签约超期未开工 across years, exactly overdueDays is not overdue', () => {
    expect(
      overdueProjects(records, '2025-10', 180).map((o) => [o.src.row, o.unit, o.daysSinceSigned, o.daysOverdue]),
    ).toEqual([
      [105, '乙局', 335, 155], // signed 2024-11-30, never started
      [106, '乙局', 303, 123],
      [108, '丙镇', 181, 1], // 107, at exactly 180 days, is not listed
    ]);
    // at 2025-06 k4 (signed 2024-12-20) had not started yet: its start is dated 2025-07-01
    expect(overdueProjects(records, '2025-06', 180).map((o) => [o.src.row, o.daysSinceSigned])).toEqual([
      [105, 212],
      [104, 192], // 106, signed 2025-01-01, is exactly 180 days old on 2025-06-30
    ]);
    expect(overdueProjects(records, '2025-10', 400)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------ scores and period

describe('scoreUnits', () => {
  test('per unit, with filters, progress status and unknown units', () => {
    const s = scoreUnits(targets, records, units, '2025-10', opts);
    expect(s.map((u) => [u.unit, u.known])).toEqual([
      ['甲局', true],
      ['乙局', true],
      ['丙镇', true],
      ['丁办', true],
      ['戊处', false],
    ]);
    const [jia, yi, bing, ding, wu] = s;
    // 甲局: 签约项目数 3/4 × 20 = 15; 30 valid leads × 0.1 = 3
    expect(jia?.score).toBeCloseTo(18, 9);
    expect(jia?.fullMarks).toBeCloseTo(24.8, 9);
    expect(jia?.items).toHaveLength(2); // the 2024 row is ignored
    expect(jia?.items[0]).toMatchObject({
      indicator: '签约项目数',
      filterLabel: '',
      actual: 3,
      target: 4,
      rate: 0.75,
      status: '欠进度',
      points: 15,
    });
    expect(jia?.items[0]?.gapPp).toBeCloseTo(-8.3333, 3);
    expect(rows(jia?.items[0]?.refs ?? [])).toEqual([101, 102, 103]);
    // 乙局: 60 leads capped at 4.8; 签约金额 50/40 capped at 10
    expect(yi?.score).toBeCloseTo(14.8, 9);
    expect(yi?.items[1]).toMatchObject({ indicator: '签约金额', actual: 50, rate: 1.25, status: '超进度', points: 10 });
    // 丙镇: 签约金额 of ≥5亿 projects = 10 (107) meets 10 → 10; one overdue → −1
    expect(bing?.score).toBeCloseTo(9, 9);
    expect(bing?.items[0]).toMatchObject({ filterLabel: '投资≥5亿元', actual: 10, points: 10, fullMarks: 10 });
    expect(bing?.items[1]).toMatchObject({
      method: '扣分',
      actual: 1,
      points: -1,
      fullMarks: 0,
      rate: null,
      status: null,
      gapPp: null,
    });
    expect(ding?.score).toBe(0);
    expect(wu).toMatchObject({ unit: '戊处', score: 0, fullMarks: 5 });
  });

  test('filters an indicator cannot apply are reported', () => {
    const [s] = scoreUnits(
      [target('甲局', '外出招商次数', '按比例', 4, { points: 4, chain: '新能源' })],
      records,
      units,
      '2025-10',
      opts,
    );
    expect(s?.items[0]).toMatchObject({
      actual: 2,
      points: 2,
      filterLabel: '产业链=新能源',
      ignoredFilters: ['产业链=新能源'],
    });
  });
});

describe('computePeriodMetrics', () => {
  const sep = computePeriodMetrics({ period: '2025-09', records, units, targets, settings: opts });
  const oct = computePeriodMetrics({ period: '2025-10', records, units, targets, settings: opts, previous: sep });

  test('matches its schema and is JSON-serialisable', () => {
    expect(() => periodMetricsSchema.parse(oct)).not.toThrow();
    expect(JSON.parse(JSON.stringify(oct))).toEqual(oct);
  });

  test('header', () => {
    expect(oct).toMatchObject({
      period: '2025-10',
      year: 2025,
      month: 10,
      periodEnd: '2025-10-31',
      quarter: 4,
      isQuarterEnd: false,
      overdueDays: 180,
    });
    expect(oct.timeProgress).toBeCloseTo(10 / 12, 12);
  });

  test('本月 and 累计 totals', () => {
    expect(oct.thisMonth.signed).toMatchObject({ count: 1, investmentYi: 12, foreignUsd: 500 });
    expect(oct.ytd.signed).toMatchObject({ count: 6, investmentYi: 79.5, foreignUsd: 500 });
    expect(oct.ytd.signed.bySize.map((b) => [b.bucket, b.count, b.investmentYi])).toEqual([
      ['50亿元以上', 1, 50],
      ['10–50亿元', 2, 22],
      ['5–10亿元', 1, 6],
      ['1–5亿元', 1, 1],
      ['亿元以下', 1, 0.5],
    ]);
    expect(oct.ytd.signed.byChain.map((c) => [c.chain, c.count, c.investmentYi])).toEqual([
      ['新能源', 2, 56],
      ['新能源产业', 1, 12], // as written; the chain map decides whether they are one chain
      [null, 2, 11],
      ['新材料', 1, 0.5],
    ]);
    expect(oct.ytd.signed.byUnit.map((u) => [u.unit, u.count, u.investmentYi])).toEqual([
      ['甲局', 3, 18.5],
      ['乙局', 1, 50],
      ['丙镇', 2, 11],
    ]);
    expect(oct.ytd.started.byUnit.map((u) => [u.unit, u.count, rows(u.refs)])).toEqual([
      ['甲局', 2, [201, 204]],
      ['乙局', 1, [202]],
      [null, 1, [203]],
    ]);
    expect(oct.ytd.funds).toMatchObject({ count: 4, amountYi: 13.5, foreignUsd: 100 });
    expect(oct.ytd.funds.byUnit.map((u) => [u.unit, u.amountYi, rows(u.refs)])).toEqual([
      ['甲局', 2.5, [401, 405]], // 401 has no unit: its project's
      ['乙局', 10, [402]],
      [null, 1, [403]],
    ]);
    expect(oct.ytd.funds.bySource.map((s) => [s.source, s.amountYi])).toEqual([
      ['省外', 2],
      ['市外', 0.5],
      ['境外', 10],
      [null, 1],
    ]);
    expect(oct.thisMonth.funds).toMatchObject({ count: 2, amountYi: 10.5 });
    expect(oct.ytd.leads).toMatchObject({ count: 93, valid: 91 });
    expect(oct.ytd.trips).toMatchObject({ count: 2, visits: 3 });
    expect(oct.thisMonth.trips).toMatchObject({ count: 1, visits: 0 });
    expect(oct.ytd.producing.count).toBe(1);
  });

  test('year boundary: January counts nothing from December', () => {
    const jan = computePeriodMetrics({ period: '2025-01', records, units, targets, settings: opts });
    expect(jan.ytd.signed).toMatchObject({ count: 1, investmentYi: 50 });
    expect(jan.thisMonth.signed.count).toBe(1);
    expect(jan.ytd.funds.count).toBe(0);
    expect(jan.ytd.producing.count).toBe(0);
    expect(jan.ytd.leads.count).toBe(0);
    expect(jan.ytd.trips.count).toBe(0);
  });

  test('units, ranking with change, quarter ranking', () => {
    expect(
      oct.units.map((u) => [u.unit, u.known, u.ranked, u.score === null ? null : Math.round(u.score * 100) / 100]),
    ).toEqual([
      ['甲局', true, true, 18],
      ['乙局', true, true, 14.8],
      ['丙镇', true, true, 9],
      ['丁办', true, false, 0],
      ['戊处', false, false, 0],
    ]);
    expect(oct.units[0]?.actuals.签约项目数).toBe(3);
    expect(oct.units[0]?.startRate).toMatchObject({ projects: 3, started: 2 });
    // September: 乙局 14.8, 甲局 2/4 × 20 + 3 = 13, 丙镇 10 (no overdue yet: 108 is 150 days old)
    expect(sep.ranking.map((e) => [e.unit, e.rank])).toEqual([
      ['乙局', 1],
      ['甲局', 2],
      ['丙镇', 3],
      ['丁办', null],
      ['戊处', null],
    ]);
    expect(oct.ranking.map((e) => [e.unit, e.rank, e.groupRank, e.prevRank, e.change])).toEqual([
      ['甲局', 1, 1, 2, 1],
      ['乙局', 2, 2, 1, -1],
      ['丙镇', 3, 1, 3, 0],
      ['丁办', null, null, null, null],
      ['戊处', null, null, null, null],
    ]);
    expect(oct.previousPeriod).toBe('2025-09');
    expect(oct.quarterRanking).toBeNull();
    expect(sep.isQuarterEnd).toBe(true);
    expect(sep.quarterRanking?.map((e) => e.rank)).toEqual([1, 2, 3, null, null]);
  });

  test('a previous period that is not earlier is a bug', () => {
    expect(() =>
      computePeriodMetrics({ period: '2025-09', records, units, targets, settings: opts, previous: oct }),
    ).toThrow();
  });

  test("overdue and this month's new rows", () => {
    expect(oct.overdue.map((o) => o.src.row)).toEqual([105, 106, 108]);
    expect(oct.zone.actuals.签约超期未开工项目数).toBe(3);
    expect(oct.newThisMonth.signed).toEqual([
      {
        src: src(102),
        key: 'k2',
        name: '项目k2',
        unit: '甲局',
        date: '2025-10-05',
        investmentYi: 12,
        chain: '新能源产业',
        claimUnits: null,
        foreign: true,
        public: true,
      },
    ]);
    expect(oct.newThisMonth.started).toEqual([
      {
        src: src(204),
        key: 'k3',
        name: '项目k3',
        unit: '甲局',
        date: '2025-10-20',
        investmentYi: 0.5,
        chain: '新材料',
      },
    ]);
    expect(oct.newThisMonth.producing).toEqual([]);
  });

  test('reportSummary has the contract §9 shape; unranked units are left out', () => {
    const r = reportSummary(oct);
    expect(() => reportSummarySchema.parse(r)).not.toThrow();
    expect(r).toMatchObject({
      signed: {
        count: 6,
        investmentYi: 79.5,
        foreignUsd: 500,
        byUnit: {
          甲局: { count: 3, investmentYi: 18.5 },
          乙局: { count: 1, investmentYi: 50 },
          丙镇: { count: 2, investmentYi: 11 },
        },
      },
      started: { count: 4 },
      producing: { count: 1 },
      funds: { amountYi: 13.5, foreignUsd: 100 },
      leads: { count: 93, valid: 91 },
      trips: { count: 2, visits: 3 },
      ranking: [
        { unit: '甲局', score: expect.closeTo(18, 9), rank: 1 },
        { unit: '乙局', score: expect.closeTo(14.8, 9), rank: 2 },
        { unit: '丙镇', score: expect.closeTo(9, 9), rank: 3 },
      ],
    });
    // no 2024-10 snapshot given: no 同比; no 未认定 row, no project claimed twice
    expect(r.yoy).toBeNull();
    expect(r.unrecognised).toEqual({ count: 0, investmentYi: 0 });
    expect(r.duplicateClaims).toEqual([]);
    // no 全区 row: each indicator against the units holding it, with their own actuals —
    // 签约项目数 甲局 4 + 丁办 1 = 5 against 甲局's 3 + 丁办's 0; 签约金额 乙局 40 against its 50
    expect(r.completion.签约项目数).toEqual({
      actual: 3,
      target: 5,
      rate: 0.6,
      base: 'units',
      units: ['甲局', '丁办'],
    });
    expect(r.completion.签约金额).toMatchObject({ actual: 50, target: 40, rate: 1.25, base: 'units' });
    // 有效信息条数 48 + 48 against 甲局's 30 + 乙局's 60
    expect(r.completion.有效信息条数).toMatchObject({ actual: 90, target: 96, base: 'units' });
    expect(r.ranking[0]).toMatchObject({ group: '园区', groupRank: 1, bonus: 0, deduction: 0 });
  });
});

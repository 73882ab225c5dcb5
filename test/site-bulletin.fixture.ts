import { makeTarget } from './helpers/targets.ts';
import type { PeriodData } from '../src/schemas/siteData.ts';
import { computePeriodMetrics } from '../src/metrics/periodMetrics.ts';
import type { SnapshotRecords, Target, Unit } from '../src/schemas/records.ts';
import { signedRecord } from './helpers/records.ts';

/**
 * A hand-made zone for the bulletin and drill-down tests: three units, a handful of rows per
 * ledger in 2025-10 (and one 2024 row that only the overdue list counts), targets whose 完成率 can
 * be worked out by hand. The metrics come from the real `computePeriodMetrics`.
 *
 * 签约 (总投资 亿元): 甲镇 12 (2025-03-18, started) and 0.8 (2025-10-08, 外资 500 万美元);
 * 乙局 55 (2025-10-20, started 10-25) and 3 (2024-12-01, not started → overdue);
 * 丙办 6 (2025-02-01, not started → overdue, 272 days).
 */

const SIGNED = 'ledgers/2025-10/签约项目表.xlsx';
const src = (file: string, row: number, sheet = 'Sheet1') => ({ file, sheet, row });

export const UNITS: Unit[] = [
  { name: '甲镇', aliases: [], group: '乡镇', ranked: true },
  { name: '乙局', aliases: [], group: '部门', ranked: true },
  { name: '丙办', aliases: [], group: '部门', ranked: false },
];

const signedRow = (
  row: number,
  key: string,
  name: string,
  unit: string,
  investmentYi: number,
  signDate: string,
  extra: Partial<SnapshotRecords['signed'][number]> = {},
) => signedRecord({ src: src(SIGNED, row), key, name, unit, investmentYi, signDate, ...extra });

export function records2025_10(): SnapshotRecords {
  return {
    signed: [
      signedRow(4, 'code:A', '锂电池材料项目', '甲镇', 12, '2025-03-18', { code: 'A', chain: '新能源' }),
      signedRow(5, 'name:B', '精密模具项目', '甲镇', 0.8, '2025-10-08', {
        chain: '装备制造',
        foreign: true,
        foreignUsd: 500,
      }),
      signedRow(6, 'code:C', '储能电站项目', '乙局', 55, '2025-10-20', { code: 'C', chain: '新能源' }),
      signedRow(7, 'code:D', '旧年项目', '乙局', 3, '2024-12-01', { code: 'D' }),
      signedRow(8, 'code:E', '文旅项目', '丙办', 6, '2025-02-01', { code: 'E' }),
    ],
    started: [
      {
        src: src('ledgers/2025-10/开工项目表.csv', 2, '开工项目表'),
        key: 'code:A',
        code: 'A',
        name: '锂电池材料项目',
        startDate: '2025-06-01',
        unit: '甲镇',
        inStats: true,
      },
      {
        src: src('ledgers/2025-10/开工项目表.csv', 3, '开工项目表'),
        key: 'code:C',
        code: 'C',
        name: '储能电站项目',
        startDate: '2025-10-25',
        inStats: true,
      },
    ],
    producing: [
      {
        src: src('ledgers/2025-10/投产项目表.xlsx', 4),
        key: 'code:A',
        code: 'A',
        name: '锂电池材料项目',
        produceDate: '2025-10-10',
        unit: '甲镇',
      },
    ],
    funds: [
      {
        src: src('ledgers/2025-10/到位资金台账.xlsx', 4),
        key: 'code:A',
        name: '锂电池材料项目',
        fundDate: '2025-07-01',
        amountYi: 2.5,
        source: '省外',
      },
      {
        src: src('ledgers/2025-10/到位资金台账.xlsx', 5),
        key: 'name:B',
        name: '精密模具项目',
        fundDate: '2025-10-15',
        amountYi: 0.3,
        source: '境外',
        foreignUsd: 400,
      },
    ],
    leads: [
      {
        src: src('ledgers/2025-10/招商信息台账.xlsx', 4),
        reportDate: '2025-10-05',
        name: '铜箔项目',
        unit: '甲镇',
        verdict: '有效',
      },
      {
        src: src('ledgers/2025-10/招商信息台账.xlsx', 5),
        reportDate: '2025-09-01',
        name: '光伏项目',
        unit: '甲镇',
        verdict: '无效',
      },
      {
        src: src('ledgers/2025-10/招商信息台账.xlsx', 6),
        reportDate: '2025-01-02',
        name: '医药项目',
        unit: '乙局',
        verdict: '有效',
      },
      {
        src: src('ledgers/2025-10/招商信息台账.xlsx', 7),
        reportDate: '2024-12-30',
        name: '去年信息',
        unit: '乙局',
        verdict: '有效',
      },
    ],
    negotiating: [],
    trips: [
      {
        src: src('ledgers/2025-10/外出招商.csv', 2, '外出招商'),
        departDate: '2025-10-03',
        returnDate: '2025-10-06',
        unit: '甲镇',
        destination: '深圳',
        leader: '张局长',
        visits: 4,
      },
      {
        src: src('ledgers/2025-10/外出招商.csv', 3, '外出招商'),
        departDate: '2025-05-06',
        unit: '乙局',
        destination: '上海',
        visits: 2,
      },
    ],
  };
}

const target = (
  row: number,
  unit: string,
  indicator: Target['indicator'],
  value: number,
  extra: Partial<Target> = {},
): Target =>
  makeTarget({
    src: src('reference/目标任务分解表.xlsx', row),
    year: 2025,
    unit,
    indicator,
    target: value,
    points: 10,
    method: '按比例',
    ...extra,
  });

/**
 * Items per unit (index = item index): 甲镇 0 签约金额 10, 1 签约项目数 3, 2 开工项目数 2;
 * 乙局 0 签约金额 50, 1 签约超期未开工项目数 (扣分); 丙办 0 签约项目数 2, 1 投产项目数 1 (0 rows).
 */
export const TARGETS: Target[] = [
  target(2, '甲镇', '签约金额', 10, { points: 20 }),
  target(3, '甲镇', '签约项目数', 3),
  target(4, '甲镇', '开工项目数', 2),
  target(5, '乙局', '签约金额', 50, { points: 20 }),
  target(6, '乙局', '签约超期未开工项目数', 0, { method: '扣分', perItem: 1, cap: 5 }),
  target(7, '丙办', '签约项目数', 2),
  target(8, '丙办', '投产项目数', 1),
];

/** The period data of 2025-10 (with an optional 2025-09 for the rank change and 较上月). */
export function periodData(withPrevious = true): { data: PeriodData; prev: PeriodData | null } {
  const recs = records2025_10();
  const settings = { overdueDays: 180 };
  let prev: PeriodData | null = null;
  if (withPrevious) {
    // 2025-09 snapshot: the rows dated up to September
    const upTo = (d: string) => d <= '2025-09-30';
    const r: SnapshotRecords = {
      ...recs,
      signed: recs.signed.filter((s) => upTo(s.signDate)),
      started: recs.started.filter((s) => upTo(s.startDate)),
      producing: [],
      funds: recs.funds.filter((f) => upTo(f.fundDate)),
      leads: recs.leads.filter((l) => upTo(l.reportDate)),
      trips: recs.trips.filter((t) => upTo(t.departDate)),
    };
    const metrics = computePeriodMetrics({ period: '2025-09', records: r, units: UNITS, targets: TARGETS, settings });
    prev = {
      period: '2025-09',
      records: r,
      metrics,
      diff: { added: [], removed: [], amountChanged: [], stageChanged: [] },
      stages: {},
    };
  }
  const metrics = computePeriodMetrics({
    period: '2025-10',
    records: recs,
    units: UNITS,
    targets: TARGETS,
    settings,
    ...(prev ? { previous: prev.metrics } : {}),
  });
  const data: PeriodData = {
    period: '2025-10',
    records: recs,
    metrics,
    diff: {
      added: [{ key: 'code:C', name: '储能电站项目', stage: '开工', investmentYi: 55 }],
      removed: [],
      amountChanged: [{ key: 'code:A', name: '锂电池材料项目', from: 10, to: 12 }],
      stageChanged: [{ key: 'code:A', name: '锂电池材料项目', from: '开工', to: '投产' }],
    },
    stages: {},
  };
  return { data, prev };
}

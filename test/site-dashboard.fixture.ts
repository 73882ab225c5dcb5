import { makeTarget } from './helpers/targets.ts';
import type { PeriodData } from '../src/schemas/siteData.ts';
import { computePeriodMetrics } from '../src/metrics/periodMetrics.ts';
import type { SnapshotRecords, Target, Unit } from '../src/schemas/records.ts';
import { signedRecord } from './helpers/records.ts';

/**
 * A hand-made zone for the dashboard and annual-report tests, period 2025-06 (序时进度 50 %), with
 * figures worked out by hand. Metrics come from the real `computePeriodMetrics`.
 *
 * 签约 (亿元): 甲镇 A 12 (2025-03-18, 新能源, started 04-01) and B 0.8 (2025-06-08, 外资 500 万美元);
 * 乙局 C 55 (2025-06-20) and D 3 (2024-10-01, not started: 272 days → overdue 92);
 * 丙办 E 6 (2024-12-01, not started: 211 days → overdue 31).
 *
 * Targets 2025 (item index per unit): 甲镇 0 签约项目数 4 (2 → 50 %, on pace), 1 签约金额 40
 * (12.8 → 32 %, −18), 2 签约项目数 产业链=新能源 2 (narrower: left out of the zone sum), 3 有效信息条数
 * 10 (2 → 20 %, −30); 乙局 0 签约金额 100 (55 %, +5), 1 开工项目数 2 (0 %, −50), 2 签约超期未开工项目数
 * 扣分; 丙办 0 签约项目数 产业链=新能源 2 (its only row: counted in the zone sum; 0 %, −50).
 */

const src = (file: string, row: number, sheet = 'Sheet1') => ({ file, sheet, row });
const SIGNED = 'ledgers/2025-06/签约项目表.xlsx';

export const UNITS: Unit[] = [
  { name: '甲镇', aliases: [], group: '乡镇', ranked: true },
  { name: '乙局', aliases: [], group: '部门', ranked: true },
  { name: '丙办', aliases: [], group: '部门', ranked: false },
];

const signed = (
  row: number,
  key: string,
  name: string,
  unit: string,
  investmentYi: number,
  signDate: string,
  extra: Partial<SnapshotRecords['signed'][number]> = {},
): SnapshotRecords['signed'][number] =>
  signedRecord({ src: src(SIGNED, row), key, name, unit, investmentYi, signDate, ...extra });

export function records(): SnapshotRecords {
  return {
    signed: [
      signed(4, 'code:A', '锂电池材料项目', '甲镇', 12, '2025-03-18', { code: 'A', chain: '新能源' }),
      signed(5, 'name:B', '精密模具项目', '甲镇', 0.8, '2025-06-08', {
        chain: '装备制造',
        foreign: true,
        foreignUsd: 500,
      }),
      signed(6, 'code:C', '储能电站项目', '乙局', 55, '2025-06-20', { code: 'C', chain: '新能源' }),
      signed(7, 'code:D', '旧年项目', '乙局', 3, '2024-10-01', { code: 'D' }),
      signed(8, 'code:E', '文旅项目', '丙办', 6, '2024-12-01', { code: 'E' }),
    ],
    started: [
      {
        src: src('ledgers/2025-06/开工项目表.xlsx', 3),
        key: 'code:A',
        code: 'A',
        name: '锂电池材料项目',
        startDate: '2025-04-01',
        unit: '甲镇',
        inStats: true,
      },
    ],
    producing: [],
    funds: [
      {
        src: src('ledgers/2025-06/到位资金台账.xlsx', 4),
        key: 'code:A',
        name: '锂电池材料项目',
        fundDate: '2025-05-01',
        amountYi: 2.5,
        source: '省外',
      },
    ],
    leads: [
      {
        src: src('ledgers/2025-06/招商信息台账.xlsx', 4),
        reportDate: '2025-06-05',
        name: '铜箔项目',
        unit: '甲镇',
        verdict: '有效',
      },
      {
        src: src('ledgers/2025-06/招商信息台账.xlsx', 5),
        reportDate: '2025-02-01',
        name: '光伏项目',
        unit: '甲镇',
        verdict: '有效',
      },
    ],
    negotiating: [],
    trips: [{ src: src('ledgers/2025-06/外出招商.xlsx', 3), departDate: '2025-06-03', unit: '甲镇', visits: 4 }],
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

export const TARGETS: Target[] = [
  target(2, '甲镇', '签约项目数', 4),
  target(3, '甲镇', '签约金额', 40, { points: 20 }),
  target(4, '甲镇', '签约项目数', 2, { chain: '新能源' }),
  target(5, '甲镇', '有效信息条数', 10),
  target(6, '乙局', '签约金额', 100, { points: 20 }),
  target(7, '乙局', '开工项目数', 2),
  target(8, '乙局', '签约超期未开工项目数', 0, { method: '扣分', perItem: 1, cap: 5 }),
  target(9, '丙办', '签约项目数', 2, { chain: '新能源' }),
];

const NO_DIFF = { added: [], removed: [], amountChanged: [], stageChanged: [] };

/** The 2025-06 period data of the zone. */
export function periodData(): PeriodData {
  const r = records();
  return {
    period: '2025-06',
    records: r,
    metrics: computePeriodMetrics({
      period: '2025-06',
      records: r,
      units: UNITS,
      targets: TARGETS,
      settings: { overdueDays: 180 },
    }),
    diff: NO_DIFF,
    stages: {},
  };
}

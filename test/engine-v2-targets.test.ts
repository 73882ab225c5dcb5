import { describe, expect, test } from 'vitest';
import { computePeriodMetrics, reportSummary } from '../src/metrics/periodMetrics.ts';
import { scoreUnits } from '../src/metrics/scoring.ts';
import { isZoneName } from '../src/normalize/normalizeTable.ts';
import { finishManualScores, finishTargets, monthOfManualPeriod } from '../src/normalize/targets.ts';
import type { ManualScoreRow, TargetRow } from '../src/schemas/records.ts';
import { signed, snapshot, trip, unit } from './helpers/engineV2.ts';

// Engine v2, contract §5: the target table v2 as read (TargetRow: 责任单位 of type `units`, an array,
// `['全区']` for the zone's own row) and the 人工评分 sheet. Expected values worked out in comments.

const FILE = 'reference/目标任务分解表.xlsx';
let n = 2;
/** A row as the reader hands it over: 责任单位 already split (type `units`), sheet `2025年`. */
const row = (r: Omit<TargetRow, 'src'> & { sheet?: string; file?: string }): TargetRow => {
  const { sheet = '2025年', file = FILE, ...rest } = r;
  return { src: { file, sheet, row: n++ }, ...rest };
};

describe('finishTargets on TargetRow-shaped input', () => {
  const { targets, issues, rejectedRows } = finishTargets([
    // 0: an ordinary row, year from the sheet name 2025年, method and 类别 empty
    row({ unit: ['商务局'], indicator: '签约项目数', target: 10, points: 20 }),
    // 1: the zone's own row (the reader gives ['全区']); indicator written with its unit
    row({ unit: ['全区'], indicator: '签约金额（亿元）', target: 200 }),
    // 2: a joint row: 党政办、规划建设局 share one task
    row({ unit: ['党政办', '规划建设局'], indicator: '签约项目数', target: 5, points: 10 }),
    // 3: 缺额扣分 with 类别 empty → 扣分
    row({ unit: ['商务局'], indicator: '外出招商次数', target: 10, method: '缺额扣分', perItem: 0.1, cap: 1 }),
    // 4: 扣分 with 类别 empty → 扣分
    row({ unit: ['商务局'], indicator: '签约超期未开工', target: 0, method: '扣分', perItem: 0.5, cap: 2 }),
    // 5, 6: two 加分 按件 rows sharing 封顶组 外出拜访加分 with the same 组封顶分 3: no warning
    row({
      unit: ['商务局'],
      indicator: '拜访企业',
      target: 0,
      method: '按件',
      perItem: 0.2,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 3,
    }),
    row({
      unit: ['商务局'],
      indicator: '签约项目数',
      target: 0,
      method: '按件',
      perItem: 0.5,
      foreign: true,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 3,
    }),
    // 7, 8: 白沙镇's group with 组封顶分 3 and 2.5 → warning, the smaller 2.5 applies
    row({
      unit: ['白沙镇'],
      indicator: '拜访企业数',
      target: 0,
      method: '按件',
      perItem: 0.2,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 3,
    }),
    row({
      unit: ['白沙镇'],
      indicator: '签约项目数',
      target: 0,
      method: '按件',
      perItem: 0.5,
      foreign: true,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 2.5,
    }),
    // 9: a group written without any 组封顶分 → warning (no cap)
    row({
      unit: ['青山镇'],
      indicator: '拜访企业数',
      target: 0,
      method: '按件',
      perItem: 0.2,
      category: '加分',
      capGroup: '拜访',
    }),
    // 10: a zone row with 分值 → warning, no points
    row({ unit: ['全区'], indicator: '开工项目数', target: 30, points: 5 }),
    // 11: year from the 年度 column, the file name saying nothing
    row({
      year: 2024,
      unit: ['商务局'],
      indicator: '有效招商信息',
      target: 48,
      method: '按件',
      perItem: 0.1,
      cap: 4.8,
      sheet: 'Sheet1',
    }),
    // 12: an indicator nobody can count → rejected
    row({ unit: ['商务局'], indicator: '招商引资满意度', target: 90 }),
    // 13: 全区 and a unit in one cell → rejected
    row({ unit: ['全区', '商务局'], indicator: '签约项目数', target: 10 }),
  ]);

  test('defaults: year from the sheet, 按比例, 基本, one unit', () => {
    expect(targets[0]).toMatchObject({
      year: 2025,
      indicator: '签约项目数',
      method: '按比例',
      category: '基本',
      unit: '商务局',
      units: ['商务局'],
      zone: false,
      target: 10,
      points: 20,
    });
  });

  test('zone row: zone true, no units, shown as 全区, indicator resolved without its unit', () => {
    expect(targets[1]).toMatchObject({ zone: true, units: [], unit: '全区', indicator: '签约金额', target: 200 });
  });

  test('joint row: both units, shown 党政办、规划建设局', () => {
    expect(targets[2]).toMatchObject({ zone: false, units: ['党政办', '规划建设局'], unit: '党政办、规划建设局' });
  });

  test('类别 defaults: 缺额扣分 and 扣分 → 扣分; 加分 kept; aliases resolved', () => {
    expect(targets[3]).toMatchObject({ method: '缺额扣分', category: '扣分' });
    expect(targets[4]).toMatchObject({ method: '扣分', category: '扣分', indicator: '签约超期未开工项目数' });
    expect(targets[5]).toMatchObject({
      method: '按件',
      category: '加分',
      indicator: '拜访企业数',
      capGroup: '外出拜访加分',
    });
    expect(targets[11]).toMatchObject({ year: 2024, indicator: '有效信息条数' });
  });

  test('14 rows: 12 targets, 2 rejected (unknown indicator; 全区 with a unit)', () => {
    expect(targets).toHaveLength(12);
    expect(rejectedRows.size).toBe(2);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.column, i.value])).toEqual([
      ['指标', '招商引资满意度'],
      ['责任单位', '全区、商务局'],
    ]);
  });

  test('target_zone_points on the zone row with 分值; its points are not scored', () => {
    const w = issues.filter((i) => i.code === 'target_zone_points');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', column: '分值', value: '5' });
    expect(targets[10]).toMatchObject({ zone: true, indicator: '开工项目数' });
    const s = scoreUnits(targets, snapshot({}), [], '2025-12', { overdueDays: 180 });
    expect(s.map((x) => x.unit)).not.toContain('全区');
  });

  test('target_group_cap: 白沙镇 3 vs 2.5 (the smaller applies), 青山镇 none; 商务局 consistent', () => {
    const w = issues.filter((i) => i.code === 'target_group_cap');
    expect(w).toHaveLength(2);
    expect(w[0]).toMatchObject({ severity: 'warning', column: '组封顶分', value: '3、2.5' });
    expect(w[0]?.message).toContain('2.5');
    expect(w[1]).toMatchObject({ severity: 'warning', column: '组封顶分', value: '' });
  });

  test('scored from the finished rows: 白沙镇 12 visits × 0.2 + 3 foreign × 0.5 = 3.9, capped at 2.5', () => {
    const records = snapshot({
      signed: [1, 2, 3].map((i) => signed(100 + i, `F${i}`, '白沙镇', '2025-04-01', 1, { foreign: true })),
      trips: [trip(701, '白沙镇', '2025-03-01', 5), trip(702, '白沙镇', '2025-06-01', 7)],
    });
    const s = scoreUnits(targets, records, [unit('白沙镇')], '2025-12', { overdueDays: 180 }).find(
      (x) => x.unit === '白沙镇',
    );
    expect(s?.groups[0]?.sum).toBeCloseTo(3.9, 9);
    expect(s?.groups[0]?.cap).toBe(2.5);
    expect(s?.bonus).toBeCloseTo(2.5, 9);
    // no basic rows: 满分 0, 百分制 undefined
    expect(s?.fullMarks).toBe(0);
    expect(s?.percent).toBeNull();
  });

  test("zone names: 全区, 全县, 全区合计 and the zone's own name (site.json) are the zone", () => {
    expect(['全区', '全县', '全区合计', ' 全 区 '].every((t) => isZoneName(t))).toBe(true);
    expect(isZoneName('青川经济开发区', ['青川经济开发区'])).toBe(true);
    expect(isZoneName('商务局', ['青川经济开发区'])).toBe(false);
  });
});

describe('monthOfManualPeriod: the month a 人工评分 item counts from', () => {
  test.each([
    ['2025-06', 6],
    ['2025-Q2', 6], // the quarter's last month
    ['2025-q1', 3],
    ['上半年', 6],
    ['全年', 12],
    ['下半年', 12],
    ['二季度', 6],
    ['2025年第四季度', 12],
    ['2025年6月', 6],
    ['2025年度', 12],
    ['半年度', 6], // 半年度考核: June, not December
    ['2025年度上半年', 6],
    ['下半年度', 12],
    ['2025年度二季度', 6],
    ['13月', null],
    ['年中', null],
  ])('%s → %s', (text, month) => expect(monthOfManualPeriod(text)).toBe(month));
});

describe('人工评分: items count from their month to December of the same year', () => {
  let r = 2;
  const mrow = (x: Omit<ManualScoreRow, 'src'> & { sheet?: string }): ManualScoreRow => {
    const { sheet = '人工评分', ...rest } = x;
    return { src: { file: 'reference/目标任务分解表2025.xlsx', sheet, row: r++ }, ...rest };
  };
  const { items, issues, rejectedRows } = finishManualScores([
    // 甲局 +0.5 from June (2025-06); −1 from December (全年)
    mrow({
      year: 2025,
      period: '2025-06',
      unit: '甲局',
      item: '举行签约活动',
      points: 0.5,
      basis: '青开招〔2025〕12号',
    }),
    mrow({ year: 2025, period: '全年', unit: '甲局', item: '弄虚作假扣分', points: -1 }),
    // 乙局 +1 from 2025-Q2 = June; the year from the 期间 (no 年度)
    mrow({ period: '2025-Q2', unit: '乙局', item: '完成招商图谱绘制', points: 1 }),
    // 丙局 +0.3 上半年, year from the file name (…2025.xlsx)
    mrow({ period: '上半年', unit: '丙局', item: '领导小组认定加分', points: 0.3 }),
    // unreadable 期间 → rejected
    mrow({ year: 2025, period: '年中', unit: '丙局', item: '其他', points: 1 }),
  ]);

  test('期间 → from: 2025-06, 2025-12, 2025-06, 2025-06; 年中 rejected', () => {
    expect(items.map((i) => [i.unit, i.year, i.from])).toEqual([
      ['甲局', 2025, '2025-06'],
      ['甲局', 2025, '2025-12'],
      ['乙局', 2025, '2025-06'],
      ['丙局', 2025, '2025-06'],
    ]);
    expect(rejectedRows.size).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', column: '期间', value: '年中' });
  });

  // 甲局 has one target: 签约项目数 target 2, 分值 10, and 1 signing → 10 × 1/2 = 5. 人数 8.
  // 乙局 has no target row, only its manual item; no 人数.
  const units = [unit('甲局', { headcount: 8 }), unit('乙局'), unit('丙局')];
  const targets = finishTargets([row({ unit: ['甲局'], indicator: '签约项目数', target: 2, points: 10 })]).targets;
  const records = snapshot({ signed: [signed(101, 'P1', '甲局', '2025-02-01', 3)] });
  const at = (period: string) =>
    new Map(scoreUnits(targets, records, units, period, { overdueDays: 180 }, items).map((s) => [s.unit, s]));

  test('2025-05: before June nothing counts: 甲局 raw 5', () => {
    const s = at('2025-05').get('甲局');
    expect(s?.manual).toEqual([]);
    expect(s?.raw).toBeCloseTo(5, 9);
    expect(at('2025-05').has('乙局')).toBe(false);
  });

  test('2025-06: +0.5 is bonus: 甲局 5 + 0.5 = 5.5; 乙局 scored on its item alone: 1', () => {
    const s = at('2025-06').get('甲局');
    expect(s?.manual.map((m) => [m.item, m.points, m.basis])).toEqual([['举行签约活动', 0.5, '青开招〔2025〕12号']]);
    expect(s?.bonus).toBeCloseTo(0.5, 9);
    expect(s?.raw).toBeCloseTo(5.5, 9);
    const b = at('2025-06').get('乙局');
    expect(b).toMatchObject({ fullMarks: 0, percent: null });
    expect(b?.bonus).toBe(1);
  });

  test('2025-12: −1 (全年) is a deduction: 甲局 5 + 0.5 − 1 = 4.5; 百分制 5/10 × 100 + 0.5 − 1 = 49.5', () => {
    const s = at('2025-12').get('甲局');
    expect(s?.bonus).toBeCloseTo(0.5, 9);
    expect(s?.deduction).toBeCloseTo(-1, 9);
    expect(s?.raw).toBeCloseTo(4.5, 9);
    expect(s?.percent).toBeCloseTo(49.5, 9);
  });

  test("2026: last year's items do not carry over", () => {
    const s = scoreUnits(targets, records, units, '2026-06', { overdueDays: 180 }, items);
    expect(s).toEqual([]);
  });

  test('分值池 = raw × 人数 only where 人数 is given: 甲局 4.5 × 8 = 36; the report omits pool otherwise', () => {
    const m = computePeriodMetrics({
      period: '2025-12',
      records,
      units,
      targets,
      manualScores: items,
      settings: { overdueDays: 180 },
    });
    const jia = m.ranking.find((e) => e.unit === '甲局');
    expect(jia?.pool).toBeCloseTo(36, 9);
    expect(m.ranking.find((e) => e.unit === '乙局')?.pool).toBeNull();
    const r = reportSummary(m);
    // ranking: 甲局 4.5, 乙局 1, 丙局 0.3 (its 上半年 item)
    expect(r.ranking.map((e) => [e.unit, e.rank])).toEqual([
      ['甲局', 1],
      ['乙局', 2],
      ['丙局', 3],
    ]);
    expect(r.ranking[0]?.pool).toBeCloseTo(36, 9);
    expect('pool' in (r.ranking[1] ?? {})).toBe(false);
    expect('pool' in (r.ranking[2] ?? {})).toBe(false);
    expect(r.ranking[0]).toMatchObject({ fullMarks: 10, bonus: 0.5, deduction: -1, percent: 49.5 });
  });
});

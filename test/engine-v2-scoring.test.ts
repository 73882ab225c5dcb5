import { describe, expect, test } from 'vitest';
import { rankUnits } from '../src/metrics/ranking.ts';
import { type ScoringRule, scoreTarget, scoreUnits } from '../src/metrics/scoring.ts';
import type { Target } from '../src/schemas/records.ts';
import { leads, signed, snapshot, target, trip, unit } from './helpers/engineV2.ts';

// Engine v2, contract §5 计分方式 / 类别 / 封顶组, from the seeds' own wording. Every expected figure
// is worked out in the comment beside it.

const opts = { overdueDays: 180 };

describe('每条0.1分，满分4.8分 — one 按件 row, 单项分值 0.1, 封顶分 4.8', () => {
  // "每月提供四条…信息": 4 a month = 48 a year is the written target; the points do not depend on it.
  const rule: ScoringRule = { method: '按件', target: 48, perItem: 0.1, cap: 4.8, category: '基本' };

  test('30 valid leads → 30 × 0.1 = 3.00 (under the cap 4.8)', () => {
    expect(scoreTarget(rule, 30, 48).points).toBeCloseTo(3, 9);
  });

  test('60 valid leads → 60 × 0.1 = 6.00, capped at 4.80', () => {
    expect(scoreTarget(rule, 60, 48).points).toBeCloseTo(4.8, 9);
  });

  test('the row gives 4.8 towards 满分 (no 分值 written: its 封顶分), only 有效 leads count', () => {
    const records = snapshot({
      leads: [
        ...leads(500, 30, '甲局', '2025-03-10', '有效'),
        ...leads(540, 5, '甲局', '2025-03-10', '无效'), // not 有效: not counted
        ...leads(550, 4, '甲局', '2025-03-10', '待研判'), // not 有效: not counted
        ...leads(560, 60, '乙局', '2025-04-10', '有效'),
      ],
    });
    const targets = ['甲局', '乙局'].map((u) =>
      target({ indicator: '有效信息条数', target: 48, method: '按件', perItem: 0.1, cap: 4.8, units: [u] }),
    );
    const [a, b] = scoreUnits(targets, records, [unit('甲局'), unit('乙局')], '2025-12', opts);
    // 甲局: actual 30 → 3.00; 满分 4.8; 百分制 = 3 / 4.8 × 100 = 62.5
    expect(a).toMatchObject({ unit: '甲局', fullMarks: 4.8, bonus: 0, deduction: 0 });
    expect(a?.items[0]?.actual).toBe(30);
    expect(a?.raw).toBeCloseTo(3, 9);
    expect(a?.percent).toBeCloseTo(62.5, 9);
    // 乙局: actual 60 → 4.80 (capped); 百分制 = 4.8 / 4.8 × 100 = 100
    expect(b?.raw).toBeCloseTo(4.8, 9);
    expect(b?.fullMarks).toBe(4.8);
    expect(b?.percent).toBeCloseTo(100, 9);
  });
});

describe('每少1个扣0.1分 — 缺额扣分, 单项分值 0.1, 封顶分 1', () => {
  const rule: ScoringRule = { method: '缺额扣分', target: 10, perItem: 0.1, cap: 1 };

  test('target 10, actual 7 → short 3 × 0.1 = −0.30', () => {
    expect(scoreTarget(rule, 7, 10).points).toBeCloseTo(-0.3, 9);
  });

  test('target 10, actual 12 → nothing short → 0 (a +0, not −0)', () => {
    const p = scoreTarget(rule, 12, 10).points;
    expect(p).toBe(0);
    expect(Object.is(p, -0)).toBe(false);
  });

  test('target 20, actual 0 → short 20 × 0.1 = 2.0, capped at 1 → −1', () => {
    expect(scoreTarget({ ...rule, target: 20 }, 0, 20).points).toBeCloseTo(-1, 9);
  });

  test('a 缺额扣分 row is a deduction: it adds nothing to 满分 and lands in `deduction`', () => {
    // 甲局: 外出招商次数 target 10, 7 trips → −0.3; plus a basic 签约项目数 row 分值 10, target 1, 1 signing → 10
    const records = snapshot({
      signed: [signed(101, 'P1', '甲局', '2025-02-01', 3)],
      trips: Array.from({ length: 7 }, (_, i) => trip(701 + i, '甲局', '2025-05-01')),
    });
    const targets = [
      target({ indicator: '签约项目数', target: 1, points: 10 }),
      target({ indicator: '外出招商次数', target: 10, method: '缺额扣分', category: '扣分', perItem: 0.1, cap: 1 }),
    ];
    const [s] = scoreUnits(targets, records, [unit('甲局')], '2025-12', opts);
    // 满分 = 10 (the basic row only); basic 10; deduction −0.3; raw = 10 − 0.3 = 9.7
    expect(s?.fullMarks).toBe(10);
    expect(s?.basic).toBeCloseTo(10, 9);
    expect(s?.deduction).toBeCloseTo(-0.3, 9);
    expect(s?.raw).toBeCloseTo(9.7, 9);
    // 百分制 = 10 / 10 × 100 + 0 − 0.3 = 99.7
    expect(s?.percent).toBeCloseTo(99.7, 9);
    expect(s?.items[1]).toMatchObject({ category: '扣分', actual: 7, fullMarks: 0 });
  });
});

describe('引荐企业拜访 每次0.2分, 外资企业 每次0.5分, 最高3分 — two 按件 加分 rows in one 封顶组', () => {
  // Each unit has the same five rows:
  //   签约项目数   按比例 target 4, 分值 10                                   基本
  //   有效信息条数 按件 单项 0.1, 封顶 4.8                                     基本
  //   拜访企业数   按件 单项 0.2                       封顶组 外出拜访加分 组封顶 3  加分
  //   签约项目数   按件 单项 0.5, 是否外资 是          封顶组 外出拜访加分 组封顶 3  加分
  //   外出招商次数 缺额扣分 target 10, 单项 0.1, 封顶 1                         扣分
  // 满分 = 10 + 4.8 = 14.8 (basic rows only).
  const rowsFor = (u: string): Target[] => [
    target({ indicator: '签约项目数', target: 4, points: 10, units: [u] }),
    target({ indicator: '有效信息条数', target: 48, method: '按件', perItem: 0.1, cap: 4.8, units: [u] }),
    target({
      indicator: '拜访企业数',
      target: 0,
      method: '按件',
      perItem: 0.2,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 3,
      units: [u],
    }),
    target({
      indicator: '签约项目数',
      target: 0,
      method: '按件',
      perItem: 0.5,
      foreign: true,
      category: '加分',
      capGroup: '外出拜访加分',
      groupCap: 3,
      units: [u],
    }),
    target({
      indicator: '外出招商次数',
      target: 10,
      method: '缺额扣分',
      category: '扣分',
      perItem: 0.1,
      cap: 1,
      units: [u],
    }),
  ];
  const records = snapshot({
    signed: [
      // 甲局: 3 foreign + 1 domestic = 4 signings
      signed(101, 'A1', '甲局', '2025-02-01', 2, { foreign: true }),
      signed(102, 'A2', '甲局', '2025-03-01', 2, { foreign: true }),
      signed(103, 'A3', '甲局', '2025-04-01', 2, { foreign: true }),
      signed(104, 'A4', '甲局', '2025-05-01', 2),
      // 乙局: 1 foreign + 3 domestic = 4 signings
      signed(111, 'B1', '乙局', '2025-02-01', 2, { foreign: true }),
      signed(112, 'B2', '乙局', '2025-03-01', 2),
      signed(113, 'B3', '乙局', '2025-04-01', 2),
      signed(114, 'B4', '乙局', '2025-05-01', 2),
    ],
    leads: [...leads(500, 30, '甲局', '2025-03-10', '有效'), ...leads(600, 60, '乙局', '2025-03-10', '有效')],
    trips: [
      // 甲局: 2 trips, 5 + 7 = 12 visits
      trip(701, '甲局', '2025-03-01', 5),
      trip(702, '甲局', '2025-09-01', 7),
      // 乙局: 10 trips, six with one visit each = 6 visits, four with none written
      ...Array.from({ length: 6 }, (_, i) => trip(711 + i, '乙局', '2025-06-01', 1)),
      ...Array.from({ length: 4 }, (_, i) => trip(721 + i, '乙局', '2025-07-01')),
    ],
  });
  const units = [unit('甲局'), unit('乙局')];
  const [a, b] = scoreUnits([...rowsFor('甲局'), ...rowsFor('乙局')], records, units, '2025-12', opts);

  test('6 visits × 0.2 + 1 foreign project × 0.5 = 1.2 + 0.5 = 1.70, under the cap 3', () => {
    expect(b?.unit).toBe('乙局');
    expect(b?.items[2]?.points).toBeCloseTo(1.2, 9);
    expect(b?.items[3]?.points).toBeCloseTo(0.5, 9);
    expect(b?.groups).toHaveLength(1);
    expect(b?.groups[0]).toMatchObject({ name: '外出拜访加分', category: '加分', cap: 3 });
    expect(b?.groups[0]?.sum).toBeCloseTo(1.7, 9);
    expect(b?.groups[0]?.points).toBeCloseTo(1.7, 9);
    expect(b?.bonus).toBeCloseTo(1.7, 9);
  });

  test('12 visits × 0.2 + 3 foreign × 0.5 = 2.4 + 1.5 = 3.9, capped at 3', () => {
    expect(a?.unit).toBe('甲局');
    expect(a?.items[2]?.points).toBeCloseTo(2.4, 9); // each row keeps its own points before the cap
    expect(a?.items[3]?.points).toBeCloseTo(1.5, 9);
    expect(a?.groups[0]?.sum).toBeCloseTo(3.9, 9);
    expect(a?.groups[0]?.points).toBeCloseTo(3, 9);
    expect(a?.bonus).toBeCloseTo(3, 9);
  });

  test('满分 counts basic rows only: 10 + 4.8 = 14.8', () => {
    expect(a?.fullMarks).toBeCloseTo(14.8, 9);
    expect(b?.fullMarks).toBeCloseTo(14.8, 9);
    for (const s of [a, b]) expect(s?.items.map((i) => i.fullMarks)).toEqual([10, 4.8, 0, 0, 0]);
  });

  test('甲局: basic 10 + 3 = 13, bonus 3, deduction −0.8 → raw 15.2; 百分制 13/14.8×100 + 3 − 0.8', () => {
    // 签约项目数 4/4 → 10; 有效信息 30 × 0.1 = 3; basic = 13
    // 外出招商次数 2 trips, target 10 → short 8 × 0.1 = 0.8 (under the cap 1) → −0.8
    expect(a?.basic).toBeCloseTo(13, 9);
    expect(a?.deduction).toBeCloseTo(-0.8, 9);
    expect(a?.raw).toBeCloseTo(15.2, 9);
    // 13 / 14.8 = 0.878378378… → 87.8378378 + 3 − 0.8 = 90.0378378
    expect(a?.percent).toBeCloseTo(90.0378378, 6);
  });

  test('乙局 passes 满分: basic 10 + 4.8 = 14.8, bonus 1.7 on top → raw 16.5; 百分制 100 + 1.7 = 101.7', () => {
    // 有效信息 60 × 0.1 = 6 → capped 4.8; 外出招商次数 10 trips = target → no deduction
    expect(b?.basic).toBeCloseTo(14.8, 9);
    expect(b?.deduction).toBe(0);
    expect(b?.raw).toBeCloseTo(16.5, 9);
    expect(b?.raw).toBeGreaterThan(b?.fullMarks ?? Infinity);
    expect(b?.percent).toBeCloseTo(101.7, 9);
  });

  test('rankingScale percent ranks on 百分制; raw on points; both shown', () => {
    const raw = scoreUnits([...rowsFor('甲局'), ...rowsFor('乙局')], records, units, '2025-12', opts);
    const pct = scoreUnits([...rowsFor('甲局'), ...rowsFor('乙局')], records, units, '2025-12', {
      ...opts,
      rankingScale: 'percent',
    });
    // raw: 乙局 16.5 > 甲局 15.2; percent: 乙局 101.7 > 甲局 90.04
    expect(raw.map((s) => s.score)).toEqual(raw.map((s) => s.raw));
    expect(pct.map((s) => s.score)).toEqual(pct.map((s) => s.percent));
    const r = rankUnits(pct, units);
    expect(r.map((e) => [e.unit, e.rank])).toEqual([
      ['乙局', 1],
      ['甲局', 2],
    ]);
    expect(r[0]?.raw).toBeCloseTo(16.5, 9);
    expect(r[0]?.score).toBeCloseTo(101.7, 9);
  });
});

describe('达标 and 按比例 defaults', () => {
  test('empty 计分方式 = 按比例: 分值 20 × min(8/10, 1) = 16', () => {
    expect(scoreTarget({ method: '按比例', target: 10, points: 20 }, 8, 10).points).toBeCloseTo(16, 9);
  });
  test('达标: 分值 if 实际 ≥ 目标 else 0', () => {
    expect(scoreTarget({ method: '达标', target: 5, points: 4 }, 5, 5).points).toBe(4);
    expect(scoreTarget({ method: '达标', target: 5, points: 4 }, 4, 5).points).toBe(0);
  });
});

describe('满分 of a basic 封顶组: its rows share one 组封顶分', () => {
  // Two basic 按比例 rows of 6 points each in one 封顶组 "签约考核" with 组封顶分 10, plus a plain
  // 按比例 row of 5 points. 满分 = min(6 + 6, 10) + 5 = 15, not 17.
  // 甲局 signs 3 projects of 1亿 (one foreign): 签约项目数 3 of 2 (rate capped at 100% → 6) and
  // foreign 1 of 2 (50% → 3): group sum 6 + 3 = 9 ≤ 10 → 9; 签约金额 3亿 of 20亿 = 15% × 5 = 0.75.
  // raw = 9 + 0.75 = 9.75; 百分制 = 9.75 / 15 × 100 = 65.
  test('满分 = min(6 + 6, 10) + 5 = 15; 百分制 = 9.75 / 15 × 100 = 65', () => {
    const rows: Target[] = [
      target({ indicator: '签约项目数', target: 2, points: 6, capGroup: '签约考核', groupCap: 10 }),
      target({ indicator: '签约项目数', target: 2, points: 6, capGroup: '签约考核', groupCap: 10, foreign: true }),
      target({ indicator: '签约金额', target: 20, points: 5 }),
    ];
    const records = snapshot({
      signed: [
        signed(10, 'F1', '甲局', '2025-02-10', 1, { foreign: true }),
        signed(11, 'S2', '甲局', '2025-03-10', 1),
        signed(12, 'S3', '甲局', '2025-04-10', 1),
      ],
    });
    const [a] = scoreUnits(rows, records, [unit('甲局')], '2025-12', opts);
    expect(a?.fullMarks).toBeCloseTo(15, 9);
    expect(a?.groups).toEqual([{ name: '签约考核', category: '基本', cap: 10, sum: 9, points: 9 }]);
    expect(a?.raw).toBeCloseTo(9.75, 9);
    expect(a?.percent).toBeCloseTo(65, 9);
  });
});

import { describe, expect, test } from 'vitest';
import { makeItem, makeTarget } from './helpers/targets.ts';
import type { IndicatorValues, PeriodMetrics, ScoreItem, UnitMetrics } from '../src/schemas/metrics.ts';
import type { Target, Unit } from '../src/schemas/records.ts';
import { unitId } from '../src/site/data.ts';
import { targetYears, targetsView } from '../src/site/targets/targets.ts';
import { monthSeries, zoneFigureId, zoneTargets } from '../src/site/targets/targetsZone.ts';

const src = (row: number) => ({ file: 'reference/目标任务分解表.xlsx', sheet: '2025年', row });

const item = (
  indicator: ScoreItem['indicator'],
  target: number,
  actual: number,
  over: Partial<ScoreItem> = {},
): ScoreItem =>
  makeItem({
    indicator,
    target,
    actual,
    rate: target > 0 ? actual / target : null,
    status: null,
    gapPp: null,
    points: 0,
    fullMarks: 10,
    refs: [],
    src: src(2),
    ...over,
  });

const actuals = (v: Partial<IndicatorValues>) => v as IndicatorValues;

describe('zoneTargets (全区目标 or 各单位目标合计, from metrics.completion)', () => {
  // the engine decided the bases (tested in the engine's tests); the view names them and lists parts
  const joint = item('签约金额', 12, 4, { units: ['甲镇', '丙局'], src: src(7) });
  const units = [
    {
      unit: '甲镇',
      items: [
        item('签约项目数', 10, 6),
        item('签约项目数', 2, 1, { filterLabel: '投资≥5亿元', src: src(3) }), // conditioned: never summed
        item('签约金额', 20.5, 9, { units: ['甲镇'], src: src(4) }),
        joint,
        item('签约超期未开工项目数', 0, 3, { method: '扣分', src: src(5) }), // a penalty, no target to reach
      ],
    },
    { unit: '丙局', items: [item('签约金额', 9.5, 2, { units: ['丙局'], src: src(6) }), joint] },
  ] as UnitMetrics[];
  const completion = [
    { indicator: '签约项目数', actual: 15, target: 18, rate: 15 / 18, gapPp: 0, base: 'zone', units: [], refs: [] },
    // units base: 20.5 + 9.5 + 12 (the joint row once) = 42, against those units' own 30
    {
      indicator: '签约金额',
      actual: 30,
      target: 42,
      rate: 30 / 42,
      gapPp: null,
      base: 'units',
      units: ['甲镇', '丙局'],
      refs: [],
    },
  ] as PeriodMetrics['completion'];
  // October: 序时进度 10/12 = 83.33 %
  const z = zoneTargets({ units, completion, period: '2025-10' });

  test('the base is named; a units base lists each row once, a joint task once', () => {
    expect(z.map((x) => [x.indicator, x.target, x.baseLabel, x.parts.map((p) => `${p.unit}=${p.target}`)])).toEqual([
      ['签约项目数', 18, '全区目标', []],
      ['签约金额', 42, '2个单位目标合计', ['甲镇=20.5', '甲镇、丙局=12', '丙局=9.5']],
    ]);
  });

  test('against 序时进度', () => {
    // 15 / 18 = 83.33 % = 序时进度 → 超进度 (on pace), gap 0; 30 / 42 = 71.43 % → −11.9 pp
    expect(z[0]?.status).toBe('超进度');
    expect(z[0]?.gapPp).toBe(0);
    expect(z[1]?.status).toBe('欠进度');
    expect(z[1]?.gapPp).toBeCloseTo((30 / 42 - 10 / 12) * 100, 10);
  });

  test('drill ids of zone figures', () => {
    expect(zoneFigureId('签约金额')).toBe('ytd.signed');
    expect(zoneFigureId('有效信息条数')).toBe('ytd.leadsValid');
    expect(zoneFigureId('5亿元以上签约项目数')).toBeNull();
  });
});

describe('monthSeries', () => {
  test('each month from its own snapshot, in month order', () => {
    const s = monthSeries(
      [
        { period: '2025-03', actuals: { 签约金额: 20 } },
        { period: '2025-01', actuals: { 签约金额: 5 } },
        { period: '2025-02', actuals: { 签约金额: 12.5 } },
      ],
      '签约金额',
    );
    expect(s).toEqual([
      { month: 1, value: 5, period: '2025-01' },
      { month: 2, value: 12.5, period: '2025-02' },
      { month: 3, value: 20, period: '2025-03' },
    ]);
    expect(monthSeries([{ period: '2025-01', actuals: {} }], '到位资金')).toEqual([
      { month: 1, value: 0, period: '2025-01' },
    ]);
  });
});

describe('targetsView', () => {
  const targets: Target[] = [
    makeTarget({ src: src(2), year: 2025, unit: '甲镇', indicator: '签约项目数', target: 10, points: 10 }),
  ];
  const units: Unit[] = ['甲镇', '乙镇'].map((name) => ({ name, aliases: [], ranked: true }));
  const metrics = {
    period: '2025-06',
    year: 2025,
    month: 6,
    timeProgress: 0.5,
    zone: { actuals: actuals({ 签约项目数: 7, 签约金额: 40 }) },
    // as the engine gives it for a 全区 row of 10: the zone's 7 against it
    completion: [
      { indicator: '签约项目数', actual: 7, target: 10, rate: 0.7, gapPp: 20, base: 'zone', units: [], refs: [] },
    ],
    units: [
      {
        unit: '甲镇',
        items: [
          item('签约项目数', 10, 6, { status: '超进度', gapPp: 10 }),
          item('签约超期未开工项目数', 0, 1, { method: '扣分' }),
        ],
      },
      { unit: '乙镇', items: [] },
    ] as unknown as UnitMetrics[],
  } as unknown as PeriodMetrics;
  const snapshots = [
    { period: '2024-12', actuals: actuals({ 签约项目数: 99 }) },
    { period: '2025-05', actuals: actuals({ 签约项目数: 5 }) },
    { period: '2025-06', actuals: actuals({ 签约项目数: 7 }) },
  ];
  const v = targetsView(metrics, units, targets, snapshots, (p, id) => `drill:${p}:${id}`);

  test('lines, bullets without penalties, units without targets', () => {
    expect(v.lead).toBe('数据截至2025年6月底（1—6月累计）；序时进度 50.0%');
    expect(v.lines.map((l) => [l.unit, l.indicator, l.href])).toEqual([
      ['甲镇', '签约项目数', `drill:2025-06:score.${unitId('甲镇')}.0`],
      ['甲镇', '签约超期未开工项目数', `drill:2025-06:score.${unitId('甲镇')}.1`],
    ]);
    expect(v.bullets).toEqual([
      {
        indicator: '签约项目数',
        unit: '个',
        rows: [
          { label: '甲镇', actual: 6, target: 10, timeProgress: 0.5, href: `drill:2025-06:score.${unitId('甲镇')}.0` },
        ],
      },
    ]);
    expect(v.withoutTargets.map((u) => u.unit)).toEqual(['乙镇']);
    expect([v.lines[0]?.rateText, v.lines[0]?.progressText]).toEqual(['60.0%', '高于序时进度10.0个百分点']);
  });

  test('zone line of a main indicator: the year only, each month its own snapshot', () => {
    // 7 / 10 = 70 % − 序时进度 50 % = +20 points
    expect(
      v.zone.map((z) => [z.indicator, z.baseLabel, z.targetText, z.actualText, z.rateText, z.progressText, z.href]),
    ).toEqual([
      ['签约项目数', '全区目标', '10', '7', '70.0%', '高于序时进度20.0个百分点', 'drill:2025-06:completion.0'],
    ]);
    expect(v.zone[0]?.series?.map((s) => [s.month, s.value])).toEqual([
      [5, 5],
      [6, 7],
    ]);
  });

  test('targetYears: latest period of each year, latest year first', () => {
    expect(targetYears(['2024-11', '2025-02', '2024-12', '2025-01'])).toEqual([
      { year: 2025, period: '2025-02', page: 'targets/2025.html' },
      { year: 2024, period: '2024-12', page: 'targets/2024.html' },
    ]);
  });
});

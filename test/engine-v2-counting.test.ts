import { describe, expect, test } from 'vitest';
import { actualFor } from '../src/metrics/actuals.ts';
import { zoneCompletion } from '../src/metrics/completion.ts';
import { computePeriodMetrics, reportSummary } from '../src/metrics/periodMetrics.ts';
import { scoreUnits } from '../src/metrics/scoring.ts';
import { linkProjects } from '../src/normalize/linkProjects.ts';
import { periodMetricsSchema, reportSummarySchema } from '../src/schemas/metrics.ts';
import type { Signed } from '../src/schemas/records.ts';
import { signedRecord } from './helpers/records.ts';
import { ledgerRef, signed, snapshot, started, target, unit } from './helpers/engineV2.ts';

// Engine v2, contract §4 (认定), §5 (bands, joint rows, zone rows), §6 (claimed twice), §7 (zone
// completion). Every expected figure is worked out in the comment beside it.

const opts = { overdueDays: 180 };
const settings = { overdueDays: 180 };

describe('10–50亿 band: 投资下限 10 inclusive, 投资上限 50 exclusive', () => {
  const records = snapshot({
    signed: [
      signed(101, 'B1', '甲局', '2025-02-01', 9.99), // below 下限: out
      signed(102, 'B2', '甲局', '2025-03-01', 10), // = 下限: in (inclusive)
      signed(103, 'B3', '甲局', '2025-04-01', 49.99), // below 上限: in
      signed(104, 'B4', '甲局', '2025-05-01', 50), // = 上限: out (exclusive)
    ],
  });
  const band = { minInvestmentYi: 10, maxInvestmentYi: 50 };

  test('projects of 9.99, 10, 49.99 and 50 亿 → the band counts 2 (10 and 49.99)', () => {
    expect(actualFor('签约项目数', null, band, records, '2025-12', opts).value).toBe(2);
    expect(actualFor('签约项目数', '甲局', band, records, '2025-12', opts).value).toBe(2);
  });

  test('签约金额 in the band = 10 + 49.99 = 59.99', () => {
    expect(actualFor('签约金额', null, band, records, '2025-12', opts).value).toBeCloseTo(59.99, 9);
  });

  test('the size indicators are ≥ bounds: 10亿元以上 = 3 (10, 49.99, 50), 50亿元以上 = 1 (50)', () => {
    expect(actualFor('10亿元以上签约项目数', null, {}, records, '2025-12', opts).value).toBe(3);
    expect(actualFor('50亿元以上签约项目数', null, {}, records, '2025-12', opts).value).toBe(1);
  });

  test('a band row scores on the band: target 4, 分值 10, actual 2 → 10 × 2/4 = 5', () => {
    const [s] = scoreUnits(
      [target({ indicator: '签约项目数', target: 4, points: 10, ...band })],
      records,
      [unit('甲局')],
      '2025-12',
      opts,
    );
    expect(s?.items[0]?.actual).toBe(2);
    expect(s?.items[0]?.points).toBeCloseTo(5, 9);
    expect(s?.items[0]?.filterLabel).toBe('投资≥10亿元；投资<50亿元');
  });

  test('the 10–50亿元 size bucket of the totals holds the same 2 projects', () => {
    const m = computePeriodMetrics({ period: '2025-12', records, units: [unit('甲局')], targets: [], settings });
    const b = m.ytd.signed.bySize.find((x) => x.bucket === '10–50亿元');
    expect(b?.count).toBe(2);
    expect(b?.investmentYi).toBeCloseTo(59.99, 9);
  });
});

describe('shared task (joint row 责任单位 党政办、规划建设局) and zone completion', () => {
  // 签约 rows of 2025:
  //   J1 党政办 5亿; J2 党政办 3亿 and again under 规划建设局 (both list it); J3 规划建设局 2亿;
  //   Z1 招商局 8亿; W1 白沙镇 20亿 (白沙镇 holds no 签约项目数 target).
  // Targets: 签约项目数 joint row 党政办、规划建设局 target 5, 分值 10; 招商局 target 5, 分值 10;
  //          签约金额 全区 100 (zone row) and 招商局 10, 分值 10.
  const records = snapshot({
    signed: [
      signed(101, 'J1', '党政办', '2025-03-01', 5),
      signed(102, 'J2', '党政办', '2025-04-01', 3),
      signed(103, 'J2', '规划建设局', '2025-04-01', 3),
      signed(104, 'J3', '规划建设局', '2025-05-01', 2),
      signed(105, 'Z1', '招商局', '2025-06-01', 8),
      signed(106, 'W1', '白沙镇', '2025-07-01', 20),
    ],
  });
  const units = [unit('党政办'), unit('规划建设局'), unit('招商局'), unit('白沙镇')];
  const targets = [
    target({ indicator: '签约项目数', target: 5, points: 10, units: ['党政办', '规划建设局'] }),
    target({ indicator: '签约项目数', target: 5, points: 10, units: ['招商局'] }),
    target({ indicator: '签约金额', target: 100, zone: true }),
    target({ indicator: '签约金额', target: 10, points: 10, units: ['招商局'] }),
  ];

  test("the joint row's actual is the union: J1, J2, J3 = 3 (J2 once, not 2 + 2 = 4)", () => {
    const scores = scoreUnits(targets, records, units, '2025-12', opts);
    const joint = scores.filter((s) => s.unit === '党政办' || s.unit === '规划建设局');
    expect(joint).toHaveLength(2);
    for (const s of joint) {
      expect(s.items).toHaveLength(1);
      expect(s.items[0]?.units).toEqual(['党政办', '规划建设局']);
      expect(s.items[0]?.actual).toBe(3);
      // each named unit scores the row's full points: 10 × 3/5 = 6
      expect(s.items[0]?.points).toBeCloseTo(6, 9);
      expect(s.raw).toBeCloseTo(6, 9);
      expect(s.fullMarks).toBe(10);
    }
  });

  test('the zone row carries no points and is not a unit', () => {
    const scores = scoreUnits(targets, records, units, '2025-12', opts);
    expect(scores.map((s) => s.unit)).toEqual(['党政办', '规划建设局', '招商局']);
    // 招商局: 签约项目数 1/5 × 10 = 2; 签约金额 8/10 × 10 = 8; raw 10; 满分 20
    const z = scores.find((s) => s.unit === '招商局');
    expect(z?.raw).toBeCloseTo(10, 9);
    expect(z?.fullMarks).toBe(20);
  });

  test("without a zone row: 各单位目标合计 counts the joint row once, against those units' actuals", () => {
    const c = zoneCompletion(targets, records, '2025-12', opts).find((x) => x.indicator === '签约项目数');
    // target = 5 (joint row, once) + 5 (招商局) = 10, not 15
    // actual = the three units' projects, each once: J1, J2, J3, Z1 = 4 — not the zone's 5 (W1 of 白沙镇)
    expect(c).toMatchObject({ base: 'units', target: 10, actual: 4 });
    expect([...(c?.units ?? [])].sort()).toEqual(['党政办', '招商局', '规划建设局'].sort());
    expect(c?.rate).toBeCloseTo(0.4, 9);
    // December: 序时进度 12/12 = 100%, so the gap is 40 − 100 = −60 points
    expect(c?.gapPp).toBeCloseTo(-60, 9);
  });

  test("with a zone row (全区): against it and the whole zone's actual", () => {
    const c = zoneCompletion(targets, records, '2025-12', opts).find((x) => x.indicator === '签约金额');
    // zone actual = 5 + 3 (J2 once) + 2 + 8 + 20 = 38; target 100 (the 全区 row, not 招商局's 10) → 0.38
    expect(c).toMatchObject({ base: 'zone', target: 100, units: [] });
    expect(c?.actual).toBeCloseTo(38, 9);
    expect(c?.rate).toBeCloseTo(0.38, 9);
  });

  test('the report: completion entries with base, units only for base units', () => {
    const m = computePeriodMetrics({ period: '2025-12', records, units, targets, settings });
    expect(periodMetricsSchema.safeParse(m).success).toBe(true);
    const r = reportSummary(m);
    expect(reportSummarySchema.safeParse(r).success).toBe(true);
    expect(r.completion['签约金额']).toEqual({ actual: 38, target: 100, rate: 0.38, base: 'zone' });
    expect(r.completion['签约项目数']).toMatchObject({ actual: 4, target: 10, rate: 0.4, base: 'units' });
    expect(r.completion['签约项目数']?.units).toHaveLength(3);
    // zone 签约 count: J1, J2, J3, Z1, W1 = 5 (J2, listed by two units, once); 亿元 = 38
    expect(r.signed.count).toBe(5);
    expect(r.signed.investmentYi).toBeCloseTo(38, 9);
  });
});

describe('各单位目标合计: one 目标 per unit and indicator', () => {
  test("a 缺额扣分 row restating a unit's 基本 target does not count that target twice", () => {
    // 甲局: 签约项目数 按比例 target 10 (分值 10) and 每少1个扣0.1分 on the same target 10;
    // 乙局: 签约项目数 target 10. 各单位目标合计 = 10 (甲局, once) + 10 (乙局) = 20, not 30.
    // Actual: 甲局 1 + 乙局 1 = 2 → 2/20 = 0.1.
    const records = snapshot({
      signed: [signed(101, 'P1', '甲局', '2025-03-01', 1), signed(102, 'P2', '乙局', '2025-03-01', 1)],
    });
    const targets = [
      target({ indicator: '签约项目数', target: 10, points: 10, units: ['甲局'] }),
      target({
        indicator: '签约项目数',
        target: 10,
        method: '缺额扣分',
        category: '扣分',
        perItem: 0.1,
        units: ['甲局'],
      }),
      target({ indicator: '签约项目数', target: 10, points: 10, units: ['乙局'] }),
    ];
    const [c] = zoneCompletion(targets, records, '2025-12', opts);
    expect(c).toMatchObject({ base: 'units', target: 20, actual: 2 });
    expect(c?.rate).toBeCloseTo(0.1, 9);
    // the scores are untouched: 甲局 10 × 1/10 = 1, and short 9 × 0.1 = −0.9 → 0.1
    const [a] = scoreUnits(targets, records, [unit('甲局'), unit('乙局')], '2025-12', opts);
    expect(a?.raw).toBeCloseTo(0.1, 9);
  });

  test('a unit holding the indicator only as 缺额扣分 still has its target in the base', () => {
    // 甲局 缺额扣分 target 8; 乙局 基本 target 10 → 18; actual 1 + 1 = 2 → 2/18
    const records = snapshot({
      signed: [signed(101, 'P1', '甲局', '2025-03-01', 1), signed(102, 'P2', '乙局', '2025-03-01', 1)],
    });
    const targets = [
      target({
        indicator: '签约项目数',
        target: 8,
        method: '缺额扣分',
        category: '扣分',
        perItem: 0.1,
        units: ['甲局'],
      }),
      target({ indicator: '签约项目数', target: 10, points: 10, units: ['乙局'] }),
    ];
    const [c] = zoneCompletion(targets, records, '2025-12', opts);
    expect(c).toMatchObject({ base: 'units', target: 18, actual: 2 });
  });
});

describe('认定: 待认定 / 未认定 / 否 signings count nowhere; empty = 认定', () => {
  // 2025-12 snapshot. Counted: R1 (empty) 10亿, R2 (已认定) 4亿 — 甲局; R6 (是) 3亿 — 乙局.
  // Not counted: R3 甲局 待认定 6亿 (signed 2025-01-10, never started: would be overdue),
  //              R4 乙局 未认定 2.5亿 (2025-05-01, never started: would be overdue), R5 乙局 否 1亿,
  //              R7 乙局 待认定 7亿 signed 2024-11-01 (last year: not in this year's figures either).
  const records = snapshot({
    signed: [
      signed(101, 'R1', '甲局', '2025-02-01', 10),
      signed(102, 'R2', '甲局', '2025-03-01', 4, { recognition: '已认定' }),
      signed(103, 'R3', '甲局', '2025-01-10', 6, { recognition: '待认定' }),
      signed(104, 'R4', '乙局', '2025-05-01', 2.5, { recognition: '未认定' }),
      signed(105, 'R5', '乙局', '2025-06-01', 1, { recognition: '否' }),
      signed(106, 'R6', '乙局', '2025-01-05', 3, { recognition: '是' }),
      signed(107, 'R7', '乙局', '2024-11-01', 7, { recognition: '待认定' }),
    ],
    started: [started(201, 'R1', '2025-04-01'), started(202, 'R2', '2025-05-01')],
  });
  const units = [unit('甲局'), unit('乙局')];
  const targets = [
    target({ indicator: '签约项目数', target: 4, points: 10, units: ['甲局'] }),
    target({ indicator: '签约金额', target: 20, points: 10, units: ['甲局'] }),
    target({ indicator: '签约项目数', target: 4, points: 10, units: ['乙局'] }),
    target({ indicator: '签约超期未开工项目数', target: 0, method: '扣分', perItem: 0.5, cap: 2, units: ['乙局'] }),
  ];
  const m = computePeriodMetrics({ period: '2025-12', records, units, targets, settings });
  const r = reportSummary(m);
  const scores = new Map(scoreUnits(targets, records, units, '2025-12', opts).map((s) => [s.unit, s]));

  test('signed count and amount: R1 + R2 + R6 = 3 projects, 10 + 4 + 3 = 17亿', () => {
    expect(m.ytd.signed.count).toBe(3);
    expect(m.ytd.signed.investmentYi).toBeCloseTo(17, 9);
    expect(r.signed.count).toBe(3);
  });

  test('byUnit: 甲局 2 / 14亿, 乙局 1 / 3亿', () => {
    expect(r.signed.byUnit).toEqual({ 甲局: { count: 2, investmentYi: 14 }, 乙局: { count: 1, investmentYi: 3 } });
  });

  test('scores: 甲局 签约项目数 2/4 × 10 = 5, 签约金额 14/20 × 10 = 7; 乙局 1/4 × 10 = 2.5', () => {
    const a = scores.get('甲局');
    expect(a?.items[0]?.actual).toBe(2);
    expect(a?.items[0]?.points).toBeCloseTo(5, 9);
    expect(a?.items[1]?.actual).toBeCloseTo(14, 9);
    expect(a?.items[1]?.points).toBeCloseTo(7, 9);
    const b = scores.get('乙局');
    expect(b?.items[0]?.points).toBeCloseTo(2.5, 9);
  });

  test('overdue: only R6 (2025-01-05 + 180 days = 2025-07-04 < 2025-12-31, not started); not R3 or R4', () => {
    expect(m.overdue.map((o) => o.name)).toEqual(['项目R6']);
    // 乙局's 扣分 row: 1 overdue × 0.5 = −0.5 (R4 and R5, 244 and 213 days unstarted, would make it −1.5 if they counted)
    const b = scores.get('乙局');
    expect(b?.items[1]?.actual).toBe(1);
    expect(b?.deduction).toBeCloseTo(-0.5, 9);
    expect(m.ranking.find((e) => e.unit === '乙局')?.deduction).toBeCloseTo(-0.5, 9);
  });

  test('listed in metrics.unrecognised: R3, R4, R5 of this year, 6 + 2.5 + 1 = 9.5亿', () => {
    expect(m.unrecognised.count).toBe(3);
    expect(m.unrecognised.investmentYi).toBeCloseTo(9.5, 9);
    expect(m.unrecognised.rows.map((x) => x.name)).toEqual(['项目R3', '项目R4', '项目R5']);
    expect(r.unrecognised).toEqual({ count: 3, investmentYi: 9.5 });
  });

  test('unit actuals ignore them too: 甲局 签约项目数 2, 乙局 1', () => {
    expect(m.units.find((u) => u.unit === '甲局')?.actuals.签约项目数).toBe(2);
    expect(m.units.find((u) => u.unit === '乙局')?.actuals.签约项目数).toBe(1);
    expect(m.zone.actuals.签约项目数).toBe(3);
    expect(m.zone.actuals.签约金额).toBeCloseTo(17, 9);
  });
});

describe('a project claimed by two units (same 项目编号), and the same row twice', () => {
  // 2025-12 snapshot, keys given by linkProjects from 项目编号:
  //   301 XM-001 新能源电池项目 甲局 12亿; 302 XM-001 新能源电池项目 乙局 12亿 → claimed by 甲局 and 乙局
  //   303 XM-002 精密模具项目 甲局 3亿; 304 XM-002 精密模具项目 甲局 3亿 (another file) → same row twice
  //   305 XM-003 丙局 1亿; 306 XM-003 丁局 待认定 1亿 → a 未认定 row disputes nothing
  const row = (
    n: number,
    code: string,
    name: string,
    u: string,
    date: string,
    yi: number,
    extra: Partial<Signed> = {},
  ): Signed => signedRecord({ src: ledgerRef(n), code, name, unit: u, signDate: date, investmentYi: yi, ...extra });
  const build = () => {
    const records = snapshot({
      signed: [
        row(301, 'XM-001', '新能源电池项目', '甲局', '2025-03-01', 12),
        row(302, 'XM-001', '新能源电池项目', '乙局', '2025-03-05', 12),
        row(303, 'XM-002', '精密模具项目', '甲局', '2025-04-01', 3),
        {
          ...row(304, 'XM-002', '精密模具项目', '甲局', '2025-04-01', 3),
          src: ledgerRef(4, 'ledgers/2025-12/甲局签约.xlsx'),
        },
        row(305, 'XM-003', '电子元件项目', '丙局', '2025-05-01', 1),
        row(306, 'XM-003', '电子元件项目', '丁局', '2025-05-02', 1, { recognition: '待认定' }),
      ],
    });
    const issues = linkProjects(records, '2025-12');
    return { records, issues };
  };
  const units = [unit('甲局'), unit('乙局'), unit('丙局'), unit('丁局')];
  const targets = ['甲局', '乙局'].map((u) => target({ indicator: '签约项目数', target: 2, points: 10, units: [u] }));

  test('duplicate_claim on both rows, naming both units; duplicate_row on the second copy only', () => {
    const { issues } = build();
    const claims = issues.filter((i) => i.code === 'duplicate_claim');
    expect(claims.map((i) => i.row)).toEqual([301, 302]);
    for (const i of claims) expect(i.value).toBe('甲局、乙局');
    // the first row's message names both claimants; the second row (乙局's, its issue unit) names the first claimant
    expect(claims[0]).toMatchObject({ unit: '甲局' });
    expect(claims[0]?.message).toContain('甲局、乙局');
    expect(claims[1]).toMatchObject({ unit: '乙局' });
    expect(claims[1]?.message).toContain('甲局');
    const dups = issues.filter((i) => i.code === 'duplicate_row');
    expect(dups).toHaveLength(1);
    expect(dups[0]).toMatchObject({ row: 4, file: 'ledgers/2025-12/甲局签约.xlsx', unit: '甲局' });
    // XM-003: 丁局's row is 待认定, so no dispute
    expect(issues.some((i) => i.row === 305 || i.row === 306)).toBe(false);
  });

  test('zone counts XM-001 once: 3 projects (XM-001, XM-002, XM-003), 12 + 3 + 1 = 16亿', () => {
    const { records } = build();
    const m = computePeriodMetrics({ period: '2025-12', records, units, targets, settings });
    expect(m.ytd.signed.count).toBe(3);
    expect(m.ytd.signed.investmentYi).toBeCloseTo(16, 9);
    expect(m.zone.actuals.签约项目数).toBe(3);
  });

  test('each claiming unit is credited: 甲局 XM-001 + XM-002 (once) = 2 / 15亿; 乙局 1 / 12亿', () => {
    const { records } = build();
    const m = computePeriodMetrics({ period: '2025-12', records, units, targets, settings });
    const r = reportSummary(m);
    expect(r.signed.byUnit).toEqual({
      甲局: { count: 2, investmentYi: 15 },
      乙局: { count: 1, investmentYi: 12 },
      丙局: { count: 1, investmentYi: 1 },
    });
    // scores: 甲局 2/2 × 10 = 10; 乙局 1/2 × 10 = 5
    expect(r.ranking.map((e) => [e.unit, e.score])).toEqual([
      ['甲局', 10],
      ['乙局', 5],
    ]);
  });

  test('reportSummary.duplicateClaims = [{ project, units }]', () => {
    const { records } = build();
    const r = reportSummary(computePeriodMetrics({ period: '2025-12', records, units, targets, settings }));
    expect(r.duplicateClaims).toEqual([{ project: '新能源电池项目', units: ['甲局', '乙局'] }]);
    // the 待认定 row of XM-003 is listed as 未认定, 1 row, 1亿
    expect(r.unrecognised).toEqual({ count: 1, investmentYi: 1 });
  });

  test('a joint task over both claimants counts the claimed project once', () => {
    const { records } = build();
    const joint = [target({ indicator: '签约项目数', target: 4, points: 10, units: ['甲局', '乙局'] })];
    const [s] = scoreUnits(joint, records, units, '2025-12', opts);
    // union of 甲局 {XM-001, XM-002} and 乙局 {XM-001} = 2 → 10 × 2/4 = 5
    expect(s?.items[0]?.actual).toBe(2);
    expect(s?.items[0]?.points).toBeCloseTo(5, 9);
  });
});

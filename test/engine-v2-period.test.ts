import { describe, expect, test } from 'vitest';
import { zoneCompletion } from '../src/metrics/completion.ts';
import { progressText, yoyText } from '../src/metrics/format.ts';
import { computePeriodMetrics, rankingKindOf, reportSummary } from '../src/metrics/periodMetrics.ts';
import { type RankInput, rankUnits, redBlackLists } from '../src/metrics/ranking.ts';
import { scoreUnits } from '../src/metrics/scoring.ts';
import type { SnapshotRecords, Target, Unit } from '../src/schemas/records.ts';
import { leads, signed, snapshot, started, target, trip, unit } from './helpers/engineV2.ts';

// Engine v2, contract §7 (同比, scoreAgainst, 签约超期未开工 in the year it falls, ties, rank change,
// 红黑榜) and §9 (report v2). Every expected figure is worked out in the comment beside it.

const settings = { overdueDays: 180 };

/** The snapshot of `period`: the rows dated up to its month end. */
function asOf(all: SnapshotRecords, end: string): SnapshotRecords {
  return {
    ...all,
    signed: all.signed.filter((s) => s.signDate <= end),
    started: all.started.filter((s) => s.startDate <= end),
    leads: all.leads.filter((l) => l.reportDate <= end),
    trips: all.trips.filter((t) => t.departDate <= end),
  };
}

describe("同比 with and without last year's snapshot", () => {
  // 2024-10 snapshot: 2 signings Jan–Oct (5 + 3 = 8亿) and one in November (not in its YTD… nor in
  // the snapshot); 1 开工; 10 leads of which 6 有效; 2 trips with 3 + 4 = 7 visits.
  const last = snapshot({
    signed: [signed(101, 'L1', '甲局', '2024-02-01', 5), signed(102, 'L2', '甲局', '2024-09-01', 3)],
    started: [started(201, 'L1', '2024-05-01')],
    leads: [...leads(500, 6, '甲局', '2024-03-01', '有效'), ...leads(510, 4, '甲局', '2024-03-01', '无效')],
    trips: [trip(701, '甲局', '2024-04-01', 3), trip(702, '甲局', '2024-08-01', 4)],
  });
  // 2025-10 snapshot: 3 signings 4 + 4 + 1 = 9亿 (and last year's rows, outside this year's YTD)
  const now = snapshot({
    signed: [
      ...last.signed,
      signed(111, 'N1', '甲局', '2025-02-01', 4),
      signed(112, 'N2', '甲局', '2025-05-01', 4),
      signed(113, 'N3', '甲局', '2025-10-01', 1),
    ],
    started: last.started,
  });
  const units = [unit('甲局')];
  const lastYear = computePeriodMetrics({ period: '2024-10', records: last, units, targets: [], settings });

  test("with 2024-10: yoy = last year's YTD figures as published", () => {
    const m = computePeriodMetrics({ period: '2025-10', records: now, units, targets: [], settings, lastYear });
    expect(m.yoy).toEqual({
      period: '2024-10',
      signed: { count: 2, investmentYi: 8 },
      started: { count: 1 },
      producing: { count: 0 },
      funds: { amountYi: 0, foreignUsd: 0 },
      leads: { count: 10, valid: 6 },
      trips: { count: 2, visits: 7 },
    });
    const r = reportSummary(m);
    expect(r.yoy?.signed).toEqual({ count: 2, investmentYi: 8 });
    expect(r.yoy && 'period' in r.yoy).toBe(false);
    // 签约 3 vs 2 → (3 − 2)/2 = +50.0%; 亿元 9 vs 8 → +12.5%; 开工 0 vs 1 → −100.0%
    expect(yoyText(m.ytd.signed.count, m.yoy?.signed.count ?? null)).toBe('同比增长50.0%');
    expect(yoyText(m.ytd.signed.investmentYi, m.yoy?.signed.investmentYi ?? null)).toBe('同比增长12.5%');
    expect(yoyText(m.ytd.started.count, m.yoy?.started.count ?? null)).toBe('同比下降100.0%');
    // 投产 0 vs 0: base 0 → '—'
    expect(yoyText(m.ytd.producing.count, m.yoy?.producing.count ?? null)).toBe('—');
  });

  test("without last year's snapshot: yoy null in the metrics and the report", () => {
    const m = computePeriodMetrics({ period: '2025-10', records: now, units, targets: [], settings });
    expect(m.yoy).toBeNull();
    expect(reportSummary(m).yoy).toBeNull();
    expect(yoyText(m.ytd.signed.count, null)).toBe('—');
  });

  test.each([
    [112.4, 100, '同比增长12.4%'], // (112.4 − 100)/100 = 12.4%
    [90, 100, '同比下降10.0%'], // (90 − 100)/100 = −10.0%
    [100, 100, '同比持平'], // 0
    [100.04, 100, '同比持平'], // 0.04% → 0.0% at one decimal
    [5, 0, '—'], // base 0: no rate
    [5, null, '—'], // no snapshot
  ])('yoyText(%s, %s) = %s', (cur, base, want) => expect(yoyText(cur, base)).toBe(want));
});

describe('January under both scoreAgainst settings; December identical', () => {
  const units = [unit('甲局'), unit('乙局'), unit('丙局')];
  // 甲局: 签约项目数 按比例 target 12, 分值 10.
  // 乙局: 外出招商次数 达标 target 12, 分值 4.
  // 丙局: 外出招商次数 缺额扣分 target 12, 单项 0.1, 封顶 1 (plus a basic row so it has a 满分).
  const targets: Target[] = [
    target({ indicator: '签约项目数', target: 12, points: 10, units: ['甲局'] }),
    target({ indicator: '外出招商次数', target: 12, points: 4, method: '达标', units: ['乙局'] }),
    target({ indicator: '签约项目数', target: 1, points: 10, units: ['丙局'] }),
    target({ indicator: '外出招商次数', target: 12, method: '缺额扣分', perItem: 0.1, cap: 1, units: ['丙局'] }),
  ];
  // January: 甲局 1 signing; 乙局 1 trip; 丙局 1 signing, 0 trips.
  // By December: 甲局 6 signings; 乙局 12 trips; 丙局 still 0 trips.
  const all = snapshot({
    signed: [
      signed(101, 'J1', '甲局', '2025-01-15', 2),
      ...[2, 4, 6, 8, 10].map((m, i) =>
        signed(102 + i, `J${2 + i}`, '甲局', `2025-${String(m).padStart(2, '0')}-10`, 2),
      ),
      signed(121, 'C1', '丙局', '2025-01-20', 1),
    ],
    trips: Array.from({ length: 12 }, (_, i) => trip(701 + i, '乙局', `2025-${String(i + 1).padStart(2, '0')}-05`)),
  });
  const jan = asOf(all, '2025-01-31');
  const score = (records: SnapshotRecords, period: string, scoreAgainst: 'annual' | 'timeProgress') =>
    new Map(scoreUnits(targets, records, units, period, { overdueDays: 180, scoreAgainst }).map((s) => [s.unit, s]));

  test('按比例 target 12, actual 1 in 2025-01: annual 10 × 1/12 = 0.83; timeProgress against 12 × 1/12 = 1 → 10', () => {
    const a = score(jan, '2025-01', 'annual').get('甲局');
    const t = score(jan, '2025-01', 'timeProgress').get('甲局');
    expect(a?.items[0]?.scoredTarget).toBe(12);
    expect(a?.items[0]?.points).toBeCloseTo(10 / 12, 9);
    expect(t?.items[0]?.scoredTarget).toBeCloseTo(1, 9);
    expect(t?.items[0]?.points).toBeCloseTo(10, 9);
    // 完成率 is always against the annual target: 1/12 = 8.3%
    expect(t?.items[0]?.rate).toBeCloseTo(1 / 12, 9);
  });

  test('达标 target 12, 1 trip in January: annual 0 (1 < 12); timeProgress 4 (1 ≥ 12 × 1/12 = 1)', () => {
    expect(score(jan, '2025-01', 'annual').get('乙局')?.raw).toBe(0);
    expect(score(jan, '2025-01', 'timeProgress').get('乙局')?.raw).toBe(4);
  });

  test('缺额扣分 target 12, 0 trips in January: annual 12 × 0.1 = 1.2 → capped −1; timeProgress short 1 → −0.1', () => {
    expect(score(jan, '2025-01', 'annual').get('丙局')?.deduction).toBeCloseTo(-1, 9);
    expect(score(jan, '2025-01', 'timeProgress').get('丙局')?.deduction).toBeCloseTo(-0.1, 9);
  });

  test('December is identical either way: 甲局 6/12 × 10 = 5; 乙局 12 ≥ 12 → 4; 丙局 short 12 → −1', () => {
    const a = score(all, '2025-12', 'annual');
    const t = score(all, '2025-12', 'timeProgress');
    for (const u of ['甲局', '乙局', '丙局']) {
      expect(t.get(u)?.raw).toBeCloseTo(a.get(u)?.raw ?? NaN, 9);
      expect(t.get(u)?.items.map((i) => i.scoredTarget)).toEqual(a.get(u)?.items.map((i) => i.scoredTarget));
    }
    expect(a.get('甲局')?.raw).toBeCloseTo(5, 9);
    expect(a.get('乙局')?.raw).toBe(4);
    // 丙局: basic 1/1 × 10 = 10, deduction −1 → 9
    expect(a.get('丙局')?.raw).toBeCloseTo(9, 9);
  });

  test('onPace uses the annual targets whatever scoreAgainst says', () => {
    // January, 甲局: annual points 10/12 over 满分 10 = 1/12 = 序时进度 1/12 → on pace (exactly)
    // 乙局: annual points 0 / 4 = 0 < 1/12 → not on pace, though timeProgress gives it the full 4
    for (const against of ['annual', 'timeProgress'] as const) {
      const s = score(jan, '2025-01', against);
      expect(s.get('甲局')?.onPace).toBe(true);
      expect(s.get('甲局')?.paceRate).toBeCloseTo(1 / 12, 9);
      expect(s.get('乙局')?.onPace).toBe(false);
      expect(s.get('乙局')?.paceRate).toBe(0);
    }
  });
});

describe('签约超期未开工 scored only in the year its deadline falls (overdueDays 180)', () => {
  // deadline = 签约日期 + 180 days; overdue at period end P when deadline < P.
  //   O1 2024-03-01 → 2024-08-28  (Mar 1 + 30 + 30 + 31 + 30 + 31 + 28)
  //   O2 2024-07-04 → 2024-12-31  (Jul 4 + 27 + 31 + 30 + 31 + 30 + 31)
  //   O3 2024-07-05 → 2025-01-01  (Jul 5 + 26 + 31 + 30 + 31 + 30 + 31 + 1)
  //   O4 2024-08-01 → 2025-01-28  (Aug 1 + 30 + 30 + 31 + 30 + 31 + 28)
  //   O5 2024-08-05 → 2025-02-01  (Aug 5 + 26 + 30 + 31 + 30 + 31 + 31 + 1): not overdue at 2025-01-31
  // None started.
  const records = snapshot({
    signed: [
      signed(101, 'O1', '甲局', '2024-03-01', 2),
      signed(102, 'O2', '甲局', '2024-07-04', 2),
      signed(103, 'O3', '甲局', '2024-07-05', 2),
      signed(104, 'O4', '甲局', '2024-08-01', 2),
      signed(105, 'O5', '甲局', '2024-08-05', 2),
    ],
  });
  const units = [unit('甲局')];
  const targets = [2024, 2025].map((year) =>
    target({ year, indicator: '签约超期未开工项目数', target: 0, method: '扣分', perItem: 0.5, cap: 2 }),
  );

  test('2025-01: O1–O4 are all on the 督办 list, longest first', () => {
    const m = computePeriodMetrics({ period: '2025-01', records, units, targets, settings });
    // days to 2025-01-31: O1 336 (2024-03-01 → 2025-03-01 is 365, less 29), O2 211, O3 210, O4 183
    expect(m.overdue.map((o) => [o.name, o.daysSinceSigned, o.daysOverdue])).toEqual([
      ['项目O1', 336, 156],
      ['项目O2', 211, 31],
      ['项目O3', 210, 30],
      ['项目O4', 183, 3],
    ]);
  });

  test('2025-01 score counts only O3 and O4 (deadline on or after 2025-01-01): 2 × 0.5 = −1.0, not −2', () => {
    const [s] = scoreUnits(targets, records, units, '2025-01', settings);
    expect(s?.items[0]?.actual).toBe(2);
    expect(s?.deduction).toBeCloseTo(-1, 9);
  });

  test('O1 was penalised in 2024: at 2024-12-31 only O1 is overdue (O2 is exactly 180 days) → −0.5', () => {
    const dec = asOf(records, '2024-12-31');
    const m = computePeriodMetrics({ period: '2024-12', records: dec, units, targets, settings });
    expect(m.overdue.map((o) => o.name)).toEqual(['项目O1']);
    expect(m.ranking[0]?.deduction).toBeCloseTo(-0.5, 9);
  });
});

describe('ties and rank change within one assessment year', () => {
  test('scores equal at two decimals share a rank, the next skips: 1, 2, 2, 4', () => {
    const units = ['A', 'B', 'C', 'D'].map((n) => unit(n));
    const r = rankUnits(
      [
        { unit: 'D', score: 80 },
        { unit: 'C', score: 84.996 }, // 85.00 shown
        { unit: 'A', score: 90 },
        { unit: 'B', score: 85.004 }, // 85.00 shown
      ],
      units,
    );
    expect(r.map((e) => [e.unit, e.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
  });

  // 签约项目数 target 4, 分值 10 for 甲局, 乙局, 丙局 in 2024 and 2025.
  //   2024: 甲 3, 乙 2, 丙 1 → Dec: 7.5, 5, 2.5 → 甲 1, 乙 2, 丙 3
  //   2025-01: 丙 2, 乙 1, 甲 0 → 5, 2.5, 0 → 丙 1, 乙 2, 甲 3
  //   2025-02: 甲 +3 → 甲 7.5, 丙 5, 乙 2.5 → 甲 1, 丙 2, 乙 3
  const units = [unit('甲局'), unit('乙局'), unit('丙局')];
  const targets = [2024, 2025].flatMap((year) =>
    units.map((u) => target({ year, indicator: '签约项目数', target: 4, points: 10, units: [u.name] })),
  );
  const all = snapshot({
    signed: [
      signed(101, 'A1', '甲局', '2024-03-01', 1),
      signed(102, 'A2', '甲局', '2024-04-01', 1),
      signed(103, 'A3', '甲局', '2024-05-01', 1),
      signed(104, 'B1', '乙局', '2024-03-01', 1),
      signed(105, 'B2', '乙局', '2024-04-01', 1),
      signed(106, 'C1', '丙局', '2024-03-01', 1),
      signed(111, 'C2', '丙局', '2025-01-10', 1),
      signed(112, 'C3', '丙局', '2025-01-20', 1),
      signed(113, 'B3', '乙局', '2025-01-15', 1),
      signed(121, 'A4', '甲局', '2025-02-03', 1),
      signed(122, 'A5', '甲局', '2025-02-10', 1),
      signed(123, 'A6', '甲局', '2025-02-17', 1),
    ],
    started: [],
  });
  const dec = computePeriodMetrics({ period: '2024-12', records: asOf(all, '2024-12-31'), units, targets, settings });
  const jan = computePeriodMetrics({
    period: '2025-01',
    records: asOf(all, '2025-01-31'),
    units,
    targets,
    settings,
    previous: dec,
  });
  const feb = computePeriodMetrics({
    period: '2025-02',
    records: asOf(all, '2025-02-28'),
    units,
    targets,
    settings,
    previous: jan,
  });
  const ranks = (m: typeof jan) => m.ranking.map((e) => [e.unit, e.rank, e.change]);

  test('December 2024: 甲 1, 乙 2, 丙 3', () => {
    expect(dec.ranking.map((e) => [e.unit, e.rank])).toEqual([
      ['甲局', 1],
      ['乙局', 2],
      ['丙局', 3],
    ]);
  });

  test('January: change null for every unit and previousPeriod null (年度首期), though December was given', () => {
    expect(ranks(jan)).toEqual([
      ['丙局', 1, null],
      ['乙局', 2, null],
      ['甲局', 3, null],
    ]);
    expect(jan.previousPeriod).toBeNull();
    expect(reportSummary(jan).ranking.map((e) => e.change)).toEqual([null, null, null]);
  });

  test('February: change = previous rank − rank against January: 甲 3 − 1 = +2, 丙 1 − 2 = −1, 乙 2 − 3 = −1', () => {
    expect(ranks(feb)).toEqual([
      ['甲局', 1, 2],
      ['丙局', 2, -1],
      ['乙局', 3, -1],
    ]);
    expect(feb.previousPeriod).toBe('2025-01');
  });

  test('季度排名: at 2025-03 against the 2024-12 quarter → null; at 2025-06 against 2025-03', () => {
    // 2025-03 (no more signings since February): 甲 7.5, 丙 5, 乙 2.5 → 甲 1, 丙 2, 乙 3.
    // 2025-06: 乙 +3 (B4–B6 in April–June) → 乙 1 + 3 = 4 → 10; 甲 7.5; 丙 5 → 乙 1, 甲 2, 丙 3;
    //          against 2025-03: 乙 3 − 1 = +2, 甲 1 − 2 = −1, 丙 2 − 3 = −1.
    const more = snapshot({
      signed: [
        ...all.signed,
        signed(131, 'B4', '乙局', '2025-04-10', 1),
        signed(132, 'B5', '乙局', '2025-05-10', 1),
        signed(133, 'B6', '乙局', '2025-06-10', 1),
      ],
    });
    const mar = computePeriodMetrics({
      period: '2025-03',
      records: asOf(more, '2025-03-31'),
      units,
      targets,
      settings,
      previous: feb,
      previousQuarter: dec,
    });
    expect(mar.quarterRanking?.map((e) => [e.unit, e.rank, e.change])).toEqual([
      ['甲局', 1, null],
      ['丙局', 2, null],
      ['乙局', 3, null],
    ]);
    expect(mar.previousQuarterPeriod).toBeNull();
    const jun = computePeriodMetrics({
      period: '2025-06',
      records: asOf(more, '2025-06-30'),
      units,
      targets,
      settings,
      previousQuarter: mar,
    });
    expect(jun.quarterRanking?.map((e) => [e.unit, e.rank, e.change])).toEqual([
      ['乙局', 1, 2],
      ['甲局', 2, -1],
      ['丙局', 3, -1],
    ]);
    expect(jun.previousQuarterPeriod).toBe('2025-03');
    // not a quarter end: no 季度排名
    expect(feb.quarterRanking).toBeNull();
  });

  test('rankings named 一季一排名、半年一考核、年终结总账', () => {
    expect(['2025-01', '2025-03', '2025-06', '2025-09', '2025-11', '2025-12'].map(rankingKindOf)).toEqual([
      'month',
      'quarter',
      'half',
      'quarter',
      'month',
      'year',
    ]);
  });
});

describe('红黑榜 with fewer than N units', () => {
  // units with basic targets (满分 100): a unit with 满分 0 has no 序时进度 to be behind (see below)
  const input = (u: string, score: number, onPace: boolean): RankInput => ({ unit: u, score, onPace, fullMarks: 100 });

  test('a unit with no basic target (满分 0, only bonus or manual points) is on neither list by its pace', () => {
    const units: Unit[] = [unit('白沙镇'), unit('青山镇')];
    const r = rankUnits([input('白沙镇', 80, true), { unit: '青山镇', score: 1, onPace: false, fullMarks: 0 }], units);
    expect(redBlackLists(r, 3).blackList).toEqual([]);
  });

  test('a group of 2 with N = 3: red = the one at/above 序时进度, black = the one below it', () => {
    const units: Unit[] = [unit('白沙镇', { group: '乡镇' }), unit('青山镇', { group: '乡镇' })];
    const r = rankUnits([input('白沙镇', 80, true), input('青山镇', 60, false)], units);
    // both are in the top 3 and in the bottom 3 of a group of 2; on pace decides the list
    const { redList, blackList } = redBlackLists(r, 3);
    expect(redList).toEqual([{ group: '乡镇', unit: '白沙镇', rank: 1 }]);
    expect(blackList).toEqual([{ group: '乡镇', unit: '青山镇', rank: 2 }]);
  });

  test('lists may be empty: everyone on pace → no 黑榜; nobody on pace → no 红榜', () => {
    const units: Unit[] = [unit('白沙镇', { group: '乡镇' }), unit('青山镇', { group: '乡镇' })];
    const allOn = redBlackLists(rankUnits([input('白沙镇', 80, true), input('青山镇', 60, true)], units), 3);
    expect(allOn.redList.map((e) => e.unit)).toEqual(['白沙镇', '青山镇']);
    expect(allOn.blackList).toEqual([]);
    const allOff = redBlackLists(rankUnits([input('白沙镇', 80, false), input('青山镇', 60, false)], units), 3);
    expect(allOff.redList).toEqual([]);
    expect(allOff.blackList.map((e) => e.unit)).toEqual(['白沙镇', '青山镇']);
  });

  test('per 分组: top 3 not on pace stay off 红榜; bottom 3 on pace stay off 黑榜', () => {
    const units: Unit[] = [
      ...['商务局', '发改委', '科技局', '工信局', '财政局'].map((n) => unit(n, { group: '部门' })),
      unit('白沙镇', { group: '乡镇' }),
      unit('青山镇', { group: '乡镇' }),
    ];
    const r = rankUnits(
      [
        input('商务局', 90, true), // 部门 1
        input('发改委', 85, true), // 部门 2
        input('科技局', 70, false), // 部门 3: top 3 but below pace → 黑榜 (also bottom 3 of 5)
        input('工信局', 65, true), // 部门 4: bottom 3 but on pace → neither
        input('财政局', 50, false), // 部门 5 → 黑榜
        input('白沙镇', 80, true),
        input('青山镇', 60, false),
      ],
      units,
    );
    const { redList, blackList } = redBlackLists(r, 3);
    const of = (l: typeof redList, g: string) => l.filter((e) => e.group === g).map((e) => [e.unit, e.rank]);
    expect(of(redList, '部门')).toEqual([
      ['商务局', 1],
      ['发改委', 2],
    ]);
    expect(of(blackList, '部门')).toEqual([
      ['科技局', 3],
      ['财政局', 5],
    ]);
    expect(of(redList, '乡镇')).toEqual([['白沙镇', 1]]);
    expect(of(blackList, '乡镇')).toEqual([['青山镇', 2]]);
  });

  test('end to end in June (序时进度 6/12): annual basic points / 满分 decide, even under timeProgress', () => {
    // 签约项目数 target 12, 分值 10 for both towns.
    //   白沙镇 6 signings → annual 10 × 6/12 = 5 → 5/10 = 0.5 = 6/12 → on pace → 红榜
    //   青山镇 5 signings → annual 10 × 5/12 = 4.17 → 0.417 < 0.5 → below → 黑榜
    // Under timeProgress both score against 12 × 6/12 = 6: 白沙镇 10, 青山镇 10 × 5/6 = 8.33 — onPace unchanged.
    const units: Unit[] = [unit('白沙镇', { group: '乡镇' }), unit('青山镇', { group: '乡镇' })];
    const targets = units.map((u) => target({ indicator: '签约项目数', target: 12, points: 10, units: [u.name] }));
    const records = snapshot({
      signed: [
        ...Array.from({ length: 6 }, (_, i) => signed(101 + i, `W${i}`, '白沙镇', '2025-03-01', 1)),
        ...Array.from({ length: 5 }, (_, i) => signed(111 + i, `Q${i}`, '青山镇', '2025-03-01', 1)),
      ],
    });
    const m = computePeriodMetrics({
      period: '2025-06',
      records,
      units,
      targets,
      settings: { overdueDays: 180, scoreAgainst: 'timeProgress' },
    });
    expect(m.ranking.map((e) => [e.unit, e.rank, e.onPace])).toEqual([
      ['白沙镇', 1, true],
      ['青山镇', 2, false],
    ]);
    expect(m.ranking[1]?.score).toBeCloseTo(50 / 6, 9);
    const r = reportSummary(m);
    expect(r.ranking.map((e) => [e.unit, e.rank, e.group, e.groupRank])).toEqual([
      ['白沙镇', 1, '乡镇', 1],
      ['青山镇', 2, '乡镇', 2],
    ]);
    expect(r.redList).toEqual([{ group: '乡镇', unit: '白沙镇' }]);
    expect(r.blackList).toEqual([{ group: '乡镇', unit: '青山镇' }]);
  });
});

describe('progressText: never a negative "欠进度 -N"', () => {
  test.each([
    [-7.34, '低于序时进度7.3个百分点'],
    [2, '高于序时进度2.0个百分点'],
    [12.35, '高于序时进度12.4个百分点'],
    [0, '达到序时进度'],
    [0.04, '达到序时进度'], // 0.0 at one decimal
    [-0.04, '达到序时进度'],
    [null, '—'],
  ])('progressText(%s) = %s', (gap, want) => {
    const s = progressText(gap);
    expect(s).toBe(want);
    expect(s).not.toMatch(/-|欠进度/);
  });

  test('a zone completion of 76% in October: 76 − 83.33 = −7.33 → 低于序时进度7.3个百分点', () => {
    // 全区 签约项目数 target 25, 19 signings → 19/25 = 0.76; 序时进度 10/12 = 0.8333…
    const records = snapshot({
      signed: Array.from({ length: 19 }, (_, i) => signed(101 + i, `P${i}`, '甲局', '2025-05-01', 1)),
    });
    const [c] = zoneCompletion(
      [target({ indicator: '签约项目数', target: 25, zone: true })],
      records,
      '2025-10',
      settings,
    );
    expect(c?.rate).toBeCloseTo(0.76, 9);
    expect(c?.gapPp).toBeCloseTo(-7.3333, 3);
    expect(progressText(c?.gapPp ?? null)).toBe('低于序时进度7.3个百分点');
  });
});

import { makeItem, makeTarget } from './helpers/targets.ts';
import { describe, expect, test } from 'vitest';
import type { ScoreItem, UnitMetrics } from '../src/schemas/metrics.ts';
import type { Target } from '../src/schemas/records.ts';
import { unitId } from '../src/site/data.ts';
import {
  RULE_NOT_FOUND,
  progressWords,
  scoreBreakdowns,
  scoreFigureId,
  scoreLines,
} from '../src/site/ranking/rankingBreakdown.ts';
import {
  fmtIndicator,
  indicatorMeasure,
  methodInWords,
  ruleNumber,
  targetFinder,
} from '../src/site/ranking/rankingRules.ts';

describe('methodInWords', () => {
  test('each 计分方式 in words', () => {
    expect(methodInWords({ method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, '有效信息条数')).toBe(
      '每条0.1分，封顶4.8分',
    );
    expect(methodInWords({ method: '按件', target: 10, perItem: 2, points: 10 }, '签约项目数')).toBe(
      '每个项目2分，封顶10分',
    );
    expect(methodInWords({ method: '按件', target: 10, perItem: 0.5 }, '签约金额')).toBe('每亿元0.5分，不封顶');
    expect(methodInWords({ method: '按比例', target: 10, points: 20 }, '签约项目数')).toBe('按完成率计分，满分20分');
    expect(methodInWords({ method: '按比例', target: 10, points: 20, capRatio: 1.2 }, '签约金额')).toBe(
      '按完成率计分，满分20分；超额完成加分，完成率最高按120%计（最多24分）',
    );
    expect(methodInWords({ method: '按比例', target: 0, points: 5 }, '开工项目数')).toBe(
      '目标为0，实际不低于目标即得5分',
    );
    expect(methodInWords({ method: '达标', target: 5, points: 5 }, '外出招商次数')).toBe('完成目标得5分，未完成不得分');
    expect(methodInWords({ method: '扣分', target: 0, perItem: 0.5, cap: 5 }, '签约超期未开工项目数')).toBe(
      '每个项目扣0.5分，最多扣5分',
    );
    expect(methodInWords({ method: '扣分', target: 0, perItem: -1 }, '签约超期未开工项目数')).toBe(
      '每个项目扣1分，不设上限',
    );
  });

  test('measures and numbers', () => {
    expect(indicatorMeasure('外资到位')).toEqual({ format: 'usd', unit: '万美元', per: '万美元' });
    expect(indicatorMeasure('拜访企业数').unit).toBe('家');
    expect(fmtIndicator('签约金额', 12.345)).toBe('12.35');
    expect(fmtIndicator('签约项目数', 1234)).toBe('1,234');
    expect(fmtIndicator('签约项目数', 2.5)).toBe('2.50');
    expect(ruleNumber(0.1 + 0.2)).toBe('0.3');
    expect(progressWords('欠进度', -23.333)).toBe('低于序时进度23.3个百分点');
    expect(progressWords('超进度', 0)).toBe('达到序时进度');
    expect(progressWords(null, null)).toBeNull();
  });
});

const src = (row: number) => ({ file: 'reference/目标任务分解表.xlsx', sheet: '2025年', row });
const ref = (row: number) => ({ file: 'ledgers/2025-10/签约项目表.xlsx', sheet: 'Sheet1', row });

const item = (over: Partial<ScoreItem>): ScoreItem =>
  makeItem({
    indicator: '签约项目数',
    target: 10,
    actual: 8,
    rate: 0.8,
    status: '欠进度',
    gapPp: -3.333,
    points: 16,
    fullMarks: 20,
    refs: [ref(5), ref(6)],
    src: src(3),
    ...over,
  });

describe('score breakdown', () => {
  const targets: Target[] = [
    makeTarget({ src: src(3), year: 2025, unit: '青川镇', indicator: '签约项目数', target: 10, points: 20 }),
    makeTarget({
      src: src(4),
      year: 2025,
      unit: '青川镇',
      indicator: '有效信息条数',
      target: 48,
      points: 4.8,
      perItem: 0.1,
      cap: 4.8,
      method: '按件',
    }),
  ];
  const unit = {
    unit: '青川镇',
    items: [
      item({}),
      item({
        indicator: '有效信息条数',
        method: '按件',
        target: 48,
        actual: 30,
        rate: 0.625,
        points: 3,
        fullMarks: 4.8,
        src: src(4),
        refs: [],
      }),
      item({
        indicator: '签约超期未开工项目数',
        method: '扣分',
        target: 0,
        actual: 2,
        rate: null,
        status: null,
        gapPp: null,
        points: -1,
        fullMarks: 0,
        src: src(99),
        ignoredFilters: ['资金来源=境外'],
      }),
    ],
  };
  const calls: string[] = [];
  const drill = (period: string, id: string, anchor?: string) => {
    calls.push(`${period} ${id} ${anchor}`);
    return `../drill/${period}.html?f=${id}#${anchor}`;
  };
  const lines = scoreLines(unit, '2025-10', targetFinder(targets), drill);
  const id = unitId('青川镇');

  test('every actual and points cell drills to the score item rows, landing on the unit section of its ledger', () => {
    expect(scoreFigureId(id, 2)).toBe(`score.${id}.2`);
    expect(calls).toEqual([
      `2025-10 score.${id}.0 signed-${id}`,
      `2025-10 score.${id}.1 leads-${id}`,
      `2025-10 score.${id}.2 overdue-${id}`,
    ]);
    expect(lines[1]?.href).toBe(`../drill/2025-10.html?f=score.${id}.1#leads-${id}`);
  });

  test('figures and rules as shown', () => {
    expect(
      lines.map((l) => [
        l.indicator,
        l.targetText,
        l.actualText,
        l.rateText,
        l.ruleText,
        l.pointsText,
        l.maxPointsText,
      ]),
    ).toEqual([
      ['签约项目数', '10', '8', '80.0%', '按完成率计分，满分20分', '16.00', '20.00'],
      ['有效信息条数', '48', '30', '62.5%', '每条0.1分，封顶4.8分', '3.00', '4.80'],
      // no target row found (src 99): said so rather than guessed; 扣分 has no full marks
      ['签约超期未开工项目数', '0', '2', '—', RULE_NOT_FOUND, '-1.00', '—'],
    ]);
    expect(lines[0]?.progressText).toBe('低于序时进度3.3个百分点');
    expect(lines[0]?.rowCount).toBe(2);
    expect(lines[0]?.source).toBe('reference/目标任务分解表.xlsx › 2025年 › 第3行');
    expect(lines[2]?.ignoredText).toBe('资金来源=境外（本指标不适用，未计入条件）');
  });

  test('breakdowns follow the order given and skip units without metrics', () => {
    const metrics = [
      { ...unit, known: true, group: '乡镇组', ranked: true, score: 18, maxScore: 24.8 },
      { unit: '白沙镇', items: [], known: true, group: null, ranked: true, score: null, maxScore: null },
    ] as unknown as UnitMetrics[];
    const bs = scoreBreakdowns(metrics, ['白沙镇', '不存在', '青川镇'], '2025-10', targetFinder(targets), drill);
    expect(bs.map((b) => [b.unit, b.anchor, b.scoreText, b.maxScoreText, b.lines.length])).toEqual([
      ['白沙镇', `score-${unitId('白沙镇')}`, '—', '—', 0],
      ['青川镇', `score-${id}`, '18.00', '24.80', 3],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type FormulaItem,
  groupFormula,
  handDecimals,
  manualFormula,
  scoreFormula,
  totalFormulas,
} from '../src/site/documents/scoreFormula.ts';

/** Each expected formula is worked out by hand in its comment; every product shown gives the score shown. */

const item = (o: Partial<FormulaItem>): FormulaItem => ({
  indicator: '签约项目数',
  method: '按比例',
  category: '基本',
  weight: null,
  perItem: null,
  cap: null,
  capRatio: null,
  target: 0,
  scoredTarget: 0,
  actual: 0,
  points: 0,
  ...o,
});

describe('scoreFormula', () => {
  it('按比例: 20 × 76.1% = 15.22 (rate 761/1000 exactly)', () => {
    expect(
      scoreFormula(
        item({ weight: 20, target: 1000, scoredTarget: 1000, actual: 761, points: 15.22, indicator: '签约金额' }),
      ),
    ).toBe('得分 = 分值20 × 完成率76.1% = 15.22');
  });

  it('按比例: more decimals when one would not give the printed score', () => {
    // 28/43 = 0.651163; 15 × 0.651163 = 9.7674 → 9.77; by hand 15 × 65.1% = 9.765 → 9.77: one decimal is enough
    expect(scoreFormula(item({ weight: 15, target: 43, scoredTarget: 43, actual: 28, points: (15 * 28) / 43 }))).toBe(
      '得分 = 分值15 × 完成率65.1% = 9.77',
    );
    // 8.944/10 = 0.8944; 15 × 0.8944 = 13.416 → 13.42; 15 × 89.4% = 13.41 ✗ → 89.44%: 13.416 → 13.42 ✓
    expect(scoreFormula(item({ weight: 15, target: 10, scoredTarget: 10, actual: 8.944, points: 13.416 }))).toBe(
      '得分 = 分值15 × 完成率89.44% = 13.42',
    );
  });

  it('按比例 above the cap: 完成率 counted at 100%', () => {
    // 12/10 = 120.0%, capped at 1 → 20 × 100% = 20.00
    expect(scoreFormula(item({ weight: 20, target: 10, scoredTarget: 10, actual: 12, points: 20 }))).toBe(
      '得分 = 分值20 × 完成率100%（实际完成率120.0%，最高按100%计） = 20.00',
    );
  });

  it('按比例 against the 序时目标 (scoreAgainst: timeProgress)', () => {
    // target 12, month 6 → 6; actual 3 → 50%; 10 × 50.0% = 5.00
    expect(scoreFormula(item({ weight: 10, target: 12, scoredTarget: 6, actual: 3, points: 5 }))).toBe(
      '得分 = 分值10 × 完成率50.0%（实际3 ÷ 序时目标6（年度目标12）） = 5.00',
    );
  });

  it('达标: met and not met', () => {
    expect(scoreFormula(item({ method: '达标', weight: 5, target: 18, scoredTarget: 18, actual: 12, points: 0 }))).toBe(
      '得分 = 实际12 < 目标18，不得分 = 0.00',
    );
    expect(scoreFormula(item({ method: '达标', weight: 5, target: 18, scoredTarget: 18, actual: 20, points: 5 }))).toBe(
      '得分 = 实际20 ≥ 目标18，得分值5 = 5.00',
    );
  });

  it('按件: under and over the cap', () => {
    // 26 × 0.1 = 2.60 ≤ 4.8
    expect(
      scoreFormula(
        item({
          indicator: '有效信息条数',
          method: '按件',
          perItem: 0.1,
          cap: 4.8,
          target: 48,
          scoredTarget: 48,
          actual: 26,
          points: 2.6,
        }),
      ),
    ).toBe('得分 = 26条 × 0.1分 = 2.60（封顶4.8分）');
    // 60 × 0.1 = 6.00 > 4.8 → 4.80
    expect(
      scoreFormula(
        item({
          indicator: '有效信息条数',
          method: '按件',
          perItem: 0.1,
          cap: 4.8,
          target: 48,
          scoredTarget: 48,
          actual: 60,
          points: 4.8,
        }),
      ),
    ).toBe('得分 = 60条 × 0.1分 = 6.00，封顶4.8分 = 4.80');
  });

  it('加分 rows carry the 加分 prefix', () => {
    // 6 × 0.2 = 1.20
    expect(
      scoreFormula(
        item({ indicator: '外出招商次数', method: '按件', category: '加分', perItem: 0.2, actual: 6, points: 1.2 }),
      ),
    ).toBe('加分：6次 × 0.2分 = 1.20');
  });

  it('扣分: 5 × 0.5 = 2.50 deducted; over the limit: 12 × 0.5 = 6.00, at most 5', () => {
    const base = {
      indicator: '签约超期未开工项目数' as const,
      method: '扣分' as const,
      category: '扣分' as const,
      perItem: -0.5,
      cap: 5,
    };
    expect(scoreFormula(item({ ...base, actual: 5, points: -2.5 }))).toBe(
      '扣分：5个 × 0.5分 = 2.50，计-2.50（最多扣5分）',
    );
    expect(scoreFormula(item({ ...base, actual: 12, points: -5 }))).toBe(
      '扣分：12个 × 0.5分 = 6.00，最多扣5分，计-5.00',
    );
  });

  it('缺额扣分: short 3 of 5 × 0.1 = 0.30', () => {
    // target 5, actual 2 → short 3 × 0.1 = 0.30 → −0.30 (cap 1 not reached)
    expect(
      scoreFormula(
        item({
          method: '缺额扣分',
          category: '扣分',
          perItem: 0.1,
          cap: 1,
          target: 5,
          scoredTarget: 5,
          actual: 2,
          points: -0.3,
        }),
      ),
    ).toBe('扣分：差3个（目标5 − 实际2） × 0.1分 = 0.30，计-0.30（最多扣1分）');
  });
});

describe('groupFormula, manualFormula, totalFormulas', () => {
  const trips = item({
    indicator: '外出招商次数',
    method: '按件',
    category: '加分',
    perItem: 0.2,
    actual: 6,
    points: 1.2,
  });
  const foreign = item({
    indicator: '签约项目数',
    method: '按件',
    category: '加分',
    perItem: 0.5,
    actual: 1,
    points: 0.5,
  });

  it('the issue’s example: 6次×0.2 + 1个×0.5 = 1.70 under the cap of 3', () => {
    expect(groupFormula({ name: '招商加分', category: '加分', cap: 3, sum: 1.7, points: 1.7 }, [trips, foreign])).toBe(
      '加分：外出招商 6次×0.2 + 签约项目 1个×0.5，封顶3分 = 1.70',
    );
  });

  it('over the cap: 10×0.2 + 3×0.5 = 3.50, capped at 3 → 3.00', () => {
    const t = { ...trips, actual: 10, points: 2 };
    const f = { ...foreign, actual: 3, points: 1.5 };
    expect(groupFormula({ name: '招商加分', category: '加分', cap: 3, sum: 3.5, points: 3 }, [t, f])).toBe(
      '加分：外出招商 10次×0.2 + 签约项目 3个×0.5 = 3.50，封顶3分 = 3.00',
    );
  });

  it('人工评分 with its 依据', () => {
    expect(manualFormula({ item: '举行签约活动', points: 0.5, basis: '青开招〔2025〕12号' })).toBe(
      '加分：举行签约活动 +0.50（依据：青开招〔2025〕12号）',
    );
    expect(manualFormula({ item: '未按时报送', points: -1, basis: null })).toBe(
      '扣分：未按时报送 -1.00（依据：未填写）',
    );
  });

  it('total and 百分制: 71.37 + 0 − 2.50 = 68.87; 71.37 ÷ 89.80 × 100 − 2.50 = 76.98', () => {
    // 71.37 / 89.8 × 100 = 79.4766; − 2.5 = 76.9766 → 76.98
    const t = totalFormulas({
      basic: 71.37,
      bonus: 0,
      deduction: -2.5,
      raw: 68.87,
      fullMarks: 89.8,
      percent: (71.37 / 89.8) * 100 - 2.5,
      pool: null,
      headcount: null,
    });
    expect(t.total).toBe('总分 = 基本分71.37 + 加分0.00 + 扣分-2.50 = 68.87');
    expect(t.percent).toBe('百分制 = 基本分71.37 ÷ 满分89.80 × 100 + 加分0.00 + 扣分-2.50 = 76.98');
    expect(t.pool).toBeNull();
    // 分值池 = 12.34 × 4 = 49.36
    expect(
      totalFormulas({
        basic: 12.34,
        bonus: 0,
        deduction: 0,
        raw: 12.34,
        fullMarks: 20,
        percent: 61.7,
        pool: 49.36,
        headcount: 4,
      }).pool,
    ).toBe('分值池 = 总分12.34 × 人数4 = 49.36');
  });

  it('handDecimals picks the fewest decimals that reproduce', () => {
    expect(handDecimals(89.44, 1, 4, (p) => Math.round(15 * p) / 100 === 13.42)).toBe(2);
    expect(handDecimals(76.1, 1, 4, () => true)).toBe(1);
    expect(handDecimals(1, 1, 3, () => false)).toBe(3);
  });
});

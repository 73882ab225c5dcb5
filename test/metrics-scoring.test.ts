import { entryDefaults } from './helpers/targets.ts';
import { describe, expect, test } from 'vitest';
import { filterLabel } from '../src/metrics/filters.ts';
import { normalizeChain } from '../src/schemas/chain.ts';
import { rankUnits } from '../src/metrics/ranking.ts';
import { type ScoringRule, scoreTarget } from '../src/metrics/scoring.ts';
import type { RankingEntry } from '../src/schemas/metrics.ts';
import type { Unit } from '../src/schemas/records.ts';

describe('scoreTarget', () => {
  // rule, actual, expected points, maxPoints, rate — all worked out by hand
  const cases: Array<[string, ScoringRule, number, number, number, number | null]> = [
    ['按比例 below target', { method: '按比例', target: 10, points: 20 }, 8, 16, 20, 0.8],
    ['按比例 capped at 1×', { method: '按比例', target: 10, points: 20 }, 12, 20, 20, 1.2],
    ['按比例 封顶倍数 1.2 reached', { method: '按比例', target: 10, points: 20, capRatio: 1.2 }, 15, 24, 20, 1.5],
    ['按比例 封顶倍数 1.2 not reached', { method: '按比例', target: 10, points: 20, capRatio: 1.2 }, 11, 22, 20, 1.1],
    ['按比例 negative actual', { method: '按比例', target: 10, points: 20 }, -2, 0, 20, -0.2],
    ['按比例 target 0, actual 0: met', { method: '按比例', target: 0, points: 5 }, 0, 5, 5, null],
    [
      '按比例 target 0, actual 3: met, not ×封顶倍数',
      { method: '按比例', target: 0, points: 5, capRatio: 2 },
      3,
      5,
      5,
      null,
    ],
    ['按比例 without 分值', { method: '按比例', target: 10 }, 10, 0, 0, 1],
    ['达标 met exactly', { method: '达标', target: 5, points: 10 }, 5, 10, 10, 1],
    ['达标 missed', { method: '达标', target: 5, points: 10 }, 4.9, 0, 10, 0.98],
    ['达标 met by a float sum', { method: '达标', target: 1, points: 10 }, 0.7 + 0.1 + 0.1 + 0.1, 10, 10, 1],
    // the contract's example: 每条0.1分，满分4.8分
    ['按件 30 leads', { method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, 30, 3, 4.8, 0.625],
    ['按件 48 leads', { method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, 48, 4.8, 4.8, 1],
    ['按件 60 leads: capped', { method: '按件', target: 48, perItem: 0.1, cap: 4.8 }, 60, 4.8, 4.8, 1.25],
    ['按件 分值 as cap', { method: '按件', target: 4, points: 2, perItem: 0.5 }, 10, 2, 2, 2.5],
    ['按件 under 分值', { method: '按件', target: 4, points: 2, perItem: 0.5 }, 3, 1.5, 2, 0.75],
    ['按件 uncapped', { method: '按件', target: 0, perItem: 1 }, 7, 7, 0, null],
    ['扣分 under cap', { method: '扣分', target: 0, perItem: 0.5, cap: 2 }, 3, -1.5, 0, null],
    ['扣分 capped', { method: '扣分', target: 0, perItem: 0.5, cap: 2 }, 10, -2, 0, null],
    ['扣分 written negative', { method: '扣分', target: 0, perItem: -0.5, cap: 2 }, 2, -1, 0, null],
    ['扣分 分值 as cap', { method: '扣分', target: 0, perItem: 1, points: 3 }, 5, -3, 0, null],
    ['扣分 uncapped', { method: '扣分', target: 0, perItem: 1 }, 4, -4, 0, null],
  ];
  test.each(cases)('%s', (_name, rule, actual, points, _maxPoints, rate) => {
    const s = scoreTarget(rule, actual, rule.target);
    expect(s.points).toBeCloseTo(points, 9);
    if (rate === null) expect(s.rate).toBeNull();
    else expect(s.rate).toBeCloseTo(rate, 9);
  });

  test('扣分 of nothing is +0, not −0', () => {
    expect(scoreTarget({ method: '扣分', target: 0, perItem: 0.5, cap: 2 }, 0, 0).points).toBe(0);
  });
});

describe('filters', () => {
  test('labels', () => {
    expect(filterLabel({})).toBe('');
    expect(filterLabel({ minInvestmentYi: 5, chain: '新能源' })).toBe('产业链=新能源；投资≥5亿元');
    expect(filterLabel({ foreign: true, provincial: false, fundSource: '境外' })).toBe(
      '外资=是；省台账=否；资金来源=境外',
    );
  });
  test.each([
    ['新能源', '新能源'],
    ['新能源产业链', '新能源'],
    ['新能源 产业', '新能源'],
    ['新材料链', '新材料'],
  ])('normalizeChain(%s) = %s', (a, b) => expect(normalizeChain(a)).toBe(b));
});

describe('rankUnits', () => {
  const unit = (name: string, group?: string, ranked = true): Unit => ({
    name,
    aliases: [],
    ranked,
    ...(group ? { group } : {}),
  });
  const units = [unit('A', 'g1'), unit('B', 'g1'), unit('C', 'g2'), unit('D', 'g2'), unit('E', 'g1', false)];
  const pick = (r: RankingEntry[]) => r.map((e) => [e.unit, e.rank, e.groupRank]);

  test('1, 2, 2, 4 with ties at two decimals; unranked listed last; group ranks', () => {
    const r = rankUnits(
      [
        { unit: 'D', score: 80 },
        { unit: 'C', score: 85.001 }, // 85.00 as shown: ties with B
        { unit: 'E', score: 99 }, // best score, but 是否参与排名 = 否
        { unit: 'A', score: 90 },
        { unit: 'B', score: 85.004 },
      ],
      units,
    );
    expect(pick(r)).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
      ['C', 2, 1],
      ['D', 4, 2],
      ['E', null, null],
    ]);
    expect(r.map((e) => e.ranked)).toEqual([true, true, true, true, false]);
    expect(r[4]).toMatchObject({ unit: 'E', group: 'g1', score: 99 });
  });

  test('scores differing only beyond two decimals rank apart when they display apart', () => {
    const r = rankUnits(
      [
        { unit: 'A', score: 85.004 }, // 85.00
        { unit: 'B', score: 85.006 }, // 85.01
        { unit: 'C', score: 85.005 }, // 85.01 (half away from zero)
      ],
      units,
    );
    expect(pick(r)).toEqual([
      ['B', 1, 1],
      ['C', 1, 1],
      ['A', 3, 2],
    ]);
  });

  test('ties listed in code-unit order of names, not pinyin', () => {
    const zh = [unit('甲局'), unit('乙局')];
    // 乙 U+4E59 < 甲 U+7532, although jiǎ comes before yǐ in pinyin
    const r = rankUnits(
      [
        { unit: '甲局', score: 10 },
        { unit: '乙局', score: 10 },
      ],
      zh,
    );
    expect(pick(r)).toEqual([
      ['乙局', 1, null],
      ['甲局', 1, null],
    ]);
  });

  test('change against the previous ranking', () => {
    const prev: RankingEntry[] = [
      {
        unit: 'A',
        group: 'g1',
        ranked: true,
        score: 80,
        ...entryDefaults(80),
        rank: 2,
        groupRank: 2,
        prevRank: null,
        change: null,
      },
      {
        unit: 'B',
        group: 'g1',
        ranked: true,
        score: 90,
        ...entryDefaults(90),
        rank: 1,
        groupRank: 1,
        prevRank: null,
        change: null,
      },
      {
        unit: 'D',
        group: 'g2',
        ranked: true,
        score: 1,
        ...entryDefaults(1),
        rank: 3,
        groupRank: 1,
        prevRank: null,
        change: null,
      },
    ];
    const r = rankUnits(
      [
        { unit: 'A', score: 95 },
        { unit: 'B', score: 90 },
        { unit: 'C', score: 70 },
        { unit: 'D', score: 80 },
      ],
      units,
      prev,
    );
    expect(r.map((e) => [e.unit, e.rank, e.prevRank, e.change])).toEqual([
      ['A', 1, 2, 1],
      ['B', 2, 1, -1],
      ['D', 3, 3, 0],
      ['C', 4, null, null],
    ]);
  });

  test('a name missing from the units table is not ranked; with no table every unit is', () => {
    expect(
      pick(
        rankUnits(
          [
            { unit: 'A', score: 1 },
            { unit: 'X', score: 5 },
          ],
          units,
        ),
      ),
    ).toEqual([
      ['A', 1, 1],
      ['X', null, null],
    ]);
    expect(
      pick(
        rankUnits(
          [
            { unit: 'A', score: 1 },
            { unit: 'X', score: 5 },
          ],
          [],
        ),
      ),
    ).toEqual([
      ['X', 1, null],
      ['A', 2, null],
    ]);
  });

  test('negative scores rank below zero', () => {
    expect(
      pick(
        rankUnits(
          [
            { unit: 'A', score: -1.5 },
            { unit: 'B', score: 0 },
          ],
          units,
        ),
      ),
    ).toEqual([
      ['B', 1, 1], // A and B are both in g1
      ['A', 2, 2],
    ]);
  });
});

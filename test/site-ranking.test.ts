import { entryDefaults } from './helpers/targets.ts';
import { redBlackLists } from '../src/metrics/ranking.ts';
import { describe, expect, test } from 'vitest';
import type { RankingEntry, UnitMetrics } from '../src/schemas/metrics.ts';
import type { Unit } from '../src/schemas/records.ts';
import { unitId } from '../src/site/data.ts';
import {
  changeWords,
  placeText,
  rankText,
  rankingPeriods,
  rankingView,
  redBlack,
} from '../src/site/ranking/ranking.ts';
import { rankingIndex, standingText } from '../src/site/ranking/rankingPage.ts';

/** A ranked entry; `rank` given by hand as the metrics stage would (1, 2, 2, 4). */
const entry = (unit: string, score: number, rank: number | null, extra: Partial<RankingEntry> = {}): RankingEntry => ({
  unit,
  group: null,
  ranked: rank !== null,
  score,
  ...entryDefaults(score),
  fullMarks: 100,
  rank,
  groupRank: null,
  prevRank: null,
  change: null,
  ...extra,
});
/** On pace (at or above 序时进度) or behind: what the 红黑榜 rule looks at besides the rank. */
const ahead = { onPace: true };

const unit = (name: string, group?: string, ranked = true): Unit => ({
  name,
  aliases: [],
  ranked,
  ...(group ? { group } : {}),
});

const metricsOf = (unit: string, maxScore: number): UnitMetrics => ({ unit, maxScore }) as UnitMetrics;

/** The view with the engine's 红黑榜 (N = 3) of the same entries, as the pages get it. */
const view = (entries: RankingEntry[], units: Unit[] = [], hasPrevious = false) =>
  rankingView(
    entries,
    entries.map((e) => metricsOf(e.unit, 100)),
    units,
    hasPrevious,
    { ...redBlackLists(entries, 3), redBlackSize: 3 },
  );

describe('changeWords', () => {
  test('up, down, same, new, no previous ranking', () => {
    expect(changeWords({ rank: 2, prevRank: 4, change: 2 }, true)).toEqual({
      text: '↑2',
      title: '较上期上升2位',
      cls: 'up',
    });
    expect(changeWords({ rank: 5, prevRank: 2, change: -3 }, true)).toEqual({
      text: '↓3',
      title: '较上期下降3位',
      cls: 'down',
    });
    expect(changeWords({ rank: 3, prevRank: 3, change: 0 }, true)).toEqual({
      text: '持平',
      title: '与上期名次相同',
      cls: null,
    });
    expect(changeWords({ rank: 3, prevRank: null, change: null }, true)).toEqual({
      text: '新列入',
      title: '上期未参与排名',
      cls: null,
    });
    expect(changeWords({ rank: 3, prevRank: null, change: null }, false).text).toBe('—');
    expect(changeWords({ rank: null, prevRank: 2, change: null }, true).text).toBe('—');
  });
});

describe('红黑榜', () => {
  test('ties at the boundaries: 1, 2, 2, 4, 5, 5, 7', () => {
    // scores 90 80 80 70 60 60 50; 甲乙丙丁 at or above 序时进度, 戊己庚 below.
    // red = rank ≤ 3 and on pace: 甲 乙 丙 (丁 is 4th); black = rank > 7 − 3 = 4 and behind: 戊 己 庚,
    // listed from the bottom: 庚 (1), 戊 己 (2, tied)
    const v = view([
      entry('甲', 90, 1, ahead),
      entry('乙', 80, 2, ahead),
      entry('丙', 80, 2, ahead),
      entry('丁', 70, 4, ahead),
      entry('戊', 60, 5),
      entry('己', 60, 5),
      entry('庚', 50, 7),
    ]);
    expect(v.red.map((r) => r.unit)).toEqual(['甲', '乙', '丙']);
    expect(v.black.map((b) => [b.row.unit, b.fromBottom, b.tied])).toEqual([
      ['庚', 1, false],
      ['戊', 2, true],
      ['己', 2, true],
    ]);
    expect(v.blackNote).toBeNull();
    expect(placeText(2, true, '倒数')).toBe('倒数第2名（并列）');
    expect(v.ranked.map((r) => rankText(r.rank, r.tied))).toEqual([
      '1',
      '2（并列）',
      '2（并列）',
      '4',
      '5（并列）',
      '5（并列）',
      '7',
    ]);
  });

  test('a tie on the third place puts four units on the 红榜', () => {
    // ranks 1 2 3 3 5 6 7: ranks ≤ 3 are four units, all on pace; bottom three (rank > 4) behind
    const v = view([
      entry('甲', 90, 1, ahead),
      entry('乙', 85, 2, ahead),
      entry('丙', 80, 3, ahead),
      entry('丁', 80, 3, ahead),
      entry('戊', 70, 5),
      entry('己', 60, 6),
      entry('庚', 50, 7),
    ]);
    expect(v.red.map((r) => r.unit)).toEqual(['甲', '乙', '丙', '丁']);
    expect(v.black.map((b) => b.row.unit)).toEqual(['庚', '己', '戊']);
  });

  test('scores equal at two decimals are tied from the bottom too', () => {
    // 50.004 and 49.996 both show 50.00: ranks 1 2 3 4 5 5; black = rank > 3 and behind: 丁 戊 己
    const v = view([
      entry('甲', 90, 1, ahead),
      entry('乙', 85, 2, ahead),
      entry('丙', 84, 3, ahead),
      entry('丁', 70, 4),
      entry('戊', 50.004, 5),
      entry('己', 49.996, 5),
    ]);
    expect(v.black.map((b) => [b.row.unit, b.fromBottom])).toEqual([
      ['戊', 1],
      ['己', 1],
      ['丁', 3],
    ]);
  });

  test('the rule, not the place: a top unit behind 序时进度 is not red, a bottom unit on pace is not black', () => {
    // four units: 甲乙 on pace, 丙丁 behind. red = ranks 1–3 on pace = 甲 乙 (丙 is 3rd but behind);
    // black = ranks > 4 − 3 = 1 and behind = 丙 丁; lists may hold fewer than 3
    const v = view([entry('甲', 18.5, 1, ahead), entry('乙', 12, 2, ahead), entry('丙', 3.6, 3), entry('丁', 0, 4)]);
    expect(v.red.map((r) => r.unit)).toEqual(['甲', '乙']);
    expect(v.black.map((b) => b.row.unit)).toEqual(['丁', '丙']);
    // all on pace: no 黑榜, and the page says why
    const all = view([entry('甲', 10, 1, ahead), entry('乙', 9, 2, ahead)]);
    expect(all.red.map((r) => r.unit)).toEqual(['甲', '乙']);
    expect(all.black).toEqual([]);
    expect(all.blackNote).toBe('排名后3位的单位均达到序时进度，本期无单位列入黑榜。');
    expect(redBlack([], { redList: [], blackList: [] }, 3).blackNote).toBe('本期没有参与排名的单位。');
  });
});

describe('rankingView', () => {
  const units = [unit('甲镇', '乡镇组'), unit('乙局', '部门组'), unit('丙镇', '乡镇组'), unit('丁办', '部门组', false)];
  const entries = [
    entry('乙局', 80, 1, { group: '部门组', groupRank: 1, prevRank: 2, change: 1 }),
    entry('甲镇', 70, 2, { group: '乡镇组', groupRank: 1, prevRank: 1, change: -1 }),
    entry('丙镇', 70, 2, { group: '乡镇组', groupRank: 1, prevRank: null, change: null }),
    entry('丁办', 40, null, { group: '部门组', ranked: false }),
    entry('外来名', 10, null, { ranked: false }),
  ];
  const v = view(entries, units, true);

  test('groups in units-table order, within-group ties, unranked apart', () => {
    expect(v.groups.map((g) => [g.group, g.rows.map((r) => `${r.unit}${rankText(r.groupRank, r.groupTied)}`)])).toEqual(
      [
        ['乡镇组', ['甲镇1（并列）', '丙镇1（并列）']],
        ['部门组', ['乙局1']],
      ],
    );
    expect(v.unranked.map((r) => [r.unit, r.known])).toEqual([
      ['丁办', true],
      ['外来名', false],
    ]);
  });

  test('rows carry unit pages, full marks and change words', () => {
    const first = v.ranked[0];
    expect(first?.page).toBe(`units/${unitId('乙局')}.html`);
    expect(first?.maxScore).toBe(100);
    expect(v.ranked.map((r) => r.changeText)).toEqual(['↑1', '↓1', '新列入']);
    expect(standingText(v.ranked[1])).toBe('综合第2名（并列） · 乡镇组第1名（并列）');
    expect(standingText(v.unranked[0])).toBe('不参与排名');
    expect(standingText(v.unranked[1])).toBe('未识别单位（不在单位名单中），不参与排名');
  });
});

describe('rankingPeriods', () => {
  test('a page per month and per quarter whose end month exists', () => {
    const all = rankingPeriods(['2025-10', '2025-08', '2025-09', '2025-06', '2024-12']);
    expect(all.map((p) => [p.key, p.label, p.page])).toEqual([
      ['2024-12', '2024年12月', 'rankings/2024-12.html'],
      ['2024-Q4', '2024年第四季度', 'rankings/2024-Q4.html'],
      ['2025-06', '2025年6月', 'rankings/2025-06.html'],
      ['2025-Q2', '2025年第二季度', 'rankings/2025-Q2.html'],
      ['2025-08', '2025年8月', 'rankings/2025-08.html'],
      ['2025-09', '2025年9月', 'rankings/2025-09.html'],
      ['2025-Q3', '2025年第三季度', 'rankings/2025-Q3.html'],
      ['2025-10', '2025年10月', 'rankings/2025-10.html'],
    ]);
    expect(all.find((p) => p.key === '2025-Q3')?.period).toBe('2025-09');
    const idx = rankingIndex(all);
    expect(idx.years.map((y) => [y.year, y.months.length, y.quarters.map((q) => q.key)])).toEqual([
      ['2025', 4, ['2025-Q2', '2025-Q3']],
      ['2024', 1, ['2024-Q4']],
    ]);
  });
});

import { describe, expect, test } from 'vitest';
import { bulletinView, progressOf, zoneTarget } from '../src/site/bulletin/bulletin.ts';
import type { Cell } from '../src/site/bulletin/bulletinFormat.ts';
import { bulletinIndex } from '../src/site/bulletin/bulletinIndex.ts';
import { bulletinTableId, bulletinTables } from '../src/site/bulletin/bulletinTables.ts';
import { itemLabel, rankChange } from '../src/site/bulletin/bulletinUnits.ts';
import { unitId } from '../src/site/data.ts';
import { periodData } from './site-bulletin.fixture.ts';

const META = {
  zoneName: '青川经济开发区',
  office: '青川经济开发区投资促进局',
  periods: ['2025-08', '2025-09', '2025-10'],
};
const jia = unitId('甲镇');

describe('progressOf (超进度 / 欠进度 against 序时进度)', () => {
  test.each([
    // 2 of 3 by October: 66.7% − 83.3% = −16.7 points
    [2 / 3, '2025-10', '低于序时进度16.7个百分点'],
    // 55 of 50: 110.0% − 83.3% = +26.7
    [1.1, '2025-10', '高于序时进度26.7个百分点'],
    // exactly on pace is 超进度
    [0.5, '2025-06', '达到序时进度'],
    [10 / 12, '2025-10', '达到序时进度'],
    // behind by 0.04 points: never "-0.0"
    [10 / 12 - 0.0004, '2025-10', '低于序时进度不足0.1个百分点'],
    [0.25, '2025-03', '达到序时进度'],
    [0, '2025-01', '低于序时进度8.3个百分点'],
  ])('progressOf(%d, %s) = %s', (rate, period, text) => expect(progressOf(rate, period)?.text).toBe(text));

  test('no rate, no label', () => {
    expect(progressOf(null, '2025-10')).toBeNull();
    expect(progressOf(2 / 3, '2025-10')).toMatchObject({ word: '欠进度', ahead: false });
  });
});

describe('bulletinView', () => {
  const { data, prev } = periodData();
  const v = bulletinView(data, META, prev);
  const row = (label: string) => v.overview.find((r) => r.label === label)!;
  const cells: Cell[] = [
    ...v.overview.flatMap((r) => [r.month, r.ytd]),
    ...[...v.buckets.rows, v.buckets.total].flatMap((r) => [r.month.count, r.month.yi, r.ytd.count, r.ytd.yi]),
    ...v.chains.rows.flatMap((r) => [r.count, r.yi]),
    ...v.units.groups.flatMap((g) => g.items.map((i) => i.actual)),
    ...[...v.funds.rows, v.funds.total].flatMap((r) => [r.count, r.yi, r.foreign]),
    v.trips.count,
    v.trips.visits,
    v.overdue.count,
    v.overdue.yi,
  ];

  test('header: 文号-like line, data date, neighbours', () => {
    expect(v.title).toBe('2025年10月招商引资工作通报');
    expect(v.docNo).toBe('青川经济开发区投资促进局 · 2025年第10期');
    expect(v.asOf).toBe('数据截至2025年10月底');
    expect([v.span, v.timeProgress, v.prevPeriod]).toEqual(['1—10月', '83.3%', '2025-09']);
    // no later period is named: a published bulletin must not change when a month is added
    expect(bulletinView(data, { ...META, periods: [...META.periods, '2025-11'] }, prev)).toEqual(v);
    expect(v.switchPeriods).toEqual(['2025-08', '2025-09', '2025-10']);
  });

  test('一、总体情况: 本月, 较上月, 累计, 各单位目标合计 and progress', () => {
    // 签约: 4 this year (12 + 0.8 + 55 + 6 = 73.8 亿元), 2 this month; September had none
    expect(row('签约项目')).toMatchObject({
      month: { text: '2' },
      delta: '+2',
      ytd: { text: '4' },
      target: '5',
      // 各单位目标合计 甲镇 3 + 丙办 2 = 5, against those units' own 2 + 1 = 3 (not the zone's 4): 60 %
      base: '2个单位目标合计',
      baseActual: '3',
      rate: '60.0%',
    });
    // 60 % − 序时进度 83.3 % = −23.3 points
    expect(row('签约项目').progress?.text).toBe('低于序时进度23.3个百分点');
    expect(row('签约金额')).toMatchObject({
      month: { text: '55.80' },
      delta: '+55.80',
      ytd: { text: '73.80' },
      target: '60.00',
      // 甲镇 10 + 乙局 50 = 60 against their 12 + 0.8 + 55 = 67.8 (丙办's 6 holds no such target): 113 %
      baseActual: '67.80',
      rate: '113.0%',
    });
    // 113 % − 83.3 % = +29.7 points
    expect(row('签约金额').progress?.text).toBe('高于序时进度29.7个百分点');
    expect(row('其中外资')).toMatchObject({ month: { text: '500.00' }, target: null, progress: null });
    expect(row('有效信息')).toMatchObject({ month: { text: '1' }, ytd: { text: '2' } });
    expect(row('信息总数').ytd.text).toBe('3');
    expect(row('拜访企业')).toMatchObject({ month: { text: '4' }, ytd: { text: '6' } });
    // 扣分 rows and filtered rows are no zone target
    expect(zoneTarget(data.metrics, '签约超期未开工项目数')).toBeNull();
    expect(zoneTarget(data.metrics, '投产项目数')?.target).toBe(1);
  });

  test('without last month’s snapshot there is no 较上月', () => {
    const alone = bulletinView(periodData(false).data, META, null);
    expect(alone.overview.every((r) => r.delta === null)).toBe(true);
    expect(alone.ranking.ranked.every((r) => r.change === '—')).toBe(true);
  });

  test('二、三: size buckets and chains', () => {
    expect(v.buckets.rows.map((r) => [r.label, r.ytd.count.text, r.ytd.yi.text, r.month.count.text])).toEqual([
      ['50亿元以上', '1', '55.00', '1'],
      ['10–50亿元', '1', '12.00', '0'],
      ['5–10亿元', '1', '6.00', '0'],
      ['1–5亿元', '0', '0.00', '0'],
      ['亿元以下', '1', '0.80', '1'],
    ]);
    expect(v.buckets.total.ytd.yi.text).toBe('73.80');
    expect(v.chains.rows.map((r) => [r.label, r.count.text, r.share])).toEqual([
      ['新能源', '2', '90.8%'],
      ['未填产业链', '1', '8.1%'],
      ['装备制造', '1', '1.1%'],
    ]);
  });

  test('四: unit items with 完成率, 序时进度 status and gap', () => {
    const g = v.units.groups.find((x) => x.unit === '甲镇')!;
    expect(g).toMatchObject({ anchor: `unit-${jia}`, group: '乡镇' });
    expect(g.items.map((i) => [i.label, i.target, i.actual.text, i.rate, i.progress?.text ?? i.note])).toEqual([
      ['签约金额（亿元）', '10.00', '12.80', '128.0%', '高于序时进度44.7个百分点'],
      ['签约项目数', '3', '2', '66.7%', '低于序时进度16.7个百分点'],
      ['开工项目数', '2', '1', '50.0%', '低于序时进度33.3个百分点'],
    ]);
    expect(g.items[1]!.actual.href).toBe(`../drill/2025-10.html?f=score.${jia}.1#signed-${jia}`);
    expect(g.items[2]!.actual.href).toBe(`../drill/2025-10.html?f=score.${jia}.2#started-${jia}`);
    // 得分 (按比例, 完成率 capped at 100 %: 20 × 1, 10 × 2/3, 10 × 1/2) is not a second link to the same rows
    expect(g.items.map((i) => i.points)).toEqual([{ text: '20.00' }, { text: '6.67' }, { text: '5.00' }]);
    const deduct = v.units.groups.find((x) => x.unit === '乙局')!.items[1]!;
    expect(deduct).toMatchObject({ target: '—', rate: '—', progress: null, note: '扣分项', points: { text: '-1.00' } });
    expect(v.units.chart).toContain('<svg');
  });

  test('五: ranking with change, unranked units apart', () => {
    expect(v.ranking.ranked.map((r) => [r.unit, r.score])).toEqual([
      ['甲镇', '31.67'],
      ['乙局', '19.00'],
    ]);
    expect(v.ranking.unranked.map((r) => [r.unit, r.rank])).toEqual([['丙办', '—']]);
    expect(v.ranking.previousPeriod).toBe('2025-09');
  });

  test.each([
    [{ rank: 1, prevRank: 3, change: 2 }, true, '↑2', 'up'],
    [{ rank: 4, prevRank: 3, change: -1 }, true, '↓1', 'down'],
    [{ rank: 2, prevRank: 2, change: 0 }, true, '—', ''],
    [{ rank: 2, prevRank: null, change: null }, true, '新', ''],
    [{ rank: 2, prevRank: null, change: null }, false, '—', ''],
    [{ rank: null, prevRank: 1, change: null }, true, '—', ''],
  ])('rankChange(%o, %s) = %s', (e, hasPrev, text, trend) => expect(rankChange(e, hasPrev)).toEqual({ text, trend }));

  test('六 to 十: lists, funds, trips, overdue, snapshot changes', () => {
    expect(v.newThisMonth.signed.rows.map((r) => [r.name, r.yi])).toEqual([
      ['精密模具项目', '0.80'],
      ['储能电站项目', '55.00'],
    ]);
    expect(v.newThisMonth.started.rows.map((r) => [r.name, r.unit])).toEqual([['储能电站项目', '乙局']]);
    expect(v.funds.rows.map((r) => [r.label, r.yi.text, r.foreign.text])).toEqual([
      ['省外', '2.50', '0.00'],
      ['境外', '0.30', '400.00'],
    ]);
    expect(v.funds.month.yi.text).toBe('0.30');
    expect(v.trips.rows).toEqual([
      { dates: '10-03—10-06', unit: '甲镇', destination: '深圳', leader: '张局长', visits: '4' },
    ]);
    expect(v.overdue.rows.map((r) => [r.name, r.over])).toEqual([
      ['旧年项目', '154'],
      ['文旅项目', '92'],
    ]);
    expect(v.diff).toMatchObject({
      empty: false,
      amountChanged: [{ name: '锂电池材料项目', detail: '10.00 亿元 → 12.00 亿元' }],
      stageChanged: [{ detail: '开工 → 投产' }],
    });
  });

  test('every figure links to the drill page of its period', () => {
    for (const c of cells) expect(c.href, c.text).toMatch(/^\.\.\/drill\/2025-10\.html\?f=[\w.-]+#[\w-]+$/);
  });

  test('itemLabel', () => {
    expect(itemLabel({ indicator: '签约项目数', filterLabel: '产业链=新能源；投资≥5亿元' })).toBe(
      '签约项目数（产业链=新能源；投资≥5亿元）',
    );
    expect(itemLabel({ indicator: '到位资金', filterLabel: '资金来源=省外' })).toBe('到位资金（亿元；资金来源=省外）');
  });
});

describe('bulletin list and downloads', () => {
  test('grouped by year, newest first, figures linked', () => {
    const { data, prev } = periodData();
    const years = bulletinIndex('bulletins.html', [prev!, data]);
    expect(years.map((y) => [y.year, y.rows.map((r) => r.period)])).toEqual([['2025', ['2025-10', '2025-09']]]);
    expect(years[0]!.rows[0]).toMatchObject({
      issue: '2025年第10期',
      page: 'bulletins/2025-10.html',
      ytdSigned: { count: { text: '4', href: 'drill/2025-10.html?f=ytd.signed#signed' } },
    });
  });

  test('tables per period, internal profile only', () => {
    expect(bulletinTables('internal', ['2025-09', '2025-10']).map((t) => t.id)).toEqual([
      bulletinTableId('units', '2025-10'),
      bulletinTableId('ranking', '2025-10'),
      'bulletin-2025-09-units',
      'bulletin-2025-09-ranking',
    ]);
    expect(bulletinTables('public', ['2025-10'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { behindUnits, overdueAlert, qualityAlert } from '../src/site/dashboard/dashboardAlerts.ts';
import {
  bucketLines,
  dashboardView,
  headlines,
  rankingGlance,
  zoneTargetMap,
} from '../src/site/dashboard/dashboard.ts';
import { unitId } from '../src/site/data.ts';
import { UNITS, periodData } from './site-dashboard.fixture.ts';

const META = { periods: ['2025-06'], counts: { errors: 3, warnings: 7, rejected: 2 } };

describe('zone targets (no 全区 row: 各单位目标合计 of the units holding the indicator)', () => {
  const m = periodData().metrics;
  it('sums the units’ rows without conditions, against those units’ own actuals', () => {
    const t = zoneTargetMap(m);
    // 甲镇 4 only (its 产业链=新能源 row and 丙办's conditioned row are not summed); 甲镇 signed 2
    expect(t.get('签约项目数')).toMatchObject({ target: 4, actual: 2, base: 'units', baseLabel: '1个单位目标合计' });
    // 甲镇 40 + 乙局 100 against 甲镇 12.8 + 乙局 55
    expect(t.get('签约金额')).toMatchObject({ target: 140, base: 'units', baseLabel: '2个单位目标合计' });
    expect(t.get('签约金额')?.actual).toBeCloseTo(67.8, 9);
    expect(t.get('开工项目数')).toMatchObject({ target: 2, baseLabel: '1个单位目标合计' });
  });
  it('leaves 扣分 rows out', () => {
    expect(zoneTargetMap(m).has('签约超期未开工项目数')).toBe(false);
  });
});

describe('headlines', () => {
  const h = Object.fromEntries(headlines(periodData().metrics, 'index.html').map((x) => [x.label, x]));
  it('gives year-to-date value, 本月新增, target, 完成率 and 序时进度 in words', () => {
    expect(h['签约项目']).toMatchObject({
      valueText: '3',
      monthText: '2',
      targetText: '4',
      baseLabel: '1个单位目标合计',
      // the zone signed 3, but the rate is 甲镇's own 2 against its 4
      baseActualText: '2',
      rateText: '50.0%',
      barPct: 50,
    });
    // June: 50 % = 序时进度 6/12
    expect(h['签约项目']?.progress?.text).toBe('达到序时进度');
    expect(h['签约金额']).toMatchObject({
      valueText: '67.80',
      monthText: '55.80',
      targetText: '140.00',
      rateText: '48.4%',
    });
    // 67.8 / 140 = 48.4 % − 50 % = −1.6 points
    expect(h['签约金额']?.progress).toMatchObject({ ahead: false, text: '低于序时进度1.6个百分点' });
    expect(h['外资到位']).toMatchObject({ valueText: '0.00', target: null, rateText: '—', progress: null });
    expect(h['有效信息']).toMatchObject({ valueText: '2', monthText: '1', targetText: '10' });
  });
  it('links every figure to its drill rows', () => {
    expect(h['签约项目']?.href).toBe('drill/2025-06.html?f=ytd.signed#signed');
    expect(h['签约项目']?.monthHref).toBe('drill/2025-06.html?f=month.signed#signed');
    expect(h['外资到位']?.href).toBe('drill/2025-06.html?f=ytd.funds.foreign#funds');
    expect(h['有效信息']?.href).toBe('drill/2025-06.html?f=ytd.leadsValid#leads');
    expect(h['外出招商']?.monthHref).toBe('drill/2025-06.html?f=month.trips#trips');
  });
  it('caps the bar at 100 %', () => {
    const m = periodData().metrics;
    const c = m.completion.find((x) => x.indicator === '签约项目数')!;
    c.actual = 8; // 200 % of 4
    c.rate = 2;
    expect(headlines(m, 'index.html')[0]).toMatchObject({ rateText: '200.0%', barPct: 100 });
  });
});

describe('size buckets', () => {
  it('lists every bucket, largest first, with its drill ids', () => {
    const b = bucketLines(periodData().metrics, 'index.html');
    expect(b.map((x) => [x.label, x.countText, x.yiText, x.monthCountText])).toEqual([
      ['50亿元以上', '1', '55.00', '1'],
      ['10–50亿元', '1', '12.00', '0'],
      ['5–10亿元', '0', '0.00', '0'],
      ['1–5亿元', '0', '0.00', '0'],
      ['亿元以下', '1', '0.80', '1'],
    ]);
    expect(b[1]?.href).toBe('drill/2025-06.html?f=ytd.signed.size.1#signed');
    expect(b[4]?.monthHref).toBe('drill/2025-06.html?f=month.signed.size.4#signed');
  });
});

describe('alerts', () => {
  it('lists units behind 序时进度 by more than alertGap (10 points): most rows behind first, then the largest gap, then units-table order', () => {
    const list = behindUnits(periodData().metrics, 'index.html');
    expect(list.map((u) => [u.unit, u.items.map((i) => [i.label, i.rateText, i.gapText])])).toEqual([
      [
        '甲镇',
        [
          ['有效信息条数', '20.0%', '低于序时进度30.0个百分点'],
          ['签约金额', '32.0%', '低于序时进度18.0个百分点'],
        ],
      ],
      ['乙局', [['开工项目数', '0.0%', '低于序时进度50.0个百分点']]],
      ['丙办', [['签约项目数（产业链=新能源）', '0.0%', '低于序时进度50.0个百分点']]],
    ]);
  });
  it('never lists rows on pace (完成率 = 序时进度) nor 扣分 rows', () => {
    const labels = behindUnits(periodData().metrics, 'index.html').flatMap((u) =>
      u.items.map((i) => `${u.unit}:${i.indicator}`),
    );
    expect(labels).not.toContain('甲镇:签约项目数');
    expect(labels).not.toContain('乙局:签约超期未开工项目数');
    expect(labels).not.toContain('乙局:签约金额');
  });
  it('links a behind row to the rows its score counts', () => {
    const yi = behindUnits(periodData().metrics, 'index.html')[1];
    expect(yi?.page).toBe(`units/${unitId('乙局')}.html`);
    expect(yi?.items[0]?.href).toBe(`drill/2025-06.html?f=score.${unitId('乙局')}.1#started-${unitId('乙局')}`);
  });
  it('counts 签约超期未开工, longest overdue first, linking the project pages it knows', () => {
    const o = overdueAlert(periodData().metrics, (key) => (key === 'code:D' ? 'p-dddddddddd' : null), 'index.html', 1);
    expect(o).toMatchObject({
      count: 2,
      totalYiText: '9.00',
      overdueDays: 180,
      href: 'drill/2025-06.html?f=overdue#overdue',
    });
    expect(o.top).toEqual([
      {
        name: '旧年项目',
        unit: '乙局',
        signDate: '2024-10-01',
        yiText: '3.00',
        daysOverdueText: '92',
        page: 'projects/p-dddddddddd.html',
      },
    ]);
    expect(overdueAlert(periodData().metrics, () => null, 'index.html').top.map((t) => [t.name, t.page])).toEqual([
      ['旧年项目', null],
      ['文旅项目', null],
    ]);
  });
  it('reports rejected rows with the data-quality page', () => {
    expect(qualityAlert(META.counts, 1)).toEqual({
      rejected: 2,
      periodRejected: 1,
      errors: 3,
      warnings: 7,
      page: 'quality.html',
    });
  });
});

describe('dashboardView', () => {
  it('puts it together for the home page', () => {
    const v = dashboardView({
      data: periodData(),
      meta: META,
      projectIds: new Map([['code:D', 'p-dddddddddd']]),
      periodRejected: 1,
      units: UNITS,
    });
    expect(v).toMatchObject({
      period: '2025-06',
      periodText: '2025年6月',
      span: '1—6月',
      month: 6,
      timeProgress: '50.0%',
      timePct: 50,
      behindItems: 4,
      changes: null,
    });
    expect(v.headlines).toHaveLength(8);
    expect(v.overdue.top[0]?.page).toBe('projects/p-dddddddddd.html');
    expect(v.links.map((l) => l.page)).toEqual([
      'bulletins/2025-06.html',
      'rankings/2025-06.html',
      'targets/2025.html',
      'reports/2025.html',
    ]);
  });
  it('says what changed since the previous snapshot only when there is one', () => {
    const data = periodData();
    data.diff = { added: [{ key: 'k', name: 'n', stage: '签约' }], removed: [], amountChanged: [], stageChanged: [] };
    const v = dashboardView({
      data,
      meta: { ...META, periods: ['2025-05', '2025-06'] },
      projectIds: new Map(),
      periodRejected: null,
      units: UNITS,
    });
    expect(v.changes).toEqual({ added: 1, removed: 0, amountChanged: 0, stageChanged: 0 });
  });
  it('shows the ranking’s top and bottom, tie-aware, without unranked units', () => {
    const g = rankingGlance(periodData().metrics, UNITS);
    expect(g?.count).toBe(2);
    // 甲镇 5 + 6.4 + 5 + 2 = 18.4 of 满分 10 + 20 + 10 + 10 = 50: 36.8 % < 序时进度 50 %;
    // 乙局 11 + 0 of 30 (−1 for one overdue project): 36.7 % < 50 %. Each is alone in its 分组
    // (丙办 is scored but not ranked), so each is in its group's top 3 and bottom 3: behind → 黑榜 only
    expect(g?.top).toEqual([]);
    expect(g?.bottom.map((r) => [r.place, r.unit, r.scoreText])).toEqual([
      ['乡镇倒数第1名', '甲镇', '18.40'],
      ['部门倒数第1名', '乙局', '10.00'],
    ]);
    expect(g?.page).toBe('rankings/2025-06.html');
  });
});

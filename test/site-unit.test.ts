import { entryDefaults } from './helpers/targets.ts';
import { describe, expect, test } from 'vitest';
import type { Project } from '../src/schemas/project.ts';
import type { OverdueProject, PeriodMetrics, RankingEntry, UnitMetrics } from '../src/schemas/metrics.ts';
import type { Unit } from '../src/schemas/records.ts';
import { unitId } from '../src/site/data.ts';
import { UNKNOWN_UNIT, allUnits, unitList } from '../src/site/unit/unitList.ts';
import { unitOverdue, unitProjects } from '../src/site/unit/unitProjects.ts';
import { unitFigures, unitHistory, unitView } from '../src/site/unit/unitView.ts';

const units: Unit[] = [
  { name: '青川镇', aliases: ['青川'], type: '乡镇', group: '乡镇组', ranked: true },
  { name: '综合协调办', aliases: [], type: '部门', ranked: false },
];

const ref = (row: number) => ({ file: 'ledgers/2025-10/签约项目表.xlsx', sheet: 'Sheet1', row });
const fig = (unit: string | null, count: number, extra: object = {}) => ({
  unit,
  count,
  investmentYi: count * 1.5,
  foreignUsd: 0,
  amountYi: count * 0.25,
  valid: count,
  visits: 0,
  refs: [ref(count)],
  ...extra,
});
const entry = (unit: string, rank: number | null, over: Partial<RankingEntry> = {}): RankingEntry => ({
  unit,
  group: '乡镇组',
  ranked: rank !== null,
  score: 0,
  ...entryDefaults(0),
  rank,
  groupRank: rank,
  prevRank: null,
  change: null,
  ...over,
});

/** Hand-made metrics with just what the unit views read. */
function metrics(period: string, over: Partial<Record<string, unknown>> = {}): PeriodMetrics {
  return {
    period,
    year: Number(period.slice(0, 4)),
    month: Number(period.slice(5)),
    timeProgress: Number(period.slice(5)) / 12,
    previousPeriod: null,
    overdueDays: 180,
    ytd: {
      signed: { byUnit: [fig('青川镇', 4), fig(null, 2)] },
      started: { byUnit: [fig('青川镇', 1)] },
      producing: { byUnit: [] },
      funds: { byUnit: [fig('青川镇', 3)] },
      leads: { byUnit: [fig('青川镇', 5, { valid: 0 })] },
      trips: { byUnit: [fig('青川镇', 2)] },
    },
    units: [],
    ranking: [],
    overdue: [],
    ...over,
  } as unknown as PeriodMetrics;
}

const unitMetrics = (unit: string, score: number | null, over: Partial<UnitMetrics> = {}) =>
  ({
    unit,
    known: true,
    group: '乡镇组',
    ranked: true,
    items: [],
    score,
    maxScore: score === null ? null : 100,
    startRate: { projects: 4, started: 1, rate: 0.25, startedRefs: [], notStartedRefs: [] },
    fundRate: { fundsYi: 0.75, investmentYi: 6, rate: 0.125, refs: [] },
    ...over,
  }) as UnitMetrics;

const drill = (p: string, id: string) => `drill:${p}:${id}`;

describe('allUnits', () => {
  test('units-table order, then unknown names once each, by code unit', () => {
    expect(allUnits(units, ['招商三科', '青川镇', null, undefined, '招商三科', '外来办'])).toEqual([
      { name: '青川镇', known: true },
      { name: '综合协调办', known: true },
      { name: '外来办', known: false },
      { name: '招商三科', known: false },
    ]);
  });
});

describe('unitList', () => {
  const m = metrics('2025-10', { units: [unitMetrics('青川镇', 63.04)], ranking: [entry('青川镇', 5)] });
  const list = unitList(allUnits(units, ['招商三科']), units, m, drill);

  test('type, group, ranking flag, latest score and rank, 累计签约 with drill links', () => {
    expect(
      list.rows.map((r) => [
        r.name,
        r.type,
        r.group,
        r.ranked,
        r.score,
        r.rank,
        r.signedCount,
        r.signedYi,
        r.signedHref,
      ]),
    ).toEqual([
      ['青川镇', '乡镇', '乡镇组', true, 63.04, 5, 4, 6, `drill:2025-10:ytd.signed.unit.${unitId('青川镇')}`],
      ['综合协调办', '部门', null, false, null, null, 0, 0, null],
      ['招商三科', UNKNOWN_UNIT, null, null, null, null, 0, 0, null],
    ]);
    expect(list.rows[0]?.page).toBe(`units/${unitId('青川镇')}.html`);
    expect(list.none).toEqual({ count: 2, investmentYi: 3, href: 'drill:2025-10:ytd.signed.unit.none' });
  });

  test('no periods: every unit listed, no figures', () => {
    const empty = unitList(allUnits(units, []), units, null, drill);
    expect(empty.rows.map((r) => [r.name, r.signedCount, r.signedHref])).toEqual([
      ['青川镇', 0, null],
      ['综合协调办', 0, null],
    ]);
    expect(empty.none).toBeNull();
  });
});

describe('unit page view', () => {
  test('累计 figures link only when there are rows', () => {
    const f = unitFigures('青川镇', metrics('2025-10'), drill);
    const id = unitId('青川镇');
    expect(f.map((x) => [x.label, x.text, x.unit, x.href])).toEqual([
      ['签约项目', '4', '个', `drill:2025-10:ytd.signed.unit.${id}`],
      ['签约金额', '6.00', '亿元', `drill:2025-10:ytd.signed.unit.${id}`],
      ['开工项目', '1', '个', `drill:2025-10:ytd.started.unit.${id}`],
      ['投产项目', '0', '个', null],
      ['到位资金', '0.75', '亿元', `drill:2025-10:ytd.funds.unit.${id}`],
      ['有效招商信息', '0', '条', null],
      ['外出招商', '2', '次', `drill:2025-10:ytd.trips.unit.${id}`],
    ]);
  });

  test('score and rank history with ties and change', () => {
    const m8 = metrics('2025-08', {
      units: [unitMetrics('青川镇', 40)],
      ranking: [entry('甲', 1), entry('青川镇', 2), entry('乙', 3)],
    });
    const m9 = metrics('2025-09', {
      previousPeriod: '2025-08',
      units: [unitMetrics('青川镇', 50.5)],
      ranking: [
        entry('甲', 1),
        entry('青川镇', 2, { prevRank: 2, change: 0, groupRank: 1 }),
        entry('乙', 2, { groupRank: 1 }),
        entry('丙', null),
      ],
    });
    const h = unitHistory('青川镇', [m9, m8]);
    expect(h.map((x) => [x.period, x.score, x.rankText, x.groupRankText, x.total, x.changeText])).toEqual([
      ['2025-08', 40, '2 / 3', '2', 3, '—'],
      ['2025-09', 50.5, '2（并列） / 3', '1（并列）', 3, '持平'],
    ]);
  });

  test('known and unknown units; targets, 开工率 and 资金到位率', () => {
    const m = metrics('2025-10', { units: [unitMetrics('青川镇', null)] });
    const v = unitView('青川镇', true, units, [], m, [m], drill);
    expect(v.facts).toEqual([
      { label: '简称/别名', value: '青川' },
      { label: '类型', value: '乡镇' },
      { label: '分组', value: '乡镇组' },
      { label: '是否参与排名', value: '是' },
    ]);
    expect(v.breakdown).toBeNull(); // no target rows this year
    expect(v.startRate).toEqual({
      text: '25.0%',
      detail: '今年签约 4 个项目，已开工 1 个',
      href: `drill:2025-10:startRate.${unitId('青川镇')}`,
    });
    expect(v.fundRate).toEqual({ text: '12.5%', detail: '今年签约项目到位资金 0.75 亿元 / 签约金额 6.00 亿元' });
    expect(v.history).toEqual([]);
    const u = unitView('招商三科', false, units, [], m, [m], drill);
    expect(u.facts).toEqual([{ label: '类型', value: UNKNOWN_UNIT }]);
    expect(u.startRate).toBeNull();
  });
});

describe('unit projects', () => {
  const p = (id: string, name: string, stage: Project['stage'], dates: Project['dates'], unit = '青川镇'): Project =>
    ({
      id,
      key: `name:${name}`,
      name,
      unit,
      stage,
      dates,
      fundsYi: 0,
      public: false,
      firstSeen: '2025-01',
      lastSeen: '2025-10',
      lastChange: '2025-10',
      history: [],
    }) as Project;
  const projects = [
    p('p-1', '甲项目', '签约', { signed: '2025-03-01' }),
    p('p-2', '乙项目', '投产', { signed: '2024-05-01', started: '2024-08-01', producing: '2025-02-01' }),
    p('p-3', '丙项目', '签约', { signed: '2025-06-01' }),
    p('p-4', '丁线索', '线索', { lead: '2025-09-01' }),
    p('p-5', '戊在谈', '在谈', { lead: '2025-01-01', negotiating: '2025-04-01' }),
    p('p-6', '别人的', '签约', { signed: '2025-06-01' }, '白沙镇'),
  ];

  test('signed stages by stage then latest signing; 线索 / 在谈 apart', () => {
    const r = unitProjects('青川镇', projects);
    expect(r.signed.map((x) => [x.name, x.stage, x.page])).toEqual([
      ['乙项目', '投产', 'projects/p-2.html'],
      ['丙项目', '签约', 'projects/p-3.html'],
      ['甲项目', '签约', 'projects/p-1.html'],
    ]);
    expect(r.pipeline.map((x) => [x.name, x.firstDate])).toEqual([
      ['戊在谈', '2025-04-01'],
      ['丁线索', '2025-09-01'],
    ]);
  });

  test('overdue projects of the unit, longest first, linked through the project key', () => {
    const o = (name: string, daysOverdue: number, key: string | null, unit = '青川镇'): OverdueProject => ({
      key,
      name,
      unit,
      claimUnits: null,
      signDate: '2025-01-01',
      investmentYi: 1,
      daysSinceSigned: 180 + daysOverdue,
      daysOverdue,
      src: ref(1),
    });
    const rows = unitOverdue(
      '青川镇',
      [o('甲项目', 20, 'name:甲项目'), o('无编号', 50, null), o('别人的', 90, 'name:别人的', '白沙镇')],
      projects,
    );
    expect(rows.map((x) => [x.name, x.daysOverdue, x.page])).toEqual([
      ['无编号', 50, null],
      ['甲项目', 20, 'projects/p-1.html'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Project } from '../src/schemas/project.ts';
import type { SnapshotRecords } from '../src/schemas/records.ts';
import { projectListView, sectionColumns } from '../src/site/project/projectList.ts';
import { historyEntries, indexRecordsByKey, projectPageView, timeline } from '../src/site/project/projectPage.ts';
import { monthsBetween, projectStatus, removedNote, STATUS_LEGEND } from '../src/site/project/projectStatus.ts';

/** A project with defaults; override what the case is about. */
function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p-0000000001',
    key: 'code:QC-1',
    name: '年产10万吨锂电池材料项目',
    code: 'QC-1',
    unit: '经济合作局',
    stage: '签约',
    dates: { signed: '2025-03-18' },
    fundsYi: 0,
    public: false,
    lastSeen: '2025-10',
    firstSeen: '2025-03',
    lastChange: '2025-03',
    history: [
      {
        period: '2025-03',
        stage: '签约',
        name: '年产10万吨锂电池材料项目',
        fundsYi: 0,
        investmentYi: 12.5,
        unit: '经济合作局',
      },
    ],
    investmentYi: 12.5,
    ...over,
  };
}

describe('projectStatus (红黄绿)', () => {
  it('counts whole months between periods, across a year end', () => {
    expect(monthsBetween('2025-07', '2025-10')).toBe(3);
    expect(monthsBetween('2024-11', '2025-01')).toBe(2);
    expect(monthsBetween('2025-10', '2025-10')).toBe(0);
  });

  it('is 红 from 3 months without progress, 黄 at 2, 绿 below', () => {
    const at = (lastChange: string) => projectStatus(project({ lastChange }), '2025-10');
    expect(at('2025-06').level).toBe('red');
    expect(at('2025-07')).toMatchObject({ level: 'red', label: '红', months: 3 });
    expect(at('2025-08')).toMatchObject({ level: 'yellow', label: '黄', months: 2 });
    expect(at('2025-09')).toMatchObject({ level: 'green', label: '绿', months: 1 });
    expect(at('2025-10')).toMatchObject({ level: 'green', months: 0, text: '本月（2025-10）有进展' });
    expect(at('2025-07').text).toBe('已 3 个月无进展（最近变化 2025-07）');
  });

  it('does not rate 投产 projects, and marks removed ones', () => {
    expect(projectStatus(project({ stage: '投产', lastChange: '2024-01' }), '2025-10')).toMatchObject({
      level: 'done',
      months: null,
    });
    const gone = project({ lastSeen: '2025-08', lastChange: '2025-03' });
    expect(projectStatus(gone, '2025-10')).toMatchObject({
      level: 'removed',
      label: '已移除',
      text: '已从台账移除（最后出现于 2025-08）',
    });
    expect(removedNote(project(), '2025-10')).toBeNull();
  });

  it('states the rule in one line', () => {
    expect(STATUS_LEGEND).toContain('满 3 个月无进展为红');
    expect(STATUS_LEGEND).not.toContain('\n');
  });
});

describe('projectListView', () => {
  const projects = [
    project({ id: 'p-a', key: 'a', name: '甲', investmentYi: 1 }),
    project({ id: 'p-b', key: 'b', name: '乙', investmentYi: 5, lastChange: '2025-08' }),
    project({ id: 'p-c', key: 'c', name: '丙', stage: '投产', unit: '未知单位' }),
    project({ id: 'p-d', key: 'd', name: '丁', stage: '在谈', lastSeen: '2025-08' }),
  ];
  const view = projectListView(projects, '2025-10', new Set(['经济合作局']));

  it('groups live projects by stage, most advanced first, removed ones last', () => {
    expect(view.sections.map((s) => [s.title, s.rows.map((r) => r.name)])).toEqual([
      ['投产', ['丙']],
      ['开工', []],
      ['签约', ['乙', '甲']],
      ['在谈', []],
      ['线索', []],
      ['已从台账移除', ['丁']],
    ]);
    expect(view.sections[2]?.levels).toEqual({ red: 1, yellow: 1 });
    expect(view.sections[2]?.anchor).toBe('stage-signed');
  });

  it('links units only when they have a page', () => {
    const rows = view.sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.name === '甲')?.unitHref).toMatch(/^units\/u-[0-9a-f]{8}\.html$/);
    expect(rows.find((r) => r.name === '丙')?.unitHref).toBeNull();
  });

  it('gives each stage its own dates, and 红黄绿 except for 投产', () => {
    const keys = (s: Parameters<typeof sectionColumns>[0]) => sectionColumns(s).map((c) => c.key);
    expect(keys('签约')).toContain('signed');
    expect(keys('签约')).toContain('status');
    expect(keys('投产')).not.toContain('status');
    expect(keys(null)).toContain('note');
    expect(view.sections.at(-1)?.rows[0]?.note).toBe('已从台账移除（最后出现于 2025-08）');
    expect(sectionColumns('线索')[0]?.link?.(view.sections[2]!.rows[0]!)).toBe('projects/p-b.html');
  });
});

describe('project page view', () => {
  const records: SnapshotRecords = {
    leads: [
      {
        src: { file: 'ledgers/2025-10/招商信息台账.xlsx', sheet: 'Sheet1', row: 5 },
        key: 'code:QC-1',
        reportDate: '2025-01-05',
        name: '锂电池材料',
        unit: '经济合作局',
      },
    ],
    negotiating: [],
    signed: [
      {
        src: { file: 'ledgers/2025-10/签约项目表.xlsx', sheet: '2025年', row: 17 },
        key: 'code:QC-1',
        name: '年产10万吨锂电池材料项目',
        investmentYi: 12.5,
        signDate: '2025-03-18',
        unit: '经济合作局',
        foreign: false,
        provincial: false,
        public: false,
      },
      {
        src: { file: 'ledgers/2025-10/签约项目表.xlsx', sheet: '2025年', row: 18 },
        key: 'code:QC-2',
        name: '别的项目',
        investmentYi: 1,
        signDate: '2025-03-19',
        unit: '经济合作局',
        foreign: false,
        provincial: false,
        public: false,
      },
    ],
    started: [],
    producing: [],
    funds: [
      {
        src: { file: 'ledgers/2025-10/到位资金台账.csv', sheet: '到位资金台账', row: 3 },
        key: 'code:QC-1',
        name: '年产10万吨锂电池材料项目',
        fundDate: '2025-06-01',
        amountYi: 0.3,
      },
    ],
    trips: [],
  };

  it('indexes the rows of a snapshot by project key, in ledger order, with the Excel location', () => {
    const index = indexRecordsByKey(records);
    const rows = index.get('code:QC-1') ?? [];
    expect(rows.map((r) => [r.kind, r.date, r.amount, r.where])).toEqual([
      ['招商信息台账', '2025-01-05', '', '招商信息台账.xlsx › Sheet1 › 第5行'],
      ['签约项目表', '2025-03-18', '总投资 12.50 亿元', '签约项目表.xlsx › 2025年 › 第17行'],
      ['到位资金台账', '2025-06-01', '到位 0.30 亿元', '到位资金台账.csv › 到位资金台账 › 第3行'],
    ]);
    expect(index.get('code:QC-2')).toHaveLength(1);
  });

  it('lays the stages out with days between dated stages', () => {
    const t = timeline({ stage: '开工', dates: { lead: '2025-01-05', signed: '2025-03-18', started: '2025-04-17' } });
    expect(t.map((s) => [s.stage, s.date, s.days, s.current])).toEqual([
      ['线索', '2025-01-05', null, false],
      ['在谈', null, null, false],
      ['签约', '2025-03-18', 72, false],
      ['开工', '2025-04-17', 30, true],
      ['投产', null, null, false],
    ]);
  });

  it('tells the snapshot history: first sighting, changes, removal', () => {
    const p = project({
      lastSeen: '2025-08',
      history: [
        { period: '2025-03', stage: '签约', name: '甲项目', fundsYi: 0, investmentYi: 10 },
        { period: '2025-05', stage: '开工', name: '甲项目', fundsYi: 0, investmentYi: 12 },
        { period: '2025-06', stage: '开工', name: '甲项目（一期）', fundsYi: 0, investmentYi: 12 },
      ],
    });
    expect(historyEntries(p, '2025-10', (x) => (x === '2025-08' ? '2025-09' : undefined))).toEqual([
      { period: '2025-03', text: '首次出现于台账：签约，总投资 10.00 亿元' },
      { period: '2025-05', text: '阶段 签约 → 开工；总投资 10.00 亿元 → 12.00 亿元' },
      { period: '2025-06', text: '名称“甲项目”→“甲项目（一期）”' },
      { period: '2025-09', text: '已从台账移除（最后出现于 2025-08）' },
    ]);
  });

  it('takes the ledger rows of the latest snapshot, or of the last one listing a removed project', () => {
    const asked: string[] = [];
    const ctx = {
      latest: '2025-10',
      knownUnits: new Set(['经济合作局']),
      unitHref: (u: string) => `units/${u}.html`,
      rowsOf: (period: string) => (asked.push(period), []),
    };
    const live = projectPageView(project(), ctx);
    expect(live).toMatchObject({ rowsPeriod: '2025-10', unitHref: 'units/经济合作局.html', status: { level: 'red' } });
    expect(projectPageView(project({ lastSeen: '2025-08' }), ctx).rowsPeriod).toBe('2025-08');
    expect(asked).toEqual(['2025-10', '2025-08']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Project } from '../src/schemas/project.ts';
import type { OverdueProject } from '../src/schemas/metrics.ts';
import { daysBetween, median, pipelineView, stageCounts, stageDuration } from '../src/site/project/pipelineView.ts';

let n = 0;
const p = (stage: Project['stage'], dates: Project['dates'] = {}, over: Partial<Project> = {}): Project => ({
  id: `p-${++n}`,
  key: `name:${n}`,
  name: `${stage}项目`,
  stage,
  dates,
  fundsYi: 0,
  public: false,
  lastSeen: '2025-10',
  firstSeen: '2025-01',
  lastChange: '2025-01',
  history: [],
  ...over,
});

describe('funnel', () => {
  it('counts projects at or beyond each stage and converts between them', () => {
    const projects = [...Array(6)]
      .map(() => p('线索'))
      .concat([p('在谈'), p('在谈'), p('签约'), p('签约'), p('开工'), p('投产')]);
    const s = stageCounts(projects);
    expect(s.map((x) => [x.stage, x.current, x.reached])).toEqual([
      ['线索', 6, 12],
      ['在谈', 2, 6],
      ['签约', 2, 4],
      ['开工', 1, 2],
      ['投产', 1, 1],
    ]);
    expect(s.map((x) => x.conversion)).toEqual([0.5, 4 / 6, 0.5, 0.5, null]);
  });

  it('has no conversion out of an empty stage', () => {
    expect(stageCounts([p('线索')]).map((x) => x.conversion)).toEqual([0, null, null, null, null]);
    expect(stageCounts([]).every((x) => x.reached === 0 && x.conversion === null)).toBe(true);
  });
});

describe('days between stages', () => {
  it('counts calendar days and takes the median (mean of the middle pair when even)', () => {
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('measures 签约→开工 over projects with both dates, leaving out reversed dates', () => {
    const d = stageDuration(
      [
        p('开工', { signed: '2025-01-01', started: '2025-01-11' }),
        p('开工', { signed: '2025-01-01', started: '2025-01-31' }),
        p('投产', { signed: '2025-02-01', started: '2025-05-02', producing: '2025-09-01' }),
        p('签约', { signed: '2025-03-01' }),
        p('开工', { signed: '2025-04-01', started: '2025-03-01' }),
      ],
      'signed',
      'started',
      '签约→开工',
    );
    expect(d).toEqual({ label: '签约→开工', median: 30, n: 3, negative: 1 });
  });
});

describe('pipelineView', () => {
  const overdue: OverdueProject = {
    key: 'code:QC-9',
    name: '超期项目',
    unit: '经济合作局',
    claimUnits: null,
    signDate: '2025-01-10',
    investmentYi: 2,
    daysSinceSigned: 294,
    daysOverdue: 114,
    src: { file: 'ledgers/2025-10/签约项目表.xlsx', sheet: '2025年', row: 9 },
  };

  it('takes the projects of the period snapshot only and links the overdue rows', () => {
    const projects = [
      p('签约'),
      p('开工', {}, { lastSeen: '2025-08' }),
      p('线索', {}, { firstSeen: '2025-11', lastSeen: '2025-11' }),
    ];
    const v = pipelineView(
      projects,
      { period: '2025-10', overdueDays: 180, overdue: [overdue, { ...overdue, key: null }] },
      (key) => (key === 'code:QC-9' ? 'projects/p-9.html' : null),
    );
    expect(v.total).toBe(1);
    expect(v.stages.find((s) => s.stage === '签约')?.reached).toBe(1);
    expect(v.durations.map((d) => d.label)).toEqual(['签约→开工', '开工→投产']);
    expect(v.overdue[0]).toMatchObject({
      projectPage: 'projects/p-9.html',
      daysOverdue: 114,
      where: '签约项目表.xlsx › 2025年 › 第9行',
    });
    expect(v.overdue[1]?.projectPage).toBeNull();
  });
});

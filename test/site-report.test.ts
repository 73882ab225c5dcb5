import { describe, expect, it } from 'vitest';
import { projectId } from '../src/metrics/projects.ts';
import type { QualityData } from '../src/schemas/siteData.ts';
import type { PeriodMetrics } from '../src/schemas/metrics.ts';
import type { SnapshotRecords } from '../src/schemas/records.ts';
import { reportView, yearResult } from '../src/site/report/report.ts';
import { chainLines, topProjects } from '../src/site/report/reportProjects.ts';
import { reportQuality } from '../src/site/report/reportQuality.ts';
import { trendMonths, trendRows } from '../src/site/report/reportTrend.ts';
import { reportPage, reportTitle, reportYears } from '../src/site/report/reportYears.ts';
import { TARGETS, UNITS, periodData, records } from './site-dashboard.fixture.ts';
import { signedRecord } from './helpers/records.ts';

const src = (row: number) => ({ file: 'ledgers/2025-06/签约项目表.xlsx', sheet: 'Sheet1', row });
const sig = (
  row: number,
  name: string,
  yi: number,
  signDate: string,
  key?: string,
): SnapshotRecords['signed'][number] =>
  signedRecord({ src: src(row), ...(key ? { key } : {}), name, unit: '甲镇', investmentYi: yi, signDate });
const withSigned = (signed: SnapshotRecords['signed']): SnapshotRecords => ({
  ...records(),
  signed,
  started: [],
  producing: [],
});

describe('reportYears', () => {
  it('gives one report per year, latest first, from its last snapshot, saying when the year is not complete', () => {
    expect(
      reportYears(['2025-01', '2024-11', '2024-12', '2025-10']).map((y) => [
        y.year,
        y.period,
        y.complete,
        y.note,
        y.months,
        y.page,
      ]),
    ).toEqual([
      [2025, '2025-10', false, '（截至2025年10月，年度未结束）', 2, 'reports/2025.html'],
      [2024, '2024-12', true, null, 2, 'reports/2024.html'],
    ]);
  });
  it('says when a past year lacks its December ledgers', () => {
    expect(reportYears(['2023-11', '2024-02'])[1]?.note).toBe('（截至2023年11月，缺12月台账）');
  });
  it('names the report', () => {
    expect(reportTitle(2025)).toBe('2025年度招商引资工作总结报告（年终结总账）');
    expect(reportPage(2024)).toBe('reports/2024.html');
  });
});

describe('topProjects', () => {
  it('orders by 总投资, then earlier 签约日期, then name, whatever the ledger order', () => {
    const rows = [
      sig(2, 'B项目', 5, '2025-02-01'),
      sig(3, 'A项目', 5, '2025-02-01'),
      sig(4, 'C项目', 5, '2025-01-15'),
      sig(5, 'D项目', 9, '2025-05-01'),
    ];
    const a = topProjects(withSigned(rows), {}, '2025-06', 10).rows.map((r) => [r.place, r.tied, r.name]);
    const b = topProjects(withSigned([...rows].reverse()), {}, '2025-06', 10).rows.map((r) => [
      r.place,
      r.tied,
      r.name,
    ]);
    expect(a).toEqual([
      [1, false, 'D项目'],
      [2, true, 'C项目'],
      [2, true, 'A项目'],
      [2, true, 'B项目'],
    ]);
    expect(b).toEqual(a);
  });
  it('takes the year to the period end only', () => {
    const rows = [sig(2, '去年', 90, '2024-12-31'), sig(3, '今年', 1, '2025-01-01'), sig(4, '期后', 80, '2025-07-01')];
    const v = topProjects(withSigned(rows), {}, '2025-06', 10);
    expect(v.rows.map((r) => r.name)).toEqual(['今年']);
    expect(v.signedCount).toBe(1);
  });
  it('keeps projects tied with the 10th (at two decimals), and says how many more tie beyond 20 rows', () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      sig(10 + i, `项目${String(i).padStart(2, '0')}`, i < 8 ? 20 - i : 3.004, '2025-03-01'),
    );
    const v = topProjects(withSigned(rows), {}, '2025-06', 10);
    expect(v.rows).toHaveLength(12); // 8 distinct + the 4 tied at 3.00 (the 9th to 12th)
    expect(v.rows.slice(8).map((r) => [r.place, r.tied, r.yiText])).toEqual(Array(4).fill([9, true, '3.00']));
    expect(v.tiedLeftOut).toBe(0);
    const many = Array.from({ length: 30 }, (_, i) =>
      sig(10 + i, `同额${String(i).padStart(2, '0')}`, 2, '2025-03-01'),
    );
    const w = topProjects(withSigned(many), {}, '2025-06', 10);
    expect(w.rows).toHaveLength(20);
    expect(w.tiedLeftOut).toBe(10);
  });
  it('gives the stage in the same snapshot and the project page', () => {
    // The snapshot's stages as the data stage writes them: A (锂电池材料) has a 开工 row.
    const v = topProjects(records(), { 'code:A': '开工' }, '2025-06', 10);
    expect(v.rows.map((r) => [r.name, r.stage, r.yiText, r.chain])).toEqual([
      ['储能电站项目', '签约', '55.00', '新能源'],
      ['锂电池材料项目', '开工', '12.00', '新能源'],
      ['精密模具项目', '签约', '0.80', '装备制造'],
    ]);
    expect(v.rows[1]?.page).toBe(`projects/${projectId('code:A')}.html`);
  });
});

describe('chainLines', () => {
  it('lists 签约 by chain, then the chains of the map with nothing signed', () => {
    const lines = chainLines(periodData().metrics, [{ chain: '新能源' }, { chain: '生物医药' }, { chain: '生物医药' }]);
    expect(lines.map((l) => [l.chain, l.countText, l.yiText, l.share, l.empty])).toEqual([
      ['新能源', '2', '67.00', '98.8%', false],
      ['装备制造', '1', '0.80', '1.2%', false],
      ['生物医药', '0', '0.00', '—', true],
    ]);
    expect(lines[0]?.figureId).toBe('ytd.signed.chain.0');
    expect(lines[2]?.figureId).toBeNull();
  });
});

/** Just what the trend reads of a snapshot. */
const snap = (period: string, signedYi: number, fundsYi: number) => {
  const t = (count: number, yi: number, funds: number) => ({
    signed: { count, investmentYi: yi },
    started: { count: 1 },
    producing: { count: 0 },
    funds: { amountYi: funds },
  });
  return {
    period,
    metrics: {
      month: Number(period.slice(5)),
      ytd: t(2, signedYi, fundsYi),
      thisMonth: t(1, 1.5, 0.5),
    } as unknown as Pick<PeriodMetrics, 'month' | 'ytd' | 'thisMonth'>,
  };
};

describe('trend', () => {
  it('takes each month from its own snapshot, lists a missing month, ignores other years and later months', () => {
    const months = trendMonths(
      [snap('2024-12', 99, 9), snap('2025-03', 30, 3), snap('2025-01', 10, 1), snap('2025-04', 40, 4)],
      '2025-03',
    );
    expect(months.map((m) => [m.month, m.reported, m.signedYi, m.fundsYi])).toEqual([
      [1, true, 10, 1],
      [2, false, 0, 0],
      [3, true, 30, 3],
    ]);
    expect(trendRows(months).map((r) => r.cells)).toEqual([
      ['1', '1.50', '2', '10.00', '1', '0', '0.50', '1.00'],
      Array(8).fill('—'),
      ['1', '1.50', '2', '30.00', '1', '0', '0.50', '3.00'],
    ]);
  });
});

describe('yearResult', () => {
  it('compares with the whole target at the year end, with 序时进度 before', () => {
    expect(yearResult(0.9, '2024-12')).toEqual({ word: '欠进度', ahead: false, text: '未完成，差 10.0 个百分点' });
    expect(yearResult(1, '2024-12')?.text).toBe('完成年度目标');
    expect(yearResult(0.9, '2025-10')?.text).toBe('高于序时进度6.7个百分点');
    expect(yearResult(null, '2024-12')).toBeNull();
  });
});

describe('reportQuality', () => {
  const q: Pick<QualityData, 'sheets' | 'issues'> = {
    sheets: [
      {
        file: 'ledgers/2025-06/a.xlsx',
        sheet: 'S',
        kind: 'signed',
        period: '2025-06',
        read: 10,
        accepted: 7,
        rejected: 2,
        skipped: 1,
      },
      {
        file: 'ledgers/2025-05/a.xlsx',
        sheet: 'S',
        kind: 'signed',
        period: '2025-05',
        read: 99,
        accepted: 99,
        rejected: 0,
        skipped: 0,
      },
    ],
    issues: [
      { severity: 'error', code: 'missing_required', file: 'ledgers/2025-06/a.xlsx', message: 'm', period: '2025-06' },
      { severity: 'error', code: 'invalid_date', file: 'ledgers/2025-06/a.xlsx', message: 'm', period: '2025-06' },
      { severity: 'error', code: 'invalid_date', file: 'ledgers/2025-06/a.xlsx', message: 'm', period: '2025-06' },
      {
        severity: 'warning',
        code: 'unknown_unit',
        file: 'ledgers/2025-06/a.xlsx',
        value: '招商三科',
        message: 'm',
        period: '2025-06',
      },
      {
        severity: 'warning',
        code: 'unknown_unit',
        file: 'ledgers/2025-06/b.xlsx',
        value: '招商三科',
        message: 'm',
        period: '2025-06',
      },
      { severity: 'info', code: 'sheet_unknown_kind', file: 'ledgers/2025-06/a.xlsx', message: 'm', period: '2025-06' },
      { severity: 'error', code: 'missing_required', file: 'ledgers/2025-05/a.xlsx', message: 'm', period: '2025-05' },
      { severity: 'error', code: 'missing_required', file: 'reference/目标任务分解表.xlsx', message: 'm' },
    ],
  };
  it('counts the snapshot’s own issues by kind, errors first, and names the unknown units', () => {
    const r = reportQuality(q, '2025-06');
    expect(r.rows).toEqual({ files: 2, sheets: 1, read: '10', accepted: '7', rejected: '2', skipped: '1' });
    expect([r.errors, r.warnings]).toEqual([3, 2]);
    expect(r.codes.map((c) => [c.severityLabel, c.label, c.count])).toEqual([
      ['错误', '日期无法识别', 2],
      ['错误', '必填项为空', 1],
      ['警告', '未识别单位', 2],
    ]);
    expect(r.unknownUnits).toEqual([{ name: '招商三科', count: 2 }]);
  });
});

describe('reportView', () => {
  const data = periodData();
  const v = reportView({
    year: reportYears(['2025-05', '2025-06'])[0]!,
    meta: { zoneName: '测试区', office: '测试区投资促进局' },
    data,
    reference: { units: UNITS, targets: TARGETS, chainSegments: [] },
    snapshots: [{ period: '2025-06', metrics: data.metrics }],
    quality: { sheets: [], issues: [] },
  });
  it('has a cover that says the year is not over', () => {
    expect(v.title).toBe('2025年度招商引资工作总结报告（年终结总账）');
    expect(v.cover).toEqual({
      zoneName: '测试区',
      office: '测试区投资促进局',
      asOf: '数据截至2025年6月底',
      note: '（截至2025年6月，年度未结束）',
      range: '1—6月',
      periodText: '2025年6月',
    });
  });
  it('no 全区 row: each indicator against the units holding it, with those units’ own actuals', () => {
    // 签约项目数: 甲镇's unconditioned 4 (丙办 has only a conditioned row) against 甲镇's 2 signings;
    // 开工项目数: 乙局's 2 against 乙局's 0 starts (the zone's one start is 甲镇's)
    expect(
      v.totals.map((t) => [t.indicator, t.baseLabel, t.targetText, t.actualText, t.rateText, t.result?.text]),
    ).toEqual([
      ['签约项目数', '1个单位目标合计', '4', '2', '50.0%', '达到序时进度'],
      ['签约金额', '2个单位目标合计', '140.00', '67.80', '48.4%', '低于序时进度1.6个百分点'],
      ['开工项目数', '1个单位目标合计', '2', '0', '0.0%', '低于序时进度50.0个百分点'],
      ['有效信息条数', '1个单位目标合计', '10', '2', '20.0%', '低于序时进度30.0个百分点'],
    ]);
    // the drill lists exactly the rows behind the rate
    expect(v.totals[0]?.href).toBe('../drill/2025-06.html?f=completion.0');
  });
  it('ranks the units and keeps every unit’s score breakdown, unranked ones last', () => {
    expect(v.ranking.ranked.map((r) => [r.rankText, r.unit, r.scoreText])).toEqual([
      ['1', '甲镇', '18.40'],
      ['2', '乙局', '10.00'],
    ]);
    expect(v.ranking.unranked.map((r) => r.unit)).toEqual(['丙办']);
    expect(v.breakdowns.map((b) => [b.unit, b.standing, b.lines.length])).toEqual([
      ['甲镇', '第1名', 4],
      ['乙局', '第2名', 3],
      ['丙办', '不参与排名', 1],
    ]);
  });
  it('draws the trend and sums up the year', () => {
    expect(v.trend.rows).toHaveLength(6);
    expect(v.trend.rows.filter((r) => r.reported).map((r) => r.month)).toEqual([6]);
    expect(v.trend.signedChart).toContain('<svg');
    expect(v.summary[0]).toBe(
      '1—6月，全区累计签约项目 3 个（其中亿元以上 2 个），签约金额 67.80 亿元，签约金额完成各单位目标合计的 48.4%。',
    );
    expect(v.summary.at(-1)).toBe('期末签约超期未开工（超过 180 天）项目 2 个。');
  });
});

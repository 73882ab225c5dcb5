/**
 * The embedded sample zone (data/) through the whole data stage, checked against the generator's
 * own scenario — the ground truth the messy spreadsheets were written from — rather than against
 * figures computed by the code under test.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runDataStage } from '../src/pipeline/dataStage.ts';
import type { DataModel } from '../src/pipeline/dataStage.ts';
import { buildReport } from '../src/pipeline/report.ts';
import type { Report } from '../src/schemas/report.ts';
import { buildScenario } from '../scripts/sample/scenario.ts';
import type { Project } from '../scripts/sample/scenario.ts';
import { applySpecials } from '../scripts/sample/specials.ts';

const dataDir = join(import.meta.dirname, '..', 'data');
let model: DataModel;
let report: Report;
const scenario = buildScenario({ scale: 1 });
const specials = applySpecials(scenario);

beforeAll(async () => {
  model = await runDataStage(dataDir, { log: () => {} });
  report = buildReport(model, 'internal');
}, 120_000);

/** 总投资 as the snapshot of `period` shows it (later corrections not yet known). */
function amountAt(p: Project, period: string): number {
  const known = p.revisions.filter((r) => r.month <= period);
  return known.length > 0 ? (known[known.length - 1] as { value: number }).value : p.investmentYi;
}

/** The signings a correct pipeline must count for `period`: live, signed this year up to the period end, not deliberately broken. */
function truthSigned(period: string): Project[] {
  const year = period.slice(0, 4);
  return scenario.projects.filter(
    (p) =>
      p.signDate !== undefined &&
      p.signDate.startsWith(year) &&
      p.signDate.slice(0, 7) <= period &&
      (p.cancelMonth === undefined || p.cancelMonth > period) &&
      p !== specials.emptyName &&
      p !== specials.pendingAmount,
  );
}

describe('sample zone', () => {
  test('22 monthly snapshots, every row accounted for', () => {
    expect(report.periods).toHaveLength(22);
    expect(report.periods[0]).toBe('2024-01');
    expect(report.periods[21]).toBe('2025-10');
    for (const s of report.sheets) expect(s.read, `${s.file} › ${s.sheet}`).toBe(s.accepted + s.rejected + s.skipped);
    expect(report.totals.read).toBe(report.totals.accepted + report.totals.rejected + report.totals.skipped);
  });

  test.each(['2024-06', '2024-12', '2025-03', '2025-10'])(
    'signed count and 亿元 in %s match the scenario',
    (period) => {
      const truth = truthSigned(period);
      const summary = report.summary[period] as {
        signed: { count: number; investmentYi: number; byUnit: Record<string, { count: number }> };
      };
      expect(summary.signed.count).toBe(truth.length);
      const sum = truth.reduce((s, p) => s + amountAt(p, period), 0);
      expect(summary.signed.investmentYi).toBeCloseTo(sum, 6);
      // And per unit.
      const byUnit = new Map<string, number>();
      for (const p of truth) byUnit.set(p.unit, (byUnit.get(p.unit) ?? 0) + 1);
      for (const [unit, n] of byUnit) expect(summary.signed.byUnit[unit]?.count, unit).toBe(n);
    },
  );

  test('2025-10 rejects exactly the deliberate bad rows listed in data/README.md', () => {
    const errors = report.issues
      .filter((i) => i.period === '2025-10' && i.severity === 'error')
      .map((i) => [i.file.replace('ledgers/2025-10/', ''), i.sheet ?? '', i.row ?? 0, i.column ?? '', i.code]);
    expect(errors).toEqual([
      ['2025年签约项目台账（定稿）.xlsx', '2024年', 23, '协议投资（亿元）', 'missing_required'],
      ['2025年签约项目台账（定稿）.xlsx', '2025年', 73, '项目名称', 'missing_required'],
      ['到位资金台账（2025年1-10月）.xlsx', '资金到位明细', 755, '实际到位资金(万元)', 'invalid_amount'],
      ['外出招商情况统计表（2025年10月）.csv', '外出招商情况统计表（2025年10月）', 144, '带队单位', 'missing_required'],
      ['外出招商补充表（旧版）.xls', '', 0, '', 'file_unreadable'],
      ['开工项目表 2025年10月.xlsx', '开工项目', 176, '开工时间', 'future_date'],
      ['招商信息台账（2025年10月更新）.xlsx', '信息汇总', 1064, '报送日期', 'invalid_date'],
    ]);
  });

  test('2025-10 warns about the near misses, the orphan start, the wrong 合计 and the unknown unit and chain', () => {
    const warnings = report.issues.filter((i) => i.period === '2025-10' && i.severity === 'warning');
    const has = (code: string, row?: number) =>
      warnings.some((w) => w.code === code && (row === undefined || w.row === row));
    expect(has('suggested_match', 89)).toBe(true);
    expect(has('suggested_match', 497)).toBe(true);
    expect(has('unmatched_start', 110)).toBe(true);
    expect(has('total_mismatch', 1023)).toBe(true);
    expect(has('unknown_unit', 725)).toBe(true);
    expect(has('unknown_chain')).toBe(true);
    expect(report.unknownUnits.map((u) => u.name)).toContain('招商三科');
  });

  test('a near-miss name is suggested, never joined', () => {
    const last = model.snapshots[model.snapshots.length - 1];
    const miss = specials.nearMissStart;
    expect(miss).toBeDefined();
    const started = last?.records.started.find((s) => s.name === miss?.name);
    const signed = last?.records.signed.find((s) => s.name === miss?.project.name);
    expect(started?.key).toBeDefined();
    expect(started?.key).not.toBe(signed?.key);
  });
});

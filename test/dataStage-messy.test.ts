import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runDataStage, type DataModel } from '../src/pipeline/dataStage.ts';
import { buildReport } from '../src/pipeline/report.ts';
import type { Report } from '../src/schemas/report.ts';
import { runCase, writeOutputs } from './helpers/goldenZone.ts';

// The messy golden case (test/fixtures/build/messy): figures computed by hand.
let zone: string;
let model: DataModel;
let report: Report;

beforeAll(async () => {
  ({ zone, model, report } = await runCase('messy'));
});

describe('messy zone (contract §2–3 shapes)', () => {
  test('every row is accounted for: read = accepted + rejected + skipped per sheet', () => {
    for (const s of report.sheets) expect(s.read, `${s.file} › ${s.sheet}`).toBe(s.accepted + s.rejected + s.skipped);
    const signed = report.sheets.find((s) => s.period === '2025-10' && s.kind === 'signed');
    // 9 project rows (3 rejected) + 小计, 合计, 注, 填报人 (skipped).
    expect(signed).toMatchObject({ read: 13, accepted: 6, rejected: 3, skipped: 4 });
  });

  test('hand-computed figures for 2025-10', () => {
    const s = report.summary['2025-10'] as {
      signed: { count: number; investmentYi: number; byUnit: Record<string, { count: number; investmentYi: number }> };
      funds: { amountYi: number };
      leads: { count: number; valid: number };
      started: { count: number };
      ranking: { unit: string; score: number; rank: number }[];
    };
    // 12.5 + 8000万元 + １５ + 1亿8千万元 + 约3亿 + 2*3 (formula) = 39.1
    expect(s.signed.count).toBe(6);
    expect(s.signed.investmentYi).toBeCloseTo(39.1, 10);
    expect(s.signed.byUnit['白沙镇人民政府']).toEqual({ count: 1, investmentYi: 15 });
    // 智能装备产业园 takes 青川镇 from the vertical merge: 12.5 + 0.8.
    expect(s.signed.byUnit['青川镇人民政府']).toEqual({ count: 2, investmentYi: 13.3 });
    expect(s.signed.byUnit['招商三科']).toEqual({ count: 1, investmentYi: 3 });
    // 20000 (万元, default unit) + "1,200" (万元) = 2.12亿元; 若干 rejected.
    expect(s.funds.amountYi).toBeCloseTo(2.12, 10);
    expect(s.leads).toEqual({ count: 3, valid: 2 });
    expect(s.started.count).toBe(3);
    // 青川镇: 10×2/4 + 20×13.3/20 + 0.1×2 (按件) − 0 (扣分) = 18.5; 深圳组 20×6/10 = 12; 高新园 20×1.8/10 = 3.6; 白沙镇 0 (达标 missed).
    expect(s.ranking.map((r) => [r.unit, Math.round(r.score * 100) / 100, r.rank])).toEqual([
      ['青川镇人民政府', 18.5, 1],
      ['驻深圳招商组', 12, 2],
      ['高新产业园管委会', 3.6, 3],
      ['白沙镇人民政府', 0, 4],
    ]);
  });

  test('bad rows are rejected with their Excel row, column and a Chinese fix', () => {
    const lines = report.issues
      .filter((i) => i.period === '2025-10' && i.severity === 'error')
      .map((i) => `${i.file} › ${i.sheet ?? ''} › ${i.row ?? ''} › ${i.column ?? ''} › ${i.code}`);
    expect(lines).toEqual([
      'ledgers/2025-10/2025年签约项目台账（定稿）.xlsx › 签约项目 › 12 › 项目名称 › missing_required',
      'ledgers/2025-10/2025年签约项目台账（定稿）.xlsx › 签约项目 › 13 › 总投资（亿元） › missing_required',
      'ledgers/2025-10/2025年签约项目台账（定稿）.xlsx › 签约项目 › 14 › 签约时间 › future_date',
      'ledgers/2025-10/到位资金台账.csv › 到位资金台账 › 3 › 实际到位资金 › invalid_amount',
      'ledgers/2025-10/外出招商补充表（旧版）.xls ›  ›  ›  › file_unreadable',
      'ledgers/2025-10/投产项目表.csv ›  ›  ›  › file_unreadable',
      'ledgers/2025-10/招商信息台账.xlsx › Sheet1 › 4 › 报送日期 › invalid_date',
    ]);
    const pending = report.issues.find((i) => i.row === 13 && i.period === '2025-10');
    expect(pending?.message).toMatchInlineSnapshot(
      `"必填项“总投资”写的是“待定”，不是有效值，本行未计入：请填写实际总投资（如 5亿、8000万元），确实未定的项目请暂不列入本表"`,
    );
  });

  test('warnings: 合计 mismatch, unknown unit, assumed unit, suggested match, unmatched start', () => {
    const codes = report.issues
      .filter((i) => i.period === '2025-10' && i.severity === 'warning')
      .map((i) => `${i.code}@${i.row ?? ''}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'total_mismatch@16',
        'unknown_unit@11',
        'unit_assumed@2',
        'suggested_match@4',
        'unmatched_start@5',
      ]),
    );
    // The 小计 row (row 9) is right: only the 合计 row is reported.
    expect(codes).not.toContain('total_mismatch@9');
  });

  test('the diff between snapshots shows the corrected amount and the projects added in October', () => {
    const diff = model.snapshots[1]?.diff;
    // 数据中心 and 储能 were future-dated in September; the two start rows with no signing are projects too.
    expect(diff?.amountChanged).toEqual([{ key: 'code:QC-2025-003', name: '生物医药研发中心', from: 12, to: 15 }]);
    expect(diff?.added.map((a) => a.name).sort()).toEqual(
      ['<script>alert(1)</script>储能项目', '数据中心项目', '无名开工项目', '智能装备产业'].sort(),
    );
  });

  test('two runs give byte-identical outputs', async () => {
    const again = await runDataStage(zone, { log: () => {} });
    const a = mkdtempSync(join(tmpdir(), 'zs-det-'));
    const b = mkdtempSync(join(tmpdir(), 'zs-det-'));
    writeOutputs(model, report, a);
    writeOutputs(again, buildReport(again, 'internal'), b);
    const list = (d: string) =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(d.length))
        .sort();
    expect(list(a)).toEqual(list(b));
    for (const f of list(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});

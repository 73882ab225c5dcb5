import { beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../src/schemas/report.ts';
import type { DataModel } from '../src/pipeline/dataStage.ts';
import { runCase } from './helpers/goldenZone.ts';

// The problems golden case (test/fixtures/build/problems/make.ts): each problem planted once.
let report: Report;
let model: DataModel;

beforeAll(async () => {
  ({ report, model } = await runCase('problems'));
});

describe('problems case: every kind of problem is one located issue with its own code', () => {
  test('each planted problem, where it was planted', () => {
    const at = (code: string) =>
      report.issues
        .filter((i) => i.code === code)
        .map((i) => [i.severity, i.file, i.sheet ?? '', i.row ?? '', i.column ?? ''].join(' › '));
    expect(at('settings_invalid')).toEqual(['error › site.json ›  ›  › overdueDays']);
    expect(at('duplicate_alias')).toEqual(['warning › reference ›  ›  › ']);
    expect(at('period_folder_invalid')).toHaveLength(1);
    expect(at('sheet_ambiguous_kind')).toEqual(['error › ledgers/2025-10/签约及开工情况.xlsx › Sheet1 ›  › ']);
    expect(at('sheet_no_header')).toEqual(['error › ledgers/2025-10/开工项目表.xlsx › 开工项目 ›  › ']);
    expect(at('sheet_missing_column')).toEqual(['error › ledgers/2025-10/到位资金台账.xlsx › 到位资金 › 1 › ']);
    expect(at('duplicate_row')).toEqual(['warning › ledgers/2025-10/签约项目表.xlsx › 签约项目 › 3 › 项目编号']);
    expect(at('invalid_yesno')).toEqual(['warning › ledgers/2025-10/签约项目表.xlsx › 签约项目 › 4 › 是否外资']);
    expect(at('cell_error')).toEqual(['error › ledgers/2025-10/签约项目表.xlsx › 签约项目 › 5 › 总投资（亿元）']);
    expect(at('invalid_enum')).toEqual(['warning › ledgers/2025-10/在谈项目表.xlsx › 在谈项目 › 2 › 洽谈阶段']);
    expect(at('invalid_number')).toEqual([
      'warning › ledgers/2025-10/外出招商情况统计表.xlsx › 外出招商 › 2 › 拜访数量',
    ]);
    expect(at('geojson_invalid')).toEqual(['error › reference/园区边界（旧）.geojson ›  ›  › ']);
    expect(at('geojson_feature_ignored')).toEqual(['warning › reference/边界.geojson ›  ›  › ']);
    expect(at('coordinate_invalid')).toEqual(['warning › reference/存量资产.csv › 存量资产 › 2 › 坐标']);
    expect(at('coordinate_outside')).toEqual(['warning › reference/存量资产.csv › 存量资产 › 3 › 坐标']);
  });

  test('row problems name the unit the row goes back to (退回清单), as resolved from the units table', () => {
    const unitOf = (code: string) => report.issues.find((i) => i.code === code)?.unit;
    expect(unitOf('duplicate_row')).toBe('高新产业园管委会'); // written 高新园
    expect(unitOf('invalid_yesno')).toBe('青川镇人民政府'); // written 青川镇
    expect(unitOf('invalid_number')).toBe('青川镇人民政府');
    expect(unitOf('sheet_missing_column')).toBeUndefined();
  });

  test('the build goes on: the bad site.json key falls back, the readable rows count', () => {
    expect(model.settings.zoneName).toBe('问题开发区');
    expect(model.settings.overdueDays).toBe(180);
    // 签约: rows 2, 3 (the same project under the same unit: accepted, counted once, and says so),
    // 4 (bad 是否外资 dropped); row 5 rejected. Counted: QC-1 12 + QC-2 5 = 17 亿元 in 2 projects.
    const signed = report.sheets.find((s) => s.kind === 'signed' && s.period === '2025-10');
    expect(signed).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
    expect(report.summary['2025-10']?.signed).toMatchObject({ count: 2, investmentYi: 17 });
    // 在谈 and 外出 rows still count, without the unreadable optional value.
    expect(model.snapshots[0]?.records.negotiating).toHaveLength(1);
    expect(model.snapshots[0]?.records.trips[0]?.visits).toBeUndefined();
  });
});

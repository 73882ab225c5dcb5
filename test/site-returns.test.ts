import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/schemas/issue.ts';
import { unitId } from '../src/site/data.ts';
import { returnColumns, returnsView } from '../src/site/returns.ts';
import { toXlsx } from '../src/site/tableExport.ts';

const issue = (over: Partial<Issue>): Issue => ({
  severity: 'error',
  code: 'missing_required',
  file: 'ledgers/2025-10/签约项目表.xlsx',
  sheet: '签约项目',
  message: '缺少必填项“总投资”，本行未计入：请补填后重新生成',
  period: '2025-10',
  ...over,
});

const quality = {
  sheets: [],
  unknownUnits: [],
  issues: [
    issue({ row: 7, unit: '青川镇人民政府', column: '总投资（亿元）' }),
    issue({ row: 9, unit: '白沙镇人民政府', severity: 'warning', code: 'invalid_yesno', value: '不确定' }),
    issue({ row: 12, unit: '青川镇人民政府', severity: 'warning', code: 'duplicate_row' }),
    // An earlier snapshot's problem: not in October's return.
    issue({ row: 5, unit: '青川镇人民政府', period: '2025-09' }),
    // A skipped sheet is information, not a correction.
    issue({ severity: 'info', code: 'sheet_unknown_kind', unit: '青川镇人民政府' }),
    // No unit: the sheet lacks a column.
    issue({ code: 'sheet_missing_column', row: 1 }),
  ],
};

describe('退回清单', () => {
  it("gives each unit the latest snapshot's rejected and warned rows, and counts the rest", () => {
    const v = returnsView(quality, '2025-10');
    expect(v.units.map((u) => [u.unit, u.errors, u.warnings, u.rows.map((r) => r.row)])).toEqual([
      ['白沙镇人民政府', 0, 1, [9]],
      ['青川镇人民政府', 1, 1, [7, 12]],
    ]);
    expect(v.unassigned).toBe(1);
    expect(v.units[1]?.path).toBe(`returns/${unitId('青川镇人民政府')}.xlsx`);
    expect(v.units[1]?.fileName).toBe('青川镇人民政府-退回清单-2025-10.xlsx');
  });

  it('writes the rows with where, what and how to fix', async () => {
    const r = returnsView(quality, '2025-10').units[1]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(returnColumns, r.rows, { sheet: '退回清单' })).buffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '文件',
      '工作表',
      '行',
      '列',
      '值',
      '级别',
      '问题及修改方法',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      'ledgers/2025-10/签约项目表.xlsx',
      '签约项目',
      7,
      '总投资（亿元）',
      undefined,
      '错误',
      '缺少必填项“总投资”，本行未计入：请补填后重新生成',
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it('no latest period, no returns', () => {
    expect(returnsView(quality, null)).toEqual({ period: null, units: [], unassigned: 0 });
  });
});

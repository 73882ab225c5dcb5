import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { templateFileName, templateHeader, templateWorkbook, type TemplateLists } from '../src/documents/template.ts';
import { runDataStage } from '../src/pipeline/dataStage.ts';
import { LEDGER_KINDS, type LedgerKind } from '../src/schemas/fields.ts';
import type { FieldSpec } from '../src/schemas/tables/define.ts';
import { TABLES } from '../src/schemas/tables/index.ts';

const LISTS: TemplateLists = {
  units: ['青川镇人民政府', '白沙镇人民政府'],
  chains: ['新能源', '生物医药'],
  segments: ['电池材料', '整车'],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation> };
/** The validation covering a cell, e.g. `validation(ws, 'E3')`. */
const validation = (ws: ExcelJS.Worksheet, address: string) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model[address] ??
  ws.getCell(address).dataValidation;

describe('ledger templates', () => {
  it('签约: canonical headers with units, frozen header, drop-downs from the reference tables', async () => {
    const wb = await load(await templateWorkbook('signed', LISTS));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['签约项目表', 'visible'],
      ['下拉选项', 'hidden'],
      ['填表说明', 'visible'],
    ]);
    const ws = wb.getWorksheet('签约项目表')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '项目编号',
      '项目名称',
      '投资方',
      '总投资（亿元）',
      '产业链',
      '环节',
      '签约日期',
      '责任单位',
      '引荐单位',
      '落户园区',
      '项目类型',
      '是否外资',
      '外资金额（万美元）',
      '是否列入省台账',
      '是否认定',
      '是否公开',
      '联系人',
      '联系电话',
      '备注',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Columns: D 总投资, E 产业链, F 环节, G 签约日期, H 责任单位, L 是否外资.
    expect(validation(ws, 'H3')).toMatchObject({ type: 'list', formulae: ['下拉选项!$A$2:$A$3'] });
    expect(validation(ws, 'H3')?.allowBlank).toBeFalsy(); // 责任单位 is required
    expect(validation(ws, 'E500')).toMatchObject({ type: 'list', formulae: ['下拉选项!$B$2:$B$3'] });
    expect(validation(ws, 'F3')).toMatchObject({ type: 'list', formulae: ['下拉选项!$C$2:$C$3'] });
    expect(validation(ws, 'L3')).toMatchObject({ type: 'list', formulae: ['"是,否"'], allowBlank: true });
    expect(validation(ws, 'D3')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(validation(ws, 'G3')).toMatchObject({ type: 'date' });
    expect(ws.getColumn(7).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(1).numFmt).toBe('@');
    const options = wb.getWorksheet('下拉选项')!;
    expect((options.getColumn(1).values as unknown[]).slice(1)).toEqual(['单位', '青川镇人民政府', '白沙镇人民政府']);
    // 填表说明 says which columns are required.
    const help = wb.getWorksheet('填表说明')!;
    const rows = (help.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 3));
    expect(rows).toContainEqual(['总投资（亿元）', '必填']);
    expect(rows).toContainEqual(['备注', '选填']);
  });

  it('在谈: a choice list written inline; a unit copy offers only that unit and names it', async () => {
    const wb = await load(await templateWorkbook('negotiating', LISTS, '白沙镇人民政府'));
    const ws = wb.getWorksheet('在谈项目表')!;
    expect(ws.getCell('A1').value).toBe('在谈项目表　填报单位：白沙镇人民政府');
    const stage = TABLES.negotiating.fields.findIndex((f) => f.key === 'stage');
    const col = ws.getColumn(stage + 1).letter;
    expect(validation(ws, `${col}3`)).toMatchObject({ type: 'list', formulae: ['"初步接触,考察,实质性洽谈,评审"'] });
    expect((wb.getWorksheet('下拉选项')!.getColumn(1).values as unknown[]).slice(1)).toEqual([
      '单位',
      '白沙镇人民政府',
    ]);
    expect(templateFileName('negotiating', '白沙镇人民政府')).toBe('在谈项目表（白沙镇人民政府）.xlsx');
  });

  it('the same bytes every time', async () => {
    const a = await templateWorkbook('funds', LISTS);
    const b = await templateWorkbook('funds', LISTS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('every template, filled in and dropped into a snapshot folder, reads with no warning and no error', async () => {
    const zone = mkdtempSync(join(tmpdir(), 'zs-templates-'));
    mkdirSync(join(zone, 'reference'), { recursive: true });
    mkdirSync(join(zone, 'ledgers', '2025-10'), { recursive: true });
    const units = new ExcelJS.Workbook();
    units.addWorksheet('单位').addRows([
      ['单位名称', '简称'],
      ['青川镇人民政府', '青川镇'],
      ['白沙镇人民政府', '白沙镇'],
    ]);
    await units.xlsx.writeFile(join(zone, 'reference', '单位名单.xlsx'));
    const valueOf = (f: FieldSpec): ExcelJS.CellValue => {
      switch (f.type) {
        case 'code':
          return 'QC-2025-001';
        case 'amountYi':
        case 'amountUsd':
          return 5;
        case 'number':
        case 'int':
          return 3;
        case 'date':
          return new Date(Date.UTC(2025, 9, 8));
        case 'yesno':
          return '是';
        case 'unit':
          return '青川镇人民政府';
        case 'enum':
          return f.values![0]!;
        case 'list':
          return '甲、乙';
        default:
          return f.key === 'name' ? '光伏组件项目' : '某某';
      }
    };
    for (const kind of LEDGER_KINDS) {
      const wb = await load(await templateWorkbook(kind, LISTS, '青川镇人民政府'));
      const ws = wb.getWorksheet(TABLES[kind].label)!;
      const fields: readonly FieldSpec[] = TABLES[kind].fields;
      ws.getRow(3).values = fields.map(valueOf);
      await wb.xlsx.writeFile(join(zone, 'ledgers', '2025-10', templateFileName(kind, '青川镇人民政府')));
    }
    const model = await runDataStage(zone, { log: () => {} });
    expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const records = model.snapshots[0]!.records;
    for (const kind of LEDGER_KINDS) expect(records[kind as LedgerKind], kind).toHaveLength(1);
    expect(records.signed[0]).toMatchObject({
      name: '光伏组件项目',
      investmentYi: 5,
      signDate: '2025-10-08',
      foreign: true,
    });
    // Every header the template writes is one the reader maps to its field.
    for (const kind of LEDGER_KINDS) for (const f of TABLES[kind].fields) expect(templateHeader(f)).toContain(f.label);
  });
});

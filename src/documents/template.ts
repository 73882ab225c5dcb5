import ExcelJS from 'exceljs';
import type { LedgerKind } from '../schemas/fields.ts';
import type { FieldSpec } from '../schemas/tables/define.ts';
import { TABLES } from '../schemas/tables/index.ts';
import { fixZipTimes } from './zipTimes.ts';

/**
 * 台账模板 (contract §12): a blank workbook per ledger kind that prevents errors where they start —
 * the canonical headers (amount units in the header), a 填表说明 sheet, a frozen header row, date
 * and amount formats, and drop-down lists (Excel data validation) filled from the reference
 * tables. Everything comes from the kind's one definition in `src/schemas/tables/`. Pure: data in,
 * bytes out (fixed document dates, so the bytes are reproducible).
 */

/** The lists the drop-downs offer, from the reference tables. */
export interface TemplateLists {
  /** 单位名称 of the units table, e.g. `['青川镇人民政府', …]`. */
  units: readonly string[];
  /** 产业链 of the chain map, e.g. `['新能源', '生物医药']`. */
  chains: readonly string[];
  /** 环节 of the chain map. */
  segments: readonly string[];
}

/** Rows the drop-downs and formats cover below the header. */
export const TEMPLATE_ROWS = 500;

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
/** Fields whose list is not in the table definition but in the reference tables. */
const REFERENCE_LISTS: Record<string, keyof TemplateLists> = { chain: 'chains', segment: 'segments' };
const TYPE_HELP: Record<FieldSpec['type'], string> = {
  text: '文字',
  code: '文字（编号按原样保留，不会变成数字）',
  amountYi: '金额，单位亿元，填数字即可（如 12.5）；也可写“8000万元”',
  amountUsd: '外资金额，单位万美元，填数字即可',
  number: '数字',
  int: '整数',
  date: '日期，如 2025-10-08（可从单元格选择日期）',
  yesno: '下拉选择“是”或“否”，空白视为“否”',
  unit: '下拉选择单位名称（须为单位名单中的名称）',
  units: '单位名称；共同承担的任务写多个单位，用顿号分隔（如“党政办、规划建设局”）；全区目标写“全区”',
  list: '多个值用顿号“、”分隔',
  enum: '下拉选择',
};

/** The header of a field as the template writes it: amounts carry their unit, e.g. `总投资（亿元）`. */
export function templateHeader(spec: FieldSpec): string {
  if (spec.type === 'amountYi') return `${spec.label}（亿元）`;
  if (spec.type === 'amountUsd') return `${spec.label}（万美元）`;
  return spec.label;
}

/**
 * The template workbook of a ledger kind. With `unit`, the copy for one unit: its name in the
 * title line, the only choice of the unit columns' drop-down, and in the file's 填表说明.
 *
 * @example await templateWorkbook('signed', lists) // bytes of 签约项目表.xlsx
 */
export async function templateWorkbook(
  kind: LedgerKind,
  lists: TemplateLists,
  unit?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const def = TABLES[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '招商数据平台';
  wb.lastModifiedBy = '招商数据平台';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  // 1. The sheet the unit fills in: named after the kind, so the build recognises it.
  const ws = wb.addWorksheet(def.label, { views: [{ state: 'frozen', ySplit: 2 }] });
  const fields: readonly FieldSpec[] = def.fields;
  ws.addRow([`${def.label}${unit ? `　填报单位：${unit}` : ''}`]).font = { bold: true, size: 14 };
  const header = ws.addRow(fields.map(templateHeader));
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    const spec = fields[i - 1]!;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.required ? 'FFFCE4D6' : 'FFEDEDED' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  // 2. The drop-down lists too long to write inline live on a hidden sheet.
  const options = wb.addWorksheet('下拉选项', { state: 'hidden' });
  const unitChoices = unit ? [unit] : lists.units;
  const columns: [string, readonly string[]][] = [
    ['单位', unitChoices],
    ['产业链', lists.chains],
    ['环节', lists.segments],
  ];
  columns.forEach(([title, values], c) => {
    options.getCell(1, c + 1).value = title;
    values.forEach((v, r) => (options.getCell(r + 2, c + 1).value = v));
  });
  const rangeOf = (c: number, n: number) => {
    const col = String.fromCharCode(65 + c);
    return `下拉选项!$${col}$2:$${col}$${Math.max(2, n + 1)}`;
  };

  const last = TEMPLATE_ROWS + 2;
  fields.forEach((spec, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(10, Math.min(30, templateHeader(spec).length * 2 + 4));
    const letter = col.letter;
    const range = `${letter}3:${letter}${last}`;
    const validation = validationOf(spec, lists, unitChoices, rangeOf);
    if (validation) (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(range, validation);
    if (spec.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (spec.type === 'amountYi' || spec.type === 'amountUsd') col.numFmt = '0.00';
    if (spec.type === 'code') col.numFmt = '@';
  });

  // 3. 填表说明: what each column means and which are required (a 说明 sheet is skipped by the build).
  const help = wb.addWorksheet('填表说明');
  help.addRow([`${def.label} 填表说明${unit ? `（${unit}）` : ''}`]).font = { bold: true, size: 14 };
  help.addRow(['标为浅橙色的列必填，缺少必填项的行不计入任何数字；不要修改表头、不要合并单元格；每行一个项目。']);
  help.addRow([]);
  help.addRow(['列名', '是否必填', '填写要求', '也可写作']).font = { bold: true };
  for (const spec of fields) {
    const choices = spec.values ? `：${spec.values.join(' / ')}` : '';
    help.addRow([
      templateHeader(spec),
      spec.required ? '必填' : '选填',
      TYPE_HELP[spec.type] + choices,
      spec.aliases.join('、'),
    ]);
  }
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 60;
  help.getColumn(4).width = 30;

  return fixZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>);
}

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** The drop-down or check of one column, or null. */
function validationOf(
  spec: FieldSpec,
  lists: TemplateLists,
  unitChoices: readonly string[],
  rangeOf: (column: number, rows: number) => string,
): ExcelJS.DataValidation | null {
  const list = (formula: string, what: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: !spec.required,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: '请从下拉列表选择',
    error: `“${spec.label}”请从下拉列表中选择${what}`,
  });
  if (spec.type === 'yesno') return list('"是,否"', '“是”或“否”');
  if (spec.type === 'enum' && spec.values) return list(`"${spec.values.join(',')}"`, '');
  if (spec.type === 'unit') return list(rangeOf(0, unitChoices.length), '单位名单中的单位');
  const ref = REFERENCE_LISTS[spec.key];
  if (ref === 'chains' && lists.chains.length > 0) return list(rangeOf(1, lists.chains.length), '产业链图谱中的产业链');
  if (ref === 'segments' && lists.segments.length > 0)
    return list(rangeOf(2, lists.segments.length), '产业链图谱中的环节');
  if (spec.type === 'date')
    return {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: !spec.required,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      showErrorMessage: true,
      errorTitle: '日期格式不对',
      error: `“${spec.label}”请填写日期，如 2025-10-08`,
    };
  if (spec.type === 'amountYi' || spec.type === 'amountUsd' || spec.type === 'int' || spec.type === 'number')
    return {
      type: spec.type === 'int' ? 'whole' : 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: !spec.required,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: '请填写数字',
      error: `“${templateHeader(spec)}”请填写不小于 0 的数字`,
    };
  return null;
}

/** The drop-down lists from the reference tables: units, then chains and segments in map order. */
export function templateLists(ref: {
  units: readonly { name: string }[];
  chainSegments: readonly { chain: string; segment: string }[];
}): TemplateLists {
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    units: unique(ref.units.map((u) => u.name)),
    chains: unique(ref.chainSegments.map((s) => s.chain)),
    segments: unique(ref.chainSegments.map((s) => s.segment)),
  };
}

/** File name of a kind's template, e.g. `签约项目表.xlsx` or `签约项目表（青川镇人民政府）.xlsx`. */
export const templateFileName = (kind: LedgerKind, unit?: string): string =>
  `${TABLES[kind].label}${unit ? `（${unit}）` : ''}.xlsx`;

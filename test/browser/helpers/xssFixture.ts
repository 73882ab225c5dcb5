import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { BuildSpec } from '../../helpers/buildOnce.ts';

/**
 * A small zone whose names carry HTML/script payloads (see test/fixtures/README.md, "Browser
 * tests"). Imitates a ledger where someone pasted markup into a cell — or an attacker did, for a
 * site that is opened by every office in the zone. Every page built from it must show the payloads
 * as text and never run them.
 */
export const PAYLOAD_SCRIPT = '<script>window.__pwned=1</script>';
export const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">';
/** Breaks out of a quoted attribute value (title="…", data-…="…", value="…"). */
export const PAYLOAD_ATTR = `"'><svg onload=window.__pwned=1>`;

export const XSS_UNIT_SCRIPT = `招商一科${PAYLOAD_SCRIPT}`;
export const XSS_UNIT_IMG = `白沙镇${PAYLOAD_IMG}`;
export const XSS_UNIT_UNKNOWN = `未登记${PAYLOAD_SCRIPT}单位`;
export const XSS_PROJECT_SCRIPT = `年产${PAYLOAD_SCRIPT}电池项目`;
export const XSS_PROJECT_IMG = `精密${PAYLOAD_IMG}轴承项目`;
export const XSS_PROJECT_ATTR = `智能${PAYLOAD_ATTR}终端项目`;
export const XSS_CHAIN = `新能源${PAYLOAD_ATTR}`;
export const XSS_ZONE = `测试开发区${PAYLOAD_SCRIPT}`;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const FIXED = utc(2025, 11, 1);

async function writeSheet(
  path: string,
  sheetName: string,
  title: string | null,
  header: string[],
  rows: unknown[][],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.creator = 'test';
  const ws = wb.addWorksheet(sheetName);
  if (title) {
    ws.addRow([title]);
    ws.mergeCells(1, 1, 1, header.length);
  }
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  for (const c of ws.columns) c.width = 24;
  mkdirSync(join(path, '..'), { recursive: true });
  await wb.xlsx.writeFile(path);
}

export async function writeXssData(dir: string): Promise<void> {
  writeFileSync(
    join(dir, 'site.json'),
    JSON.stringify({ zoneName: XSS_ZONE, office: `投资促进局${PAYLOAD_IMG}` }, null, 2) + '\n',
  );

  await writeSheet(
    join(dir, 'reference', '单位.xlsx'),
    '单位',
    null,
    ['单位名称', '简称', '类型', '分组', '是否参与排名'],
    [
      [XSS_UNIT_SCRIPT, '一科', '部门', `部门组${PAYLOAD_ATTR}`, '是'],
      [XSS_UNIT_IMG, '白沙镇政府', '乡镇', '乡镇组', '是'],
      ['青川镇', '', '乡镇', '乡镇组', '是'],
    ],
  );

  await writeSheet(
    join(dir, 'reference', '目标任务分解表.xlsx'),
    '2025年',
    null,
    ['年度', '责任单位', '指标', '目标值', '分值', '计分方式'],
    [
      [2025, XSS_UNIT_SCRIPT, '签约项目数', 2, 10, '按比例'],
      [2025, XSS_UNIT_IMG, '签约项目数', 2, 10, '按比例'],
      [2025, '青川镇', '签约项目数', 2, 10, '按比例'],
      [2025, XSS_UNIT_SCRIPT, '签约金额', 10, 20, '按比例'],
      [2025, XSS_UNIT_IMG, '签约金额', 10, 20, '按比例'],
      [2025, '青川镇', '签约金额', 10, 20, '按比例'],
    ],
  );

  const signedHeader = [
    '序号',
    '项目编号',
    '项目名称',
    '投资方',
    '总投资（亿元）',
    '产业链',
    '签约日期',
    '责任单位',
    '是否公开',
    '备注',
  ];
  const september = [
    [
      1,
      'XSS-001',
      XSS_PROJECT_SCRIPT,
      `${PAYLOAD_IMG}新能源有限公司`,
      12,
      XSS_CHAIN,
      utc(2025, 9, 12),
      XSS_UNIT_SCRIPT,
      '是',
      `备注${PAYLOAD_SCRIPT}`,
    ],
    [2, 'XSS-002', '普通装备项目', '青川装备有限公司', 0.8, '高端装备', utc(2025, 9, 20), '青川镇', '是', ''],
  ];
  const october = [
    ...september,
    [3, 'XSS-003', XSS_PROJECT_IMG, '精工集团', 6.5, '高端装备', utc(2025, 10, 8), XSS_UNIT_IMG, '是', ''],
    [
      4,
      'XSS-004',
      XSS_PROJECT_ATTR,
      `${PAYLOAD_ATTR}电子`,
      2,
      '电子信息',
      utc(2025, 10, 15),
      XSS_UNIT_UNKNOWN,
      '是',
      '',
    ],
  ];
  await writeSheet(
    join(dir, 'ledgers', '2025-09', '签约项目表.xlsx'),
    '签约项目',
    '2025年1-9月签约项目台账',
    signedHeader,
    september,
  );
  await writeSheet(
    join(dir, 'ledgers', '2025-10', '签约项目表.xlsx'),
    '签约项目',
    '2025年1-10月签约项目台账',
    signedHeader,
    october,
  );

  await writeSheet(
    join(dir, 'ledgers', '2025-10', '开工项目表.xlsx'),
    '开工项目',
    null,
    ['序号', '项目编号', '项目名称', '开工日期', '总投资（亿元）', '责任单位'],
    [[1, 'XSS-001', XSS_PROJECT_SCRIPT, utc(2025, 10, 20), 12, XSS_UNIT_SCRIPT]],
  );
}

export const XSS_BUILD: BuildSpec = {
  name: 'xss-internal',
  profile: 'internal',
  data: { sourceFiles: [fileURLToPath(import.meta.url)], write: writeXssData },
};

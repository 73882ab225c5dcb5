// Child process of `npm run bench` (issue 12): writes a zone holding one 招商信息台账 .xlsx whose
// sheet has exactly `rows` rows (default 1,000,000 = the MAX_SHEET_ROWS limit: a title row, the
// header row and rows − 2 leads), beside the sample zone's units table and site.json. Written with
// exceljs's streaming WorkbookWriter (shared strings, as Excel saves them), so it never holds the
// sheet. The fixture is kept (`bench-out/large-sheet-<rows>/`) and only rewritten when missing.
// Prints the zone's path as JSON.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const root = new URL('../..', import.meta.url).pathname;
const out = process.argv[2] as string;
const rows = Number(process.argv[3] ?? 1_000_000);
const zone = join(out, `large-sheet-${rows}`);
const file = join(zone, 'ledgers', '2025-10', '招商信息台账（大表）.xlsx');

if (!existsSync(file)) {
  rmSync(zone, { recursive: true, force: true });
  mkdirSync(join(zone, 'ledgers', '2025-10'), { recursive: true });
  mkdirSync(join(zone, 'reference'), { recursive: true });
  copyFileSync(join(root, 'data', 'reference', '单位名单.xlsx'), join(zone, 'reference', '单位名单.xlsx'));
  copyFileSync(join(root, 'data', 'site.json'), join(zone, 'site.json'));
  const tmp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('信息汇总');
  ws.addRow(['招商引资信息汇总表']).commit();
  ws.addRow([
    '序号',
    '报送日期',
    '投资方',
    '项目信息',
    '所属产业',
    '意向投资额（万元）',
    '报送单位',
    '研判结果',
    '联系人',
    '联系电话',
    '备注',
  ]).commit();
  const units = ['投资促进局一科', '投资促进局二科', '高新产业园', '新能源产业专班', '驻北京招商组'];
  const chains = ['新能源', '电子信息', '生物医药', '高端装备', '新材料'];
  const verdicts = ['有效', '无效', '待研判'];
  const people = ['马晓东', '张文博', '刘海燕', '周艳', '王强', '李娜'];
  for (let i = 1; i <= rows - 2; i++) {
    // Every lead distinct (no row repeats another, so nothing is reused), dates across 2024–2025.
    const month = 1 + (i % 22);
    const y = month <= 12 ? 2024 : 2025;
    const m = month <= 12 ? month : month - 12;
    ws.addRow([
      i,
      new Date(Date.UTC(y, m - 1, 1 + (i % 28))),
      `企业${i}科技有限公司`,
      `第${i}号产业化项目`,
      chains[i % chains.length],
      1000 + (i % 9000),
      units[i % units.length],
      verdicts[i % verdicts.length],
      people[i % people.length],
      `1${String(3_000_000_000 + i).padStart(10, '0')}`,
      i % 10 === 0 ? '用地需求约50亩' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(tmp, file);
}
console.log(JSON.stringify(zone));

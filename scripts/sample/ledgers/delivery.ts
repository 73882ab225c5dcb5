/**
 * 开工项目表 (xlsx saved on a Mac from 2024-07: 1904 date system, a hidden row) and 竣工投产项目表
 * (a small UTF-8 CSV with BOM and a 合计 line).
 */
import { encodeCsv } from '../csv.ts';
import { amountCell, dateCellFor, unitCell, yesNoCell, type Cell, type DateForm } from '../formats.ts';
import { stableFloat } from '../prng.ts';
import type { DeliveryRow } from '../snapshot.ts';
import { newWorkbook, workbookBytes, writeTable, type ColumnSpec, type DataRow } from '../table.ts';
import { cellText, month, sumOf, year, type BadRow, type LedgerContext, type LedgerFile } from './common.ts';

const STARTED_HEADERS = {
  v2024: {
    code: '项目编号',
    name: '项目名称',
    date: '开工日期',
    inv: '总投资（亿元）',
    plan: '本年计划投资（万元）',
    unit: '责任单位',
    stats: '是否入库',
  },
  v2025: {
    code: '编号',
    name: '项目名称',
    date: '开工时间',
    inv: '计划总投资（亿元）',
    plan: '年度计划投资（万元）',
    unit: '责任单位',
    stats: '是否入库',
  },
};

const START_DATES: readonly (readonly [DateForm, number])[] = [
  ['excel', 85],
  ['cn', 10],
  ['dot', 5],
];

export async function writeStarted(ctx: LedgerContext): Promise<LedgerFile> {
  const { snap, specials } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const file = `${ctx.dir}/开工项目表 ${y}年${m}月.xlsx`;
  const h = y === 2024 ? STARTED_HEADERS.v2024 : STARTED_HEADERS.v2025;
  const columns: ColumnSpec[] = [
    { key: 'code', header: h.code, width: 16 },
    { key: 'name', header: h.name, width: 34 },
    { key: 'date', header: h.date, numFmt: 'yyyy-mm-dd', width: 14 },
    { key: 'inv', header: h.inv, numFmt: '0.00' },
    { key: 'plan', header: h.plan },
    { key: 'unit', header: h.unit, width: 16 },
    { key: 'stats', header: h.stats },
  ];
  const hiddenIndex = Math.min(1, snap.started.length - 1);
  const rows: DataRow[] = snap.started.map((r, i) => {
    const k = `started:${r.key}`;
    const future = r.date > snap.end;
    const cells: Record<string, Cell> = {
      code: r.code ?? null,
      name: r.name,
      date: future ? dateCellFor(r.date, k, [['excel', 1]]) : dateCellFor(r.date, `${k}:date`, START_DATES),
      inv:
        r.investmentYi === undefined ? null : amountCell(r.investmentYi, `${k}:inv`, '亿元', 0.05, ['yi', 'wanYuan']),
      plan: r.yearPlanYi === undefined ? null : Math.round(r.yearPlanYi * 1e4),
      unit: stableFloat(`${k}:nounit`) < 0.1 && r.p !== undefined ? null : unitCell(r.unit, `${k}:unit`),
      stats: r.inStats === undefined ? null : yesNoCell(r.inStats, 'digit'),
    };
    return { kind: 'data', id: r.key, cells, ...(i === hiddenIndex ? { hidden: true } : {}) };
  });
  // Saved on a Mac from 2024-07: the workbook uses the 1904 date system.
  const wb = newWorkbook(ctx.stamp, snap.period >= '2024-07');
  const written = writeTable(wb, {
    sheet: '开工项目',
    title: `2023年以来新开工项目统计表（截至${y}年${m}月底）`,
    seqHeader: '序号',
    columns,
    rows,
  });
  const bad: BadRow[] = [];
  for (const r of snap.started) {
    if (r.date <= snap.end) continue;
    bad.push({
      severity: 'error',
      id: `started:${r.key}`,
      file,
      sheet: '开工项目',
      row: written.rowOf.get(r.key) ?? 0,
      column: h.date,
      value: r.date,
      problem: `开工日期晚于统计截止日期（${snap.end}）`,
    });
  }
  for (const r of snap.started) {
    const row = written.rowOf.get(r.key) ?? 0;
    if (r.p === undefined)
      bad.push({
        severity: 'warning',
        id: `started:${r.key}`,
        file,
        sheet: '开工项目',
        row,
        column: h.name,
        value: r.name,
        problem: '无对应签约项目（unmatched_start）',
      });
    if (r.p !== undefined && r.p === specials.nearMissStart?.project) {
      bad.push({
        severity: 'warning',
        id: `started:${r.key}`,
        file,
        sheet: '开工项目',
        row,
        column: h.name,
        value: r.name,
        problem: `名称与签约项目“${r.p.name}”相差一字，无项目编号（suggested_match）`,
      });
    }
  }
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows: written.dataRows, bad };
}

export function writeProducing(ctx: LedgerContext): LedgerFile {
  const { snap } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const file = `${ctx.dir}/竣工投产项目表（${y}年${m}月）.csv`;
  const header =
    y === 2024
      ? ['序号', '编号', '项目名称', '竣工日期', '总投资(亿元)', '责任单位']
      : ['序号', '项目编号', '项目名称', '投产日期', '总投资(亿元)', '责任单位'];
  const lines: (string | number | null)[][] = [header];
  snap.producing.forEach((r: DeliveryRow, i) => {
    const k = `producing:${r.key}`;
    lines.push([
      i + 1,
      r.code ?? null,
      r.name,
      cellText(
        dateCellFor(r.date, `${k}:date`, [
          ['iso', 6],
          ['slash', 4],
        ]),
      ),
      r.investmentYi ?? null,
      cellText(unitCell(r.unit, `${k}:unit`)),
    ]);
  });
  if (snap.producing.length > 0)
    lines.push(['合计', null, null, null, sumOf(snap.producing, (r) => r.investmentYi), null]);
  return { path: file, data: encodeCsv(lines, 'utf8-bom'), rows: snap.producing.length, bad: [] };
}

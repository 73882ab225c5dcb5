/**
 * The front of the pipeline: 招商信息台账 (leads, an amount column with no unit anywhere, dates in
 * every text form, a header repeated inside the data from 2025) and 在谈项目表 (grouped by 跟踪单位
 * merged vertically, with 小计 rows per unit and a SUBTOTAL 合计).
 */
import { amountCell, clean, dateCellFor, unitCell, type Cell, type DateForm } from '../formats.ts';
import type { LeadRow, NegotiatingRow } from '../snapshot.ts';
import { newWorkbook, workbookBytes, writeTable, type ColumnSpec, type TableRow } from '../table.ts';
import { UNITS, UNKNOWN_UNIT } from '../zone.ts';
import {
  FILLED_BY,
  SIGN_OFF,
  cutoffLine,
  month,
  sumOf,
  year,
  type BadRow,
  type LedgerContext,
  type LedgerFile,
} from './common.ts';

const LEAD_HEADERS = {
  v2024: {
    date: '信息日期',
    company: '企业名称',
    name: '拟投项目名称',
    chain: '行业',
    inv: '意向投资额',
    unit: '信息来源单位',
    verdict: '研判意见',
    contact: '联系人',
    phone: '联系电话',
    remark: '备注',
  },
  v2025: {
    date: '报送日期',
    company: '投资方',
    name: '项目信息',
    chain: '所属产业',
    inv: '意向投资额',
    unit: '报送单位',
    verdict: '研判结果',
    contact: '联系人',
    phone: '联系电话',
    remark: '备注',
  },
};

const LEAD_DATES: readonly (readonly [DateForm, number])[] = [
  ['iso', 25],
  ['slash', 20],
  ['dot', 20],
  ['yyyymmdd', 10],
  ['cn', 10],
  ['excel', 15],
];

/** The unreadable date a clerk typed into one lead. */
export const BAD_LEAD_DATE = '9月下旬';

export async function writeLeads(ctx: LedgerContext): Promise<LedgerFile> {
  const { snap, specials } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const h = y === 2024 ? LEAD_HEADERS.v2024 : LEAD_HEADERS.v2025;
  const file = `${ctx.dir}/招商信息台账（${y}年${m}月更新）.xlsx`;
  const columns: ColumnSpec[] = (Object.keys(h) as (keyof typeof h)[]).map((key) => ({
    key,
    header: h[key],
    ...(key === 'date' ? { numFmt: 'yyyy/m/d', width: 14 } : {}),
    ...(key === 'name' || key === 'company' ? { width: 30 } : {}),
  }));
  const rows: TableRow[] = [];
  let repeated = false;
  for (const r of snap.leads as LeadRow[]) {
    const l = r.lead;
    const k = `leads:${l.id}`;
    // From 2025 the clerk pastes each year's block with its own header row.
    if (y > 2024 && !repeated && l.date >= '2025') {
      rows.push({ kind: 'repeatHeader', id: 'repeat-2025' });
      repeated = true;
    }
    const cells: Record<string, Cell> = {
      date: l === specials.badLead ? BAD_LEAD_DATE : dateCellFor(l.date, `${k}:date`, LEAD_DATES),
      company: l.company,
      name: l.name,
      chain: l.chain,
      inv:
        l.investmentYi === undefined
          ? null
          : amountCell(l.investmentYi, `${k}:inv`, '万元', 0.1, ['yi', 'wanYuan', 'yiYuan']),
      unit: unitCell(l.unit, `${k}:unit`, 0.2),
      verdict: r.verdict ?? null,
      contact: l.contact,
      phone: l.phone,
      remark: l.remark ?? null,
    };
    rows.push({ kind: 'data', id: l.id, cells });
  }
  const wb = newWorkbook(ctx.stamp);
  const written = writeTable(wb, {
    sheet: '信息汇总',
    plainTitle: '招商引资信息汇总表',
    blankRowsBeforeHeader: 1,
    seqHeader: '序号',
    columns,
    rows,
  });
  const bad: BadRow[] = [];
  if (specials.badLead !== undefined && specials.badLead.date <= snap.end) {
    const at = written.rowOf.get(specials.badLead.id) ?? 0;
    bad.push({
      severity: 'error',
      id: `leads:${specials.badLead.id}`,
      file,
      sheet: '信息汇总',
      row: at,
      column: h.date,
      value: BAD_LEAD_DATE,
      problem: '报送日期无法识别（必填）',
    });
  }
  for (const r of snap.leads) {
    if (r.lead.unit !== UNKNOWN_UNIT) continue;
    bad.push({
      severity: 'warning',
      id: `leads:${r.lead.id}`,
      file,
      sheet: '信息汇总',
      row: written.rowOf.get(r.lead.id) ?? 0,
      column: h.unit,
      value: UNKNOWN_UNIT,
      problem: '单位不在单位名单中（unknown_unit）',
    });
  }
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows: written.dataRows, bad };
}

const NEG_HEADERS = {
  v2024: {
    unit: '跟踪单位',
    name: '项目名称',
    investor: '投资方',
    inv: '计划总投资（亿元）',
    chain: '所属产业',
    stage: '洽谈阶段',
    progress: '最新进展',
    updated: '最近跟进日期',
    first: '首次接触日期',
    contact: '联系人',
    phone: '联系电话',
  },
  v2025: {
    unit: '责任单位',
    name: '项目名称',
    investor: '企业名称',
    inv: '拟投资额（亿元）',
    chain: '产业链',
    stage: '洽谈阶段',
    progress: '进展情况',
    updated: '更新日期',
    first: '首次接触日期',
    contact: '联系人',
    phone: '联系电话',
  },
};

const FIRST_CONTACT: readonly (readonly [DateForm, number])[] = [
  ['cnMonth', 40],
  ['dotMonth', 30],
  ['yyyymm', 15],
  ['cn', 15],
];

export async function writeNegotiating(ctx: LedgerContext): Promise<LedgerFile> {
  const { snap } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const h = y === 2024 ? NEG_HEADERS.v2024 : NEG_HEADERS.v2025;
  const file = `${ctx.dir}/在谈项目表（${y}.${String(m).padStart(2, '0')}）.xlsx`;
  const columns: ColumnSpec[] = (Object.keys(h) as (keyof typeof h)[]).map((key) => ({
    key,
    header: h[key],
    ...(key === 'updated' ? { numFmt: 'yyyy-mm-dd', width: 14 } : {}),
    ...(key === 'name' || key === 'progress' ? { width: 34 } : {}),
    ...(key === 'unit' ? { width: 16 } : {}),
  }));
  const rows: TableRow[] = [];
  const order = new Map(UNITS.map((u, i) => [u.name, i]));
  const sorted = [...snap.negotiating].sort(
    (a, b) =>
      (order.get(a.p.unit) ?? 99) - (order.get(b.p.unit) ?? 99) ||
      a.p.firstContact.localeCompare(b.p.firstContact) ||
      a.p.id - b.p.id,
  );
  const groups = new Map<string, NegotiatingRow[]>();
  for (const r of sorted) groups.set(r.p.unit, [...(groups.get(r.p.unit) ?? []), r]);
  for (const [unit, group] of groups) {
    const unitText = unitCell(unit, `neg:${unit}`, 0.3);
    for (const r of group) {
      const k = `neg:${r.p.id}`;
      rows.push({
        kind: 'data',
        id: String(r.p.id),
        cells: {
          unit: unitText,
          name: r.p.name,
          investor: r.p.investor,
          inv: r.p.investmentYi,
          chain: r.p.chain,
          stage: r.stage,
          progress: r.progress,
          updated: dateCellFor(r.updated, `${k}:upd`, [['excel', 1]]),
          first: dateCellFor(r.p.firstContact, `${k}:first`, FIRST_CONTACT),
          contact: r.p.contact,
          phone: r.p.phone,
        },
      });
    }
    rows.push({
      kind: 'subtotal',
      id: `sub:${unit}`,
      label: '小计',
      labelKey: 'unit',
      sums: { inv: clean(sumOf(group, (r) => r.p.investmentYi)) },
    });
  }
  const wb = newWorkbook(ctx.stamp);
  const written = writeTable(wb, {
    sheet: '在谈项目',
    title: `${y}年${m}月在谈项目情况表`,
    infoLine: [FILLED_BY, cutoffLine(snap)],
    blankRowsBeforeHeader: 1,
    seqHeader: '序号',
    columns,
    rows,
    mergeKey: 'unit',
    total: { label: '合计', labelKey: 'unit', sums: { inv: clean(sumOf(snap.negotiating, (r) => r.p.investmentYi)) } },
    notes: ['注：洽谈阶段分为初步接触、考察、实质性洽谈、评审四个阶段；已签约项目转入签约项目表。'],
    signOff: SIGN_OFF,
  });
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows: written.dataRows, bad: [] };
}

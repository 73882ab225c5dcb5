/**
 * 到位资金台账: amounts in a 万元 column written every way clerks do (`1,200`, `１２００`,
 * `0.5亿元`, `1亿8千万元`), month-only dates (`2025年10月`, `2025.10`, `202510`), and a 合计 whose
 * SUM range the clerk forgot to extend over the newest rows: the one deliberately wrong total.
 */
import { amountCell, clean, dateCellFor, unitCell, type Cell, type DateForm } from '../formats.ts';
import { stableFloat } from '../prng.ts';
import type { FundRow } from '../snapshot.ts';
import { newWorkbook, workbookBytes, writeTable, type ColumnSpec, type DataRow } from '../table.ts';
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

const HEADERS = {
  v2024: {
    code: '项目编号',
    name: '项目名称',
    date: '到位日期',
    amount: '到位金额（万元）',
    source: '资金来源',
    usd: '外资到位（万美元）',
    unit: '责任单位',
  },
  v2025: {
    code: '项目编号',
    name: '项目名称',
    date: '到位月份',
    amount: '实际到位资金(万元)',
    source: '资金来源',
    usd: '外资到位（万美元）',
    unit: '责任单位',
  },
};

const DATE_FORMS: Record<'v2024' | 'v2025', readonly (readonly [DateForm, number])[]> = {
  v2024: [
    ['excel', 70],
    ['iso', 10],
    ['yyyymmdd', 10],
    ['cn', 10],
  ],
  v2025: [
    ['cnMonth', 40],
    ['dotMonth', 25],
    ['yyyymm', 20],
    ['excel', 15],
  ],
};

/** The wrong 合计 starts here: its SUM range stops two rows short from then on. */
export const WRONG_TOTAL_FROM = '2024-03';
const OMITTED = 2;

export async function writeFunds(ctx: LedgerContext): Promise<LedgerFile> {
  const { snap, specials } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const v = y === 2024 ? 'v2024' : 'v2025';
  const h = HEADERS[v];
  const file = `${ctx.dir}/到位资金台账（${y}年1-${m}月）.xlsx`;
  const columns: ColumnSpec[] = [
    { key: 'code', header: h.code, width: 16 },
    { key: 'name', header: h.name, width: 34 },
    { key: 'date', header: h.date, numFmt: 'yyyy-mm-dd', width: 14 },
    { key: 'amount', header: h.amount, width: 14 },
    { key: 'source', header: h.source },
    { key: 'usd', header: h.usd },
    { key: 'unit', header: h.unit, width: 16 },
  ];
  const isBad = (r: FundRow): boolean => r.t === specials.badFund;
  const rows: DataRow[] = snap.funds.map((r) => {
    const k = `funds:${r.key}`;
    const foreignUsd = r.t.foreignUsd === undefined ? undefined : clean((r.amountYi * 1e4) / 7.1, 1);
    const cells: Record<string, Cell> = {
      code: r.code ?? null,
      name: r.name,
      date: dateCellFor(r.t.date, `${k}:date:${v}`, DATE_FORMS[v]),
      amount: isBad(r)
        ? '若干'
        : amountCell(r.amountYi, `${k}:amount`, '万元', 0.2, ['commas', 'fullWidth', 'yiYuan', 'wanYuan', 'yiQian']),
      source: r.t.source,
      usd: foreignUsd ?? null,
      unit: stableFloat(`${k}:nounit`) < 0.3 ? null : unitCell(r.p.unit, `${k}:unit`),
    };
    return { kind: 'data', id: r.key, cells };
  });
  const wrong = snap.period >= WRONG_TOTAL_FROM && rows.length > OMITTED + 1;
  const counted = wrong ? snap.funds.slice(0, snap.funds.length - OMITTED) : snap.funds;
  const wanOf = (r: FundRow): number => (isBad(r) ? 0 : clean(r.amountYi * 1e4, 2));
  const usdOf = (r: FundRow): number | undefined =>
    r.t.foreignUsd === undefined ? undefined : clean((r.amountYi * 1e4) / 7.1, 1);
  const wb = newWorkbook(ctx.stamp);
  const written = writeTable(wb, {
    sheet: '资金到位明细',
    title: `到位资金台账（${y}年${m}月）`,
    infoLine: [FILLED_BY, cutoffLine(snap)],
    seqHeader: '序号',
    columns,
    rows,
    total: {
      label: '合计',
      labelKey: 'name',
      sums: { amount: sumOf(counted, wanOf), usd: sumOf(counted, usdOf) },
      ...(wrong ? { omitLast: OMITTED } : {}),
    },
    notes: ['注：到位资金按实际入账口径统计，境外资金同时填报外资到位（万美元）。'],
    signOff: SIGN_OFF,
  });
  const bad: BadRow[] = [];
  for (const r of snap.funds) {
    const row = written.rowOf.get(r.key) ?? 0;
    if (isBad(r))
      bad.push({
        severity: 'error',
        id: `funds:${r.key}`,
        file,
        sheet: '资金到位明细',
        row,
        column: h.amount,
        value: '若干',
        problem: '到位金额无法识别（必填）',
      });
    if (r.t === specials.nearMissFund?.tranche) {
      bad.push({
        severity: 'warning',
        id: `funds:${r.key}`,
        file,
        sheet: '资金到位明细',
        row,
        column: h.name,
        value: r.name,
        problem: `名称与签约项目“${r.p.name}”相差一字，无项目编号（suggested_match）`,
      });
    }
  }
  const last = snap.funds[snap.funds.length - 1];
  if (wrong && last !== undefined) {
    const stated = sumOf(counted, wanOf);
    const actual = sumOf(snap.funds, wanOf);
    const row = (written.rowOf.get(last.key) ?? 0) + 1;
    bad.push({
      severity: 'warning',
      id: 'funds:total',
      file,
      sheet: '资金到位明细',
      row,
      column: h.amount,
      value: String(stated),
      problem: `合计（公式漏掉最后${OMITTED}行）与明细之和 ${actual} 不符（total_mismatch）`,
    });
  }
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows: written.dataRows, bad };
}

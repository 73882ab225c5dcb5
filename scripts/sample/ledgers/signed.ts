/**
 * 签约项目表: one workbook per snapshot with a sheet per year and a 填表说明 sheet. The current
 * year's sheet has a merged title, a 填报单位 line, a two-row header (`投资额` over `总投资（亿元）`
 * and `其中：一期（亿元）`), a hidden 联系电话 column, rich text, a hyperlink, a SUM 合计 and notes.
 */
import {
  amountCell,
  dateCellFor,
  unitCell,
  yesNoCell,
  stableWeighted,
  type Cell,
  type DateForm,
  type YesNoForm,
} from '../formats.ts';
import { stableFloat } from '../prng.ts';
import { OWN_FILE_FROM, OWN_FILE_UNIT, signedWithoutCode } from '../specials.ts';
import type { SignedRow } from '../snapshot.ts';
import { newWorkbook, workbookBytes, writeTable, writeTextSheet, type ColumnSpec, type DataRow } from '../table.ts';
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

type Variant = 'v2024' | 'v2025';

const HEADERS: Record<Variant, Record<string, string>> = {
  v2024: {
    code: '编号',
    name: '项目名称',
    investor: '投资方',
    inv: '协议投资（亿元）',
    phase1: '其中：一期（亿元）',
    chain: '所属产业',
    segment: '环节',
    date: '签约日期',
    unit: '责任单位',
    referrer: '引荐单位',
    park: '落户园区',
    type: '项目类型',
    foreign: '是否外资',
    usd: '外资金额（万美元）',
    prov: '省台账',
    public: '是否公开',
    contact: '联系人',
    phone: '联系电话',
    remark: '备注',
  },
  v2025: {
    code: '项目编号',
    name: '项目名称',
    investor: '签约企业',
    inv: '总投资（亿元）',
    phase1: '其中：一期（亿元）',
    chain: '产业类别',
    segment: '产业链环节',
    date: '签约时间',
    unit: '责任单位',
    referrer: '项目引荐单位',
    park: '拟落户地',
    type: '项目类型',
    foreign: '是否外资',
    usd: '外资金额（万美元）',
    prov: '是否列入省台账',
    recog: '认定状态',
    public: '是否公开',
    contact: '联系人',
    phone: '联系电话',
    remark: '备注',
  },
};

const DATE_FORMS: Record<Variant, readonly (readonly [DateForm, number])[]> = {
  v2024: [
    ['excel', 70],
    ['dot', 15],
    ['cn', 15],
  ],
  v2025: [
    ['excel', 80],
    ['slash', 8],
    ['cn', 7],
    ['iso', 5],
  ],
};

const YES_NO: Record<Variant, { foreign: YesNoForm; prov: YesNoForm; public: YesNoForm }> = {
  v2024: { foreign: 'cn', prov: 'cn', public: 'digit' },
  v2025: { foreign: 'cnEmpty', prov: 'yn', public: 'check' },
};

const INSTRUCTIONS = [
  '填表说明',
  '1. 本表按年度分页填写，每个签约项目占一行，不得合并项目行。',
  '2. 总投资、一期投资单位为亿元，外资金额单位为万美元。',
  '3. 签约时间以正式签约仪式或协议签署日期为准。',
  '4. 是否公开：经企业同意可在门户网站公开的填“√”。',
  '5. 每月5日前报送投资促进局二科。',
];

function columns(v: Variant, twoRowHeader: boolean, hidePhone: boolean): ColumnSpec[] {
  const h = HEADERS[v];
  const col = (key: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header: h[key] ?? key, ...extra });
  const group = twoRowHeader ? { group: '投资额' } : {};
  return [
    col('code', { width: 16 }),
    col('name', { width: 34 }),
    col('investor', { width: 30 }),
    col('inv', { ...group, numFmt: '0.00', width: 12 }),
    col('phase1', { ...group, numFmt: '0.00', width: 12 }),
    col('chain'),
    col('segment'),
    col('date', { numFmt: v === 'v2025' ? 'yyyy-mm-dd' : 'yyyy"年"m"月"d"日"', width: 14 }),
    col('unit', { width: 16 }),
    col('referrer', { width: 16 }),
    col('park', { width: 16 }),
    col('type'),
    col('foreign'),
    col('usd'),
    col('prov'),
    ...(h['recog'] !== undefined ? [col('recog')] : []),
    col('public'),
    col('contact'),
    col('phone', { width: 14, ...(hidePhone ? { hidden: true } : {}) }),
    col('remark', { width: 20 }),
  ];
}

function cells(row: SignedRow, v: Variant): Record<string, Cell> {
  const p = row.p;
  const k = `signed:${p.id}`;
  const yn = YES_NO[v];
  const foreignForm: YesNoForm =
    yn.foreign === 'cnEmpty' &&
    stableWeighted(`${k}:fe`, [
      [true, 4],
      [false, 6],
    ])
      ? 'cnEmpty'
      : 'cn';
  return {
    code: signedWithoutCode(p) ? null : (p.code ?? null),
    name: p.name,
    investor: p.investor,
    inv: amountCell(row.investmentYi, `${k}:inv`, '亿元', 0.15, [
      'yi',
      'yiYuan',
      'about',
      'wanYuan',
      'yiQian',
      'yiWan',
    ]),
    phase1: p.phase1Yi ?? null,
    chain: p.chain,
    segment: p.segment ?? null,
    date: dateCellFor(p.signDate ?? '', `${k}:date`, DATE_FORMS[v]),
    unit: unitCell(p.unit, `${k}:unit`),
    referrer: unitCell(p.referrer, `${k}:ref`),
    park: p.park,
    type: p.projectType,
    foreign: yesNoCell(p.foreign, foreignForm),
    usd: p.foreignUsd ?? null,
    prov: yesNoCell(p.provincial, yn.prov),
    // 认定状态: 已认定, or left empty by some clerks (empty = 认定); 待认定 / 未认定 as the scenario says.
    recog: row.recognition !== '已认定' ? row.recognition : stableFloat(`${k}:recog`) < 0.15 ? null : '已认定',
    public: yesNoCell(p.public, yn.public),
    contact: p.contact,
    phone: p.phone,
    remark: p.remark ?? null,
  };
}

interface SheetPlan {
  name: string;
  rows: SignedRow[];
  variant: Variant;
  current: boolean;
  title: string;
}

export async function writeSigned(ctx: LedgerContext): Promise<LedgerFile> {
  const { snap, specials } = ctx;
  const y = year(snap.period);
  const file = y === 2024 ? `${ctx.dir}/2024年签约项目台账.xlsx` : `${ctx.dir}/${y}年签约项目台账（定稿）.xlsx`;
  const wb = newWorkbook(ctx.stamp);
  // From 2025-08 白沙镇 files its own 2025 signings (writeUnitSigned); the office's file leaves them out.
  const own = ownFileRows(ctx);
  const byYear = (yy: number): SignedRow[] =>
    snap.signed.filter((r) => r.p.signDate?.startsWith(String(yy)) && !own.includes(r));
  const plans: SheetPlan[] = [
    {
      name: `${y}年`,
      rows: byYear(y),
      variant: y === 2024 ? 'v2024' : 'v2025',
      current: true,
      title: `${y}年1-${month(snap.period)}月签约项目台账`,
    },
  ];
  for (let yy = y - 1; yy >= 2023; yy--)
    plans.push({ name: `${yy}年`, rows: byYear(yy), variant: 'v2024', current: false, title: `${yy}年签约项目台账` });
  // The 填表说明 sheet comes first in the 2025 template and last in the 2024 one.
  if (y > 2024) writeTextSheet(wb, '填表说明', INSTRUCTIONS);
  const bad: BadRow[] = [];
  let rows = 0;
  for (const plan of plans) {
    const written = writeSheet(wb, plan, ctx);
    rows += written.rows;
    for (const r of plan.rows) {
      const at = written.rowOf.get(String(r.p.id)) ?? 0;
      if (r.p === specials.emptyName)
        bad.push({
          severity: 'error',
          id: `signed:${r.p.id}:name`,
          file,
          sheet: plan.name,
          row: at,
          column: HEADERS[plan.variant]['name'] ?? '',
          value: '',
          problem: '项目名称为空（必填）',
        });
      if (r.p === specials.pendingAmount)
        bad.push({
          severity: 'error',
          id: `signed:${r.p.id}:inv`,
          file,
          sheet: plan.name,
          row: at,
          column: HEADERS[plan.variant]['inv'] ?? '',
          value: '待定',
          problem: '总投资无法识别（必填）',
        });
    }
  }
  if (y === 2024) writeTextSheet(wb, '填表说明', INSTRUCTIONS);
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows, bad };
}

function writeSheet(
  wb: Parameters<typeof writeTable>[0],
  plan: SheetPlan,
  ctx: LedgerContext,
): { rowOf: Map<string, number>; rows: number } {
  const v = plan.variant;
  const { emptyName, pendingAmount } = ctx.specials;
  const dataRows: DataRow[] = plan.rows.map((r, i) => {
    const c = cells(r, v);
    if (plan.current && i === 0)
      c['investor'] = { text: r.p.investor, hyperlink: `https://www.example.com/qiye/${r.p.id}` };
    if (r.p === emptyName) c['name'] = null;
    if (r.p === pendingAmount) c['inv'] = '待定';
    return { kind: 'data', id: String(r.p.id), cells: c };
  });
  // Rich text: the first big project's name, its company part in bold red.
  if (plan.current) {
    const idx = Math.max(
      0,
      plan.rows.findIndex((r) => r.investmentYi >= 5 && r.p !== emptyName),
    );
    const target = dataRows[idx];
    const name = plan.rows[idx]?.p.name;
    if (target !== undefined && name !== undefined && target.cells['name'] !== null) {
      const core = name.replace(/项目$/, '');
      target.cells['name'] = {
        richText: [
          { text: core, font: { bold: true, color: { argb: 'FFC00000' } } },
          ...(core !== name ? [{ text: '项目' }] : []),
        ],
      };
    }
  }
  // 合计 adds every readable 总投资, as the clerk's SUM would (the 待定 row adds nothing).
  const written = writeTable(wb, {
    sheet: plan.name,
    title: plan.title,
    infoLine: [FILLED_BY, cutoffLine(ctx.snap)],
    blankRowsBeforeHeader: 1,
    seqHeader: '序号',
    columns: columns(v, plan.current, true),
    rows: dataRows,
    total: {
      label: '合计',
      labelKey: '__seq',
      sums: {
        inv: sumOf(plan.rows, (r) => (r.p === pendingAmount ? 0 : r.investmentYi)),
        phase1: sumOf(plan.rows, (r) => r.p.phase1Yi),
      },
    },
    notes: ['注：1. 总投资、一期投资单位为亿元；2. 签约时间以正式签约仪式为准；3. 本表数据以投资促进局审核为准。'],
    signOff: SIGN_OFF,
  });
  return { rowOf: written.rowOf, rows: written.dataRows };
}

/** The 签约 rows 白沙镇 files itself in this snapshot (its 2025 signings, from 2025-08 on), else none. */
function ownFileRows(ctx: LedgerContext): SignedRow[] {
  const { snap } = ctx;
  if (snap.period < OWN_FILE_FROM || year(snap.period) !== 2025) return [];
  return snap.signed.filter((r) => r.p.unit === OWN_FILE_UNIT && r.p.signDate?.startsWith('2025'));
}

/**
 * 白沙镇's own 签约 file (各单位报送, pooled with the office's file): a plain sheet with 总投资 in
 * 万元, 责任单位 written out. It also lists a project another unit signed in the town's park (重复申报,
 * `duplicate_claim`): the zone counts it once and credits both units.
 */
export async function writeUnitSigned(ctx: LedgerContext): Promise<LedgerFile | null> {
  const own = ownFileRows(ctx);
  if (own.length === 0) return null;
  const claim = ctx.specials.claimedTwice;
  const claimed =
    claim !== undefined && claim.from <= ctx.snap.period
      ? ctx.snap.signed.find((r) => r.p === claim.project)
      : undefined;
  const rows = [...own, ...(claimed ? [claimed] : [])].sort(
    (a, b) => (a.p.signDate ?? '').localeCompare(b.p.signDate ?? '') || a.p.id - b.p.id,
  );
  const file = `${ctx.dir}/${OWN_FILE_UNIT}2025年签约项目报送表.xlsx`;
  const wb = newWorkbook(ctx.stamp);
  const written = writeTable(wb, {
    sheet: '签约项目',
    title: `${OWN_FILE_UNIT}2025年1-${month(ctx.snap.period)}月签约项目报送表`,
    infoLine: [`填报单位：${OWN_FILE_UNIT}人民政府（盖章）`, cutoffLine(ctx.snap)],
    blankRowsBeforeHeader: 0,
    seqHeader: '序号',
    columns: [
      { key: 'code', header: '项目编号', width: 14 },
      { key: 'name', header: '项目名称', width: 34 },
      { key: 'investor', header: '签约企业', width: 30 },
      { key: 'inv', header: '总投资（万元）', numFmt: '#,##0', width: 14 },
      { key: 'chain', header: '产业链' },
      { key: 'date', header: '签约日期', numFmt: 'yyyy-mm-dd', width: 12 },
      { key: 'unit', header: '责任单位', width: 12 },
      { key: 'park', header: '落户园区', width: 16 },
      { key: 'type', header: '项目类型' },
      { key: 'foreign', header: '是否外资' },
      { key: 'usd', header: '外资金额（万美元）' },
      { key: 'prov', header: '是否列入省台账' },
      { key: 'recog', header: '是否认定' },
    ],
    rows: rows.map((r) => ({
      kind: 'data' as const,
      id: String(r.p.id),
      cells: {
        code: r.p.code ?? null,
        name: r.p.name,
        investor: r.p.investor,
        inv: Math.round(r.investmentYi * 1e4),
        chain: r.p.chain,
        date: dateCellFor(r.p.signDate ?? '', `unitSigned:${r.p.id}`, [['excel', 1]]),
        unit: OWN_FILE_UNIT,
        park: r.p.park,
        type: r.p.projectType,
        foreign: yesNoCell(r.p.foreign, 'cn'),
        usd: r.p.foreignUsd ?? null,
        prov: yesNoCell(r.p.provincial, 'cn'),
        recog: r.recognition === '已认定' ? '是' : r.recognition,
      },
    })),
    notes: ['注：总投资单位为万元；本表由白沙镇报送，与投资促进局汇总表合并统计。'],
    signOff: ['填报人：郑强', '审核人：白沙镇分管领导', '联系电话：0000-1234503'],
  });
  const bad: BadRow[] = [];
  if (claimed !== undefined)
    bad.push({
      severity: 'warning',
      id: `signed:${claimed.p.id}:claim`,
      file,
      sheet: '签约项目',
      row: written.rowOf.get(String(claimed.p.id)) ?? 0,
      column: '项目名称',
      value: claimed.p.name,
      problem: `重复申报 duplicate_claim：该项目在投资促进局汇总表中的责任单位为“${claimed.p.unit}”，白沙镇也报送了它（全区只计一次，两个单位都计入）`,
    });
  return { path: file, data: await workbookBytes(wb, ctx.stamp), rows: written.dataRows, bad };
}

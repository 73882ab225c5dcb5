/**
 * 目标任务分解表: one sheet per year, every indicator and every scoring method, a few rows with
 * filters (产业链, 投资下限, 是否外资, 是否列入省台账, 资金来源). Targets are set from what each unit
 * actually achieves in the scenario (full year; 2025 extrapolated from ten months) times a seeded
 * factor, so completion rates land around 70–120% as in a real zone.
 */
import type ExcelJS from 'exceljs';
import { clean } from './formats.ts';
import { Rng } from './prng.ts';
import type { Project, Scenario } from './scenario.ts';
import { writeTable, type DataRow } from './table.ts';
import { UNITS, type UnitDef } from './zone.ts';

type Method = '按比例' | '达标' | '按件' | '扣分' | '缺额扣分';

export interface Filter {
  chain?: string;
  minYi?: number;
  /** Exclusive: a band 10–50亿 is minYi 10, maxYi 50. */
  maxYi?: number;
  foreign?: boolean;
  provincial?: boolean;
  fundSource?: string;
}

export interface TargetRow {
  /** `全区` (the zone's own target), one unit, or a joint task `临港物流园、河口镇`. */
  unit: string;
  indicator: string;
  target: number;
  /** null: no 分值 (zone rows; bonus rows capped by their group only). */
  points: number | null;
  method: Method | '';
  perItem?: number;
  cap?: number;
  category?: '加分' | '扣分';
  capGroup?: string;
  groupCap?: number;
  filter: Filter;
}

/** The zone's own row (责任单位 全区): the base of the zone's completion rate, no points. */
export const ZONE_UNIT = '全区';
/** The joint task of 2025: two units share one 新能源 签约金额 target (contract §5 joint rows). */
export const JOINT_UNITS = ['临港物流园', '河口镇'] as const;
/** The 2025 bonus rows sharing one cap (新乡: 外出招商 每次0.2分, 外资项目 每个0.5分, 最高3分). */
export const BONUS_GROUP = { name: '招商活动加分', cap: 3, perTrip: 0.2, perForeign: 0.5 } as const;
/** The 2025 缺额扣分 row of the 产业专班: 有效信息 每月2条, 每少1条扣0.1分, 最多扣2分. */
export const SHORTFALL = { indicator: '有效信息条数', target: 24, perItem: 0.1, cap: 2 } as const;
/** The 2025 band: projects of 10亿元 up to (not including) 50亿元, for the unit of {@link bandUnit}. */
export const BAND = { minYi: 10, maxYi: 50, points: 5 } as const;

/**
 * Who holds the 2025 band row: the first ranked unit (table order) that signs a 10–50亿元 project in
 * 2025, preferring one that also signs a project of 50亿元 or more (which the band leaves out).
 */
export function bandUnit(s: Scenario): string {
  const signed = s.projects.filter(
    (p) => p.signDate?.startsWith('2025') && p.cancelMonth === undefined && p.recognition === undefined,
  );
  const has = (u: string, f: (x: number) => boolean): boolean => signed.some((p) => p.unit === u && f(p.investmentYi));
  const ranked = UNITS.filter((u) => u.ranked).map((u) => u.name);
  const inBand = (x: number): boolean => x >= BAND.minYi && x < BAND.maxYi;
  return (
    ranked.find((u) => has(u, inBand) && has(u, (x) => x >= BAND.maxYi)) ??
    ranked.find((u) => has(u, inBand)) ??
    ranked[0] ??
    ''
  );
}

/** 人工评分 (contract §5): what no ledger records. */
export interface ManualScoreDef {
  year: number;
  period: string;
  unit: string;
  item: string;
  points: number;
  basis: string;
}

export const MANUAL_SCORES: readonly ManualScoreDef[] = [
  {
    year: 2024,
    period: '全年',
    unit: '高新产业园',
    item: '举行签约活动',
    points: 0.5,
    basis: '2024年电子信息产业项目集中签约活动（青川投促〔2024〕31号）',
  },
  {
    year: 2025,
    period: '2025-06',
    unit: '白沙镇',
    item: '举行签约活动',
    points: 0.5,
    basis: '6月18日生物医药产业推介暨项目集中签约活动（青川投促〔2025〕12号）',
  },
  {
    year: 2025,
    period: '2025-Q2',
    unit: '新能源产业专班',
    item: '完成招商图谱绘制',
    points: 1,
    basis: '新能源产业链招商图谱经领导小组第二次会议审定',
  },
  {
    year: 2025,
    period: '2025-09',
    unit: '驻上海招商组',
    item: '领导小组认定加分',
    points: 1.5,
    basis: '引进重大项目1个，经招商引资工作领导小组认定（会议纪要〔2025〕5号）',
  },
  {
    year: 2025,
    period: '2025-08',
    unit: '河口镇',
    item: '报送信息不实扣分',
    points: -1,
    basis: '7月报送在谈项目1个经核查不实（青川投促〔2025〕19号通报）',
  },
];

interface Actuals {
  signed: Project[];
  started: number;
  producing: number;
  fundsYi: (source?: string) => number;
  foreignUsd: number;
  validLeads: number;
  trips: number;
  visits: number;
}

function actualsFor(s: Scenario, unit: string | null, year: number): Actuals {
  const y = String(year);
  const mine = s.projects.filter(
    (p) => (unit === null || p.unit === unit) && p.cancelMonth === undefined && p.recognition?.status !== '未认定',
  );
  const tranches = mine.flatMap((p) => p.tranches.filter((t) => t.date.startsWith(y)));
  const trips = s.trips.filter((t) => (unit === null || t.unit === unit) && t.depart.startsWith(y));
  return {
    signed: mine.filter((p) => p.signDate?.startsWith(y)),
    started: mine.filter((p) => p.startDate?.startsWith(y)).length,
    producing: mine.filter((p) => p.produceDate?.startsWith(y)).length,
    fundsYi: (source) =>
      tranches.filter((t) => source === undefined || t.source === source).reduce((a, t) => a + t.amountYi, 0),
    foreignUsd: tranches.reduce((a, t) => a + (t.foreignUsd ?? 0), 0),
    validLeads: s.leads.filter(
      (l) => (unit === null || l.unit === unit) && l.date.startsWith(y) && l.verdicts.some((v) => v.value === '有效'),
    ).length,
    trips: trips.length,
    visits: trips.reduce((a, t) => a + t.visits, 0),
  };
}

function signedMatching(a: Actuals, f: Filter): Project[] {
  return a.signed.filter(
    (p) =>
      (f.chain === undefined || p.chain === f.chain) &&
      (f.minYi === undefined || p.investmentYi >= f.minYi) &&
      (f.maxYi === undefined || p.investmentYi < f.maxYi) &&
      (f.foreign === undefined || p.foreign === f.foreign) &&
      (f.provincial === undefined || p.provincial === f.provincial),
  );
}

/**
 * Units whose 2025 targets were set low against what they went on to do (the 管委会 set them from a
 * weak 2024 before a new 驻点 or a big 签约活动): their quantity targets are multiplied by this factor,
 * so by October they are at or above 序时进度 and lead their 分组 — the sample's 红榜 is not empty.
 * Applied after the seeded draw, so every other target keeps its value.
 */
export const EASED_2025: Readonly<Record<string, number>> = {
  驻上海招商组: 0.8,
  驻深圳招商组: 0.8,
  青川镇: 0.8,
  投资促进局二科: 0.8,
};

function rowsFor(u: UnitDef, a: Actuals, year: number, r: Rng, band: string): TargetRow[] {
  // 2025 has ten months of data: a target is set for twelve; a few units' targets are set low.
  const k = year === 2025 ? 1.2 * (EASED_2025[u.name] ?? 1) : 1;
  const count = (x: number): number => Math.max(1, Math.round(x * k * r.float(0.85, 1.3)));
  const yi = (x: number): number => {
    const v = x * k * r.float(0.85, 1.3);
    return Math.max(0.5, v < 10 ? clean(v, 1) : Math.round(v));
  };
  const rows: TargetRow[] = [];
  const add = (
    indicator: string,
    target: number,
    points: number | null,
    method: Method | '',
    filter: Filter = {},
    extra: Partial<TargetRow> = {},
  ): void => {
    rows.push({ unit: u.name, indicator, target, points, method, filter, ...extra });
  };
  const n = (f: Filter = {}, min = 0): number => signedMatching(a, f).filter((p) => p.investmentYi >= min).length;
  const amount = a.signed.reduce((s, p) => s + p.investmentYi, 0);
  if (!u.ranked) {
    add('签约项目数', count(n()), 10, '按比例');
    add('外出招商次数', count(a.trips), 5, '达标');
    add('有效信息条数', 48, 4.8, '按件', {}, { perItem: 0.1, cap: 4.8 });
    return rows;
  }
  const chainFilter = u.type === '产业专班' ? { chain: u.chains[0] ?? '' } : {};
  add('签约项目数', count(n(chainFilter)), 15, u.name === '投资促进局二科' ? '' : '按比例', chainFilter);
  add('签约金额', yi(amount), 15, '按比例');
  add('亿元以上签约项目数', count(n({}, 1)), 10, '按比例');
  add('开工项目数', count(a.started), 10, '按比例');
  add('到位资金', yi(a.fundsYi()), 15, '按比例');
  if (year >= 2025 && u.type === '产业专班')
    add(
      SHORTFALL.indicator,
      SHORTFALL.target,
      0,
      '缺额扣分',
      {},
      {
        perItem: SHORTFALL.perItem,
        cap: SHORTFALL.cap,
        category: '扣分',
      },
    );
  else add('有效信息条数', 48, 4.8, '按件', {}, { perItem: 0.1, cap: 4.8 });
  add('外出招商次数', count(a.trips), 5, '达标');
  add('签约超期未开工项目数', 0, 0, '扣分', {}, { perItem: 0.5, cap: 5 });
  if (year >= 2025) {
    const group = { category: '加分' as const, capGroup: BONUS_GROUP.name, groupCap: BONUS_GROUP.cap };
    add('外出招商次数', 0, null, '按件', {}, { perItem: BONUS_GROUP.perTrip, ...group });
    add('签约项目数', 0, null, '按件', { foreign: true }, { perItem: BONUS_GROUP.perForeign, ...group });
  }
  if (year >= 2025 && u.name === band) {
    const f = { minYi: BAND.minYi, maxYi: BAND.maxYi };
    add('签约项目数', Math.max(1, n(f)), BAND.points, '按比例', f);
  }
  switch (u.type) {
    case '部门':
      add('5亿元以上签约项目数', count(n({}, 5)), 5, '达标');
      add('拜访企业数', count(a.visits), 5, '按比例');
      if (u.name === '投资促进局一科') add('签约项目数', count(n({ minYi: 5 })), 5, '按比例', { minYi: 5 });
      if (u.name === '投资促进局二科') add('到位资金', yi(a.fundsYi('省外')), 5, '按比例', { fundSource: '省外' });
      break;
    case '乡镇':
      add('投产项目数', count(a.producing), 10, '按比例');
      break;
    case '园区':
      add('投产项目数', count(a.producing), 10, '按比例');
      add('10亿元以上签约项目数', count(n({}, 10)), 5, '达标');
      if (u.name === '高新产业园') add('签约项目数', count(n({ provincial: true })), 5, '按比例', { provincial: true });
      break;
    case '驻外招商团队':
      add('拜访企业数', count(a.visits), 10, '按比例');
      add('外资到位', Math.max(100, Math.round((a.foreignUsd * k * r.float(0.85, 1.3)) / 100) * 100), 5, '按比例', {
        foreign: true,
      });
      break;
    case '产业专班':
      if (u.chains[0] === '新能源') add('50亿元以上签约项目数', 1, 10, '达标');
      else add('10亿元以上签约项目数', count(n({}, 10)), 5, '达标');
      add('签约项目数', count(n({ chain: u.chains[0] ?? '', minYi: 1 })), 5, '按比例', {
        chain: u.chains[0] ?? '',
        minYi: 1,
      });
      break;
  }
  return rows;
}

/** Nice round zone targets: counts to 10, 亿元 to 10, 万美元 to 1000. */
function roundTo(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step);
}

/**
 * The zone's own rows (责任单位 全区), one per headline indicator, set from the zone's whole-year
 * actuals (2025: ten months × 1.2) times a seeded 1.0–1.15 (2024: 0.95–1.1), as a 管委会 sets them.
 */
function zoneRows(s: Scenario, year: number, r: Rng): TargetRow[] {
  const a = actualsFor(s, null, year);
  const k = year === 2025 ? 1.2 : 1;
  const f = (): number => k * (year === 2025 ? r.float(1, 1.15) : r.float(0.95, 1.1));
  const z = (indicator: string, target: number): TargetRow => ({
    unit: ZONE_UNIT,
    indicator,
    target,
    points: null,
    method: '',
    filter: {},
  });
  return [
    z('签约项目数', roundTo(a.signed.length * f(), 10)),
    z('签约金额', roundTo(a.signed.reduce((t, p) => t + p.investmentYi, 0) * f(), 10)),
    z('亿元以上签约项目数', roundTo(a.signed.filter((p) => p.investmentYi >= 1).length * f(), 10)),
    z('开工项目数', roundTo(a.started * f(), 10)),
    z('投产项目数', roundTo(a.producing * f(), 10)),
    z('到位资金', roundTo(a.fundsYi() * f(), 10)),
    z('外资到位', roundTo(a.foreignUsd * f(), 1000)),
    z('有效信息条数', roundTo(a.validLeads * f(), 10)),
    z('外出招商次数', roundTo(a.trips * f(), 10)),
  ];
}

/** The joint 2025 row: 临港物流园 and 河口镇 share the 新能源 签约金额 of the 港城路 corridor. */
function jointRow(s: Scenario, r: Rng): TargetRow {
  const chain = '新能源';
  const amount = JOINT_UNITS.flatMap((u) => actualsFor(s, u, 2025).signed)
    .filter((p) => p.chain === chain)
    .reduce((t, p) => t + p.investmentYi, 0);
  const v = amount * 1.2 * r.float(0.9, 1.2);
  return {
    unit: JOINT_UNITS.join('、'),
    indicator: '签约金额',
    target: Math.max(1, v < 10 ? clean(v, 1) : Math.round(v)),
    points: 5,
    method: '按比例',
    filter: { chain },
  };
}

/** Every row of the year's 目标任务分解表, in sheet order: 全区 rows, each unit's rows, the joint row. */
export function targetRows(s: Scenario, year: number): TargetRow[] {
  const r = new Rng(`targets:${year}`);
  const band = bandUnit(s);
  const rows = UNITS.flatMap((u) => rowsFor(u, actualsFor(s, u.name, year), year, r, band));
  const zone = zoneRows(s, year, new Rng(`targets:zone:${year}`));
  return [...zone, ...rows, ...(year >= 2025 ? [jointRow(s, new Rng('targets:joint'))] : [])];
}

/** Adds the sheet `<year>年` of the 目标任务分解表 to `wb`. */
export function writeTargetSheet(wb: ExcelJS.Workbook, s: Scenario, year: number): void {
  const rows = targetRows(s, year);
  const data: DataRow[] = rows.map((t, i) => ({
    kind: 'data',
    id: String(i),
    cells: {
      year,
      unit: t.unit,
      indicator: t.indicator,
      target: t.target,
      points: t.method === '扣分' || t.method === '缺额扣分' ? null : t.points,
      method: t.method === '' ? null : t.method,
      perItem: t.perItem ?? null,
      cap: t.cap ?? null,
      category: t.category ?? null,
      capGroup: t.capGroup ?? null,
      groupCap: t.groupCap ?? null,
      chain: t.filter.chain ?? null,
      minYi: t.filter.minYi ?? null,
      maxYi: t.filter.maxYi ?? null,
      foreign: t.filter.foreign === undefined ? null : t.filter.foreign ? '是' : '否',
      provincial: t.filter.provincial === undefined ? null : t.filter.provincial ? '是' : '否',
      fundSource: t.filter.fundSource ?? null,
    },
  }));
  const col = (key: string, header: string, width?: number): { key: string; header: string; width?: number } =>
    width === undefined ? { key, header } : { key, header, width };
  writeTable(wb, {
    sheet: `${year}年`,
    title: `青川经济开发区${year}年度招商引资目标任务分解表`,
    blankRowsBeforeHeader: 0,
    seqHeader: '序号',
    columns: [
      col('year', '年度'),
      col('unit', '责任单位', 16),
      col('indicator', '指标', 22),
      col('target', '目标值'),
      col('points', '分值'),
      col('method', '计分方式'),
      col('perItem', '单项分值'),
      col('cap', '封顶分'),
      ...(year >= 2025 ? [col('category', '类别'), col('capGroup', '封顶组', 14), col('groupCap', '组封顶分')] : []),
      col('chain', '产业链'),
      col('minYi', '投资下限（亿元）'),
      ...(year >= 2025 ? [col('maxYi', '投资上限（亿元）')] : []),
      col('foreign', '是否外资'),
      col('provincial', '是否列入省台账'),
      col('fundSource', '资金来源'),
    ],
    rows: data,
    mergeKey: 'unit',
    notes: [
      '注：1. 计分方式为“按比例”的，得分＝分值×完成率，最高不超过分值；计分方式为空的按“按比例”计分。',
      '2. “达标”指完成目标值得满分，未完成不得分；“按件”每件计单项分值，最高不超过封顶分；“扣分”每件扣单项分值，最多扣至封顶分。',
      '3. 有效信息条数：每月提供四条有明确投资意向的招商引资信息（每条0.1分，满分4.8分）。',
      ...(year >= 2025
        ? [
            '4. 责任单位为“全区”的行是全区目标，作为全区完成率的基数，不计分；责任单位写两个单位的为共同任务，两个单位各得该项分值。',
            `5. 加分项：外出招商每次${BONUS_GROUP.perTrip}分、引进外资项目每个${BONUS_GROUP.perForeign}分，同一封顶组合计最高${BONUS_GROUP.cap}分；产业专班有效信息每月2条，每少1条扣${SHORTFALL.perItem}分，最多扣${SHORTFALL.cap}分。`,
            '6. 投资下限含本数，投资上限不含本数（10亿元至50亿元即下限10、上限50）。',
          ]
        : []),
    ],
  });
}

/** Adds the sheet 人工评分 (事项 no ledger records) to the targets workbook. */
export function writeManualSheet(wb: ExcelJS.Workbook): void {
  writeTable(wb, {
    sheet: '人工评分',
    title: '青川经济开发区招商引资考核人工评分表',
    blankRowsBeforeHeader: 0,
    seqHeader: '序号',
    columns: [
      { key: 'year', header: '年度' },
      { key: 'period', header: '期间' },
      { key: 'unit', header: '责任单位', width: 16 },
      { key: 'item', header: '事项', width: 18 },
      { key: 'points', header: '分值' },
      { key: 'basis', header: '依据', width: 60 },
    ],
    rows: MANUAL_SCORES.map((m, i) => ({ kind: 'data' as const, id: String(i), cells: { ...m } })),
    notes: ['注：分值为正数的是加分，负数的是扣分；自所填期间起计入当年以后各期得分。'],
  });
}

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

type Method = '按比例' | '达标' | '按件' | '扣分';

interface Filter {
  chain?: string;
  minYi?: number;
  foreign?: boolean;
  provincial?: boolean;
  fundSource?: string;
}

interface TargetRow {
  unit: string;
  indicator: string;
  target: number;
  points: number;
  method: Method | '';
  perItem?: number;
  cap?: number;
  filter: Filter;
}

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

function actualsFor(s: Scenario, unit: string, year: number): Actuals {
  const y = String(year);
  const mine = s.projects.filter((p) => p.unit === unit && p.cancelMonth === undefined);
  const tranches = mine.flatMap((p) => p.tranches.filter((t) => t.date.startsWith(y)));
  const trips = s.trips.filter((t) => t.unit === unit && t.depart.startsWith(y));
  return {
    signed: mine.filter((p) => p.signDate?.startsWith(y)),
    started: mine.filter((p) => p.startDate?.startsWith(y)).length,
    producing: mine.filter((p) => p.produceDate?.startsWith(y)).length,
    fundsYi: (source) =>
      tranches.filter((t) => source === undefined || t.source === source).reduce((a, t) => a + t.amountYi, 0),
    foreignUsd: tranches.reduce((a, t) => a + (t.foreignUsd ?? 0), 0),
    validLeads: s.leads.filter(
      (l) => l.unit === unit && l.date.startsWith(y) && l.verdicts.some((v) => v.value === '有效'),
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
      (f.foreign === undefined || p.foreign === f.foreign) &&
      (f.provincial === undefined || p.provincial === f.provincial),
  );
}

function rowsFor(u: UnitDef, a: Actuals, year: number, r: Rng): TargetRow[] {
  // 2025 has ten months of data: a target is set for twelve.
  const k = year === 2025 ? 1.2 : 1;
  const count = (x: number): number => Math.max(1, Math.round(x * k * r.float(0.85, 1.3)));
  const yi = (x: number): number => {
    const v = x * k * r.float(0.85, 1.3);
    return Math.max(0.5, v < 10 ? clean(v, 1) : Math.round(v));
  };
  const rows: TargetRow[] = [];
  const add = (
    indicator: string,
    target: number,
    points: number,
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
  add('有效信息条数', 48, 4.8, '按件', {}, { perItem: 0.1, cap: 4.8 });
  add('外出招商次数', count(a.trips), 5, '达标');
  add('签约超期未开工项目数', 0, 0, '扣分', {}, { perItem: 0.5, cap: 5 });
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

/** Adds the sheet `<year>年` of the 目标任务分解表 to `wb`. */
export function writeTargetSheet(wb: ExcelJS.Workbook, s: Scenario, year: number): void {
  const r = new Rng(`targets:${year}`);
  const rows = UNITS.flatMap((u) => rowsFor(u, actualsFor(s, u.name, year), year, r));
  const data: DataRow[] = rows.map((t, i) => ({
    kind: 'data',
    id: String(i),
    cells: {
      year,
      unit: t.unit,
      indicator: t.indicator,
      target: t.target,
      points: t.method === '扣分' ? null : t.points,
      method: t.method === '' ? null : t.method,
      perItem: t.perItem ?? null,
      cap: t.cap ?? null,
      chain: t.filter.chain ?? null,
      minYi: t.filter.minYi ?? null,
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
      col('chain', '产业链'),
      col('minYi', '投资下限（亿元）'),
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
    ],
  });
}

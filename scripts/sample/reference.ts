/**
 * The slowly changing tables under `reference/`: 单位名单, 目标任务分解表, 产业链图谱, 园区载体,
 * 存量资产. Plain layouts with a title row; the messy shapes live in the ledgers.
 */
import type { LedgerFile } from './ledgers/common.ts';
import { NameBook } from './names.ts';
import { Rng } from './prng.ts';
import type { Scenario } from './scenario.ts';
import { newWorkbook, workbookBytes, writeTable, type ColumnSpec, type DataRow } from './table.ts';
import { writeManualSheet, writeTargetSheet } from './targets.ts';
import { ASSETS, CHAINS, EXTENSION_SEGMENTS, NAME_PARTS, PARKS, UNITS, ZONE_NAME } from './zone.ts';
import { ASSET_SPOTS, DMS_ASSET, boundaryGeoJson, toDms, toLngLat } from './geography.ts';
import type { Cell } from './formats.ts';

function simpleRows(records: readonly Record<string, Cell>[]): DataRow[] {
  return records.map((cells, i) => ({ kind: 'data', id: String(i), cells }));
}

function cols(pairs: readonly (readonly [string, string, number?])[]): ColumnSpec[] {
  return pairs.map(([key, header, width]) => (width === undefined ? { key, header } : { key, header, width }));
}

async function unitsFile(stamp: Date): Promise<LedgerFile> {
  const wb = newWorkbook(stamp);
  const rows = UNITS.map((u) => ({
    name: u.name,
    aliases: u.aliases.join('、'),
    type: u.type,
    group: u.group,
    ranked: u.ranked ? '是' : '否',
    headcount: u.headcount,
  }));
  writeTable(wb, {
    sheet: '单位名单',
    plainTitle: `${ZONE_NAME}招商责任单位名单`,
    columns: cols([
      ['name', '单位名称', 18],
      ['aliases', '简称/别名', 24],
      ['type', '类型', 14],
      ['group', '分组', 12],
      ['ranked', '是否参与排名', 14],
      ['headcount', '人数'],
    ]),
    rows: simpleRows(rows),
  });
  return { path: 'reference/单位名单.xlsx', data: await workbookBytes(wb, stamp), rows: rows.length, bad: [] };
}

async function targetsFile(s: Scenario, stamp: Date): Promise<LedgerFile> {
  const wb = newWorkbook(stamp);
  writeTargetSheet(wb, s, 2025);
  writeTargetSheet(wb, s, 2024);
  writeManualSheet(wb);
  return { path: 'reference/目标任务分解表.xlsx', data: await workbookBytes(wb, stamp), rows: 0, bad: [] };
}

async function chainFile(stamp: Date): Promise<LedgerFile> {
  const wb = newWorkbook(stamp);
  const segs = CHAINS.flatMap((c) =>
    c.segments.map((sg, i) => ({
      chain: c.chain,
      segment: sg.segment,
      position: sg.position,
      description: sg.description,
      strength: sg.strength,
      order: i + 1,
    })),
  );
  writeTable(wb, {
    sheet: '环节',
    columns: cols([
      ['chain', '产业链'],
      ['segment', '环节', 14],
      ['position', '位置'],
      ['description', '说明', 36],
      ['strength', '强弱'],
      ['order', '排序'],
    ]),
    rows: simpleRows(segs),
  });
  // Enterprises, as a 招商图谱 would list them: local firms where the segment is strong, none
  // where it is 缺; 链主 in strong segments; targets mostly where the chain is 缺 or 弱, and one
  // target per chain in a segment the map does not have yet (延链). Local firms and 链主 are
  // public; every other target is internal only (是否公开 = 否).
  const r = new Rng('chain-map');
  const names = new NameBook(r);
  const localNames = new Set<string>();
  const localName = (chain: string): string => {
    for (let attempt = 0; ; attempt++) {
      const name = `青川${names.company(chain, false).short}${NAME_PARTS.trades[chain] ?? ''}有限公司`;
      if (!localNames.has(name) || attempt > 30) {
        localNames.add(name);
        return name;
      }
    }
  };
  const LOCALS = { 强: [3, 6], 弱: [1, 2], 风险: [1, 1], 缺: [0, 0] } as const;
  const TARGETS = { 强: [0, 1], 弱: [1, 2], 风险: [1, 1], 缺: [1, 3] } as const;
  const firms: Record<string, Cell>[] = [];
  let targetNo = 0;
  for (const c of CHAINS) {
    const strong = c.segments.filter((sg) => sg.strength === '强');
    const leaders = [
      strong.find((sg) => sg.position === '中游') ?? strong[0],
      r.chance(0.5) ? strong[strong.length - 1] : undefined,
    ];
    const add = (segment: string, category: '本地' | '链主' | '目标', products: readonly string[], local: boolean) => {
      const company = local ? null : names.company(c.chain, false);
      firms.push({
        name: company ? company.name : localName(c.chain),
        chain: c.chain,
        segment,
        category,
        location: local ? ZONE_NAME : r.pick(NAME_PARTS.cities),
        products: r.pick(products),
        public: category === '目标' ? (targetNo++ % 2 === 0 ? '否' : '是') : '是',
      });
    };
    for (const sg of c.segments) {
      if (leaders.includes(sg)) add(sg.segment, '链主', sg.products, r.chance(0.5));
      const [lo, hi] = LOCALS[sg.strength];
      for (let i = r.int(lo, hi); i > 0; i--) add(sg.segment, '本地', sg.products, true);
      const [tlo, thi] = TARGETS[sg.strength];
      for (let i = r.int(tlo, thi); i > 0; i--) add(sg.segment, '目标', sg.products, false);
    }
    const ext = EXTENSION_SEGMENTS[c.chain];
    if (ext) add(ext.segment, '目标', ext.products, false);
  }
  writeTable(wb, {
    sheet: '企业',
    columns: cols([
      ['name', '企业名称', 30],
      ['chain', '产业链'],
      ['segment', '环节', 14],
      ['category', '类别'],
      ['location', '所在地', 16],
      ['products', '主要产品', 20],
      ['public', '是否公开'],
    ]),
    rows: simpleRows(firms),
  });
  return {
    path: 'reference/产业链图谱.xlsx',
    data: await workbookBytes(wb, stamp),
    rows: segs.length + firms.length,
    bad: [],
  };
}

async function parksFile(stamp: Date): Promise<LedgerFile> {
  const wb = newWorkbook(stamp);
  writeTable(wb, {
    sheet: '园区载体',
    columns: cols([
      ['name', '名称', 18],
      ['area', '面积', 14],
      ['industries', '主导产业', 20],
      ['intro', '简介', 50],
      ['address', '地址', 30],
    ]),
    rows: simpleRows(PARKS.map((p) => ({ ...p }))),
  });
  return { path: 'reference/园区载体.xlsx', data: await workbookBytes(wb, stamp), rows: PARKS.length, bad: [] };
}

async function assetsFile(stamp: Date): Promise<LedgerFile> {
  const wb = newWorkbook(stamp);
  writeTable(wb, {
    sheet: '存量资产',
    title: `${ZONE_NAME}存量资产（闲置土地、厂房、楼宇）清单`,
    seqHeader: '序号',
    columns: cols([
      ['name', '名称', 24],
      ['type', '类型'],
      ['area', '面积'],
      ['location', '位置', 26],
      ['status', '状态', 22],
      ['contactUnit', '联系单位', 16],
      ['contact', '联系人'],
      ['phone', '联系电话', 14],
      ['public', '是否公开'],
      ['lng', '经度', 14],
      ['lat', '纬度', 12],
    ]),
    rows: simpleRows(
      ASSETS.map((a) => {
        const spot = ASSET_SPOTS[a.name];
        if (!spot) return { ...a };
        const [lng, lat] = toLngLat(spot);
        return { ...a, lng: a.name === DMS_ASSET ? toDms(lng) : lng, lat };
      }),
    ),
  });
  return { path: 'reference/存量资产.xlsx', data: await workbookBytes(wb, stamp), rows: ASSETS.length, bad: [] };
}

export async function writeReference(s: Scenario, stamp: Date): Promise<LedgerFile[]> {
  return [
    await unitsFile(stamp),
    await targetsFile(s, stamp),
    await chainFile(stamp),
    await parksFile(stamp),
    await assetsFile(stamp),
    { path: 'reference/边界.geojson', data: Buffer.from(boundaryGeoJson(), 'utf8'), rows: 0, bad: [] },
  ];
}

import type { AssetMapInput } from '../../charts/assetMap.ts';
import type { Availability, MapAsset } from '../../charts/assetMarks.ts';
import type { AssetSchematicInput } from '../../charts/assetSchematic.ts';
import type { ZoneGeo } from '../../schemas/geo.ts';
import type { Park } from '../../schemas/records.ts';
import type { AssetGroup, PublicAssetRow } from './publicViews.ts';

/**
 * The 存量资产地图 of the 存量资产 page, from the public asset rows (no contacts), the parks and the
 * zone's GeoJSON areas: assets with a position on the geographic map, the others on a schematic
 * map grouped by park. Pure; links are site-relative (the page makes them relative to itself).
 */

/**
 * 状态 text in four classes. In preparation first (在建 / 规划 / 处置 / 征收中 …), then partly
 * available (部分出租, 空置率…), then ready (具备供地条件, 空置, 闲置, 可租可售, 拎包入驻, 征收完成 …).
 *
 * @example availabilityOf('已完成土地平整，具备供地条件') // '可用'
 * @example availabilityOf('在建，预计明年交付') // '筹备'
 */
export function availabilityOf(status: string | undefined): Availability {
  const s = (status ?? '').trim();
  if (s === '') return '未注明';
  if (/在建|规划|调整|处置|征收中|办理中|待建|预计|未完成|整改/.test(s)) return '筹备';
  if (/部分|空置率|剩余/.test(s)) return '部分';
  if (/具备|空置|闲置|可租|可售|出租|出售|拎包|待招商|完成|平整|净地|可供/.test(s)) return '可用';
  return '未注明';
}

const M2: Record<string, number> = {
  '㎡': 1,
  平方米: 1,
  平米: 1,
  'm²': 1,
  m2: 1,
  亩: 10000 / 15,
  公顷: 10000,
  平方公里: 1e6,
  'km²': 1e6,
};

/**
 * 面积 text in ㎡, or null: `120亩` → 80000, `约1.2万平方米` → 12000, `8,000㎡` → 8000.
 *
 * @example areaSquareMeters('1.2万平方米') // 12000
 */
export function areaSquareMeters(text: string | undefined): number | null {
  const m = /^约?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万)?\s*(㎡|平方米|平米|m²|m2|亩|公顷|平方公里|km²)$/.exec(
    (text ?? '').trim(),
  );
  if (!m || !m[1] || !m[3]) return null;
  const n = Number(m[1].replace(/,/g, '')) * (m[2] ? 10000 : 1);
  return Number.isFinite(n) ? n * (M2[m[3]] ?? 1) : null;
}

/** The numbered list and the maps of the page. */
export interface AssetMapView {
  /** Every shown asset with its map number, in page order. */
  numbered: { no: number; row: PublicAssetRow }[];
  /** The geographic map, when `reference/` has a boundary or parks and some asset a position. */
  map: AssetMapInput | null;
  /** The schematic map of the assets the geographic map does not place (all of them without one). */
  schematic: AssetSchematicInput | null;
}

/** The park an asset belongs to: its 位置 names the park, or its 联系单位 is the park. */
function parkOf(row: PublicAssetRow, parks: readonly Park[]): number {
  return parks.findIndex((p) => (row.location ?? '').includes(p.name) || row.contactUnit === p.name);
}

/**
 * @example assetMapView(view.groups, ref.parks, loadGeo(), '青川经济开发区', 'assets.html', 'parks.html')
 */
export function assetMapView(
  groups: readonly AssetGroup[],
  parks: readonly Park[],
  geo: ZoneGeo,
  zoneName: string,
  assetsPage: string,
  parksPage: string,
): AssetMapView {
  const numbered = groups.flatMap((g) => g.rows).map((row, i) => ({ no: i + 1, row: row }));
  const mark = ({ no, row }: { no: number; row: PublicAssetRow }): MapAsset => ({
    no,
    name: row.name,
    type: row.type === '土地' || row.type === '厂房' || row.type === '楼宇' ? row.type : undefined,
    status: row.status,
    availability: availabilityOf(row.status),
    area: row.area,
    href: `${assetsPage}#${row.anchor}`,
  });
  const parkHref = (name: string) => {
    const i = parks.findIndex((p) => p.name.replace(/\s+/g, '') === name.replace(/\s+/g, ''));
    return i >= 0 ? `${parksPage}#park-${i + 1}` : undefined;
  };
  const located =
    geo.areas.length > 0 ? numbered.filter((n) => n.row.lng !== undefined && n.row.lat !== undefined) : [];
  const rest = numbered.filter((n) => !located.includes(n));
  const map: AssetMapInput | null =
    located.length > 0
      ? {
          title: `${zoneName}存量资产分布图`,
          areas: geo.areas.map((a) => ({ name: a.name, kind: a.kind, polygons: a.polygons, href: parkHref(a.name) })),
          assets: located.map((n) => ({ ...mark(n), lng: n.row.lng as number, lat: n.row.lat as number })),
        }
      : null;
  let schematic: AssetSchematicInput | null = null;
  if (rest.length > 0) {
    const byPark = new Map<number, typeof rest>();
    for (const n of rest) {
      const p = parkOf(n.row, parks);
      byPark.set(p, [...(byPark.get(p) ?? []), n]);
    }
    const order = [...byPark.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
    schematic = {
      title: map ? `暂无坐标的资产（${rest.length} 处，按园区示意）` : `${zoneName}存量资产示意图`,
      groups: order.map((p) => ({
        name: p >= 0 ? (parks[p]?.name ?? '') : '其他位置',
        href: p >= 0 ? `${parksPage}#park-${p + 1}` : undefined,
        assets: (byPark.get(p) ?? []).map((n) => ({ ...mark(n), size: areaSquareMeters(n.row.area) })),
      })),
    };
  }
  return { numbered, map, schematic };
}

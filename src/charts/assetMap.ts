import { geoDistance, geoMercator, geoPath } from 'd3';
import { type MapAsset, assetLegend, assetMark, markWords } from './assetMarks.ts';
import { type Box, overlaps, placeLabels, spreadPoints } from './labelPlacement.ts';
import { COLORS, type SvgNode, h, safeHref, svgRoot } from './svg.ts';
import { textWidth, wrapText } from './wrapText.ts';

/** A boundary or park polygon, e.g. `{name: '高新产业园', kind: '园区', polygons: [[[[114.01, 22.52], …]]], href: 'parks.html#park-1'}`. */
export interface MapArea {
  name: string;
  kind: '边界' | '园区';
  /** MultiPolygon coordinates `[经度, 纬度]`, rings wound for d3-geo (exterior clockwise). */
  polygons: readonly (readonly (readonly (readonly [number, number])[])[])[];
  href?: string | undefined;
}

/** Input of {@link assetMap}. */
export interface AssetMapInput {
  /** e.g. `'青川经济开发区存量资产分布图'`. */
  title: string;
  areas: readonly MapArea[];
  /** Assets with a position (degrees). */
  assets: readonly (MapAsset & { lng: number; lat: number })[];
  /** Drawing width in px: 960 for screens and print, 380 for phones (same font sizes, fewer labels). */
  width?: number | undefined;
}

const MARGIN = 12;
const MARK = 14;
const NAME_FONT = 12;
const SUB_FONT = 11;
const PARK_FONT = 13;

const halo = { stroke: '#FFFFFF', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/** A round distance (km) about a sixth of the map width, and its length in px. */
function scaleBar(project: (p: [number, number]) => [number, number] | null, at: [number, number], width: number) {
  const [lng, lat] = at;
  const a = project([lng, lat]);
  const b = project([lng + 0.01, lat]);
  if (!a || !b) return null;
  const kmPerPx = (geoDistance([lng, lat], [lng + 0.01, lat]) * 6371) / Math.abs(b[0] - a[0]);
  const want = (width / 6) * kmPerPx;
  const km = [0.2, 0.5, 1, 2, 5, 10, 20, 50].find((k) => k >= want * 0.6) ?? 50;
  return { km, px: km / kmPerPx };
}

/**
 * 存量资产地图: the zone boundary and its parks (named, linked to their pages) drawn from GeoJSON
 * with d3-geo (Mercator fitted to the zone, no tiles, no network), and one mark per asset —
 * shape by 类型, fill by 状态 — labelled with its number, name, area and 类型 where the label fits
 * without overlapping (else with its number only; the list beside the map has every number).
 * Each mark links to the asset's details. The height follows the zone's shape.
 *
 * @example assetMap({ title: '存量资产分布图', areas: [boundary], assets: [{ no: 1, name: '港城路东地块', type: '土地', availability: '可用', area: '86亩', lng: 114.05, lat: 22.54 }] })
 */
export function assetMap(input: AssetMapInput): string {
  const W = input.width ?? 960;
  const innerW = W - 2 * MARGIN;
  const titleLines = wrapText(input.title, innerW, 18);
  const top = MARGIN + titleLines.length * 24 + 6;

  const features = input.areas.map((a) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'MultiPolygon' as const, coordinates: a.polygons as [number, number][][][] },
  }));
  const points = {
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'MultiPoint' as const, coordinates: input.assets.map((a) => [a.lng, a.lat]) },
  };
  const all = { type: 'FeatureCollection' as const, features: input.assets.length ? [...features, points] : features };
  const projection = geoMercator().fitWidth(innerW - 40, all);
  const [[, y0], [, y1]] = geoPath(projection).bounds(all);
  const mapH = Math.max(200, Math.min(innerW * 1.3, y1 - y0 + 40));
  projection.fitExtent(
    [
      [MARGIN + 20, top + 20],
      [W - MARGIN - 20, top + mapH - 20],
    ],
    all,
  );
  const path = geoPath(projection).digits(2);
  const project = (p: [number, number]) => projection(p) ?? null;

  const body: SvgNode[] = [];
  const boundary = input.areas.filter((a) => a.kind === '边界');
  const parks = input.areas.filter((a) => a.kind === '园区');
  for (const a of boundary)
    body.push(
      h('path', {
        d: path(features[input.areas.indexOf(a)]!) ?? '',
        fill: '#F5F2EA',
        stroke: '#3A3A3A',
        'stroke-width': 2,
        'stroke-linejoin': 'round',
      }),
    );
  for (const a of parks)
    body.push(
      h(
        'path',
        {
          d: path(features[input.areas.indexOf(a)]!) ?? '',
          fill: '#DCEBF7',
          'fill-opacity': 0.8,
          stroke: '#0072B2',
          'stroke-width': 1.2,
          'stroke-dasharray': '4 2',
        },
        h('title', {}, a.name),
      ),
    );

  // marks first (they are what labels must not cover), spread where they would coincide
  const spots = spreadPoints(
    input.assets.map((a) => {
      const [x, y] = project([a.lng, a.lat]) ?? [0, 0];
      return { x, y };
    }),
    MARK + 2,
  );
  const markBoxes: Box[] = spots.map((p) => ({ x: p.x - MARK / 2, y: p.y - MARK / 2 - 2, w: MARK, h: MARK + 4 }));
  const bounds = { x: MARGIN, y: top, w: innerW, h: mapH };

  // park names: centred on the park where they fit, else beside it
  const parkLabels: SvgNode[] = [];
  const fixed: Box[] = [...markBoxes];
  for (const a of parks) {
    if (!a.name) continue;
    const [cx, cy] = path.centroid(features[input.areas.indexOf(a)]!);
    const w = textWidth(a.name, PARK_FONT) + 4;
    const centred = { x: cx - w / 2, y: cy - 9, w, h: 18 };
    const spot = !fixed.some((b) => overlaps(centred, b, 1))
      ? { ...centred, anchor: 'middle' as const }
      : placeLabels([{ x: cx, y: cy, r: MARK / 2 + 4, w, h: 18 }], fixed, bounds)[0];
    if (!spot) continue;
    fixed.push(spot);
    const tx = spot.anchor === 'start' ? spot.x + 2 : spot.anchor === 'end' ? spot.x + spot.w - 2 : spot.x + spot.w / 2;
    const text = h(
      'text',
      {
        x: tx,
        y: spot.y + 9,
        dy: '0.35em',
        'text-anchor': spot.anchor,
        'font-size': PARK_FONT,
        'font-weight': 'bold',
        fill: '#0B4F7C',
        ...halo,
      },
      a.name,
    );
    const link = safeHref(a.href);
    parkLabels.push(link ? h('a', { href: link }, text) : text);
  }

  // asset labels: `3 港城路东地块` over `86亩 · 土地`; the number alone when that does not fit
  const label = (a: MapAsset) => ({
    line1: `${a.no} ${a.name}`,
    line2: [a.area, a.type].filter(Boolean).join(' · '),
  });
  const requests = input.assets.map((a, i) => {
    const l = label(a);
    const w = Math.max(textWidth(l.line1, NAME_FONT), l.line2 ? textWidth(l.line2, SUB_FONT) : 0) + 4;
    return { x: spots[i]!.x, y: spots[i]!.y, r: MARK / 2, w, h: l.line2 ? 30 : 16 };
  });
  const placed = placeLabels(requests, fixed, bounds);
  const numbers = placeLabels(
    input.assets.map((a, i) => ({
      x: spots[i]!.x,
      y: spots[i]!.y,
      r: MARK / 2,
      w: textWidth(String(a.no), NAME_FONT) + 4,
      h: 16,
    })),
    [...fixed, ...placed.filter((p) => p !== null)],
    bounds,
  );

  const marks = input.assets.map((a, i) => {
    const p = spots[i]!;
    const l = label(a);
    const spot = placed[i] ?? null;
    const num = spot ? null : (numbers[i] ?? null);
    const tip = `${a.no}. ${a.name}（${markWords(a)}${a.area ? `，${a.area}` : ''}${a.status ? `，${a.status}` : ''}）`;
    const tx = (b: { x: number; w: number; anchor: string }) =>
      b.anchor === 'start' ? b.x + 2 : b.anchor === 'end' ? b.x + b.w - 2 : b.x + b.w / 2;
    const g = h(
      'g',
      { class: 'zs-asset' },
      safeHref(a.href) ? null : h('title', {}, tip),
      assetMark(a, p.x, p.y, MARK),
      spot
        ? h(
            'text',
            { x: tx(spot), y: spot.y + 8, dy: '0.35em', 'text-anchor': spot.anchor, fill: COLORS.text, ...halo },
            h('tspan', { 'font-size': NAME_FONT, 'font-weight': 'bold' }, l.line1),
            l.line2 ? h('tspan', { x: tx(spot), dy: 15, 'font-size': SUB_FONT, fill: COLORS.muted }, l.line2) : null,
          )
        : null,
      num
        ? h(
            'text',
            {
              x: tx(num),
              y: num.y + 8,
              dy: '0.35em',
              'text-anchor': num.anchor,
              'font-size': NAME_FONT,
              'font-weight': 'bold',
              fill: COLORS.text,
              ...halo,
            },
            String(a.no),
          )
        : null,
    );
    const link = safeHref(a.href);
    return link ? h('a', { href: link }, h('title', {}, tip), g) : g;
  });

  // scale bar at the bottom left of the map
  const centre = projection.invert?.([MARGIN + innerW / 2, top + mapH / 2]) ?? null;
  const bar = centre ? scaleBar(project, centre as [number, number], innerW) : null;
  const barNode = bar
    ? h(
        'g',
        { class: 'zs-scale' },
        h('path', {
          d: `M${MARGIN + 8},${top + mapH - 14}v6h${bar.px}v-6`,
          fill: 'none',
          stroke: COLORS.text,
          'stroke-width': 1.5,
        }),
        h(
          'text',
          {
            x: MARGIN + 8 + bar.px + 6,
            y: top + mapH - 10,
            dy: '0.35em',
            'font-size': 11,
            fill: COLORS.text,
            'text-anchor': 'start',
            ...halo,
          },
          `${bar.km} 公里`,
        ),
      )
    : null;

  const legend = assetLegend({ x: MARGIN, y: top + mapH + 10, width: innerW }, [
    ...(boundary.length
      ? [
          {
            label: '开发区边界',
            swatch: (x: number, y: number) =>
              h('rect', { x, y: y - 7, width: 24, height: 14, fill: '#F5F2EA', stroke: '#3A3A3A', 'stroke-width': 2 }),
          },
        ]
      : []),
    ...(parks.length
      ? [
          {
            label: '园区',
            swatch: (x: number, y: number) =>
              h('rect', {
                x,
                y: y - 7,
                width: 24,
                height: 14,
                fill: '#DCEBF7',
                stroke: '#0072B2',
                'stroke-dasharray': '4 2',
              }),
          },
        ]
      : []),
  ]);
  const noteLines = wrapText('数字为资产编号，与下方清单对应；点击标记查看详情。', innerW, 12);
  const noteY = top + mapH + 10 + legend.height + 4;
  const height = noteY + noteLines.length * 17 + MARGIN;

  const count = (t: string) => input.assets.filter((a) => (a.type ?? '其他') === t).length;
  const description =
    `${input.title}：地图上标注 ${input.assets.length} 处资产（土地 ${count('土地')} 宗、厂房 ${count('厂房')} 处、楼宇 ${count('楼宇')} 栋` +
    (count('其他') ? `、其他 ${count('其他')} 处` : '') +
    `）` +
    (parks.length
      ? `；园区：${parks
          .map((p) => p.name)
          .filter(Boolean)
          .join('、')}`
      : '') +
    '。';
  return svgRoot(
    { width: W, height, title: input.title, description, kind: `asset-map-${W}`, idSeed: input },
    h('rect', { x: 0, y: 0, width: W, height, fill: '#FFFFFF' }),
    h(
      'text',
      {
        x: MARGIN,
        y: MARGIN + 12,
        dy: '0.35em',
        'font-size': 18,
        'font-weight': 'bold',
        fill: COLORS.text,
        'text-anchor': 'start',
      },
      titleLines.map((l, i) => h('tspan', { x: MARGIN, dy: i === 0 ? undefined : 24 }, l)),
    ),
    h('rect', { x: MARGIN, y: top, width: innerW, height: mapH, fill: '#FBFCFD', stroke: '#D0D7DE' }),
    body,
    parkLabels,
    marks,
    barNode,
    legend.node,
    h(
      'text',
      { x: MARGIN, y: noteY + 8, dy: '0.35em', 'font-size': 12, fill: COLORS.muted, 'text-anchor': 'start' },
      noteLines.map((l, i) => h('tspan', { x: MARGIN, dy: i === 0 ? undefined : 17 }, l)),
    ),
  );
}

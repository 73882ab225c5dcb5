/**
 * The marks of the 存量资产地图, shared by the geographic and the schematic map: shape by 类型
 * (土地 square, 厂房 house, 楼宇 tall block), fill by availability (状态), and the legend saying so.
 */
import { COLORS, type Children, type SvgNode, h } from './svg.ts';
import { textWidth } from './wrapText.ts';

export type AssetType = '土地' | '厂房' | '楼宇';
/** 状态 in four classes: ready now, partly available, in preparation, not stated. */
export type Availability = '可用' | '部分' | '筹备' | '未注明';

/** One asset as the maps draw it, e.g. `{no: 3, name: '港城路东地块', type: '土地', availability: '可用', area: '86亩', href: '#asset-2'}`. */
export interface MapAsset {
  /** Its number on the map and in the list beside it. */
  no: number;
  name: string;
  type?: AssetType | undefined;
  /** 状态 as written (tooltip). */
  status?: string | undefined;
  availability: Availability;
  /** 面积 as written, e.g. `120亩`. */
  area?: string | undefined;
  /** Relative URL of the asset's details. */
  href?: string | undefined;
}

export const AVAILABILITY: Record<Availability, { fill: string; stroke: string; dash?: string; label: string }> = {
  可用: { fill: '#009E73', stroke: '#00583F', label: '可立即使用' },
  部分: { fill: '#E69F00', stroke: '#7A5400', label: '部分可用' },
  筹备: { fill: '#FFFFFF', stroke: '#3A3A3A', dash: '2 1.5', label: '筹备中（在建、规划、处置中）' },
  未注明: { fill: '#BDBDBD', stroke: '#555555', label: '状态未注明' },
};
/** Light tints of the fills, for the schematic map's blocks. */
export const AVAILABILITY_TINT: Record<Availability, string> = {
  可用: '#D4EFE5',
  部分: '#FBE9C4',
  筹备: '#FFFFFF',
  未注明: '#EEEEEE',
};

export const TYPE_LABELS: Record<AssetType | '其他', string> = {
  土地: '土地',
  厂房: '厂房',
  楼宇: '楼宇',
  其他: '其他',
};

/**
 * The mark of one asset centred on `(cx, cy)`, `size` px across: 土地 a square, 厂房 a house
 * (pitched roof), 楼宇 a tall block, other a circle.
 */
export function assetMark(a: Pick<MapAsset, 'type' | 'availability'>, cx: number, cy: number, size: number): SvgNode {
  const st = AVAILABILITY[a.availability];
  const paint = { fill: st.fill, stroke: st.stroke, 'stroke-width': 1.5, 'stroke-dasharray': st.dash };
  const r = size / 2;
  switch (a.type) {
    case '土地':
      return h('rect', { x: cx - r, y: cy - r, width: size, height: size, ...paint });
    case '厂房':
      return h('path', {
        d: `M${cx - r},${cy + r}V${cy - r * 0.2}L${cx},${cy - r}L${cx + r},${cy - r * 0.2}V${cy + r}Z`,
        ...paint,
      });
    case '楼宇':
      return h('rect', { x: cx - r * 0.62, y: cy - r * 1.1, width: r * 1.24, height: r * 2.2, ...paint });
    default:
      return h('circle', { cx, cy, r, ...paint });
  }
}

/** What an asset's mark means in words, e.g. `土地，可立即使用`. */
export const markWords = (a: Pick<MapAsset, 'type' | 'availability'>): string =>
  `${a.type ?? '其他'}，${AVAILABILITY[a.availability].label}`;

/**
 * The map legend from `(x, y)` within `width` px: the shapes by 类型, the fills by 状态 and,
 * when given, the area swatches; wraps like text. Returns it with its height.
 */
export function assetLegend(
  at: { x: number; y: number; width: number },
  extra: readonly { label: string; swatch: (x: number, y: number) => Children }[] = [],
): { node: SvgNode; height: number } {
  const FONT = 12;
  const ROW = 22;
  const entries: { width: number; draw: (x: number, y: number) => Children }[] = [
    ...(['土地', '厂房', '楼宇'] as const).map((type) => ({
      width: 20 + textWidth(type, FONT) + 16,
      draw: (x: number, y: number) => [
        assetMark({ type, availability: '未注明' }, x + 7, y, 13),
        h('text', { x: x + 20, y, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' }, type),
      ],
    })),
    ...(Object.keys(AVAILABILITY) as Availability[]).map((k) => ({
      width: 20 + textWidth(AVAILABILITY[k].label, FONT) + 16,
      draw: (x: number, y: number) => [
        h('circle', {
          cx: x + 7,
          cy: y,
          r: 6.5,
          fill: AVAILABILITY[k].fill,
          stroke: AVAILABILITY[k].stroke,
          'stroke-width': 1.5,
          'stroke-dasharray': AVAILABILITY[k].dash,
        }),
        h(
          'text',
          { x: x + 20, y, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' },
          AVAILABILITY[k].label,
        ),
      ],
    })),
    ...extra.map((e) => ({
      width: 30 + textWidth(e.label, FONT) + 16,
      draw: (x: number, y: number) => [
        e.swatch(x, y),
        h(
          'text',
          { x: x + 30, y, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' },
          e.label,
        ),
      ],
    })),
  ];
  const nodes: Children[] = [];
  let x = 0;
  let row = 0;
  for (const e of entries) {
    if (x > 0 && x + e.width > at.width) {
      x = 0;
      row++;
    }
    nodes.push(e.draw(at.x + x, at.y + row * ROW + 8));
    x += e.width;
  }
  return { node: h('g', { class: 'zs-legend' }, nodes), height: (row + 1) * ROW };
}

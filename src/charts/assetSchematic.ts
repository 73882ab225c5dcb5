import { hierarchy, treemap, treemapSquarify } from 'd3';
import { AVAILABILITY, AVAILABILITY_TINT, type MapAsset, assetLegend, assetMark, markWords } from './assetMarks.ts';
import { COLORS, type SvgNode, h, safeHref, svgRoot } from './svg.ts';
import { ellipsize, wrapText } from './wrapText.ts';

/** Assets of one park or location, e.g. `{name: '高新产业园', href: 'parks.html#park-1', assets: [...]}`. */
export interface SchematicGroup {
  name: string;
  href?: string | undefined;
  /** `size`: area in ㎡ (null when 面积 cannot be read; drawn at the median size). */
  assets: readonly (MapAsset & { size: number | null })[];
}

/** Input of {@link assetSchematic}. */
export interface AssetSchematicInput {
  title: string;
  groups: readonly SchematicGroup[];
  /** 960 for screens and print, 380 for phones. */
  width?: number | undefined;
}

const MARGIN = 12;
const HEAD = 22;
const FONT = 12;
const LINE = 15;

interface Leaf {
  asset?: MapAsset & { size: number | null };
  group?: SchematicGroup;
  children?: Leaf[];
  value?: number;
}

/** One asset block: its mark, number and name wrapped to the block, and its area. */
function tile(a: MapAsset, x: number, y: number, w: number, hgt: number): SvgNode {
  const st = AVAILABILITY[a.availability];
  const tip = `${a.no}. ${a.name}（${markWords(a)}${a.area ? `，${a.area}` : ''}${a.status ? `，${a.status}` : ''}）`;
  const parts: (SvgNode | null)[] = [
    safeHref(a.href) ? null : h('title', {}, tip),
    h('rect', {
      x,
      y,
      width: w,
      height: hgt,
      rx: 3,
      fill: AVAILABILITY_TINT[a.availability],
      stroke: st.stroke,
      'stroke-width': 1.2,
      'stroke-dasharray': st.dash,
    }),
  ];
  const roomy = w >= 60 && hgt >= 34;
  if (!roomy) {
    parts.push(
      h(
        'text',
        {
          x: x + w / 2,
          y: y + hgt / 2,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': FONT,
          'font-weight': 'bold',
          fill: COLORS.text,
        },
        String(a.no),
      ),
    );
  } else {
    const textW = w - 26;
    const maxLines = Math.max(1, Math.floor((hgt - 8 - (a.area ? LINE : 0)) / LINE));
    const lines = wrapText(`${a.no} ${a.name}`, textW, FONT, maxLines);
    parts.push(
      assetMark(a, x + 11, y + 4 + LINE / 2, 11),
      h(
        'text',
        {
          x: x + 21,
          y: y + 4 + LINE / 2,
          dy: '0.35em',
          'font-size': FONT,
          'font-weight': 'bold',
          fill: COLORS.text,
          'text-anchor': 'start',
        },
        lines.map((l, i) => h('tspan', { x: x + 21, dy: i === 0 ? undefined : LINE }, l)),
      ),
      a.area && lines.length * LINE + LINE + 8 <= hgt
        ? h(
            'text',
            {
              x: x + 21,
              y: y + 4 + lines.length * LINE + LINE / 2,
              dy: '0.35em',
              'font-size': 11,
              fill: COLORS.muted,
              'text-anchor': 'start',
            },
            ellipsize([a.area, a.type].filter(Boolean).join(' · '), textW, 11),
          )
        : null,
    );
  }
  const link = safeHref(a.href);
  const g = h('g', { class: 'zs-asset' }, parts);
  return link ? h('a', { href: link }, h('title', {}, tip), g) : g;
}

/**
 * 存量资产示意图, for assets without coordinates (or a zone without a boundary file): one labelled
 * block per park or location holding one block per asset, sized by area (square root, so a
 * 200-亩 plot does not crush a 4 000-㎡ building), coloured by 状态 and marked by 类型, each
 * linking to its details. A treemap (d3-hierarchy), deterministic for the same input.
 *
 * @example assetSchematic({ title: '存量资产示意图', groups: [{ name: '高新产业园', assets: [{ no: 1, name: '科创中心A座', type: '楼宇', availability: '部分', area: '26000㎡', size: 26000 }] }] })
 */
export function assetSchematic(input: AssetSchematicInput): string {
  const W = input.width ?? 960;
  const innerW = W - 2 * MARGIN;
  const titleLines = wrapText(input.title, innerW, 18);
  const top = MARGIN + titleLines.length * 24 + 6;
  const n = input.groups.reduce((t, g) => t + g.assets.length, 0);
  const mapH = Math.round(Math.max(160, (n * 150 * 70 * 1.6) / innerW + input.groups.length * HEAD));

  const known = input.groups.flatMap((g) =>
    g.assets.map((a) => a.size).filter((s): s is number => s !== null && s > 0),
  );
  const sorted = known.map(Math.sqrt).sort((a, b) => a - b);
  const median = sorted.length ? (sorted[Math.floor(sorted.length / 2)] ?? 1) : 1;
  const value = (s: number | null) => (s !== null && s > 0 ? Math.sqrt(s) : median);
  const root = hierarchy<Leaf>({
    children: input.groups.map((g) => ({ group: g, children: g.assets.map((a) => ({ asset: a })) })),
  })
    .sum((d) => (d.asset ? value(d.asset.size) : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.data.asset?.no ?? 0) - (b.data.asset?.no ?? 0));
  const laid = treemap<Leaf>()
    .tile(treemapSquarify.ratio(1.4))
    .size([innerW, mapH])
    .paddingOuter(3)
    .paddingTop(HEAD)
    .paddingInner(4)
    .round(true)(root);

  const body: SvgNode[] = [];
  for (const g of laid.children ?? []) {
    const group = g.data.group;
    if (!group) continue;
    const x = MARGIN + g.x0;
    const y = top + g.y0;
    const w = g.x1 - g.x0;
    const name = ellipsize(`${group.name}（${group.assets.length}）`, w - 10, 13);
    const text = h(
      'text',
      {
        x: x + 6,
        y: y + HEAD / 2 + 1,
        dy: '0.35em',
        'font-size': 13,
        'font-weight': 'bold',
        fill: '#0B4F7C',
        'text-anchor': 'start',
      },
      name,
    );
    const link = safeHref(group.href);
    body.push(
      h('rect', {
        x,
        y,
        width: w,
        height: g.y1 - g.y0,
        rx: 4,
        fill: '#F4F7FA',
        stroke: '#0072B2',
        'stroke-width': 1.2,
      }),
      link ? h('a', { href: link }, text) : text,
    );
    for (const leaf of g.children ?? []) {
      const a = leaf.data.asset;
      if (a) body.push(tile(a, MARGIN + leaf.x0, top + leaf.y0, leaf.x1 - leaf.x0, leaf.y1 - leaf.y0));
    }
  }

  const legend = assetLegend({ x: MARGIN, y: top + mapH + 10, width: innerW });
  const noteLines = wrapText(
    '示意图：方块按园区（位置）分组，大小随面积增大（按面积平方根）；数字为资产编号，与下方清单对应。',
    innerW,
    12,
  );
  const noteY = top + mapH + 10 + legend.height + 4;
  const height = noteY + noteLines.length * 17 + MARGIN;
  const description = `${input.title}：${n} 处资产，按${input.groups.map((g) => `${g.name} ${g.assets.length} 处`).join('、')}分组。`;
  return svgRoot(
    { width: W, height, title: input.title, description, kind: `asset-schematic-${W}`, idSeed: input },
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
    body,
    legend.node,
    h(
      'text',
      { x: MARGIN, y: noteY + 8, dy: '0.35em', 'font-size': 12, fill: COLORS.muted, 'text-anchor': 'start' },
      noteLines.map((l, i) => h('tspan', { x: MARGIN, dy: i === 0 ? undefined : 17 }, l)),
    ),
  );
}

import { ascending } from 'd3';
import { chainLegend } from './chainLegend.ts';
import {
  type ChainAction,
  type ChainMapCompany,
  type ChainPosition,
  type ChainStrength,
  type MeasuredNode,
  measureNode,
  namesOf,
} from './chainNode.ts';
import { COLORS, type SvgNode, h, svgRoot } from './svg.ts';
import { wrapText } from './wrapText.ts';
import { appendAll, maxOf, minOf } from '../schemas/arrays.ts';

export type { ChainAction, ChainMapCompany, ChainPosition, ChainStrength } from './chainNode.ts';

/**
 * One segment (环节) of the chain with its enterprises, e.g.
 * `{segment: '动力电池', position: '中游', strength: '强', order: 1, companies: [{name: '星辰新能源', category: '链主'}], signed: 3, href: '#seg-3'}`.
 */
export interface ChainSegment {
  /** 环节 name, e.g. `'正极材料'`; long names wrap. */
  segment: string;
  position: ChainPosition;
  /** Missing = not assessed (plain node, no badge). */
  strength?: ChainStrength | undefined;
  /** 排序 within the column, ascending; segments without come after, in input order. */
  order?: number | undefined;
  /** The segment's enterprises (the public profile passes public ones only). */
  companies: readonly ChainMapCompany[];
  /** Signed projects in the segment this year. */
  signed: number;
  /** Relative URL of the segment's enterprise list and signed projects. */
  href?: string | undefined;
}

/** A segment the map does not have, named by target enterprises (延链), e.g. `{segment: '固态电池', companies: [...]}`. */
export interface ChainExtension {
  segment: string;
  companies: readonly ChainMapCompany[];
  href?: string | undefined;
}

/** Input of {@link chainMap}. */
export interface ChainMapInput {
  /** 产业链 name, e.g. `'新能源汽车'`. */
  chain: string;
  segments: readonly ChainSegment[];
  /** `现状` as it is; `远景` as if every 目标 enterprise were attracted (补链 / 强链 / 延链). */
  view: '现状' | '远景';
  /** 远景 only: target enterprises in segments outside the map. */
  extensions?: readonly ChainExtension[] | undefined;
  /** `wide`: three columns side by side (screens, A4 landscape print); `narrow`: stacked for phones. */
  layout?: 'wide' | 'narrow' | undefined;
  /** Year of the signed counts, e.g. `'2025'`; without it the signed line is left out. */
  year?: string | null | undefined;
}

const POSITIONS: readonly ChainPosition[] = ['上游', '中游', '下游'];
const NODE_W = 328;
const NODE_GAP = 10;
const HEADER_H = 32;
const LAYOUTS = {
  wide: { width: 1120, margin: 24, gap: 44 },
  narrow: { width: NODE_W + 24, margin: 12, gap: 0 },
} as const;

/** What 远景 does to a segment: 补链 (a 缺 segment with targets), 强链 (others with targets), else nothing. */
export function segmentAction(
  s: Pick<ChainSegment, 'strength' | 'companies'>,
  view: ChainMapInput['view'],
): ChainAction | null {
  if (view !== '远景' || namesOf(s.companies, '目标').length === 0) return null;
  return s.strength === '缺' ? '补链' : '强链';
}

/** Segments of one column in 排序 order (then input order). */
function column(segments: readonly ChainSegment[], position: ChainPosition): ChainSegment[] {
  return segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.position === position)
    .sort((a, b) => ascending(a.s.order ?? Infinity, b.s.order ?? Infinity) || a.i - b.i)
    .map(({ s }) => s);
}

function headerBar(x: number, y: number, width: number, text: string, fill = '#3A3A3A'): SvgNode[] {
  return [
    h('rect', { x, y, width, height: HEADER_H, rx: 6, fill }),
    h(
      'text',
      {
        x: x + width / 2,
        y: y + HEADER_H / 2,
        dy: '0.35em',
        'text-anchor': 'middle',
        'font-size': 16,
        'font-weight': 'bold',
        fill: '#FFFFFF',
      },
      text,
    ),
  ];
}

/** Stacks measured nodes from `y` down; returns the drawn nodes and the bottom. */
function stack(
  nodes: readonly MeasuredNode[],
  x: number,
  y: number,
  hatchId: string,
): { out: SvgNode[]; bottom: number } {
  const out: SvgNode[] = [];
  let cy = y;
  for (const n of nodes) {
    out.push(n.render(x, cy, hatchId));
    cy += n.height + NODE_GAP;
  }
  return { out, bottom: nodes.length ? cy - NODE_GAP : y };
}

const emptyColumn = (x: number, y: number): SvgNode =>
  h(
    'text',
    { x: x + NODE_W / 2, y: y + 20, 'text-anchor': 'middle', 'font-size': 14, fill: COLORS.muted },
    '（暂无环节）',
  );

/**
 * 招商图谱: the chain's segments 上游 → 中游 → 下游, each a node coloured and labelled by 强弱
 * (缺 hatched with a dashed border, so it reads in greyscale print) that names its enterprises —
 * 链主 first and in bold, then 本地, then 目标 — with `等N家` when they do not fit, and this year's
 * signed projects. The `远景` view draws every segment with targets as if they were attracted
 * (`补链 3 家` / `强链 3 家`, the targets tagged 补链 / 强链), plus the segments target
 * enterprises would add (延链). Heights follow the content (no fixed aspect): `wide` puts the
 * three columns side by side in a 1120-wide drawing (screens; printed on A4 landscape by the
 * page's print style), `narrow` stacks them 352 wide for phones. Text is measured with
 * `wrapText`, so nothing overlaps.
 *
 * @example
 * chainMap({
 *   chain: '新能源汽车', view: '现状', year: '2025',
 *   segments: [
 *     { segment: '锂矿及正极材料', position: '上游', strength: '缺', companies: [{ name: '鼎晟锂业有限公司', category: '目标' }], signed: 0 },
 *     { segment: '动力电池', position: '中游', strength: '强', companies: [{ name: '星辰新能源', category: '链主' }], signed: 3, href: '#seg-2' },
 *   ],
 * })
 */
export function chainMap(input: ChainMapInput): string {
  const { chain, segments, view, layout = 'wide', year } = input;
  const L = LAYOUTS[layout];
  const extensions = view === '远景' ? (input.extensions ?? []) : [];
  const signedLabel = year ? `${year}年签约` : null;
  const hatchId = 'hatch';
  const innerW = L.width - 2 * L.margin;

  const columns = POSITIONS.map((p) => column(segments, p));
  const measured = columns.map((col) =>
    col.map((s) => measureNode({ ...s, view, action: segmentAction(s, view), signedLabel }, NODE_W)),
  );
  const extNodes = extensions.map((e) =>
    measureNode(
      {
        segment: e.segment,
        companies: e.companies.filter((c) => c.category === '目标'),
        signed: 0,
        href: e.href,
        view,
        action: '延链',
        signedLabel: null,
      },
      NODE_W,
    ),
  );

  // heading: title and subtitle, wrapped to the drawing
  const title = `${chain}产业链招商图谱（${view}）`;
  const titleLines = wrapText(title, innerW, 22);
  const sub =
    view === '远景'
      ? '远景：假设各环节目标企业全部引进落地后的链条形态，标出每家目标企业补链、强链或延链'
      : '现状：各环节的链主企业、本地企业、目标企业和已签约项目';
  const subLines = wrapText(sub, innerW, 13);
  const heading = [
    h(
      'text',
      {
        x: L.margin,
        y: L.margin + 14,
        'font-size': 22,
        'font-weight': 'bold',
        fill: COLORS.text,
        'text-anchor': 'start',
      },
      titleLines.map((l, i) => h('tspan', { x: L.margin, dy: i === 0 ? undefined : 28 }, l)),
    ),
    h(
      'text',
      {
        x: L.margin,
        y: L.margin + 14 + (titleLines.length - 1) * 28 + 24,
        'font-size': 13,
        fill: COLORS.muted,
        'text-anchor': 'start',
      },
      subLines.map((l, i) => h('tspan', { x: L.margin, dy: i === 0 ? undefined : 18 }, l)),
    ),
  ];
  const top = L.margin + 14 + (titleLines.length - 1) * 28 + 24 + (subLines.length - 1) * 18 + 16;

  const body: SvgNode[] = [];
  let bottom = top;
  if (layout === 'wide') {
    const colX = (i: number) => L.margin + i * (NODE_W + L.gap);
    const nodesTop = top + HEADER_H + 12;
    columns.forEach((col, ci) => {
      const x = colX(ci);
      appendAll(body, headerBar(x, top, NODE_W, `${POSITIONS[ci]}（${col.length} 个环节）`));
      if (ci < 2) {
        const ax = x + NODE_W + 6;
        const ay = top + HEADER_H / 2;
        body.push(
          h('path', { d: `M${ax},${ay}H${ax + L.gap - 20}`, stroke: '#3A3A3A', 'stroke-width': 3, fill: 'none' }),
          h('path', {
            d: `M${ax + L.gap - 22},${ay - 8}L${ax + L.gap - 10},${ay}L${ax + L.gap - 22},${ay + 8}Z`,
            fill: '#3A3A3A',
          }),
        );
      }
      const drawn = stack(measured[ci] ?? [], x, nodesTop, hatchId);
      appendAll(body, drawn.out);
      if (col.length === 0) body.push(emptyColumn(x, nodesTop));
      bottom = Math.max(bottom, col.length === 0 ? nodesTop + 30 : drawn.bottom);
    });
    if (extNodes.length > 0) {
      const y = bottom + 22;
      appendAll(body, headerBar(L.margin, y, innerW, `延链：图谱外新增环节（${extNodes.length} 个）`, '#007A5A'));
      // masonry: each node into the shortest of the three columns
      const tops = [0, 1, 2].map(() => y + HEADER_H + 12);
      for (const n of extNodes) {
        const ci = tops.indexOf(minOf(tops));
        body.push(n.render(colX(ci), tops[ci] ?? 0, hatchId));
        tops[ci] = (tops[ci] ?? 0) + n.height + NODE_GAP;
      }
      bottom = maxOf(tops) - NODE_GAP;
    }
  } else {
    let y = top;
    columns.forEach((col, ci) => {
      if (ci > 0) {
        // a downward arrow between the stacked columns
        const cx = L.width / 2;
        body.push(h('path', { d: `M${cx - 10},${y + 2}L${cx + 10},${y + 2}L${cx},${y + 14}Z`, fill: '#3A3A3A' }));
        y += 20;
      }
      appendAll(body, headerBar(L.margin, y, NODE_W, `${POSITIONS[ci]}（${col.length} 个环节）`));
      y += HEADER_H + 10;
      const drawn = stack(measured[ci] ?? [], L.margin, y, hatchId);
      appendAll(body, drawn.out);
      if (col.length === 0) body.push(emptyColumn(L.margin, y));
      y = (col.length === 0 ? y + 30 : drawn.bottom) + 14;
    });
    if (extNodes.length > 0) {
      appendAll(body, headerBar(L.margin, y, NODE_W, `延链：新增环节（${extNodes.length} 个）`, '#007A5A'));
      const drawn = stack(extNodes, L.margin, y + HEADER_H + 10, hatchId);
      appendAll(body, drawn.out);
      y = drawn.bottom + 14;
    }
    bottom = y - 14;
  }

  const legendY = bottom + 24;
  const legend = chainLegend(view, { x: L.margin, y: legendY, width: innerW }, hatchId, extNodes.length > 0);
  const height = legendY + legend.height + L.margin;

  const defs = h(
    'defs',
    {},
    h(
      'pattern',
      { id: hatchId, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      h('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#E0E0E0', 'stroke-width': 3 }),
    ),
  );

  return svgRoot(
    {
      width: L.width,
      height,
      title,
      description: describe(input, columns, extensions.length),
      kind: `chain-${layout}`,
      idSeed: input,
    },
    defs,
    h('rect', { x: 0, y: 0, width: L.width, height, fill: '#FFFFFF' }),
    heading,
    body,
    legend.node,
  );
}

/** The map in one sentence for screen readers: positions, strengths, 链主 by name, and counts. */
function describe(input: ChainMapInput, columns: ChainSegment[][], extensions: number): string {
  const { chain, segments, view } = input;
  const count = (k: ChainStrength): number => segments.filter((s) => s.strength === k).length;
  const all = (cat: ChainMapCompany['category']) => new Set(segments.flatMap((s) => namesOf(s.companies, cat)));
  const leaders = [...all('链主')];
  const gaps = segments.filter((s) => s.strength === '缺');
  const filled = gaps.filter((s) => namesOf(s.companies, '目标').length > 0).length;
  const signed = segments.reduce((t, s) => t + s.signed, 0);
  return (
    `${chain}产业链招商图谱（${view}）：上游 ${columns[0]?.length ?? 0} 个环节、中游 ${columns[1]?.length ?? 0} 个、下游 ${columns[2]?.length ?? 0} 个；` +
    `强 ${count('强')} 个、弱 ${count('弱')} 个、缺 ${count('缺')} 个、风险 ${count('风险')} 个；` +
    `链主企业 ${leaders.length} 家${leaders.length ? `（${leaders.join('、')}）` : ''}、本地企业 ${all('本地').size} 家、目标企业 ${all('目标').size} 家` +
    (input.year ? `、${input.year}年签约项目 ${signed} 个` : '') +
    (view === '远景'
      ? `；目标企业引进后，缺失环节由 ${gaps.length} 个减少为 ${gaps.length - filled} 个${extensions ? `，另新增 ${extensions} 个环节（延链）` : ''}。`
      : '。')
  );
}

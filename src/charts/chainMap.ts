import { ascending } from 'd3';
import { COLORS, type Children, type SvgNode, h, safeHref, svgRoot } from './svg.ts';
import { ellipsize, textWidth, wrapText } from './wrapText.ts';
import { maxOf } from '../schemas/arrays.ts';

/** Where a segment sits in the chain (contract §5 sheet 环节, column 位置). */
export type ChainPosition = '上游' | '中游' | '下游';
/** 强弱 of a segment (contract §5). */
export type ChainStrength = '强' | '弱' | '缺' | '风险';

/**
 * One segment (环节) of the chain with its enterprise counts, e.g.
 * `{segment: '动力电池', position: '中游', strength: '强', order: 1, counts: {链主: 1, 本地: 6, 目标: 2, signed: 3}, href: 'chains/xny/dldc/'}`.
 */
export interface ChainSegment {
  /** 环节 name, e.g. `'正极材料'`; long names wrap. */
  segment: string;
  position: ChainPosition;
  /** Missing = not assessed (plain node, no badge). */
  strength?: ChainStrength | undefined;
  /** 排序 within the column, ascending; segments without come after, in input order. */
  order?: number | undefined;
  /** 链主 / 本地 / 目标 enterprises of the segment, and `signed` = signed projects in it. */
  counts: { 链主: number; 本地: number; 目标: number; signed: number };
  /** Relative URL of the segment's page. */
  href?: string | undefined;
}

/** Input of {@link chainMap}. */
export interface ChainMapInput {
  /** 产业链 name, e.g. `'新能源汽车'`. */
  chain: string;
  segments: readonly ChainSegment[];
  /** `现状` as it is; `远景` as if every 目标 enterprise were attracted (补链 / 强链). */
  view: '现状' | '远景';
  /** Largest display width in px (default 1120); the drawing is always a 1120 × 790 viewBox (A4 landscape). */
  width?: number | undefined;
}

const W = 1120;
const H = 790;
const MARGIN = 28;
const GAP = 56;
const COL_W = (W - 2 * MARGIN - 2 * GAP) / 3;
const HEADER_Y = 84;
const HEADER_H = 34;
const NODES_TOP = HEADER_Y + HEADER_H + 16;
const NODES_BOTTOM = 728;
const NODE_GAP = 10;
const POSITIONS: readonly ChainPosition[] = ['上游', '中游', '下游'];

/** Node look per 强弱; each differs by border style as well as colour so it survives greyscale print. */
const STYLES: Record<
  ChainStrength | 'none' | 'filled',
  { fill: string; stroke: string; width: number; dash?: string; pill: string; pillText: string; pillStroke?: string }
> = {
  强: { fill: '#DCEBF7', stroke: '#0072B2', width: 2.5, pill: '#0072B2', pillText: '#FFFFFF' },
  弱: { fill: '#FCEFD2', stroke: '#B07800', width: 1.5, dash: '2 3', pill: '#E69F00', pillText: '#1A1A1A' },
  缺: {
    fill: 'hatch',
    stroke: '#555555',
    width: 2,
    dash: '7 4',
    pill: '#FFFFFF',
    pillText: '#1A1A1A',
    pillStroke: '#555555',
  },
  风险: { fill: '#F9DFD0', stroke: '#A33F00', width: 3, pill: '#A33F00', pillText: '#FFFFFF' },
  none: { fill: '#FFFFFF', stroke: '#8C8C8C', width: 1.5, pill: '#FFFFFF', pillText: '#1A1A1A' },
  /** 远景: a 缺 segment whose target enterprises are assumed attracted (补链后). */
  filled: { fill: '#D5EFE6', stroke: '#007A5A', width: 2.5, pill: '#007A5A', pillText: '#FFFFFF' },
};
const ACTION_PILL = { fill: '#007A5A', text: '#FFFFFF' };

const countsText = (c: ChainSegment['counts']): string =>
  `链主 ${c.链主} · 本地 ${c.本地} · 目标 ${c.目标} · 签约 ${c.signed}`;

/** What 远景 does to a segment: 补链 (a 缺 segment with targets), 强链 (others with targets), else nothing. */
function action(s: ChainSegment, view: ChainMapInput['view']): '补链' | '强链' | null {
  if (view !== '远景' || !(s.counts.目标 > 0)) return null;
  return s.strength === '缺' ? '补链' : '强链';
}

interface Pill {
  text: string;
  fill: string;
  color: string;
  stroke?: string | undefined;
}
const PILL_FONT = 12;
const pillWidth = (p: Pill): number => textWidth(p.text, PILL_FONT) + 14;

/** Pills drawn right to left from `right`, vertically centred on `cy`. */
function pillRow(pills: readonly Pill[], right: number, cy: number): SvgNode[] {
  const out: SvgNode[] = [];
  let r = right;
  for (const p of pills) {
    const w = pillWidth(p);
    out.push(
      h('rect', {
        x: r - w,
        y: cy - 10,
        width: w,
        height: 20,
        rx: 10,
        fill: p.fill,
        stroke: p.stroke,
        'stroke-width': p.stroke ? 1.2 : undefined,
        'stroke-dasharray': p.stroke ? '3 2' : undefined,
      }),
      h(
        'text',
        {
          x: r - w / 2,
          y: cy,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': PILL_FONT,
          'font-weight': 'bold',
          fill: p.color,
        },
        p.text,
      ),
    );
    r -= w + 6;
  }
  return out;
}

/** The 远景 action, then the 强弱 word (远景: 原缺 when filled, 仍缺 when no target would fill it). */
function pillsOf(s: ChainSegment, view: ChainMapInput['view']): Pill[] {
  const act = action(s, view);
  const pills: Pill[] = [];
  if (act) pills.push({ text: `${act} ${s.counts.目标} 家`, fill: ACTION_PILL.fill, color: ACTION_PILL.text });
  if (s.strength) {
    const st = STYLES[s.strength];
    if (act === '补链') pills.push({ text: '原缺', fill: '#FFFFFF', color: COLORS.text, stroke: '#555555' });
    else
      pills.push({
        text: view === '远景' && s.strength === '缺' ? '仍缺' : s.strength,
        fill: st.pill,
        color: st.pillText,
        stroke: st.pillStroke,
      });
  }
  return pills;
}

function segmentNode(
  s: ChainSegment,
  view: ChainMapInput['view'],
  x: number,
  y: number,
  height: number,
  hatchId: string,
): SvgNode {
  const act = action(s, view);
  const style = act === '补链' ? STYLES.filled : STYLES[s.strength ?? 'none'];
  const compact = height < 56;
  const nameFont = compact ? 14 : 15;
  const countFont = compact ? 11 : 12;
  const lineH = nameFont * 1.3;
  const pad = 10;
  const inner = COL_W - 2 * pad;

  const pills = pillsOf(s, view);
  const pillsW = pills.reduce((t, p) => t + pillWidth(p) + 6, 0);
  const counts = countsText(s.counts);
  const maxLines = Math.max(1, Math.floor((height - 2 * (pad - 2) - countFont * 1.3 - 4) / lineH));
  // pills beside the name; or, when that cuts the name and the counts line has room, beside the counts
  let pillsOnName = true;
  let lines = wrapText(s.segment, inner - pillsW, nameFont, maxLines);
  const cut = lines[lines.length - 1]?.endsWith('…') ?? false;
  if (cut && textWidth(counts, countFont) + pillsW + 8 <= inner) {
    pillsOnName = false;
    lines = wrapText(s.segment, inner, nameFont, maxLines);
  }
  const countsLine = ellipsize(counts, pillsOnName ? inner : inner - pillsW, countFont);

  // the name lines and the counts line as one block, centred in the node
  const blockH = lines.length * lineH + 4 + countFont * 1.3;
  const top = y + Math.max(pad - 2, (height - blockH) / 2);
  const nameCy = top + lineH / 2;
  const countsCy = top + lines.length * lineH + 4 + (countFont * 1.3) / 2;

  const tip = `${s.segment}（${s.position}${s.strength ? `，${s.strength}` : ''}）：${counts}${act ? `；远景${act} ${s.counts.目标} 家` : ''}`;
  const box = { x, y, width: COL_W, height, rx: 8 };
  const node = h(
    'g',
    { class: `zs-segment zs-segment--${s.strength ?? 'none'}${act ? ` zs-segment--${act}` : ''}` },
    h('title', {}, tip),
    style.fill === 'hatch'
      ? [h('rect', { ...box, fill: '#FFFFFF' }), h('rect', { ...box, fill: `url(#${hatchId})` })]
      : h('rect', { ...box, fill: style.fill }),
    h('rect', {
      ...box,
      fill: 'none',
      stroke: style.stroke,
      'stroke-width': style.width,
      'stroke-dasharray': style.dash,
    }),
    s.strength === '风险' && !act
      ? h('rect', {
          x: x + 4,
          y: y + 4,
          width: COL_W - 8,
          height: height - 8,
          rx: 5,
          fill: 'none',
          stroke: style.stroke,
          'stroke-width': 1,
        })
      : null,
    pillRow(pills, x + COL_W - pad, pillsOnName ? nameCy : countsCy),
    h(
      'text',
      {
        x: x + pad,
        y: nameCy,
        dy: '0.35em',
        'font-size': nameFont,
        'font-weight': 'bold',
        fill: COLORS.text,
        'text-anchor': 'start',
      },
      lines.map((l, i) => h('tspan', { x: x + pad, dy: i === 0 ? undefined : lineH }, l)),
    ),
    h(
      'text',
      { x: x + pad, y: countsCy, dy: '0.35em', 'font-size': countFont, fill: COLORS.text, 'text-anchor': 'start' },
      countsLine,
    ),
  );
  const link = safeHref(s.href);
  return link ? h('a', { href: link, 'aria-label': tip }, node) : node;
}

/** Segments of one column in 排序 order (then input order). */
function column(segments: readonly ChainSegment[], position: ChainPosition): ChainSegment[] {
  return segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.position === position)
    .sort((a, b) => ascending(a.s.order ?? Infinity, b.s.order ?? Infinity) || a.i - b.i)
    .map(({ s }) => s);
}

function legendRow(view: ChainMapInput['view'], hatchId: string): SvgNode {
  const items: { key: keyof typeof STYLES; label: string }[] = [
    { key: '强', label: '强：本地配套较完整' },
    { key: '弱', label: '弱：有企业但配套不足' },
    { key: '缺', label: '缺：本地暂无企业' },
    { key: '风险', label: '风险：依赖单一企业或外部供应' },
    ...(view === '远景' ? [{ key: 'filled' as const, label: '补链后：目标企业引进落地' }] : []),
  ];
  let x = MARGIN;
  const y = NODES_BOTTOM + 26;
  const nodes: Children[] = [];
  for (const it of items) {
    const st = STYLES[it.key];
    const box = { x, y: y - 9, width: 30, height: 18, rx: 4 };
    nodes.push(
      st.fill === 'hatch'
        ? [h('rect', { ...box, fill: '#FFFFFF' }), h('rect', { ...box, fill: `url(#${hatchId})` })]
        : h('rect', { ...box, fill: st.fill }),
      h('rect', { ...box, fill: 'none', stroke: st.stroke, 'stroke-width': st.width, 'stroke-dasharray': st.dash }),
      h('text', { x: x + 38, y, dy: '0.35em', 'font-size': 12, fill: COLORS.text, 'text-anchor': 'start' }, it.label),
    );
    x += 38 + textWidth(it.label, 12) + 22;
  }
  const note =
    view === '远景'
      ? '强链 / 补链 N 家：该环节 N 家目标企业引进后的形态；数字为企业家数，签约为已签约项目数'
      : '数字为企业家数：链主、本地、目标企业；签约为已签约项目数';
  nodes.push(
    h(
      'text',
      { x: MARGIN, y: y + 24, dy: '0.35em', 'font-size': 12, fill: COLORS.muted, 'text-anchor': 'start' },
      note,
    ),
  );
  return h('g', { class: 'zs-legend' }, nodes);
}

/**
 * 招商图谱: the chain's segments in three columns 上游 → 中游 → 下游, each a rounded node coloured
 * and labelled by 强弱 (缺 hatched with a dashed border, so it reads in greyscale print) with its
 * counts `链主 2 · 本地 5 · 目标 3 · 签约 4`. The `远景` view draws every segment with target
 * enterprises as if they were attracted (`补链 3 家` / `强链 3 家`), so the gap between the two
 * views shows what the targets would fill. One A4 landscape page: viewBox 1120 × 790, fits
 * 3–10 segments per column (more shrink the nodes).
 *
 * @example
 * chainMap({
 *   chain: '新能源汽车', view: '现状',
 *   segments: [
 *     { segment: '锂矿及正极材料', position: '上游', strength: '缺', counts: { 链主: 0, 本地: 0, 目标: 3, signed: 0 } },
 *     { segment: '动力电池', position: '中游', strength: '强', counts: { 链主: 1, 本地: 6, 目标: 2, signed: 3 }, href: 'chains/xny/dldc/' },
 *     { segment: '整车制造', position: '下游', strength: '弱', counts: { 链主: 0, 本地: 2, 目标: 1, signed: 1 } },
 *   ],
 * })
 */
export function chainMap(input: ChainMapInput): string {
  const { chain, segments, view, width = W } = input;
  const columns = POSITIONS.map((p) => column(segments, p));
  const most = Math.max(1, maxOf(columns.map((c) => c.length)));
  const slot = Math.min(86, (NODES_BOTTOM - NODES_TOP + NODE_GAP) / most);
  const nodeH = slot - NODE_GAP;
  const midY = NODES_TOP + (most * slot - NODE_GAP) / 2;
  const hatchId = 'hatch';

  const defs = h(
    'defs',
    {},
    h(
      'pattern',
      { id: hatchId, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      h('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#CFCFCF', 'stroke-width': 3 }),
    ),
  );

  const heading = [
    h(
      'text',
      { x: MARGIN, y: 38, 'font-size': 24, 'font-weight': 'bold', fill: COLORS.text, 'text-anchor': 'start' },
      `${chain}产业链招商图谱（${view}）`,
    ),
    h(
      'text',
      { x: MARGIN, y: 64, 'font-size': 13, fill: COLORS.muted, 'text-anchor': 'start' },
      view === '远景'
        ? '远景：假设各环节目标企业全部引进落地后的链条形态'
        : '现状：各环节本地企业、链主企业、目标企业与已签约项目',
    ),
  ];

  const body: SvgNode[] = [];
  columns.forEach((col, ci) => {
    const x = MARGIN + ci * (COL_W + GAP);
    body.push(
      h('rect', { x, y: HEADER_Y, width: COL_W, height: HEADER_H, rx: 6, fill: '#3A3A3A' }),
      h(
        'text',
        {
          x: x + COL_W / 2,
          y: HEADER_Y + HEADER_H / 2,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': 17,
          'font-weight': 'bold',
          fill: '#FFFFFF',
        },
        `${POSITIONS[ci]}（${col.length} 个环节）`,
      ),
    );
    if (ci < 2) {
      // flow arrows: header to header, and a faint chevron across the nodes' gap
      const ax = x + COL_W + 8;
      const ay = HEADER_Y + HEADER_H / 2;
      body.push(
        h('path', { d: `M${ax},${ay}H${ax + GAP - 24}`, stroke: '#3A3A3A', 'stroke-width': 3, fill: 'none' }),
        h('path', {
          d: `M${ax + GAP - 26},${ay - 8}L${ax + GAP - 14},${ay}L${ax + GAP - 26},${ay + 8}Z`,
          fill: '#3A3A3A',
        }),
        h('path', {
          d: `M${x + COL_W + 18},${midY - 22}L${x + COL_W + GAP - 18},${midY}L${x + COL_W + 18},${midY + 22}Z`,
          fill: '#C8C8C8',
        }),
      );
    }
    if (col.length === 0) {
      body.push(
        h(
          'text',
          { x: x + COL_W / 2, y: NODES_TOP + 24, 'text-anchor': 'middle', 'font-size': 14, fill: COLORS.muted },
          '（暂无环节）',
        ),
      );
    }
    col.forEach((s, i) => body.push(segmentNode(s, view, x, NODES_TOP + i * slot, nodeH, hatchId)));
  });

  const count = (k: ChainStrength): number => segments.filter((s) => s.strength === k).length;
  const sum = (k: keyof ChainSegment['counts']): number => segments.reduce((t, s) => t + s.counts[k], 0);
  const gaps = segments.filter((s) => s.strength === '缺');
  const filled = gaps.filter((s) => s.counts.目标 > 0).length;
  const description =
    `${chain}产业链招商图谱（${view}）：上游 ${columns[0]?.length ?? 0} 个环节、中游 ${columns[1]?.length ?? 0} 个、下游 ${columns[2]?.length ?? 0} 个；` +
    `强 ${count('强')} 个、弱 ${count('弱')} 个、缺 ${count('缺')} 个、风险 ${count('风险')} 个；` +
    `链主企业 ${sum('链主')} 家、本地企业 ${sum('本地')} 家、目标企业 ${sum('目标')} 家、签约项目 ${sum('signed')} 个` +
    (view === '远景' ? `；目标企业引进后，缺失环节由 ${gaps.length} 个减少为 ${gaps.length - filled} 个。` : '。');

  return svgRoot(
    {
      width: W,
      maxWidth: width,
      height: H,
      title: `${chain}产业链招商图谱（${view}）`,
      description,
      kind: 'chain',
      idSeed: input,
    },
    defs,
    h('rect', { x: 0, y: 0, width: W, height: H, fill: '#FFFFFF' }),
    heading,
    body,
    legendRow(view, hatchId),
  );
}

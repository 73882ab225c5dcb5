import { NODE_STYLES, type ChainPosition, type ChainStrength } from './chainNode.ts';
import { COLORS, type SvgNode, h, safeHref, svgRoot } from './svg.ts';
import { textWidth, wrapText } from './wrapText.ts';

/** One segment of a small overview map, e.g. `{segment: '电芯制造', position: '中游', strength: '强', signed: 2, href: 'chains/c-….html#seg-6'}`. */
export interface MiniSegment {
  segment: string;
  position: ChainPosition;
  strength?: ChainStrength | undefined;
  /** Signed projects this year. */
  signed: number;
  href?: string | undefined;
}

/** Input of {@link chainMiniMap}. */
export interface ChainMiniMapInput {
  chain: string;
  /** In map order (上游 → 中游 → 下游, then 排序). */
  segments: readonly MiniSegment[];
  /** Year of the signed counts; without it no count is drawn. */
  year?: string | null | undefined;
}

const W = 360;
const COL_GAP = 8;
const COL_W = (W - 2 * COL_GAP) / 3;
const FONT = 12;
const LINE = 15;
const HEAD = 20;
const POSITIONS: readonly ChainPosition[] = ['上游', '中游', '下游'];

function block(s: MiniSegment, x: number, y: number, showSigned: boolean): { node: SvgNode; height: number } {
  const style = NODE_STYLES[s.strength ?? 'none'];
  const word = s.strength ?? '';
  const wordW = word ? textWidth(word, 11) + 6 : 0;
  const lines = wrapText(s.segment, COL_W - 10 - wordW, FONT, 2);
  const signed = showSigned && s.signed > 0 ? `签约 ${s.signed}` : '';
  const height = 6 + lines.length * LINE + (signed ? 14 : 0) + 5;
  const box = { x, y, width: COL_W, height, rx: 5 };
  const tip = `${s.segment}（${s.position}${s.strength ? `，${s.strength}` : ''}）${showSigned ? `：签约项目 ${s.signed} 个` : ''}`;
  const g = h(
    'g',
    { class: `zs-mini zs-mini--${s.strength ?? 'none'}` },
    safeHref(s.href) ? null : h('title', {}, tip),
    // 缺: white with a dashed border (no hatch at this size)
    h('rect', {
      ...box,
      fill: style.fill === 'hatch' ? '#FFFFFF' : style.fill,
      stroke: style.stroke,
      'stroke-width': Math.min(style.width, 2),
      'stroke-dasharray': style.dash,
    }),
    word
      ? h(
          'text',
          {
            x: x + COL_W - 5,
            y: y + 6 + LINE / 2,
            dy: '0.35em',
            'text-anchor': 'end',
            'font-size': 11,
            'font-weight': 'bold',
            fill: s.strength === '弱' ? '#8A5A00' : style.stroke,
          },
          word,
        )
      : null,
    h(
      'text',
      { x: x + 5, y: y + 6 + LINE / 2, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' },
      lines.map((l, i) => h('tspan', { x: x + 5, dy: i === 0 ? undefined : LINE }, l)),
    ),
    signed
      ? h(
          'text',
          {
            x: x + 5,
            y: y + 6 + lines.length * LINE + 6,
            dy: '0.35em',
            'font-size': 10.5,
            fill: COLORS.muted,
            'text-anchor': 'start',
          },
          signed,
        )
      : null,
  );
  const link = safeHref(s.href);
  return { node: link ? h('a', { href: link }, h('title', {}, tip), g) : g, height };
}

/**
 * A small 招商图谱 for the overview of all chains: three columns 上游 / 中游 / 下游 of small blocks
 * coloured and lettered by 强弱 (强 / 弱 / 缺 / 风险), each with this year's signed projects
 * (`签约 2`), linking to the segment on the chain's page. 360 wide; the height follows the longest
 * column.
 *
 * @example chainMiniMap({ chain: '新能源', year: '2025', segments: [{ segment: '电芯制造', position: '中游', strength: '强', signed: 2 }] })
 */
export function chainMiniMap(input: ChainMiniMapInput): string {
  const showSigned = Boolean(input.year);
  const body: SvgNode[] = [];
  let height = HEAD;
  POSITIONS.forEach((p, ci) => {
    const x = ci * (COL_W + COL_GAP);
    body.push(
      h('rect', { x, y: 0, width: COL_W, height: HEAD - 4, rx: 3, fill: '#3A3A3A' }),
      h(
        'text',
        {
          x: x + COL_W / 2,
          y: (HEAD - 4) / 2,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': 11,
          'font-weight': 'bold',
          fill: '#FFFFFF',
        },
        p,
      ),
    );
    let y = HEAD + 2;
    const col = input.segments.filter((s) => s.position === p);
    for (const s of col) {
      const b = block(s, x, y, showSigned);
      body.push(b.node);
      y += b.height + 5;
    }
    if (col.length === 0) {
      body.push(
        h(
          'text',
          { x: x + COL_W / 2, y: y + 10, 'text-anchor': 'middle', 'font-size': 11, fill: COLORS.muted },
          '暂无',
        ),
      );
      y += 24;
    }
    height = Math.max(height, y - 5);
  });
  const count = (k: ChainStrength) => input.segments.filter((s) => s.strength === k).length;
  const signed = input.segments.reduce((t, s) => t + s.signed, 0);
  return svgRoot(
    {
      width: W,
      height: height + 2,
      title: `${input.chain}产业链图谱（缩略）`,
      description:
        `${input.chain}产业链 ${input.segments.length} 个环节：强 ${count('强')} 个、弱 ${count('弱')} 个、缺 ${count('缺')} 个、风险 ${count('风险')} 个` +
        (showSigned ? `；${input.year}年签约项目 ${signed} 个` : '') +
        '。',
      kind: 'chain-mini',
      idSeed: input,
    },
    body,
  );
}

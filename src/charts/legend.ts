import { COLORS, type SvgNode, h } from './svg.ts';
import { textWidth } from './wrapText.ts';

/** One legend entry: `{label: '超进度', color: '#0072B2', shape: 'rect'}`. */
export interface LegendItem {
  label: string;
  color: string;
  /** `rect` a filled square, `line` a solid line, `dash` a dashed line, `tick` a short thick bar. */
  shape: 'rect' | 'line' | 'dash' | 'tick';
}

const SWATCH = 16;
const FONT = 11;

/**
 * A swatch legend drawn in SVG (Plot's swatches are HTML, its ramps need canvas), laid out left to
 * right and wrapped onto a new line when wider than `maxWidth`. Returns the group and its height.
 *
 * @example legend([{ label: '累计完成', color: '#0072B2', shape: 'line' }], { x: 0, y: 0, maxWidth: 640 })
 */
export function legend(
  items: readonly LegendItem[],
  at: { x: number; y: number; maxWidth: number },
): { node: SvgNode; height: number } {
  const lineHeight = 18;
  let x = 0;
  let y = 0;
  const entries: SvgNode[] = [];
  for (const item of items) {
    const w = SWATCH + 5 + textWidth(item.label, FONT) + 14;
    if (x > 0 && x + w > at.maxWidth) {
      x = 0;
      y += lineHeight;
    }
    entries.push(
      h(
        'g',
        { transform: `translate(${x},${y})` },
        swatch(item),
        h('text', { x: SWATCH + 5, y: 0, dy: '0.35em', fill: COLORS.text }, item.label),
      ),
    );
    x += w;
  }
  return {
    node: h(
      'g',
      {
        class: 'zs-legend',
        transform: `translate(${at.x},${at.y + lineHeight / 2})`,
        'font-size': FONT,
        'text-anchor': 'start',
      },
      entries,
    ),
    height: y + lineHeight,
  };
}

function swatch(item: LegendItem): SvgNode {
  switch (item.shape) {
    case 'rect':
      return h('rect', { x: 2, y: -5, width: 12, height: 10, fill: item.color });
    case 'line':
      return h('line', { x1: 0, x2: SWATCH, y1: 0, y2: 0, stroke: item.color, 'stroke-width': 2.5 });
    case 'dash':
      return h('line', {
        x1: 0,
        x2: SWATCH,
        y1: 0,
        y2: 0,
        stroke: item.color,
        'stroke-width': 2,
        'stroke-dasharray': '4 3',
      });
    case 'tick':
      return h('rect', { x: SWATCH / 2 - 1.5, y: -7, width: 3, height: 14, fill: item.color });
  }
}

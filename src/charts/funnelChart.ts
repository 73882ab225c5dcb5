import { scaleLinear } from 'd3';
import { formatNumber, formatPercent } from './formatNumber.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, type SvgNode, emptyChart, h, safeHref, svgRoot } from './svg.ts';
import { textWidth } from './wrapText.ts';
import { maxOf } from '../schemas/arrays.ts';

/** One pipeline stage: `{stage: '签约', count: 35, href: 'signed/'}`. */
export interface FunnelDatum {
  /** Stage name, e.g. `'线索'`, `'在谈'`, `'签约'`, `'开工'`, `'投产'`. */
  stage: string;
  /** Projects at that stage, e.g. `35`. */
  count: number;
  /** Relative URL listing the stage's projects. */
  href?: string | undefined;
}

/** Input of {@link funnelChart}. */
export interface FunnelChartInput {
  /** Stages in pipeline order (线索→在谈→签约→开工→投产), drawn top to bottom as given. */
  data: readonly FunnelDatum[];
  /** e.g. `'招商项目推进漏斗'`. */
  title: string;
  /** Unit after each count (default `'个'`). */
  unit?: string | undefined;
  /** Design width in px (default 640). */
  width?: number | undefined;
}

const BAR_H = 28;
const STEP_H = 24;

/**
 * Conversion between consecutive stages, `next / previous`; `null` when the previous stage is 0.
 *
 * @example conversions([{ stage: '线索', count: 120 }, { stage: '在谈', count: 30 }]) // [0.25]
 */
export function conversions(data: readonly FunnelDatum[]): (number | null)[] {
  return data.slice(1).map((d, i) => {
    const prev = data[i]?.count ?? 0;
    return prev > 0 ? d.count / prev : null;
  });
}

/**
 * A centred funnel of the pipeline stages, each bar as wide as its count, the count written on
 * the bar, and the conversion rate between stages written in the gap (`↓ 转化 25.0%`).
 * The stages come from different ledgers, so a rate above 100 % can occur and is shown as is.
 *
 * @example
 * funnelChart({
 *   title: '招商项目推进漏斗',
 *   data: [
 *     { stage: '线索', count: 120 }, { stage: '在谈', count: 45 }, { stage: '签约', count: 30, href: 'signed/' },
 *     { stage: '开工', count: 18 }, { stage: '投产', count: 6 },
 *   ],
 * })
 */
export function funnelChart(input: FunnelChartInput): string {
  const { data, title, unit = '个', width = DEFAULT_WIDTH } = input;
  if (data.length === 0) return emptyChart({ width, title, kind: 'funnel', idSeed: input, what: '推进' });

  const labelW = Math.ceil(maxOf(data.map((d) => textWidth(d.stage, FONT_SIZE + 1)))) + 16;
  const max = Math.max(maxOf(data.map((d) => d.count)), 1);
  const center = labelW + (width - labelW) / 2;
  const half = scaleLinear()
    .domain([0, max])
    .range([0, (width - labelW) / 2 - 4]);
  const rates = conversions(data);
  const height = data.length * BAR_H + (data.length - 1) * STEP_H + 4;

  const nodes: SvgNode[] = [];
  data.forEach((d, i) => {
    const y = i * (BAR_H + STEP_H) + 2;
    const hw = Math.max(1, half(Math.max(0, d.count)));
    const value = `${formatNumber(d.count)}${unit}`;
    const inside = textWidth(value, FONT_SIZE) + 12 < 2 * hw;
    const tip = `${d.stage}：${value}`;
    const shape = h(
      'rect',
      { x: center - hw, y, width: 2 * hw, height: BAR_H, rx: 3, fill: COLORS.ahead },
      h('title', {}, tip),
    );
    const link = safeHref(d.href);
    nodes.push(
      h(
        'text',
        {
          x: labelW - 12,
          y: y + BAR_H / 2,
          dy: '0.35em',
          'text-anchor': 'end',
          'font-size': FONT_SIZE + 1,
          'font-weight': 'bold',
          fill: COLORS.text,
        },
        d.stage,
      ),
      link ? h('a', { href: link, 'aria-label': tip }, shape) : shape,
      h(
        'text',
        {
          x: inside ? center : center + hw + 6,
          y: y + BAR_H / 2,
          dy: '0.35em',
          'text-anchor': inside ? 'middle' : 'start',
          fill: inside ? '#FFFFFF' : COLORS.text,
          'font-weight': 'bold',
        },
        value,
      ),
    );
    const rate = rates[i] ?? null;
    if (i < data.length - 1) {
      const next = data[i + 1];
      const yMid = y + BAR_H + STEP_H / 2;
      // trapezoid joining this bar to the next: the funnel shape, in a light tint
      const nw = Math.max(1, half(Math.max(0, next?.count ?? 0)));
      nodes.push(
        h('path', {
          d: `M${center - hw},${y + BAR_H}L${center + hw},${y + BAR_H}L${center + nw},${y + BAR_H + STEP_H}L${center - nw},${y + BAR_H + STEP_H}Z`,
          fill: '#D6E6F2',
        }),
        h(
          'text',
          { x: center, y: yMid, dy: '0.35em', 'text-anchor': 'middle', 'font-size': 11, fill: COLORS.text },
          rate === null ? `↓ ${d.stage}为 0，无转化率` : `↓ 转化 ${formatPercent(rate)}`,
        ),
      );
    }
  });

  const description =
    `${title}：` +
    data.map((d) => `${d.stage} ${formatNumber(d.count)}${unit}`).join('，') +
    (rates.length > 0
      ? `；相邻阶段转化率依次为 ${rates.map((r) => (r === null ? '无' : formatPercent(r))).join('、')}。`
      : '。');
  return svgRoot({ width, height, title, description, kind: 'funnel', idSeed: input }, nodes);
}
